# syntax=docker/dockerfile:1
# Keyport: one image for the API, the worker and the migration command.
#   docker build -t keyport .
#   docker run keyport                                      # API (port 3000)
#   docker run keyport node dist/apps/worker/src/main.js    # outbox worker
#   docker run keyport node dist/apps/portal-api/src/migrate.js   # apply migrations to DATABASE_URL

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.cjs scripts/build-web.cjs scripts/
COPY prisma ./prisma
# Of the install scripts only the Prisma client's generation is needed (offline too, see
# scripts/prisma-generate.cjs); postinstall's embedded-database template serves `npm start` only.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm run prisma:generate
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY scripts/build.cjs scripts/
COPY apps ./apps
COPY libs ./libs
# SWC, through the Nest CLI: transpiles only (the type-check is `npm test`'s job, in CI).
RUN npm run build:web && npm run build

FROM node:20-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: the only one Keyport needs (prisma generate) ran in the build stage, and its
# output is compiled into dist/.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/.data \
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE=1 \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
WORKDIR /app
COPY --from=production-dependencies --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The portal, served by the API at / (found from dist/ by apps/portal-api/src/http/web-app.ts).
COPY --from=build --chown=node:node /app/apps/portal-web/dist ./apps/portal-web/dist
# Migrations are applied from prisma/migrations (the project root is found by prisma/schema.prisma).
COPY --chown=node:node prisma ./prisma
COPY --chown=node:node package.json ./
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node as PID 1 receives SIGTERM directly: HTTP drains, the worker stops between items.
CMD ["node", "--enable-source-maps", "dist/apps/portal-api/src/main.js"]

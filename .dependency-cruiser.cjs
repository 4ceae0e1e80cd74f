// The import rules of Keyport's libs and apps (README "Architecture"), checked by `npm run lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'apps-not-each-other',
      comment: 'An app is a composition root: apps import libs, never another app.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-not-apps',
      comment: 'A lib never imports an app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'lib-through-its-index',
      comment: 'Another lib is reached only through its @keyport/<lib> index (its service front and types), never its files.',
      severity: 'error',
      from: { path: '^(libs|apps)/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/', pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'index-exports-no-repository',
      comment:
        "A lib's index.ts is its front (services and types): it never imports or re-exports a repository, not even a type from one (put the type in a types file).",
      severity: 'error',
      from: { path: '^libs/[^/]+/src/index\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles: between libs they are always a design error.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { circular: true },
    },
    {
      name: 'prisma-only-in-db',
      comment: "Only libs/db imports the Prisma client; repositories reach it through @keyport/db's Db.",
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '^libs/db/' },
      to: { path: ['^node_modules/@prisma/', '^node_modules/pglite-prisma-adapter', '^libs/db/src/generated/'] },
    },
    {
      name: 'sdks-only-in-adapters',
      comment: 'Only adapters import the AWS SDKs or Stripe: the aws/ and stripe/ folders and the Cognito integration.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/[^/]+/src/aws/', '^libs/billing/src/stripe/', '^libs/cognito/src/'] },
      to: { path: ['^node_modules/@aws-sdk/', '^node_modules/stripe/'] },
    },
    {
      name: 'gateway-decision-stands-alone',
      comment: 'The shared gateway decision is bundled into the Lambda authorizer: it imports nothing (no Nest, no Prisma, no other lib).',
      severity: 'error',
      from: { path: '^libs/gateway-decision/' },
      to: { pathNot: '^libs/gateway-decision/' },
    },
    {
      name: 'authorizer-stays-small',
      comment: 'The Lambda authorizer is bundled alone: from Keyport it imports only the shared gateway decision (no Nest, no Prisma, no AWS SDK).',
      severity: 'error',
      from: { path: '^apps/authorizer/' },
      to: { path: ['^libs/', '^node_modules/'], pathNot: ['^libs/gateway-decision/', '^node_modules/aws-jwt-verify/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^libs/db/src/generated/', '\\.spec\\.ts$', '/testing/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

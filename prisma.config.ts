import { defineConfig } from 'prisma/config';

// The CLI reads the database URL from here; the app builds its own adapter (libs/db).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/keyport' },
});

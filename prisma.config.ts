import { defineConfig } from 'prisma/config';

// The URL is only read by `prisma migrate deploy|status` where Prisma's engine can be
// downloaded; the project applies migrations itself (packages/db/src/migrate.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/postgres' },
});

import { inject } from 'vitest';
import { createDb, type Db } from '@ap/db/client';

let shared: Db | undefined;

/** The run's migrated test database URL (see global-setup.ts). */
export const testDatabaseUrl = (): string => inject('databaseUrl');

/** One Prisma client per test worker, on the run's database. */
export function testDb(): Db {
  shared ??= createDb(testDatabaseUrl(), { max: 5 });
  return shared;
}

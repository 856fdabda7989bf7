import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addMembership, insertUser, insertWorkspace, withWorkspace, type Database, type DialectName } from '../index.js';
import { openTestDatabase, type TestDatabase } from '../testing.js';

/**
 * The mocha hooks of a suite on one dialect: open a throwaway migrated database before it (handed
 * to `opened`), empty it before each test, and drop it after the suite.
 */
export function useTestDatabase(dialect: DialectName, opened: (t: TestDatabase) => unknown): void {
  let t: TestDatabase | undefined;
  before(async function () {
    // Opening PGlite compiles its WebAssembly and migrates: seconds on a busy machine.
    this.timeout(120_000);
    t = await openTestDatabase(dialect);
    opened(t);
  });
  after(async () => {
    await t?.destroy();
  });
  beforeEach(async () => {
    await t?.clean();
  });
}

/** Creates a workspace with one owner through the scoped path, as signup does. */
export async function seedWorkspace(db: Kysely<Database>, name: string): Promise<{ workspaceId: string; userId: string }> {
  const workspaceId = randomUUID();
  const userId = randomUUID();
  await withWorkspace(
    db,
    workspaceId,
    async (trx) => {
      await insertWorkspace(trx, { id: workspaceId, name, slug: `${name.toLowerCase()}-${workspaceId.slice(0, 8)}` });
      await insertUser(trx, { id: userId, email: `${name.toLowerCase()}-${userId.slice(0, 8)}@example.com`, passwordHash: 'x' });
      await addMembership(trx, { workspaceId, userId, role: 'owner' });
    },
    { userId },
  );
  return { workspaceId, userId };
}

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addMembership, insertUser, insertWorkspace, withWorkspace, type Database } from '../index.js';

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

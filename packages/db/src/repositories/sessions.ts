import type { Tx } from '../scope.js';

/** Opens a session for a user in the scope's workspace, stored by the hash of its secret. */
export async function createSession(
  trx: Tx,
  values: { workspaceId: string; userId: string; tokenHash: string; expiresAt: Date },
): Promise<{ id: string; expiresAt: Date }> {
  const row = await trx
    .insertInto('sessions')
    .values({ workspace_id: values.workspaceId, user_id: values.userId, token_hash: values.tokenHash, expires_at: values.expiresAt })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, expiresAt: row.expires_at };
}

/** Ends a session (sign-out); false when it was already ended. */
export async function revokeSession(trx: Tx, id: string): Promise<boolean> {
  const r = await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

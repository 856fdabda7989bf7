import { sql } from 'kysely';
import type { Tx } from '../scope.js';

/** Records a verification secret (by hash) for the acting user's address; expires in 3 days. */
export async function createEmailVerification(trx: Tx, values: { userId: string; email: string; tokenHash: string }): Promise<{ expiresAt: Date }> {
  const row = await trx
    .insertInto('email_verifications')
    .values({ user_id: values.userId, email: values.email, token_hash: values.tokenHash })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  return { expiresAt: row.expires_at };
}

/**
 * Uses a verification secret: marks it used and the user's address verified, atomically
 * (SECURITY DEFINER `brandsafe_verify_email`, usable signed out). Undefined when the secret is
 * unknown, used, expired, or the user's address has changed since it was sent.
 */
export async function verifyEmail(trx: Tx, tokenHash: string): Promise<{ userId: string; email: string } | undefined> {
  const r = await sql<{ user_id: string; email: string }>`select * from brandsafe_verify_email(${tokenHash})`.execute(trx);
  const row = r.rows[0];
  return row && { userId: row.user_id, email: row.email };
}

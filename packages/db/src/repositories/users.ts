import type { Tx } from '../scope.js';
import type { UserRow } from '../schema/users.js';

/** A user, without the password hash (which never leaves the auth code). */
export interface User {
  id: string;
  email: string;
  displayName: string | null;
  emailVerifiedAt: Date | null;
  createdAt: Date;
}

/** Maps a `users` row to the domain type, dropping the password hash. */
export function toUser(row: Omit<UserRow, 'password_hash'>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    emailVerifiedAt: row.email_verified_at,
    createdAt: row.created_at,
  };
}

const PUBLIC_COLUMNS = ['id', 'email', 'display_name', 'email_verified_at', 'created_at'] as const;

/**
 * Registers a user. `id` must equal the scope's `app.user_id` (the insert policy allows a user
 * to create only themself). A taken email raises a unique violation (23505).
 */
export async function insertUser(
  trx: Tx,
  values: { id: string; email: string; passwordHash: string; displayName?: string | null },
): Promise<User> {
  const row = await trx
    .insertInto('users')
    .values({ id: values.id, email: values.email, password_hash: values.passwordHash, display_name: values.displayName ?? null })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
  return toUser(row);
}

/** A user visible to the scope: the acting user or a member of the scope's workspace. */
export async function getUser(trx: Tx, id: string): Promise<User | undefined> {
  const row = await trx.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** Marks the acting user's email as verified. */
export async function markEmailVerified(trx: Tx, id: string): Promise<void> {
  await trx.updateTable('users').set({ email_verified_at: new Date() }).where('id', '=', id).execute();
}

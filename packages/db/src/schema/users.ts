import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, Timestamp } from './common.js';

/**
 * `users`: people, global across workspaces. Row-level security shows a user to the user
 * themself (`app.user_id`) and to workspaces they are a member of.
 */
export interface UsersTable {
  id: string;
  email: string;
  display_name: string | null;
  /** `scrypt$N$r$p$salt$hash` (see server/src/auth/password.ts). */
  password_hash: string;
  email_verified_at: Timestamp | null;
  created_at: CreatedAt;
}
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserRowUpdate = Updateable<UsersTable>;

import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId, Timestamp } from './common.js';

/** `sessions`: a signed-in user in one workspace; the bearer secret is stored hashed. */
export interface SessionsTable {
  id: GeneratedId;
  workspace_id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
export type SessionRow = Selectable<SessionsTable>;
export type NewSessionRow = Insertable<SessionsTable>;
export type SessionRowUpdate = Updateable<SessionsTable>;

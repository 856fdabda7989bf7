import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId, Timestamp } from './common.js';

/** `email_verifications`: emailed secrets (stored hashed) that verify a user's address. */
export interface EmailVerificationsTable {
  id: GeneratedId;
  user_id: string;
  email: string;
  token_hash: string;
  created_at: CreatedAt;
  /** Defaults to `now() + 3 days`. */
  expires_at: ColumnType<Date, Date | string | undefined, Date | string>;
  used_at: Timestamp | null;
}
export type EmailVerificationRow = Selectable<EmailVerificationsTable>;
export type NewEmailVerificationRow = Insertable<EmailVerificationsTable>;
export type EmailVerificationRowUpdate = Updateable<EmailVerificationsTable>;

import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId, Timestamp, WorkspaceRole } from './common.js';

/** `invitations`: an emailed offer to join a workspace; expires 7 days after creation. */
export interface InvitationsTable {
  id: GeneratedId;
  workspace_id: string;
  email: string;
  role: WorkspaceRole;
  /** SHA-256 (hex) of the invitation secret; the secret itself is only in the email. */
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  /** Defaults to `now() + 7 days`. */
  expires_at: ColumnType<Date, Date | string | undefined, Date | string>;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
export type InvitationRow = Selectable<InvitationsTable>;
export type NewInvitationRow = Insertable<InvitationsTable>;
export type InvitationRowUpdate = Updateable<InvitationsTable>;

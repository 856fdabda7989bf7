import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt, GeneratedId, Timestamp } from './common.js';

/** `outbox_emails`: emails to send (transactional outbox); a sender marks them sent. */
export interface OutboxEmailsTable {
  id: GeneratedId;
  workspace_id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
}
export type OutboxEmailRow = Selectable<OutboxEmailsTable>;
export type NewOutboxEmailRow = Insertable<OutboxEmailsTable>;
export type OutboxEmailRowUpdate = Updateable<OutboxEmailsTable>;

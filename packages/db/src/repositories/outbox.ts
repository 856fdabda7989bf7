import type { Kysely } from 'kysely';
import type { Tx } from '../scope.js';
import type { Database } from '../schema/database.js';
import type { OutboxEmailRow } from '../schema/outbox-emails.js';

/** An email waiting in (or sent from) the outbox. */
export interface OutboxEmail {
  id: string;
  workspaceId: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
}

/** Maps an `outbox_emails` row to the domain type. */
export function toOutboxEmail(row: OutboxEmailRow): OutboxEmail {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    attempts: row.attempts,
  };
}

/** Queues an email in the same transaction as the change that causes it (transactional outbox). */
export async function enqueueEmail(
  trx: Tx,
  values: { workspaceId: string; kind: string; to: string; subject: string; text: string },
): Promise<OutboxEmail> {
  const row = await trx
    .insertInto('outbox_emails')
    .values({ workspace_id: values.workspaceId, kind: values.kind, to_address: values.to, subject: values.subject, text_body: values.text })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOutboxEmail(row);
}

/**
 * Unsent emails of every workspace, oldest first. Privileged path: the mail sender is a
 * system job that works across tenants, so it takes the owner `db`, not a scoped transaction.
 */
export async function listPendingEmails(db: Kysely<Database>, limit = 50): Promise<OutboxEmail[]> {
  const rows = await db.selectFrom('outbox_emails').selectAll().where('sent_at', 'is', null).orderBy('created_at').limit(limit).execute();
  return rows.map(toOutboxEmail);
}

/** Records a delivery attempt: sent, or failed with the error kept for the next try. */
export async function markEmailAttempt(db: Kysely<Database>, id: string, error?: string): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      sent_at: error === undefined ? new Date() : null,
      last_error: error ?? null,
    }))
    .where('id', '=', id)
    .execute();
}

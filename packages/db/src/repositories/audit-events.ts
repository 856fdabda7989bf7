import type { Tx } from '../scope.js';
import type { AuditEventRow } from '../schema/audit-events.js';

/** One audit event (issue 4 §7: id, workspace, type, actor, time, payload). */
export interface AuditEvent {
  id: string;
  /** Global append order, a decimal string (int8). */
  seq: string;
  workspaceId: string;
  type: string;
  actor: string;
  at: Date;
  payload: Record<string, unknown>;
}

/** Maps an `audit_events` row to the domain type. */
export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return { id: row.id, seq: row.seq, workspaceId: row.workspace_id, type: row.type, actor: row.actor, at: row.at, payload: row.payload };
}

/**
 * Appends an event. Call it in the same transaction as the change it records, so the change
 * and its audit event commit or roll back together.
 */
export async function appendAuditEvent(
  trx: Tx,
  values: { workspaceId: string; type: string; actor: string; payload: Record<string, unknown> },
): Promise<AuditEvent> {
  const row = await trx
    .insertInto('audit_events')
    .values({ workspace_id: values.workspaceId, type: values.type, actor: values.actor, payload: JSON.stringify(values.payload) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAuditEvent(row);
}

export interface AuditEventFilter {
  type?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  /** Return events with `seq` greater than this (cursor). */
  afterSeq?: string;
  limit?: number;
}

/** The scope's events in append order, filtered. */
export async function listAuditEvents(trx: Tx, filter: AuditEventFilter = {}): Promise<AuditEvent[]> {
  let q = trx.selectFrom('audit_events').selectAll();
  if (filter.type) q = q.where('type', '=', filter.type);
  if (filter.actor) q = q.where('actor', '=', filter.actor);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.afterSeq) q = q.where('seq', '>', filter.afterSeq);
  const rows = await q.orderBy('seq').limit(filter.limit ?? 100).execute();
  return rows.map(toAuditEvent);
}

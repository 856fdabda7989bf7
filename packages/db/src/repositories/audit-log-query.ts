/**
 * Audit log reads for listings, exports and the tamper check (issue 5 §3, §5, §6).
 */
import { sql } from 'kysely';
import { EVENT_COLUMNS, toAuditLogEvent, type AuditDb, type AuditLogEvent, type EventRow } from './audit-log.js';

/** An event with its place in the log (`leafIndex` null until integrated). */
export interface AuditLogEntry {
  event: AuditLogEvent;
  leafIndex: number | null;
}

export interface AuditLogFilter {
  type?: string;
  actor?: string;
  /** Events at or after this instant. */
  from?: Date;
  /** Events before this instant. */
  to?: Date;
  /** Only events with `seq` greater than this decimal (the listing cursor). */
  afterSeq?: string;
  /** At most this many (default 100). */
  limit?: number;
}

/**
 * The scope's events in `seq` order with their leaf index, filtered. Run on a scoped
 * transaction: row-level security limits both events and leaves to the caller's workspace.
 */
export async function listAuditLogEntries(db: AuditDb, filter: AuditLogFilter = {}): Promise<AuditLogEntry[]> {
  const r = await sql<EventRow & { leaf_index: string | null }>`
    SELECT ${EVENT_COLUMNS}, l.leaf_index
    FROM audit_events e LEFT JOIN audit_log_leaves l ON l.event_id = e.id
    WHERE (${filter.type ?? null}::text IS NULL OR e.type = ${filter.type ?? null}::text)
      AND (${filter.actor ?? null}::text IS NULL OR e.actor = ${filter.actor ?? null}::text)
      AND (${filter.from?.toISOString() ?? null}::timestamptz IS NULL OR e.at >= ${filter.from?.toISOString() ?? null}::timestamptz)
      AND (${filter.to?.toISOString() ?? null}::timestamptz IS NULL OR e.at < ${filter.to?.toISOString() ?? null}::timestamptz)
      AND (${filter.afterSeq ?? null}::bigint IS NULL OR e.seq > ${filter.afterSeq ?? null}::bigint)
    ORDER BY e.seq LIMIT ${filter.limit ?? 100}`.execute(db);
  return r.rows.map((row) => ({ event: toAuditLogEvent(row), leafIndex: row.leaf_index === null ? null : Number(row.leaf_index) }));
}

/** A leaf with the event it names as stored now (`event` undefined when the row is gone). */
export interface AuditLeafWithEvent {
  leafIndex: number;
  eventId: string;
  workspaceId: string;
  leafHash: Uint8Array;
  event?: AuditLogEvent;
}

/**
 * Leaves [start, end) in index order with their events as stored now, for the tamper check
 * (privileged: it reads every tenant's events).
 */
export async function readAuditLeavesWithEvents(db: AuditDb, start: number, end: number): Promise<AuditLeafWithEvent[]> {
  // The event's columns are null when its row is gone (the left join): `id` says which.
  const r = await sql<Omit<EventRow, 'id'> & { id: string | null; leaf_index: string; event_id: string; l_workspace: string; leaf_hash: Uint8Array }>`
    SELECT l.leaf_index, l.event_id, l.workspace_id AS l_workspace, l.leaf_hash, ${EVENT_COLUMNS}
    FROM audit_log_leaves l LEFT JOIN audit_events e ON e.id = l.event_id
    WHERE l.leaf_index >= ${String(start)} AND l.leaf_index < ${String(end)}
    ORDER BY l.leaf_index`.execute(db);
  return r.rows.map((row) => ({
    leafIndex: Number(row.leaf_index),
    eventId: row.event_id,
    workspaceId: row.l_workspace,
    leafHash: row.leaf_hash instanceof Buffer ? new Uint8Array(row.leaf_hash) : row.leaf_hash,
    ...(row.id ? { event: toAuditLogEvent({ ...row, id: row.id }) } : {}),
  }));
}

/** Events that are neither in the log nor queued for it: lost before integration (privileged). */
export async function findUnsequencedAuditEvents(db: AuditDb, limit = 100): Promise<{ id: string; seq: string }[]> {
  const r = await sql<{ id: string; seq: string }>`
    SELECT e.id, e.seq FROM audit_events e
    WHERE NOT EXISTS (SELECT 1 FROM audit_log_leaves l WHERE l.event_id = e.id)
      AND NOT EXISTS (SELECT 1 FROM audit_log_pending p WHERE p.seq = e.seq)
    ORDER BY e.seq LIMIT ${limit}`.execute(db);
  return r.rows.map((row) => ({ id: row.id, seq: String(row.seq) }));
}

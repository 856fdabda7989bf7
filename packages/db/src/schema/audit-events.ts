import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { GeneratedId, Json } from './common.js';

/**
 * `audit_events`: the append-only event log (a trigger refuses UPDATE and DELETE). `seq` is a
 * global, gap-tolerant order in which the audit integrator (issue 5) sequences events into the
 * Merkle tree; it is returned as a decimal string (int8) by both drivers.
 */
export interface AuditEventsTable {
  id: GeneratedId;
  seq: ColumnType<string, never, never>;
  workspace_id: string;
  type: string;
  /** `user:<uuid>`, `token:<uuid>` or `system`. */
  actor: string;
  at: ColumnType<Date, Date | string | undefined, never>;
  payload: Json<Record<string, unknown>>;
}
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;
/** Audit events are never updated; the type exists for symmetry and is empty. */
export type AuditEventRowUpdate = Record<string, never>;

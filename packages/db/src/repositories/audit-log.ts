/**
 * Storage of the audit transparency log (issue 5 §2, migration 0007): leaves, complete-subtree
 * hashes and signed tree heads. This module stores and reads bytes only; the Merkle math, the
 * canonical leaf bytes and the signatures come from @brandsafe/audit, composed in server/.
 *
 * Read functions that a request handler uses run on a scoped transaction (`withWorkspace` /
 * `withoutWorkspace`): leaves are visible per workspace, heads and node hashes log-wide.
 * The write functions are the integrator's and take the privileged connection.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema/database.js';

/** Any connection or transaction on the application database. */
export type AuditDb = Kysely<Database>;

/**
 * An audit event exactly as it becomes a leaf: `seq` as a decimal string, `at` as an RFC 3339
 * UTC timestamp with the database's full microsecond precision (a JS Date would drop digits,
 * and an altered microsecond must change the leaf).
 */
export interface AuditLogEvent {
  id: string;
  seq: string;
  workspaceId: string;
  type: string;
  actor: string;
  at: string;
  payload: Record<string, unknown>;
}

/** A complete subtree id, as in @brandsafe/audit's NodeId. */
export interface AuditNodeId {
  level: number;
  index: number;
}

/** A stored signed tree head. */
export interface AuditTreeHead {
  treeSize: number;
  rootHash: Uint8Array;
  /** POSIX seconds bound by the checkpoint's timestamped cosignature. */
  timestamp: number;
  logId: string;
  /** Raw Ed25519 signature of the note body. */
  signature: Uint8Array;
  note: string;
}

/** A leaf: where an event sits in the log. */
export interface AuditLeaf {
  leafIndex: number;
  eventId: string;
  workspaceId: string;
  leafHash: Uint8Array;
}

/** The columns an event is read with (`at` as an exact UTC string: the hashed form). */
export const EVENT_COLUMNS = sql`e.id, e.seq, e.workspace_id, e.type, e.actor,
  to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, e.payload`;

export interface EventRow {
  id: string;
  seq: string;
  workspace_id: string;
  type: string;
  actor: string;
  at: string;
  payload: Record<string, unknown>;
}

/** Maps a selected event row to the leaf form. */
export function toAuditLogEvent(row: EventRow): AuditLogEvent {
  return { id: row.id, seq: String(row.seq), workspaceId: row.workspace_id, type: row.type, actor: row.actor, at: row.at, payload: row.payload };
}

const bytes = (v: Uint8Array): Uint8Array => (v instanceof Buffer ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : v);
const hex = (v: Uint8Array): string => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');

/**
 * Locks the log for appending (the state row, FOR UPDATE, until the transaction ends) and
 * returns the integrated tree size. Every integrator calls this first, so two processes never
 * append at once and never fork the tree.
 */
export async function lockAuditLog(trx: AuditDb): Promise<number> {
  const r = await sql<{ tree_size: string }>`SELECT tree_size FROM audit_log_state WHERE id FOR UPDATE`.execute(trx);
  return Number(r.rows[0]?.tree_size ?? 0);
}

/** The integrated tree size (no lock). */
export async function auditLogSize(db: AuditDb): Promise<number> {
  const r = await sql<{ tree_size: string }>`SELECT tree_size FROM audit_log_state WHERE id`.execute(db);
  return Number(r.rows[0]?.tree_size ?? 0);
}

/** A queued event; `event` is undefined when its row no longer exists. */
export interface PendingAuditEvent {
  seq: string;
  eventId: string;
  event?: AuditLogEvent;
}

/** The oldest `limit` queued events, in `seq` order (privileged). */
export async function readPendingAuditEvents(db: AuditDb, limit: number): Promise<PendingAuditEvent[]> {
  const r = await sql<EventRow & { p_seq: string; p_event: string }>`
    SELECT p.seq AS p_seq, p.event_id AS p_event, ${EVENT_COLUMNS}
    FROM audit_log_pending p LEFT JOIN audit_events e ON e.id = p.event_id
    ORDER BY p.seq LIMIT ${limit}`.execute(db);
  return r.rows.map((row) => ({ seq: String(row.p_seq), eventId: row.p_event, ...(row.id ? { event: toAuditLogEvent(row) } : {}) }));
}

/** Number of queued events (privileged). */
export async function countPendingAuditEvents(db: AuditDb): Promise<number> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log_pending`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Appends a batch under the lock taken by {@link lockAuditLog}: the leaves (indices from
 * `startIndex`), the complete subtrees the appends finished (level ≥ 1), removes the batch from
 * the queue and records the new size — all in the caller's transaction. Each table is written by
 * one multi-row statement.
 */
export async function appendAuditLeaves(
  trx: AuditDb,
  batch: {
    startIndex: number;
    leaves: readonly { eventId: string; workspaceId: string; leafHash: Uint8Array }[];
    nodes: readonly (AuditNodeId & { hash: Uint8Array })[];
    dequeue: readonly string[];
  },
): Promise<number> {
  const { startIndex, leaves, nodes, dequeue } = batch;
  if (leaves.length > 0) {
    await sql`INSERT INTO audit_log_leaves (leaf_index, event_id, workspace_id, leaf_hash)
      SELECT i, e, w, decode(h, 'hex') FROM unnest(
        ${leaves.map((_, i) => String(startIndex + i))}::bigint[], ${leaves.map((l) => l.eventId)}::uuid[],
        ${leaves.map((l) => l.workspaceId)}::uuid[], ${leaves.map((l) => hex(l.leafHash))}::text[]) AS q(i, e, w, h)`.execute(trx);
  }
  const upper = nodes.filter((n) => n.level > 0);
  if (upper.length > 0) {
    await sql`INSERT INTO audit_tree_nodes (level, idx, hash)
      SELECT l, i, decode(h, 'hex') FROM unnest(
        ${upper.map((n) => n.level)}::smallint[], ${upper.map((n) => String(n.index))}::bigint[],
        ${upper.map((n) => hex(n.hash))}::text[]) AS q(l, i, h)`.execute(trx);
  }
  if (dequeue.length > 0) await sql`DELETE FROM audit_log_pending WHERE seq = ANY(${[...dequeue]}::bigint[])`.execute(trx);
  const size = startIndex + leaves.length;
  await sql`UPDATE audit_log_state SET tree_size = ${String(size)} WHERE id`.execute(trx);
  return size;
}

/**
 * Hashes of complete subtrees by id, in the order asked (level 0 from the leaves), through the
 * definer function, so a scoped transaction can build proofs over other tenants' leaves without
 * seeing them. A missing id yields undefined.
 */
export async function auditNodeHashes(db: AuditDb, ids: readonly AuditNodeId[]): Promise<(Uint8Array | undefined)[]> {
  if (ids.length === 0) return [];
  const r = await sql<{ level: number; idx: string; hash: Uint8Array }>`
    SELECT level, idx, hash FROM brandsafe_audit_node_hashes(${ids.map((i) => i.level)}::integer[], ${ids.map((i) => String(i.index))}::bigint[])`.execute(db);
  const found = new Map(r.rows.map((row) => [`${row.level}/${row.idx}`, bytes(row.hash)]));
  return ids.map((id) => found.get(`${id.level}/${id.index}`));
}

interface HeadRow {
  tree_size: string;
  root_hash: Uint8Array;
  timestamp: string;
  log_id: string;
  signature: Uint8Array;
  note: string;
}

const toHead = (row: HeadRow): AuditTreeHead => ({
  treeSize: Number(row.tree_size),
  rootHash: bytes(row.root_hash),
  timestamp: Number(row.timestamp),
  logId: row.log_id,
  signature: bytes(row.signature),
  note: row.note,
});

/** Stores a signed tree head; a head of the same size and key already stored wins (no error). */
export async function insertAuditTreeHead(trx: AuditDb, head: AuditTreeHead): Promise<void> {
  await sql`INSERT INTO audit_tree_heads (tree_size, root_hash, timestamp, log_id, signature, note)
    VALUES (${String(head.treeSize)}, decode(${hex(head.rootHash)}, 'hex'), ${String(head.timestamp)}, ${head.logId},
      decode(${hex(head.signature)}, 'hex'), ${head.note})
    ON CONFLICT (log_id, tree_size) DO NOTHING`.execute(trx);
}

/** The largest signed head (of one key when `logId` is given). */
export async function latestAuditTreeHead(db: AuditDb, logId?: string): Promise<AuditTreeHead | undefined> {
  const r = await sql<HeadRow>`SELECT tree_size, root_hash, timestamp, log_id, signature, note FROM audit_tree_heads
    ${logId === undefined ? sql`` : sql`WHERE log_id = ${logId}`} ORDER BY tree_size DESC, id DESC LIMIT 1`.execute(db);
  return r.rows[0] && toHead(r.rows[0]);
}

/**
 * Signed heads in tree-size order, optionally only those signed in [fromSeconds, toSeconds),
 * of sizes in [minSize, maxSize], or the `newest` ones (still returned in size order).
 */
export async function listAuditTreeHeads(
  db: AuditDb,
  range: { fromSeconds?: number; toSeconds?: number; logId?: string; minSize?: number; maxSize?: number; newest?: number } = {},
): Promise<AuditTreeHead[]> {
  const opt = (v: number | undefined) => (v === undefined ? null : String(v));
  const r = await sql<HeadRow>`SELECT * FROM (SELECT id, tree_size, root_hash, timestamp, log_id, signature, note FROM audit_tree_heads
    WHERE (${opt(range.fromSeconds)}::bigint IS NULL OR timestamp >= ${opt(range.fromSeconds)}::bigint)
      AND (${opt(range.toSeconds)}::bigint IS NULL OR timestamp < ${opt(range.toSeconds)}::bigint)
      AND (${opt(range.minSize)}::bigint IS NULL OR tree_size >= ${opt(range.minSize)}::bigint)
      AND (${opt(range.maxSize)}::bigint IS NULL OR tree_size <= ${opt(range.maxSize)}::bigint)
      AND (${range.logId ?? null}::text IS NULL OR log_id = ${range.logId ?? null}::text)
    ORDER BY tree_size DESC, id DESC ${range.newest === undefined ? sql`` : sql`LIMIT ${range.newest}`}) h
    ORDER BY tree_size, id`.execute(db);
  return r.rows.map(toHead);
}

interface LeafRow {
  leaf_index: string;
  event_id: string;
  workspace_id: string;
  leaf_hash: Uint8Array;
}
const toLeaf = (row: LeafRow): AuditLeaf => ({
  leafIndex: Number(row.leaf_index),
  eventId: row.event_id,
  workspaceId: row.workspace_id,
  leafHash: bytes(row.leaf_hash),
});

/** The leaf of an event (scoped: only the workspace's own leaves are visible). */
export async function findAuditLeafByEvent(db: AuditDb, eventId: string): Promise<AuditLeaf | undefined> {
  const r = await sql<LeafRow>`SELECT leaf_index, event_id, workspace_id, leaf_hash FROM audit_log_leaves WHERE event_id = ${eventId}`.execute(db);
  return r.rows[0] && toLeaf(r.rows[0]);
}

/** One event in its leaf form (scoped by row-level security on a scoped transaction). */
export async function getAuditLogEvent(db: AuditDb, eventId: string): Promise<AuditLogEvent | undefined> {
  const r = await sql<EventRow>`SELECT ${EVENT_COLUMNS} FROM audit_events e WHERE e.id = ${eventId}`.execute(db);
  return r.rows[0] && toAuditLogEvent(r.rows[0]);
}

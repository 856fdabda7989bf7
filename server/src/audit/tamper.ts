/**
 * Tamper detection (issue 5 §5): recompute every leaf from the events as stored now and check
 * them, and the stored tree, against what the log committed to.
 *
 * - altered: an event's canonical bytes no longer hash to its leaf;
 * - deleted: a leaf names an event row that is gone, or a leaf row itself is missing (a gap);
 * - reordered: a leaf's recomputed hash is another leaf's stored hash (the leaf→event mapping was
 *   permuted), or two events hash to their own leaves again once their `seq` values are swapped
 *   back (the events' order was rewritten);
 * - unsequenced: an event is neither in the log nor queued for it;
 * - tree-mismatch / head-mismatch / head-signature: stored subtree hashes disagree with the
 *   stored leaves, a signed head's root disagrees with the tree rebuilt from the leaves, or a head
 *   signed as this log does not verify.
 * The stored leaf hashes are rebuilt into a tree with CompactRange in chunks, so a check reads
 * every leaf once and keeps only O(log n) hashes plus the findings in memory.
 */
import { bytesEqual, canonicalBytes, CompactRange, hashLeaf, toHex, verifyCheckpoint } from '@brandsafe/audit';
import {
  auditLogSize,
  auditNodeHashes,
  findUnsequencedAuditEvents,
  listAuditTreeHeads,
  readAuditLeavesWithEvents,
  type AuditDb,
  type AuditLeafWithEvent,
  type AuditLogEvent,
  type AuditTreeHead,
} from '@brandsafe/db';
import type { KeyObject } from 'node:crypto';
import { leafEvent } from './events.js';

export const TAMPER_KINDS = ['altered', 'deleted', 'reordered', 'unsequenced', 'tree-mismatch', 'head-mismatch', 'head-signature'] as const;
export type TamperKind = (typeof TAMPER_KINDS)[number];

export interface TamperFinding {
  kind: TamperKind;
  /** Leaf concerned (absent for unsequenced events and heads). */
  leafIndex?: number;
  eventId?: string;
  workspaceId?: string;
  /** Tree size of the head concerned. */
  treeSize?: number;
  detail: string;
}

export interface TamperReport {
  checkedAt: string;
  treeSize: number;
  checkedLeaves: number;
  checkedHeads: number;
  findings: TamperFinding[];
}

/** How many of the newest heads have their signatures re-verified per run. */
const SIGNATURES_CHECKED = 1000;

const hashOf = (event: AuditLogEvent) => hashLeaf(canonicalBytes(leafEvent(event)));

/** Runs the check over the whole log on the privileged connection. */
export async function checkAuditLog(db: AuditDb, key: { publicKey: KeyObject; logId: string; origin: string }, chunk = 5000): Promise<TamperReport> {
  const findings: TamperFinding[] = [];
  const treeSize = await auditLogSize(db);
  // Signatures: the newest heads (older ones were checked by earlier runs; ~0.1 ms each).
  const recent = await listAuditTreeHeads(db, { logId: key.logId, newest: SIGNATURES_CHECKED });
  for (const h of recent) {
    try {
      verifyCheckpoint(h.note, key.publicKey, key.origin);
    } catch (err) {
      findings.push({ kind: 'head-signature', treeSize: h.treeSize, detail: `head of size ${h.treeSize}: ${(err as Error).message}` });
    }
  }
  // Roots: every head, read chunk by chunk alongside the leaves it covers.
  let checkedHeads = 0;
  let headsBySize = new Map<number, AuditTreeHead[]>();
  const loadHeads = async (minSize: number, maxSize: number) => {
    headsBySize = new Map();
    for (const h of await listAuditTreeHeads(db, { minSize, maxSize })) {
      headsBySize.set(h.treeSize, [...(headsBySize.get(h.treeSize) ?? []), h]);
      checkedHeads += 1;
    }
  };
  const compareHeads = (range: CompactRange) => {
    for (const h of headsBySize.get(range.size) ?? []) {
      if (!bytesEqual(h.rootHash, range.root())) {
        findings.push({ kind: 'head-mismatch', treeSize: h.treeSize, detail: `signed root of tree size ${h.treeSize} is not the root of the stored leaves` });
      }
    }
  };

  let range: CompactRange | undefined = CompactRange.empty();
  await loadHeads(0, 0);
  compareHeads(range);
  const mismatched: { leaf: AuditLeafWithEvent; recomputed: Uint8Array }[] = [];
  for (let start = 0; start < treeSize; start += chunk) {
    const end = Math.min(treeSize, start + chunk);
    const rows = await readAuditLeavesWithEvents(db, start, end);
    await loadHeads(start + 1, end);
    const completed: { level: number; index: number; hash: Uint8Array }[] = [];
    let expected = start;
    for (const leaf of rows) {
      for (; expected < leaf.leafIndex; expected += 1) {
        findings.push({ kind: 'deleted', leafIndex: expected, detail: `leaf ${expected} is missing from the log` });
        range = undefined; // the tree cannot be rebuilt past a gap
      }
      expected = leaf.leafIndex + 1;
      if (!leaf.event) {
        findings.push({ kind: 'deleted', leafIndex: leaf.leafIndex, eventId: leaf.eventId, workspaceId: leaf.workspaceId, detail: `the event of leaf ${leaf.leafIndex} was deleted` });
      } else {
        const recomputed = hashOf(leaf.event);
        if (!bytesEqual(recomputed, leaf.leafHash)) mismatched.push({ leaf, recomputed });
      }
      if (range) {
        for (const n of range.append(leaf.leafHash)) if (n.level > 0) completed.push(n);
        compareHeads(range);
      }
    }
    for (; expected < end; expected += 1) {
      findings.push({ kind: 'deleted', leafIndex: expected, detail: `leaf ${expected} is missing from the log` });
      range = undefined;
    }
    const stored = await auditNodeHashes(db, completed);
    completed.forEach((n, i) => {
      const s = stored[i];
      if (!s || !bytesEqual(s, n.hash)) {
        findings.push({ kind: 'tree-mismatch', detail: `stored subtree (${n.level}, ${n.index}) ${s ? 'differs from' : 'is missing for'} the hash of its leaves` });
      }
    });
  }
  findings.push(...classifyMismatches(mismatched));
  for (const e of await findUnsequencedAuditEvents(db)) {
    findings.push({ kind: 'unsequenced', eventId: e.id, detail: `event seq ${e.seq} is neither in the log nor queued for it` });
  }
  return { checkedAt: new Date().toISOString(), treeSize, checkedLeaves: treeSize, checkedHeads, findings };
}

/** Altered or reordered: see the module comment. Pairs are searched among mismatches only. */
function classifyMismatches(mismatched: { leaf: AuditLeafWithEvent; recomputed: Uint8Array }[]): TamperFinding[] {
  const byStored = new Map(mismatched.map((m) => [toHex(m.leaf.leafHash), m.leaf.leafIndex]));
  const out: TamperFinding[] = [];
  const limit = Math.min(mismatched.length, 500);
  for (const [i, m] of mismatched.entries()) {
    const { leaf } = m;
    const where = { leafIndex: leaf.leafIndex, eventId: leaf.eventId, workspaceId: leaf.workspaceId };
    const moved = byStored.get(toHex(m.recomputed));
    if (moved !== undefined) {
      out.push({ kind: 'reordered', ...where, detail: `leaf ${leaf.leafIndex} now names the event committed as leaf ${moved}` });
      continue;
    }
    const swapped = i < limit ? mismatched.slice(0, limit).find((o) => o !== m && bytesEqual(hashOf({ ...leaf.event!, seq: o.leaf.event!.seq }), leaf.leafHash)) : undefined;
    if (swapped) {
      out.push({ kind: 'reordered', ...where, detail: `event seq ${leaf.event!.seq} was committed as seq ${swapped.leaf.event!.seq} (leaf ${swapped.leaf.leafIndex}): events were reordered` });
      continue;
    }
    out.push({ kind: 'altered', ...where, detail: `the event of leaf ${leaf.leafIndex} no longer hashes to its leaf (stored row altered)` });
  }
  return out;
}

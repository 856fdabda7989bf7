/**
 * Proof generation over an abstract, possibly asynchronous store of complete-subtree hashes.
 *
 * Storage scheme the database layer should use (see also packages/audit/README.md): one row per
 * complete subtree (level, index) → 32-byte hash, written once when the subtree becomes complete
 * (a {@link CompactRange} append yields exactly those rows) and never updated. A log of n leaves
 * holds just under 2n rows. Any root, inclusion proof or consistency proof then needs at most
 * 2·⌈log2 n⌉ of them, fetched by one `WHERE (level, idx) IN (...)` on the primary key.
 */
import { AuditError } from './error.js';
import { EMPTY_ROOT_HASH, HASH_SIZE, hashChildren } from './hash.js';
import { checkCount, nodeEnd, nodeStart, type NodeId } from './node-id.js';
import { consistencyPlan, inclusionPlan, rootNodes, type ProofPlan, type ProofStep } from './proof-plan.js';

/** Hashes of complete subtrees, e.g. a table keyed by (level, index), or memory. */
export interface HashSource {
  /**
   * The hashes of the given complete subtrees, in the same order. Every id asked for is complete
   * in the tree size the caller asked about, so a correct store always has it.
   */
  nodeHashes(ids: readonly NodeId[]): readonly Uint8Array[] | Promise<readonly Uint8Array[]>;
}

/** A {@link HashSource} that answers synchronously (memory). */
export interface SyncHashSource extends HashSource {
  nodeHashes(ids: readonly NodeId[]): readonly Uint8Array[];
}

/** All node ids a plan reads, flattened in step order (pass these to the store in one batch). */
export function planNodeIds(plan: ProofPlan): NodeId[] {
  return plan.steps.flat();
}

/** Right fold of one step's hashes: h = H(n0, H(n1, … H(n_{k-2}, n_{k-1}))). */
function foldStep(hashes: readonly Uint8Array[], from: number, count: number): Uint8Array {
  let acc = hashes[from + count - 1]!;
  for (let j = from + count - 2; j >= from; j -= 1) acc = hashChildren(hashes[j]!, acc);
  return acc;
}

/**
 * Turns a plan and the hashes of {@link planNodeIds}(plan), in that order, into proof hashes.
 * @throws AuditError HASH_SOURCE_FAILED when the store answered the wrong count or a bad hash.
 */
export function assembleProof(plan: ProofPlan, hashes: readonly Uint8Array[]): Uint8Array[] {
  checkHashes(plan.steps.reduce((n, step) => n + step.length, 0), hashes);
  const proof: Uint8Array[] = [];
  let offset = 0;
  for (const step of plan.steps as readonly ProofStep[]) {
    proof.push(foldStep(hashes, offset, step.length));
    offset += step.length;
  }
  return proof;
}

/** MTH(D[size]) from the hashes of {@link rootNodes}(size), in that order. */
export function rootFromNodes(size: number, hashes: readonly Uint8Array[]): Uint8Array {
  const count = rootNodes(size).length;
  checkHashes(count, hashes);
  return count === 0 ? EMPTY_ROOT_HASH : foldStep(hashes, 0, count);
}

function checkHashes(expected: number, hashes: readonly Uint8Array[]): void {
  if (hashes.length !== expected) {
    throw new AuditError('HASH_SOURCE_FAILED', `hash source returned ${hashes.length} hashes, ${expected} expected`);
  }
  const bad = hashes.findIndex((h) => !(h instanceof Uint8Array) || h.length !== HASH_SIZE);
  if (bad >= 0) {
    throw new AuditError('HASH_SOURCE_FAILED', `hash source returned a malformed hash at position ${bad}`);
  }
}

async function readPlan(source: HashSource, plan: ProofPlan): Promise<Uint8Array[]> {
  const ids = planNodeIds(plan);
  let hashes: readonly Uint8Array[];
  try {
    hashes = ids.length === 0 ? [] : await source.nodeHashes(ids);
  } catch (cause) {
    throw new AuditError('HASH_SOURCE_FAILED', 'hash source failed to read proof nodes', { cause });
  }
  return assembleProof(plan, hashes);
}

/** Inclusion proof (RFC 9162 §2.1.3.1) of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(source: HashSource, index: number, size: number): Promise<Uint8Array[]> {
  return readPlan(source, inclusionPlan(index, size));
}

/** Consistency proof (RFC 9162 §2.1.4.1) between tree sizes `first` ≤ `second`. */
export function consistencyProof(source: HashSource, first: number, second: number): Promise<Uint8Array[]> {
  return readPlan(source, consistencyPlan(first, second));
}

/** MTH(D[size]), the root hash at any size the store has complete subtrees for. */
export async function rootHashAt(source: HashSource, size: number): Promise<Uint8Array> {
  const ids = rootNodes(size);
  let hashes: readonly Uint8Array[];
  try {
    hashes = ids.length === 0 ? [] : await source.nodeHashes(ids);
  } catch (cause) {
    throw new AuditError('HASH_SOURCE_FAILED', 'hash source failed to read root nodes', { cause });
  }
  return rootFromNodes(size, hashes);
}

/**
 * A {@link HashSource} over leaf hashes alone, for stores that keep only the leaves (or tools
 * that recompute a tree): each complete subtree is rebuilt from its leaves, so a proof reads
 * O(n) leaf hashes instead of O(log n) nodes. Prefer storing complete subtrees for serving.
 * @param leafHashes returns the leaf hashes of [start, end), in order.
 */
export function leafHashSource(
  leafHashes: (start: number, end: number) => readonly Uint8Array[] | Promise<readonly Uint8Array[]>,
): HashSource {
  return {
    async nodeHashes(ids) {
      const out: Uint8Array[] = [];
      for (const id of ids) {
        checkCount(id.level, 'node level');
        checkCount(id.index, 'node index');
        const start = nodeStart(id);
        const leaves = await leafHashes(start, nodeEnd(id));
        checkHashes(nodeEnd(id) - start, leaves);
        out.push(perfectRoot(leaves));
      }
      return out;
    },
  };
}

/** Root of a perfect subtree (power-of-two count) from its leaf hashes, level by level. */
function perfectRoot(leaves: readonly Uint8Array[]): Uint8Array {
  let row: readonly Uint8Array[] = leaves;
  while (row.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < row.length; i += 2) next.push(hashChildren(row[i]!, row[i + 1]!));
    row = next;
  }
  return row[0]!;
}

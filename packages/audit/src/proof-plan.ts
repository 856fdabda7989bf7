/**
 * Which stored nodes make up a root, an inclusion proof or a consistency proof of RFC 9162
 * §2.1, computed from the sizes alone. Separating the plan (node ids) from the hashes lets a
 * database answer a whole proof with one batched read of O(log n) rows.
 *
 * Each proof element is a {@link ProofStep}: usually one complete subtree, but where RFC 9162's
 * recursion reaches the incomplete right edge of the tree the element is MTH of a partial range,
 * which is the fold of the complete subtrees covering that range (an "ephemeral" node).
 */
import { AuditError } from './error.js';
import { checkCount, coveringNodes, pow2, trailingZeros, type NodeId } from './node-id.js';

/** One proof element: the hash is the right fold of these nodes' hashes (one node: itself). */
export type ProofStep = readonly NodeId[];

/** The ordered proof elements, bottom of the tree first, as RFC 9162 lists them. */
export interface ProofPlan {
  readonly steps: readonly ProofStep[];
}

/**
 * The proof elements from node (level, index) up to the root of a tree of `size` leaves: at each
 * level the sibling of the current node, if the sibling has any leaves at this size. A sibling
 * with no leaves contributes nothing (RFC 9162 §2.1.1 promotes the node unchanged), a sibling
 * that is only partly filled is the ephemeral MTH of its leaves below `size`.
 */
function pathSteps(level: number, index: number, size: number): ProofStep[] {
  const steps: ProofStep[] = [];
  let l = level;
  let i = index;
  // Stop once the current node covers the whole tree [0, size).
  while (!(i === 0 && pow2(l) >= size)) {
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    const width = pow2(l);
    const start = sibling * width;
    if (start + width <= size) {
      steps.push([{ level: l, index: sibling }]);
    } else if (start < size) {
      steps.push(coveringNodes(start, size));
    }
    l += 1;
    i = Math.floor(i / 2);
  }
  return steps;
}

/**
 * Plan of PATH(index, D[size]), the inclusion proof of RFC 9162 §2.1.3.1.
 * @throws AuditError INVALID_ARGUMENT unless 0 ≤ index < size.
 */
export function inclusionPlan(index: number, size: number): ProofPlan {
  checkCount(index, 'leaf index');
  checkCount(size, 'tree size');
  if (index >= size) {
    throw new AuditError('INVALID_ARGUMENT', `leaf index ${index} is not below tree size ${size}`);
  }
  return { steps: pathSteps(0, index, size) };
}

/**
 * Plan of PROOF(first, D[second]), the consistency proof of RFC 9162 §2.1.4.1. It is the last
 * complete subtree of the old tree (omitted when first is a power of two: the verifier already
 * has it as the old root) followed by that subtree's inclusion path in the new tree. Empty when
 * first is 0 or equals second.
 * @throws AuditError INVALID_ARGUMENT unless 0 ≤ first ≤ second.
 */
export function consistencyPlan(first: number, second: number): ProofPlan {
  checkCount(first, 'first tree size');
  checkCount(second, 'second tree size');
  if (first > second) {
    throw new AuditError('INVALID_ARGUMENT', `first tree size ${first} exceeds second tree size ${second}`);
  }
  if (first === 0 || first === second) return { steps: [] };
  const level = trailingZeros(first);
  const index = first / pow2(level) - 1;
  const steps = pathSteps(level, index, second);
  return { steps: index === 0 ? steps : [[{ level, index }], ...steps] };
}

/**
 * The complete subtrees whose right fold is MTH(D[size]) — one per set bit of `size`, largest
 * first. Empty for size 0, whose root is {@link EMPTY_ROOT_HASH}.
 */
export function rootNodes(size: number): NodeId[] {
  checkCount(size, 'tree size');
  return coveringNodes(0, size);
}

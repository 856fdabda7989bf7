/**
 * Addressing of complete (perfect) subtrees. Node (level, index) is the root of the perfect
 * subtree over leaves [index·2^level, (index+1)·2^level); level 0 nodes are the leaf hashes.
 * Once a log holds at least (index+1)·2^level leaves, that node's hash never changes, which is
 * why these nodes (and only these) are what a log stores: every root and every proof of
 * RFC 9162 §2.1 is a fold of O(log n) of them.
 *
 * Arithmetic is done with plain numbers, never with 32-bit bitwise operators, so tree sizes up to
 * Number.MAX_SAFE_INTEGER (2^53 − 1) are exact.
 */
import { AuditError } from './error.js';

/** A complete subtree: level 0 is a leaf, level k covers 2^k leaves. */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** Throws INVALID_ARGUMENT unless `value` is a safe non-negative integer. */
export function checkCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AuditError('INVALID_ARGUMENT', `${what} must be a non-negative safe integer, got ${String(value)}`);
  }
}

/** 2^level as a number (exact up to 2^53). */
export function pow2(level: number): number {
  return 2 ** level;
}

/** The largest power of two strictly less than n (n ≥ 2): the split point k of RFC 9162 §2.1.1. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Number of trailing zero bits of a positive safe integer. */
export function trailingZeros(n: number): number {
  let zeros = 0;
  while (n % 2 === 0) {
    n /= 2;
    zeros += 1;
  }
  return zeros;
}

/** First leaf index covered by `node`. */
export function nodeStart(node: NodeId): number {
  return node.index * pow2(node.level);
}

/** One past the last leaf index covered by `node`. */
export function nodeEnd(node: NodeId): number {
  return (node.index + 1) * pow2(node.level);
}

/**
 * The perfect subtrees that exactly cover leaves [begin, end), largest first, where `begin` is
 * a multiple of a power of two greater than end − begin (true for 0, and for the start of a
 * right sibling). Folding their hashes from the right, h = H(n_i, h), gives MTH(D[begin:end])
 * because the largest-power-of-two split of RFC 9162 §2.1.1 peels off exactly these subtrees.
 */
export function coveringNodes(begin: number, end: number): NodeId[] {
  const nodes: NodeId[] = [];
  let cursor = begin;
  let remaining = end - begin;
  let level = 0;
  while (pow2(level + 1) <= remaining) level += 1;
  for (; remaining > 0; level -= 1) {
    const width = pow2(level);
    if (width <= remaining) {
      nodes.push({ level, index: cursor / width });
      cursor += width;
      remaining -= width;
    }
  }
  return nodes;
}

/** A stable string key for a node id, e.g. for maps and SQL tuple lists. */
export function nodeKey(node: NodeId): string {
  return `${node.level}/${node.index}`;
}

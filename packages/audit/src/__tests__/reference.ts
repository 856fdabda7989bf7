/**
 * Literal transcriptions of the recursive definitions in RFC 9162 §2.1.1 (MTH), §2.1.3.1 (PATH)
 * and §2.1.4.1 (PROOF/SUBPROOF). Slow and obviously right; the tests cross-check the planned,
 * storage-friendly generators against them.
 */
import { EMPTY_ROOT_HASH, hashChildren, hashLeaf, splitPoint } from '../index.js';

export function refRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return EMPTY_ROOT_HASH;
  if (leaves.length === 1) return hashLeaf(leaves[0]!);
  const k = splitPoint(leaves.length);
  return hashChildren(refRoot(leaves.slice(0, k)), refRoot(leaves.slice(k)));
}

export function refPath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  const n = leaves.length;
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...refPath(m, leaves.slice(0, k)), refRoot(leaves.slice(k))];
  return [...refPath(m - k, leaves.slice(k)), refRoot(leaves.slice(0, k))];
}

export function refProof(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  return m === 0 || m === leaves.length ? [] : refSubproof(m, leaves, true);
}

function refSubproof(m: number, leaves: readonly Uint8Array[], b: boolean): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return b ? [] : [refRoot(leaves)];
  const k = splitPoint(n);
  if (m <= k) return [...refSubproof(m, leaves.slice(0, k), b), refRoot(leaves.slice(k))];
  return [...refSubproof(m - k, leaves.slice(k), false), refRoot(leaves.slice(0, k))];
}

/** Deterministic PRNG (mulberry32) so property tests are reproducible from their seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Leaves "leaf-0", "leaf-1", … as bytes. */
export function makeLeaves(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => Buffer.from(`leaf-${i}`));
}

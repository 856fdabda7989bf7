/**
 * MTH(D[n]) of RFC 9162 §2.1.1 computed directly from a list of leaves, for callers that hold
 * the whole list (tamper checks that recompute a range, compliance exports). Iterative, so
 * millions of leaves do not recurse.
 */
import { EMPTY_ROOT_HASH, hashLeaf } from './hash.js';
import { CompactRange } from './compact-range.js';

/** MTH of the given leaf bytes; the empty-string hash for no leaves. */
export function merkleTreeHash(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return EMPTY_ROOT_HASH;
  return merkleTreeHashOfLeafHashes(leaves.map(hashLeaf));
}

/** MTH of a list of already computed leaf hashes. */
export function merkleTreeHashOfLeafHashes(leafHashes: readonly Uint8Array[]): Uint8Array {
  const range = CompactRange.empty();
  for (const h of leafHashes) range.append(h);
  return range.root();
}

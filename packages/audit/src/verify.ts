/**
 * Proof verification exactly as RFC 9162 specifies it (§2.1.3.2 inclusion, §2.1.4.2
 * consistency), needing nothing but the hashes: this is what an offline verifier runs. On failure
 * they throw an AuditError whose message says which check failed.
 */
import { bytesEqual, toHex } from './bytes.js';
import { AuditError, type AuditErrorCode } from './error.js';
import { HASH_SIZE, hashChildren } from './hash.js';
import { checkCount } from './node-id.js';

function fail(code: AuditErrorCode, message: string): never {
  throw new AuditError(code, message);
}

function checkHash(code: AuditErrorCode, value: Uint8Array, what: string): void {
  if (!(value instanceof Uint8Array) || value.length !== HASH_SIZE) {
    fail(code, `${what} must be a ${HASH_SIZE}-byte hash`);
  }
}

function checkSizes(code: AuditErrorCode, a: number, aName: string, b: number, bName: string): void {
  try {
    checkCount(a, aName);
    checkCount(b, bName);
  } catch (cause) {
    throw new AuditError(code, (cause as Error).message, { cause });
  }
}

/**
 * Recomputes the root from a leaf hash and its inclusion path (RFC 9162 §2.1.3.2 steps 1–5
 * without the final comparison).
 * @throws AuditError INCLUSION_PROOF_INVALID when the path cannot belong to (index, size).
 */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Uint8Array {
  const code = 'INCLUSION_PROOF_INVALID';
  checkSizes(code, index, 'leaf index', size, 'tree size');
  if (index >= size) fail(code, `leaf index ${index} is not below tree size ${size}`);
  checkHash(code, leafHash, 'leaf hash');
  proof.forEach((p, i) => checkHash(code, p, `inclusion proof entry ${i}`));
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0) fail(code, `inclusion proof has ${proof.length} entries, too many for leaf ${index} of ${size}`);
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) fail(code, `inclusion proof has ${proof.length} entries, too few for leaf ${index} of ${size}`);
  return r;
}

/**
 * Verifies that `leafHash` is leaf `index` of the tree of `size` leaves whose root is `root`.
 * @throws AuditError INCLUSION_PROOF_INVALID saying what did not hold.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): void {
  checkHash('INCLUSION_PROOF_INVALID', root, 'root hash');
  const computed = rootFromInclusionProof(leafHash, index, size, proof);
  if (!bytesEqual(computed, root)) {
    fail('INCLUSION_PROOF_INVALID', `inclusion proof leads to root ${toHex(computed)}, not ${toHex(root)}`);
  }
}

/**
 * Verifies that the tree of `first` leaves with root `firstRoot` is a prefix of the tree of
 * `second` leaves with root `secondRoot` (RFC 9162 §2.1.4.2). The trivial cases the RFC's
 * algorithm leaves out are decided first: equal sizes need equal roots and an empty proof, and
 * an empty first tree is a prefix of anything (with an empty proof).
 * @throws AuditError CONSISTENCY_PROOF_INVALID saying what did not hold.
 */
export function verifyConsistency(
  first: number,
  second: number,
  proof: readonly Uint8Array[],
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
): void {
  const code = 'CONSISTENCY_PROOF_INVALID';
  checkSizes(code, first, 'first tree size', second, 'second tree size');
  checkHash(code, firstRoot, 'first root hash');
  checkHash(code, secondRoot, 'second root hash');
  proof.forEach((p, i) => checkHash(code, p, `consistency proof entry ${i}`));
  if (first > second) fail(code, `first tree size ${first} exceeds second tree size ${second}`);
  if (first === second || first === 0) {
    if (proof.length !== 0) fail(code, `consistency proof from ${first} to ${second} must be empty`);
    if (first === second && !bytesEqual(firstRoot, secondRoot)) {
      fail(code, `trees of equal size ${first} have different roots`);
    }
    return;
  }
  // Step 1: a non-trivial proof is never empty.
  if (proof.length === 0) fail(code, `consistency proof from ${first} to ${second} is empty`);
  // Step 2: when first is a power of two the old root is the first subtree and is implied.
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  // Steps 3–4.
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // Steps 5–6.
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i += 1) {
    const c = path[i]!;
    if (sn === 0) fail(code, `consistency proof has ${proof.length} entries, too many for ${first} → ${second}`);
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // Step 7.
  if (sn !== 0) fail(code, `consistency proof has ${proof.length} entries, too few for ${first} → ${second}`);
  if (!bytesEqual(fr, firstRoot)) fail(code, `consistency proof does not lead to the first root (size ${first})`);
  if (!bytesEqual(sr, secondRoot)) fail(code, `consistency proof does not lead to the second root (size ${second})`);
}

function isPowerOfTwo(n: number): boolean {
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

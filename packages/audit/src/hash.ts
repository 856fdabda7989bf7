/**
 * RFC 9162 §2.1 hashing with SHA-256: leaves and interior nodes are hashed with distinct one-byte
 * prefixes (0x00, 0x01) so that a leaf can never be passed off as an interior node (second
 * pre-image resistance of the tree, RFC 9162 §2.1.1).
 */
import { hash } from 'node:crypto';
import { AuditError } from './error.js';

/** Size in bytes of every hash in the tree (SHA-256). */
export const HASH_SIZE = 32;

/** MTH({}) = SHA-256 of the empty string (RFC 9162 §2.1.1). */
export const EMPTY_ROOT_HASH: Uint8Array = sha256(new Uint8Array(0));

/** Plain SHA-256 of `data`. */
export function sha256(data: Uint8Array): Buffer {
  return hash('sha256', data, 'buffer');
}

/** MTH({d(0)}) = SHA-256(0x00 || d(0)): the hash of one leaf's bytes. */
export function hashLeaf(leaf: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(1 + leaf.length);
  input[0] = 0x00;
  input.set(leaf, 1);
  return sha256(input);
}

/** SHA-256(0x01 || left || right): the hash of an interior node from its two children. */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new AuditError('INVALID_HASH', `child hashes must be ${HASH_SIZE} bytes`);
  }
  // crypto.hash reads its input synchronously, so one scratch buffer serves every call and the
  // hot loops of tree building and proof verification allocate only the digest.
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 1 + HASH_SIZE);
  return sha256(NODE_INPUT);
}

const NODE_INPUT = Buffer.alloc(1 + 2 * HASH_SIZE, 0x01);

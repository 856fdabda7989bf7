/**
 * What a log monitor checks between two checkpoints it has verified: the newer one extends the
 * older one (RFC 9162 §2.1.4). A smaller tree is a rollback; equal sizes with different roots,
 * or a consistency proof that fails, mean the log showed two different histories (a fork).
 */
import { AuditError, isAuditError } from './error.js';
import type { Checkpoint } from './checkpoint.js';
import { verifyConsistency } from './verify.js';

/**
 * @throws AuditError CHECKPOINT_ORIGIN_MISMATCH, CHECKPOINT_ROLLBACK or CHECKPOINT_FORK (with the
 * failing proof check as cause).
 */
export function verifyCheckpointConsistency(older: Checkpoint, newer: Checkpoint, proof: readonly Uint8Array[]): void {
  if (older.origin !== newer.origin) {
    throw new AuditError('CHECKPOINT_ORIGIN_MISMATCH', `checkpoints are from different logs ("${older.origin}", "${newer.origin}")`);
  }
  if (newer.treeSize < older.treeSize) {
    throw new AuditError('CHECKPOINT_ROLLBACK', `tree size went back from ${older.treeSize} to ${newer.treeSize}`);
  }
  try {
    verifyConsistency(older.treeSize, newer.treeSize, proof, older.rootHash, newer.rootHash);
  } catch (cause) {
    if (!isAuditError(cause, 'CONSISTENCY_PROOF_INVALID')) throw cause;
    const what = older.treeSize === newer.treeSize
      ? `two different roots for tree size ${older.treeSize}`
      : `tree ${newer.treeSize} does not extend tree ${older.treeSize}: ${cause.message}`;
    throw new AuditError('CHECKPOINT_FORK', `fork detected: ${what}`, { cause });
  }
}

/**
 * @brandsafe/audit: RFC 9162 Merkle log math, signed checkpoints, receipts and offline
 * verification. Pure: node:crypto and an RFC 8785 canonicalizer only — no database, no HTTP.
 */
export { AuditError, isAuditError, type AuditErrorCode } from './error.js';
export { bytesEqual, fromBase64, fromHex, toBase64, toHex } from './bytes.js';
export { EMPTY_ROOT_HASH, HASH_SIZE, hashChildren, hashLeaf, sha256 } from './hash.js';
export { coveringNodes, nodeEnd, nodeKey, nodeStart, splitPoint, type NodeId } from './node-id.js';
export { consistencyPlan, inclusionPlan, rootNodes, type ProofPlan, type ProofStep } from './proof-plan.js';
export {
  assembleProof,
  consistencyProof,
  inclusionProof,
  leafHashSource,
  planNodeIds,
  rootFromNodes,
  rootHashAt,
  type HashSource,
  type SyncHashSource,
} from './hash-source.js';
export { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify.js';
export { CompactRange, type NodeRecord } from './compact-range.js';
export { MemoryTree } from './memory-tree.js';
export { merkleTreeHash, merkleTreeHashOfLeafHashes } from './tree-hash.js';
export { canonicalBytes, canonicalJson, type JsonValue } from './canonical.js';
export {
  SIG_TYPE_COSIGNATURE_ED25519,
  SIG_TYPE_ED25519,
  checkKeyName,
  exportPrivateKeyPem,
  exportPublicKeyPem,
  formatVerifierKey,
  generateLogKeyPair,
  importPrivateKeyPem,
  importPublicKeyPem,
  logId,
  noteKeyId,
  parseVerifierKey,
  publicKeyFromRaw,
  publicKeyOf,
  rawPublicKey,
  type LogKeyPair,
} from './keys.js';
export {
  MAX_NOTE_LENGTH,
  MAX_NOTE_SIGNATURES,
  checkNoteText,
  formatSignatureLine,
  parseNote,
  signNote,
  signNoteText,
  verifyEd25519,
  verifyNote,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
  type ParsedNote,
} from './note.js';
export {
  formatCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
  verifyCheckpointSignature,
  verifyCheckpointTimestamp,
  type Checkpoint,
  type SignatureVerifiedCheckpoint,
  type SignedCheckpoint,
  type VerifiedCheckpoint,
} from './checkpoint.js';
export {
  buildReceipt,
  checkpointJson,
  verifyReceipt,
  type CheckpointJson,
  type Receipt,
  type ReceiptCheck,
  type ReceiptFailure,
  type ReceiptVerification,
} from './receipt.js';
export { verifyCheckpointConsistency } from './consistency.js';

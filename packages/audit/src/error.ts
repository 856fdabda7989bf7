/**
 * Typed errors of @brandsafe/audit. Every failure the package reports is an {@link AuditError}
 * with a stable SCREAMING_SNAKE code, so callers (the API, the CLI, the extension) can map it to a
 * problem type or an exit code without parsing messages. The original error is kept as `cause`.
 */

/** Stable error codes. Add new ones at the end; never rename (they reach API clients). */
export type AuditErrorCode =
  /** A tree size, leaf index or node id is negative, fractional, unsafe or out of range. */
  | 'INVALID_ARGUMENT'
  /** A hash has the wrong length or is not valid hex/base64. */
  | 'INVALID_HASH'
  /** An inclusion proof does not prove the leaf into the root (RFC 9162 §2.1.3.2). */
  | 'INCLUSION_PROOF_INVALID'
  /** A consistency proof does not prove the old root is a prefix of the new one (§2.1.4.2). */
  | 'CONSISTENCY_PROOF_INVALID'
  /** A hash source returned the wrong number of hashes or a malformed hash. */
  | 'HASH_SOURCE_FAILED'
  /** A value cannot be represented as RFC 8785 canonical JSON. */
  | 'CANONICALIZATION_FAILED'
  /** A key is not an Ed25519 key, or its PEM cannot be read. */
  | 'KEY_INVALID'
  /** A note key name is empty or contains a space or '+' (C2SP signed-note). */
  | 'KEY_NAME_INVALID'
  /** A signed note is not in the C2SP signed-note text form. */
  | 'NOTE_MALFORMED'
  /** A signed note carries no signature from the expected key (name and key id). */
  | 'NOTE_UNKNOWN_KEY'
  /** A signature line from the expected key does not verify. */
  | 'NOTE_SIGNATURE_INVALID'
  /** A note body is not a C2SP tlog-checkpoint. */
  | 'CHECKPOINT_MALFORMED'
  /** A checkpoint names another log (origin) than the one expected. */
  | 'CHECKPOINT_ORIGIN_MISMATCH'
  /** A checkpoint cosignature (timestamp) is missing, malformed or invalid. */
  | 'COSIGNATURE_INVALID'
  /** A newer checkpoint has a smaller tree than one already verified: the log went back. */
  | 'CHECKPOINT_ROLLBACK'
  /** Two checkpoints of the same log cannot both be true: a split view (fork). */
  | 'CHECKPOINT_FORK';

/** The one error type thrown by @brandsafe/audit. */
export class AuditError extends Error {
  override readonly name = 'AuditError';
  readonly code: AuditErrorCode;

  constructor(code: AuditErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `error` is an {@link AuditError}, optionally with the given code. */
export function isAuditError(error: unknown, code?: AuditErrorCode): error is AuditError {
  return error instanceof AuditError && (code === undefined || error.code === code);
}

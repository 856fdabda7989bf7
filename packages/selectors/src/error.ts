/**
 * Typed errors of @brandsafe/selectors. The selector functions never throw on bad selector text
 * (they return problems); only I/O such as {@link loadSnapshotsFromDir} throws, always a
 * {@link SelectorsError} with a stable code and the original error as `cause`.
 */

/** Stable error codes. Add new ones at the end; never rename. */
export type SelectorsErrorCode =
  /** The snapshot directory cannot be listed. */
  | 'SNAPSHOT_DIR_UNREADABLE'
  /** A snapshot file cannot be read. */
  | 'SNAPSHOT_UNREADABLE'
  /** A snapshot file is larger than the configured limit. */
  | 'SNAPSHOT_TOO_LARGE';

/** The one error type thrown by @brandsafe/selectors. */
export class SelectorsError extends Error {
  override readonly name = 'SelectorsError';
  constructor(
    readonly code: SelectorsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

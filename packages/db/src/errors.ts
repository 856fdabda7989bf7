/** Error codes the database layer raises (sigstore-js style: a typed code, the cause kept). */
export type DbErrorCode =
  | 'INVALID_CONFIG'
  | 'MIGRATION_FAILED'
  | 'INVALID_WORKSPACE_ID'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_ARGUMENT';

/** An error from @brandsafe/db; `code` is stable, `cause` keeps the driver's error. */
export class DbError extends Error {
  override readonly name = 'DbError';
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The SQLSTATE of a PostgreSQL error from either driver, if it is one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** True for `unique_violation` (23505): a row with that key already exists. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

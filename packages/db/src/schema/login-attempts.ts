import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * `login_attempts`: sign-in attempts per account and per address, for throttling. Not a tenant
 * table: the application role has no privilege on it and reaches it only through the
 * `brandsafe_record_login_attempt` / `brandsafe_login_failures` functions.
 */
export interface LoginAttemptsTable {
  id: ColumnType<string, never, never>;
  email: string;
  address: string;
  succeeded: boolean;
  at: ColumnType<Date, Date | string | undefined, never>;
}
export type LoginAttemptRow = Selectable<LoginAttemptsTable>;
export type NewLoginAttemptRow = Insertable<LoginAttemptsTable>;

/**
 * @brandsafe/db: kysely schema, migrations, PGlite/PostgreSQL connections and tenant scoping.
 *
 * Every application query runs inside `withWorkspace` (or `withoutWorkspace` before a workspace
 * is known), which acts as the table-less `brandsafe_app` role under row-level security. The
 * bare `db` is the privileged path for migrations, seeding and cross-tenant jobs.
 */
export { createDatabase, databaseUrlProblem, type DatabaseConnection, type DatabaseOptions, type DialectName } from './connection.js';
export { DbError, isUniqueViolation, sqlState, type DbErrorCode } from './errors.js';
export { migrateToLatest } from './migrate.js';
export { migrations } from './migrations/index.js';
export { APP_ROLE, isUuid, withWorkspace, withWorkspaceFinal, withWorkspaceStatements, withoutWorkspace, type FinalStatement, type ScopeOptions, type Tx } from './scope.js';
export { groupCommitter, type GroupCommitOptions, type GroupCommitStats } from './group-commit.js';
export { batchQuery, inlineParameters, sqlLiteral, type BatchPart, type Statement } from './batch.js';
export * from './schema/index.js';
export * from './repositories/api-tokens.js';
export * from './repositories/audit-events.js';
export * from './repositories/audit-log.js';
export * from './repositories/audit-log-query.js';
export * from './repositories/auth-lookups.js';
export * from './repositories/brand-roles.js';
export * from './repositories/brand-versions.js';
export * from './repositories/brands.js';
export * from './repositories/email-verifications.js';
export * from './repositories/invitations.js';
export * from './repositories/memberships.js';
export * from './repositories/outbox.js';
export * from './repositories/sessions.js';
export * from './repositories/users.js';
export * from './repositories/workspaces.js';
export * from './repositories/corrections.js';
export * from './repositories/generations.js';
export * from './repositories/generations-insert.js';
export * from './repositories/generations-list.js';
export * from './repositories/opal-requests.js';

import type { ApiTokensTable } from './api-tokens.js';
import type { AuditEventsTable } from './audit-events.js';
import type { BrandRolesTable } from './brand-roles.js';
import type { BrandVersionsTable } from './brand-versions.js';
import type { BrandsTable } from './brands.js';
import type { CodeCorrectionsTable } from './code-corrections.js';
import type { EmailVerificationsTable } from './email-verifications.js';
import type { GenerationTransitionsTable } from './generation-transitions.js';
import type { GenerationsTable } from './generations.js';
import type { InvitationsTable } from './invitations.js';
import type { LoginAttemptsTable } from './login-attempts.js';
import type { MembershipsTable } from './memberships.js';
import type { OpalRequestsTable } from './opal-requests.js';
import type { OutboxEmailsTable } from './outbox-emails.js';
import type { SessionsTable } from './sessions.js';
import type { UsersTable } from './users.js';
import type { WorkspacesTable } from './workspaces.js';

/** Every table kysely may query, by SQL name. Later migrations add their tables here. */
export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  brand_roles: BrandRolesTable;
  invitations: InvitationsTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  brands: BrandsTable;
  brand_versions: BrandVersionsTable;
  generations: GenerationsTable;
  generation_transitions: GenerationTransitionsTable;
  code_corrections: CodeCorrectionsTable;
  opal_requests: OpalRequestsTable;
  audit_events: AuditEventsTable;
  outbox_emails: OutboxEmailsTable;
  login_attempts: LoginAttemptsTable;
  email_verifications: EmailVerificationsTable;
}

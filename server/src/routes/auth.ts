/**
 * Identity: sign-up (creates a workspace with the caller as its owner), sign-in (throttled per
 * account and address), sign-out and "who am I". Session secrets are returned once and stored
 * as SHA-256 hashes.
 */
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  addMembership,
  appendAuditEvent,
  createEmailVerification,
  createSession,
  enqueueEmail,
  getMembership,
  getUser,
  getWorkspace,
  insertUser,
  insertWorkspace,
  isUniqueViolation,
  loginLookup,
  revokeSession,
  verifyEmail,
  withoutWorkspace,
  withWorkspace,
  type Tx,
  type User,
  type Workspace,
} from '@brandsafe/db';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { checkLoginThrottle, recordAttempt } from '../auth/throttle.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { clientAddress } from '../http/client-address.js';
import { BEARER, CONFLICT, ERRORS, THROTTLED, json, jsonBody } from '../http/openapi.js';
import { ProblemError } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';
import { Email, Role, Scope, UserSchema, WorkspaceSchema } from '../http/schemas.js';

const Password = z.string().min(10, 'at least 10 characters').max(256);

const SignupBody = z.strictObject({ email: Email, password: Password, workspace: z.string().trim().min(1).max(100) }).openapi('SignupRequest');
const LoginBody = z
  .strictObject({ email: Email, password: z.string().min(1).max(256), workspaceId: z.uuid().optional() })
  .openapi('LoginRequest');
const SessionSchema = z.object({ token: z.string(), expiresAt: z.string(), workspaceId: z.uuid() });
const SignupResult = SessionSchema.extend({ user: UserSchema, workspace: WorkspaceSchema }).openapi('SignupResult');
const MeSchema = z
  .object({ user: UserSchema, workspace: WorkspaceSchema, role: Role, scopes: z.array(Scope), via: z.enum(['session', 'token']) })
  .openapi('Me');

/** The API's view of a user. */
export const userJson = (u: User) => ({ id: u.id, email: u.email, displayName: u.displayName, emailVerified: u.emailVerifiedAt !== null });
export const workspaceJson = (w: Workspace) => ({ id: w.id, name: w.name, slug: w.slug });

function slugify(name: string): string {
  const base = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `${base || 'workspace'}-${randomUUID().slice(0, 6)}`;
}

/** Opens a session in the transaction's workspace; returns the secret (shown once). */
export async function openSession(trx: Tx, deps: RouteDeps, workspaceId: string, userId: string) {
  const token = newSecret('session');
  const expiresAt = new Date(Date.now() + deps.options.sessionTtlSeconds * 1000);
  await createSession(trx, { workspaceId, userId, tokenHash: hashSecret(token), expiresAt });
  return { token, expiresAt: expiresAt.toISOString(), workspaceId };
}

/** Queues the email that verifies `email` (issue 4 §4), in the caller's transaction. */
async function queueVerification(trx: Tx, deps: RouteDeps, workspaceId: string, userId: string, email: string) {
  const secret = newSecret('verification');
  await createEmailVerification(trx, { userId, email, tokenHash: hashSecret(secret) });
  return enqueueEmail(trx, {
    workspaceId,
    kind: 'verification',
    to: email,
    subject: 'Confirm your email address for brandsafe',
    text: [
      'Confirm your address within 3 days:',
      `${deps.options.publicUrl}/verify-email?token=${secret}`,
      `or: curl -X POST ${deps.options.publicUrl}/api/v1/auth/verify-email -H 'content-type: application/json' -d '{"token":"${secret}"}'`,
    ].join('\n'),
  });
}

// A hash of a random password, verified when the email is unknown so both paths cost the same.
let dummyHash: Promise<string> | undefined;

export function authRoutes(deps: RouteDeps) {
  const app = routeGroup();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/signup',
      tags: ['identity'],
      summary: 'Create an account and its workspace (the caller becomes owner)',
      request: jsonBody(SignupBody),
      responses: { 201: json(SignupResult, 'Account, workspace and a session token'), ...CONFLICT, 400: ERRORS[400], 413: ERRORS[413] },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const workspaceId = randomUUID();
      const userId = randomUUID();
      const passwordHash = await hashPassword(body.password, deps.options.scryptCost);
      try {
        const result = await withWorkspace(
          deps.db,
          workspaceId,
          async (trx) => {
            const workspace = await insertWorkspace(trx, { id: workspaceId, name: body.workspace, slug: slugify(body.workspace) });
            const user = await insertUser(trx, { id: userId, email: body.email, passwordHash });
            await addMembership(trx, { workspaceId, userId, role: 'owner' });
            const actor = `user:${userId}`;
            await appendAuditEvent(trx, { workspaceId, type: 'workspace.created', actor, payload: { name: workspace.name } });
            await appendAuditEvent(trx, { workspaceId, type: 'member.added', actor, payload: { userId, role: 'owner' } });
            const session = await openSession(trx, deps, workspaceId, userId);
            const email = await queueVerification(trx, deps, workspaceId, userId, user.email);
            return { body: { ...session, user: userJson(user), workspace: workspaceJson(workspace) }, email };
          },
          { userId },
        );
        await deps.emails.dispatched([result.email]);
        return c.json(result.body, 201);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ProblemError('CONFLICT', 'an account with this email already exists; sign in instead', {}, {}, { cause: err });
        throw err;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['identity'],
      summary: 'Sign in with email and password',
      request: jsonBody(LoginBody),
      responses: { 200: json(SessionSchema, 'A session token'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403], ...THROTTLED },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const email = body.email.toLowerCase();
      const address = clientAddress(c, deps.options.trustProxy);
      await checkLoginThrottle(deps.db, email, address, deps.options.loginThrottle);
      const record = await withoutWorkspace(deps.db, (trx) => loginLookup(trx, email));
      dummyHash ??= hashPassword(randomUUID(), deps.options.scryptCost);
      const ok = await verifyPassword(body.password, record?.passwordHash ?? (await dummyHash));
      await recordAttempt(deps.db, email, address, ok && record !== undefined);
      if (!ok || !record) throw new ProblemError('UNAUTHENTICATED', 'wrong email or password');
      const workspaceId = body.workspaceId ?? record.workspaceId;
      if (!workspaceId) throw new ProblemError('FORBIDDEN', 'this account belongs to no workspace');
      const session = await withWorkspace(
        deps.db,
        workspaceId,
        async (trx) => {
          if (!(await getMembership(trx, record.userId))) throw new ProblemError('FORBIDDEN', 'you are not a member of that workspace');
          return openSession(trx, deps, workspaceId, record.userId);
        },
        { userId: record.userId },
      );
      return c.json(session, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/verify-email',
      tags: ['identity'],
      summary: 'Confirm an email address with the secret from the verification email',
      request: jsonBody(z.strictObject({ token: z.string().min(1).max(200) }).openapi('VerifyEmailRequest')),
      responses: { 200: json(z.object({ userId: z.uuid(), email: z.string(), emailVerified: z.literal(true) }), 'Verified'), 400: ERRORS[400], 404: ERRORS[404] },
    }),
    async (c) => {
      const { token } = c.req.valid('json');
      const verified = await withoutWorkspace(deps.db, (trx) => verifyEmail(trx, hashSecret(token)));
      if (!verified) throw new ProblemError('NOT_FOUND', 'the verification link is unknown, used or expired');
      return c.json({ userId: verified.userId, email: verified.email, emailVerified: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['identity'],
      summary: 'End the current session',
      security: BEARER,
      middleware: requireAuth(deps),
      responses: { 204: { description: 'Signed out' }, 400: ERRORS[400], 401: ERRORS[401] },
    }),
    async (c) => {
      const p = principalOf(c);
      if (p.kind !== 'session') throw new ProblemError('VALIDATION_FAILED', 'sign-out ends sessions; revoke API tokens with DELETE /api/v1/tokens/{id}');
      await inWorkspace(deps, p, (trx) => revokeSession(trx, p.credentialId));
      deps.principals.clear();
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['identity'],
      summary: 'The caller, their workspace, role and scopes',
      security: BEARER,
      middleware: requireAuth(deps),
      responses: { 200: json(MeSchema, 'The caller'), 401: ERRORS[401] },
    }),
    async (c) => {
      const p = principalOf(c);
      const { user, workspace } = await inWorkspace(deps, p, async (trx) => ({
        user: await getUser(trx, p.userId),
        workspace: await getWorkspace(trx, p.workspaceId),
      }));
      if (!user || !workspace) throw new ProblemError('UNAUTHENTICATED', 'the account no longer exists');
      return c.json({ user: userJson(user), workspace: workspaceJson(workspace), role: p.role, scopes: [...p.scopes], via: p.kind }, 200);
    },
  );

  return app;
}

/**
 * Invitations (issue 4 §4): an admin invites an email address with a role; the secret goes
 * only into the email (outbox); the invitation expires after 7 days. Accepting signs the
 * invitee in to the workspace: an existing account must be signed in as the invited address; a
 * new address sets its password while accepting (receiving the email verifies the address).
 */
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  addMembership,
  appendAuditEvent,
  createInvitation,
  enqueueEmail,
  findInvitation,
  getMembership,
  getUser,
  insertUser,
  isUniqueViolation,
  listInvitations,
  markEmailVerified,
  markInvitationAccepted,
  revokeInvitation,
  withoutWorkspace,
  withWorkspace,
  type Invitation,
} from '@brandsafe/db';
import { hashPassword } from '../auth/password.js';
import { actorOf } from '../auth/principal.js';
import { requireAction } from '../auth/roles.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { RouteDeps } from '../context.js';
import { authenticate, inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, CONFLICT, ERRORS, IdParam, PAYMENT_REQUIRED, json, jsonBody } from '../http/openapi.js';
import { assertRoomFor } from '../billing/limits.js';
import { ProblemError, conflict, forbidden, notFound } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';
import { Email, ItemsOf, Role } from '../http/schemas.js';
import { openSession } from './auth.js';

const InviteBody = z.strictObject({ email: Email, role: Role }).openapi('InviteRequest');
const AcceptBody = z
  .strictObject({ token: z.string().min(1).max(200), password: z.string().min(10, 'at least 10 characters').max(256).optional() })
  .openapi('AcceptInvitationRequest');
const InvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: Role,
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi('Invitation');

const invitationJson = (i: Invitation, now = Date.now()) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  status: i.acceptedAt ? ('accepted' as const) : i.revokedAt ? ('revoked' as const) : i.expiresAt.getTime() <= now ? ('expired' as const) : ('pending' as const),
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});

export function invitationRoutes(deps: RouteDeps) {
  const app = routeGroup();
  const auth = requireAuth(deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['members'],
      summary: 'Invite someone by email (expires after 7 days)',
      security: BEARER,
      middleware: auth,
      request: jsonBody(InviteBody),
      responses: { 201: json(InvitationSchema, 'The invitation (the secret is only in the email)'), ...ERRORS, ...PAYMENT_REQUIRED },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'manage-members');
      const body = c.req.valid('json');
      if (body.role === 'owner' && p.role !== 'owner') throw forbidden('only an owner may invite an owner');
      const secret = newSecret('invitation');
      const { invitation, email } = await inWorkspace(deps, p, async (trx) => {
        await assertRoomFor(deps, trx, p.workspaceId, 'member');
        const invitation = await createInvitation(trx, {
          workspaceId: p.workspaceId,
          email: body.email,
          role: body.role,
          tokenHash: hashSecret(secret),
          invitedBy: p.userId,
        });
        await appendAuditEvent(trx, {
          workspaceId: p.workspaceId,
          type: 'invitation.created',
          actor: actorOf(p),
          payload: { invitationId: invitation.id, email: body.email, role: body.role },
        });
        const email = await enqueueEmail(trx, {
          workspaceId: p.workspaceId,
          kind: 'invitation',
          to: body.email,
          subject: 'You are invited to a brandsafe workspace',
          text: [
            `You have been invited to join a brandsafe workspace as ${body.role}.`,
            `Accept within 7 days: ${deps.options.publicUrl}/invitations/accept?token=${secret}`,
            `or: curl -X POST ${deps.options.publicUrl}/api/v1/invitations/accept -H 'content-type: application/json' -d '{"token":"${secret}","password":"…"}'`,
          ].join('\n'),
        });
        return { invitation, email };
      });
      await deps.emails.dispatched([email]);
      return c.json(invitationJson(invitation), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['members'],
      summary: 'List invitations',
      security: BEARER,
      middleware: auth,
      responses: { 200: json(ItemsOf(InvitationSchema), 'Invitations, newest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'manage-members');
      const items = await inWorkspace(deps, p, (trx) => listInvitations(trx));
      return c.json({ items: items.map((i) => invitationJson(i)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['members'],
      summary: 'Revoke a pending invitation',
      security: BEARER,
      middleware: auth,
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...ERRORS },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'manage-members');
      const { id } = c.req.valid('param');
      await inWorkspace(deps, p, async (trx) => {
        if (!(await revokeInvitation(trx, id))) throw notFound('pending invitation');
        await appendAuditEvent(trx, { workspaceId: p.workspaceId, type: 'invitation.revoked', actor: actorOf(p), payload: { invitationId: id } });
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/accept',
      tags: ['members'],
      summary: 'Accept an invitation (signed in as the invited address, or setting a password for a new account)',
      request: jsonBody(AcceptBody),
      responses: {
        200: json(z.object({ token: z.string(), expiresAt: z.string(), workspaceId: z.uuid() }), 'A session in the workspace'),
        ...ERRORS,
        ...PAYMENT_REQUIRED,
        ...CONFLICT,
        410: { description: 'Expired or revoked', content: { 'application/problem+json': { schema: z.object({}) } } },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const inv = await withoutWorkspace(deps.db, (trx) => findInvitation(trx, hashSecret(body.token)));
      if (!inv) throw notFound('invitation');
      if (inv.acceptedAt) throw conflict('the invitation was already accepted');
      if (inv.revokedAt || inv.expiresAt.getTime() <= Date.now()) throw new ProblemError('GONE', 'the invitation has expired or was revoked');
      const caller = await authenticate(deps, c.req.header('authorization'));
      let userId: string;
      let passwordHash: string | undefined;
      if (caller) {
        const me = await withWorkspace(deps.db, caller.workspaceId, (trx) => getUser(trx, caller.userId), { userId: caller.userId });
        if (me?.email.toLowerCase() !== inv.email.toLowerCase()) throw forbidden('the invitation was sent to another address');
        userId = caller.userId;
      } else {
        if (!body.password) throw new ProblemError('VALIDATION_FAILED', 'a new account needs a password (or sign in first)', { errors: [{ field: 'password', message: 'required' }] });
        userId = randomUUID();
        passwordHash = await hashPassword(body.password, deps.options.scryptCost);
      }
      try {
        const session = await withWorkspace(
          deps.db,
          inv.workspaceId,
          async (trx) => {
            if (passwordHash) {
              await insertUser(trx, { id: userId, email: inv.email, passwordHash });
              await markEmailVerified(trx, userId);
            }
            if (await getMembership(trx, userId)) throw conflict('you are already a member of this workspace');
            if (!(await markInvitationAccepted(trx, inv.invitationId))) throw conflict('the invitation was already accepted');
            // Checked again here: invitations are not counted, so several may be open at once.
            await assertRoomFor(deps, trx, inv.workspaceId, 'member');
            await addMembership(trx, { workspaceId: inv.workspaceId, userId, role: inv.role });
            await appendAuditEvent(trx, {
              workspaceId: inv.workspaceId,
              type: 'member.added',
              actor: `user:${userId}`,
              payload: { userId, role: inv.role, invitationId: inv.invitationId },
            });
            return openSession(trx, deps, inv.workspaceId, userId);
          },
          { userId },
        );
        return c.json(session, 200);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('an account with this email exists; sign in and accept again', { cause: String(err) });
        throw err;
      }
    },
  );
  return app;
}

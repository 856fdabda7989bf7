/**
 * Personal API tokens (issue 4 §4): created with scopes, the secret shown once in the creation
 * response and stored as its SHA-256, listed with last use, revocable. A token acts for its
 * creator in the workspace it was created in, limited by its scopes and the creator's role.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { appendAuditEvent, createApiToken, listApiTokens, revokeApiToken, type ApiToken } from '@brandsafe/db';
import { actorOf } from '../auth/principal.js';
import { requireAction } from '../auth/roles.js';
import { displayPrefix, hashSecret, newSecret } from '../auth/secrets.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, ERRORS, IdParam, PAYMENT_REQUIRED, json, jsonBody } from '../http/openapi.js';
import { assertRoomFor } from '../billing/limits.js';
import { notFound } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';
import { ItemsOf, Scope } from '../http/schemas.js';

const CreateTokenBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(Scope).min(1).max(4).refine((s) => new Set(s).size === s.length, 'scopes must not repeat'),
    expiresInDays: z.number().int().min(1).max(366).optional(),
  })
  .openapi('CreateTokenRequest');

const TokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(Scope),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');
const CreatedTokenSchema = TokenSchema.extend({ token: z.string().openapi({ description: 'The secret; shown only in this response' }) }).openapi(
  'CreatedApiToken',
);

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const tokenJson = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  expiresAt: iso(t.expiresAt),
  revokedAt: iso(t.revokedAt),
});

export function tokenRoutes(deps: RouteDeps) {
  const app = routeGroup();
  const auth = requireAuth(deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['tokens'],
      summary: 'Create a personal API token (the secret is shown once)',
      security: BEARER,
      middleware: auth,
      request: jsonBody(CreateTokenBody),
      responses: { 201: json(CreatedTokenSchema, 'The token and its secret'), ...ERRORS, ...PAYMENT_REQUIRED },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'manage-tokens');
      const body = c.req.valid('json');
      const secret = newSecret('apiToken');
      const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null;
      const token = await inWorkspace(deps, p, async (trx) => {
        await assertRoomFor(deps, trx, p.workspaceId, 'api_token');
        const t = await createApiToken(trx, {
          workspaceId: p.workspaceId,
          userId: p.userId,
          name: body.name,
          prefix: displayPrefix(secret),
          tokenHash: hashSecret(secret),
          scopes: body.scopes,
          expiresAt,
        });
        await appendAuditEvent(trx, {
          workspaceId: p.workspaceId,
          type: 'token.created',
          actor: actorOf(p),
          payload: { tokenId: t.id, name: t.name, scopes: t.scopes },
        });
        return t;
      });
      return c.json({ ...tokenJson(token), token: secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['tokens'],
      summary: "List the caller's tokens with their last use",
      security: BEARER,
      middleware: auth,
      responses: { 200: json(ItemsOf(TokenSchema), 'Tokens, newest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'read');
      const items = await inWorkspace(deps, p, (trx) => listApiTokens(trx, p.userId));
      return c.json({ items: items.map(tokenJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['tokens'],
      summary: 'Revoke a token',
      security: BEARER,
      middleware: auth,
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...ERRORS },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'manage-tokens');
      const { id } = c.req.valid('param');
      await inWorkspace(deps, p, async (trx) => {
        const t = await revokeApiToken(trx, p.userId, id);
        if (!t) throw notFound('live token');
        await appendAuditEvent(trx, { workspaceId: p.workspaceId, type: 'token.revoked', actor: actorOf(p), payload: { tokenId: id } });
      });
      deps.principals.clear();
      return c.body(null, 204);
    },
  );
  return app;
}

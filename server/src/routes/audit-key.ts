/**
 * `GET /.well-known/brandsafe-log-key` (issue 5 §3): the log's Ed25519 public key. By default a
 * PEM file that `brandsafe verify --key` reads as is: RFC 7468 allows explanatory text before
 * the encapsulation boundary, which carries the origin, log id and C2SP verifier key.
 * `Accept: application/json` gives the same as JSON.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuditLog } from '../audit/schemas.js';
import type { RouteDeps } from '../context.js';
import { UNAVAILABLE } from '../http/openapi.js';
import { routeGroup } from '../http/route-group.js';

const KeySchema = z
  .object({ publicKey: z.string(), logId: z.string(), origin: z.string(), verifierKey: z.string() })
  .openapi('AuditLogKey');

export function auditKeyRoutes(deps: RouteDeps) {
  const app = routeGroup();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/brandsafe-log-key',
      tags: ['audit'],
      summary: 'The audit log public key (PEM) and log id',
      responses: {
        200: {
          description: 'PEM with the origin, log id and verifier key as explanatory text; JSON with Accept: application/json',
          content: { 'application/x-pem-file': { schema: z.string() }, 'application/json': { schema: KeySchema } },
        },
        ...UNAVAILABLE,
      },
    }),
    (c) => {
      const s = requireAuditLog(deps.db);
      const body = { publicKey: s.publicKeyPem, logId: s.signer.logId, origin: s.signer.origin, verifierKey: s.verifierKey };
      if ((c.req.header('accept') ?? '').includes('application/json')) return c.json(body, 200);
      const text = `brandsafe audit log key\norigin: ${body.origin}\nlog id: ${body.logId}\nverifier key: ${body.verifierKey}\n${body.publicKey}`;
      return c.body(text, 200, { 'content-type': 'application/x-pem-file', 'cache-control': 'public, max-age=300' });
    },
  );
  return app;
}

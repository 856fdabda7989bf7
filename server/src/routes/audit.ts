/**
 * The audit log API (issue 5 §3) at /api/v1/audit: checkpoints and consistency proofs are
 * log-wide and public (hashes only, as in RFC 9162 §4.3/§4.4 get-sth / get-sth-consistency);
 * receipts and event listings are tenant-scoped — a workspace sees only its own events.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { listAuditLogEntries, withoutWorkspace } from '@brandsafe/db';
import { entryJson, negotiateFormat, toCsv, toNdjson } from '../audit/formats.js';
import { CheckpointSchema, ConsistencySchema, ListedEventSchema, ReceiptSchema, requireAuditLog } from '../audit/schemas.js';
import { requireAction } from '../auth/roles.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, CONFLICT, ERRORS, json, UNAVAILABLE } from '../http/openapi.js';
import { notFound, ProblemError } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';

const Size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ConsistencyQuery = z.strictObject({
  first: Size.openapi({ description: 'The older tree size' }),
  second: Size.openapi({ description: 'The newer tree size (at most the newest signed head)' }),
});
const EventIdParam = z.object({ eventId: z.uuid().openapi({ param: { name: 'eventId', in: 'path' } }) });

const encodeCursor = (seq: string) => Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const m = /^seq:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new ProblemError('VALIDATION_FAILED', 'invalid query: cursor', { errors: [{ field: 'cursor', message: 'not a cursor this API issued' }], in: 'query' });
  return m[1]!;
}

const EventsQuery = z.strictObject({
  type: z.string().max(200).optional(),
  actor: z.string().max(300).optional(),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'At or after (RFC 3339)' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Before (RFC 3339)' }),
  cursor: z.string().max(200).optional().openapi({ description: '`next` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: 'JSON: page size (default 100); NDJSON/CSV: all by default' }),
  format: z.enum(['json', 'ndjson', 'csv']).optional().openapi({ description: 'Overrides the Accept header' }),
});
const EventsPage = z.object({ items: z.array(ListedEventSchema), next: z.string().nullable() }).openapi('AuditEventPage');
/** Most rows one NDJSON/CSV response carries; the cursor continues past it. */
const STREAM_MAX = 100_000;

export function auditRoutes(deps: RouteDeps) {
  const app = routeGroup();
  const auth = requireAuth(deps);
  const publicScope = <T>(fn: Parameters<typeof withoutWorkspace<T>>[1]) => withoutWorkspace(deps.db, fn);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/checkpoint',
      tags: ['audit'],
      summary: 'The newest signed tree head (C2SP checkpoint)',
      responses: { 200: json(CheckpointSchema, 'The checkpoint'), ...UNAVAILABLE },
    }),
    async (c) => {
      const s = requireAuditLog(deps.db);
      return c.json(s.json(await s.checkpoint(publicScope)), 200, { 'cache-control': 'no-store' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/consistency',
      tags: ['audit'],
      summary: 'Consistency proof between two tree sizes (RFC 9162 §2.1.4)',
      request: { query: ConsistencyQuery },
      responses: { 200: json(ConsistencySchema, 'The proof, hex hashes'), 400: ERRORS[400], ...UNAVAILABLE },
    }),
    async (c) => {
      const s = requireAuditLog(deps.db);
      const { first, second } = c.req.valid('query');
      const r = await publicScope((trx) => s.consistency(trx, first, second));
      if ('error' in r) throw new ProblemError('VALIDATION_FAILED', r.error, { errors: [{ field: 'second', message: r.error }], in: 'query' });
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/receipts/{eventId}',
      tags: ['audit'],
      summary: "A receipt for one of the workspace's events",
      description: 'An event not yet in a signed head is integrated and signed on demand; 409 with Retry-After if it still is not.',
      security: BEARER,
      middleware: auth,
      request: { params: EventIdParam },
      responses: { 200: json(ReceiptSchema, 'Verifiable offline with the log key'), ...ERRORS, ...CONFLICT, ...UNAVAILABLE },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'read');
      const s = requireAuditLog(deps.db);
      const r = await s.receipt((fn) => inWorkspace(deps, p, fn), c.req.valid('param').eventId);
      if (!r.ok && r.reason === 'not-found') throw notFound('audit event');
      if (!r.ok) throw new ProblemError('CONFLICT', 'the event is not in a signed tree head yet', {}, { 'retry-after': '1' });
      // buildReceipt types the event as any JSON; it is leafEvent's object, EventSchema's shape.
      return c.json(r.receipt as unknown as z.infer<typeof ReceiptSchema>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/events',
      tags: ['audit'],
      summary: "The workspace's audit events, oldest first",
      description: 'JSON pages with a `next` cursor, or NDJSON / CSV by `format=` or the Accept header.',
      security: BEARER,
      middleware: auth,
      request: { query: EventsQuery },
      responses: {
        200: {
          description: 'Events',
          content: {
            'application/json': { schema: EventsPage },
            'application/x-ndjson': { schema: z.string() },
            'text/csv': { schema: z.string() },
          },
        },
        400: ERRORS[400],
        401: ERRORS[401],
        403: ERRORS[403],
      },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'read');
      const q = c.req.valid('query');
      const format = negotiateFormat(q.format, c.req.header('accept'));
      const limit = q.limit ?? (format === 'json' ? 100 : STREAM_MAX);
      const filter = {
        ...(q.type ? { type: q.type } : {}),
        ...(q.actor ? { actor: q.actor } : {}),
        ...(q.from ? { from: new Date(q.from) } : {}),
        ...(q.to ? { to: new Date(q.to) } : {}),
      };
      let afterSeq = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      const rows = await inWorkspace(deps, p, async (trx) => {
        const out = [];
        while (out.length <= limit) {
          const page = await listAuditLogEntries(trx, { ...filter, ...(afterSeq ? { afterSeq } : {}), limit: Math.min(1000, limit + 1 - out.length) });
          out.push(...page);
          if (page.length === 0 || out.length > limit) break;
          afterSeq = page.at(-1)!.event.seq;
        }
        return out;
      });
      const items = rows.slice(0, limit);
      const next = rows.length > limit ? encodeCursor(items.at(-1)!.event.seq) : null;
      const link: Record<string, string> = next ? { link: `<?cursor=${next}>; rel="next"` } : {};
      if (format === 'ndjson') return c.body(toNdjson(items), 200, { 'content-type': 'application/x-ndjson', ...link });
      if (format === 'csv') return c.body(toCsv(items), 200, { 'content-type': 'text/csv; charset=utf-8; header=present', ...link });
      return c.json({ items: items.map(entryJson), next }, 200);
    },
  );
  return app;
}

/**
 * Audit records for auditors and admins (issue 5 §5, §6), at /api/v1/audit:
 * - `GET /export?from&to`: the compliance export of the workspace's events in a date range;
 * - `GET /tamper`, `POST /tamper/check`: the latest / a fresh tamper check (owners and admins).
 *   Findings are log-wide; event ids are shown only for the caller's own workspace.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { buildComplianceExport, EXPORT_MAX_EVENTS, ExportTooLargeError } from '../audit/export.js';
import { registerAuditMetrics } from '../audit/metrics.js';
import { requireAuditLog, TamperReportSchema } from '../audit/schemas.js';
import type { TamperReport } from '../audit/tamper.js';
import { runTamperCheck } from '../audit/tamper-job.js';
import { requireAction } from '../auth/roles.js';
import type { Principal } from '../auth/principal.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, ERRORS, json, UNAVAILABLE } from '../http/openapi.js';
import { ProblemError } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';

const ExportQuery = z
  .strictObject({
    from: z.iso.datetime({ offset: true }).openapi({ description: 'Events at or after (RFC 3339)' }),
    to: z.iso.datetime({ offset: true }).openapi({ description: 'Events before (RFC 3339)' }),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] });

const ExportSchema = z
  .object({
    format: z.literal('brandsafe-audit-export/v1'),
    origin: z.string(),
    logId: z.string(),
    publicKey: z.string(),
    verifierKey: z.string(),
    workspaceId: z.uuid(),
    range: z.object({ from: z.string(), to: z.string() }),
    generatedAt: z.string(),
    checkpoint: z.unknown(),
    checkpoints: z.array(z.unknown()),
    consistency: z.array(z.object({ first: z.number(), second: z.number(), proof: z.array(z.string()) })),
    receipts: z.array(z.unknown()),
  })
  .openapi('AuditExport');

function visibleReport(report: TamperReport, p: Principal) {
  return {
    checkedAt: report.checkedAt,
    treeSize: report.treeSize,
    checkedLeaves: report.checkedLeaves,
    checkedHeads: report.checkedHeads,
    intact: report.findings.length === 0,
    findings: report.findings.map(({ workspaceId, eventId, ...f }) => ({ ...f, ...(workspaceId === p.workspaceId && eventId ? { eventId } : {}) })),
  };
}

export function auditRecordRoutes(deps: RouteDeps) {
  const app = routeGroup();
  const auth = requireAuth(deps);
  registerAuditMetrics(deps.metrics.registry, deps.db);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags: ['audit'],
      summary: 'Compliance export: events, receipts, checkpoints and the public key in one file',
      description: `Verifiable offline with \`brandsafe verify export.json --key log-key.pem\`. At most ${EXPORT_MAX_EVENTS} events per export.`,
      security: BEARER,
      middleware: auth,
      request: { query: ExportQuery },
      responses: { 200: json(ExportSchema, 'The export (Content-Disposition: attachment)'), ...ERRORS, ...UNAVAILABLE },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'read');
      const s = requireAuditLog(deps.db);
      const q = c.req.valid('query');
      const range = { from: new Date(q.from), to: new Date(q.to) };
      try {
        const body = await buildComplianceExport(s, (fn) => inWorkspace(deps, p, fn), p.workspaceId, range);
        const name = `brandsafe-audit-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}.json`;
        return c.json(body, 200, { 'content-disposition': `attachment; filename="${name}"` });
      } catch (err) {
        if (err instanceof ExportTooLargeError) throw new ProblemError('VALIDATION_FAILED', err.message, { errors: [{ field: 'to', message: err.message }], in: 'query' });
        throw err;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tamper',
      tags: ['audit'],
      summary: 'Findings of the latest tamper check (runs one if none ran yet)',
      security: BEARER,
      middleware: auth,
      responses: { 200: json(TamperReportSchema, 'The report'), 401: ERRORS[401], 403: ERRORS[403], ...UNAVAILABLE },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'manage-members');
      const s = requireAuditLog(deps.db);
      const report = s.lastTamperReport ?? (await runTamperCheck(deps.db, s));
      return c.json(visibleReport(report, p), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/tamper/check',
      tags: ['audit'],
      summary: 'Run a tamper check now',
      security: BEARER,
      middleware: auth,
      responses: { 200: json(TamperReportSchema, 'The report'), 401: ERRORS[401], 403: ERRORS[403], ...UNAVAILABLE },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'manage-members');
      const report = await runTamperCheck(deps.db, requireAuditLog(deps.db));
      return c.json(visibleReport(report, p), 200);
    },
  );
  return app;
}

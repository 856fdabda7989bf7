/**
 * The review pipeline's moves and code corrections (issue 4 §7), at /api/v1/generations/{id}/….
 *
 * Each request locks the generation row (SELECT … FOR UPDATE) before deciding, and the status
 * update is conditional on the status it read, so two concurrent moves of one generation
 * cannot both succeed: the second sees the first one's status and gets 409. The move, its
 * transition row and its audit event commit together or not at all.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  appendAuditEvent,
  getBrandGenerationContext,
  getBrandRole,
  insertCodeCorrection,
  insertGenerationTransition,
  lockGeneration,
  setGenerationCode,
  setGenerationStatus,
  type Generation,
  type Tx,
} from '@brandsafe/db';
import { severityCounts } from '@brandsafe/generation';
import { check, type Finding } from '@brandsafe/rules';
import { createTwoFilesPatch } from 'diff';
import { actorOf, type Principal } from '../auth/principal.js';
import { requireAction } from '../auth/roles.js';
import type { RouteDeps } from '../context.js';
import { CORRECTABLE, findMove, nextStatuses, requireOverrideRight } from '../generations/pipeline.js';
import { CorrectionSchema, GenerationSummarySchema, Status, TransitionSchema, correctionJson, summaryJson, transitionJson } from '../generations/schemas.js';
import { codeDigest, type GenerationService } from '../generations/service.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, CONFLICT, ERRORS, IdParam, json, jsonBody } from '../http/openapi.js';
import { ProblemError, conflict, notFound } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';

const Text = z.string().trim().min(1).max(2000);

const TransitionBody = z
  .strictObject({
    to: Status,
    note: Text.optional().openapi({ description: 'Required when a reviewer approves or rejects' }),
    override: z
      .strictObject({ reason: Text })
      .optional()
      .openapi({ description: 'Admins only: approve although the checker still reports errors; the reason is recorded' }),
  })
  .openapi('TransitionRequest');

export const CORRECTION_KINDS = ['selector', 'rule-violation', 'logic', 'style', 'copy', 'performance', 'other'] as const;
const CorrectionBody = z
  .strictObject({
    code: z.string().min(1).max(200_000),
    reason: Text,
    kind: z.enum(CORRECTION_KINDS).openapi({ description: 'What the correction fixes (feeds the learning loop)' }),
  })
  .openapi('CorrectionRequest');

const TransitionResult = TransitionSchema.extend({ generation: GenerationSummarySchema }).openapi('TransitionResult');
const CorrectionResult = CorrectionSchema.extend({ generation: GenerationSummarySchema }).openapi('CorrectionResult');

const field = (name: string, message: string) => new ProblemError('VALIDATION_FAILED', `invalid json: ${name}`, { errors: [{ field: name, message }], in: 'json' });

export function generationReviewRoutes(deps: RouteDeps, service: GenerationService) {
  const app = routeGroup();
  const auth = requireAuth(deps);

  /** The generation, locked, and the caller's per-brand role on its brand. */
  async function locked(trx: Tx, p: Principal, id: string) {
    const g = await lockGeneration(trx, id);
    if (!g) throw notFound('generation');
    const override = (await getBrandRole(trx, g.brandId, p.userId))?.role;
    return { g, override };
  }

  /** Runs the checker on `code` against the brand's current version (what the code would ship against). */
  async function recheck(trx: Tx, p: Principal, g: Generation, code: string): Promise<{ findings: Finding[]; version: string | null }> {
    const ctx = await getBrandGenerationContext(trx, { id: g.brandId }, p.userId);
    const versionId = ctx?.versionId ?? g.brandVersionId;
    if (!versionId) throw conflict('the brand has no graph to check the code against');
    const brand = await service.brandModel(trx, versionId);
    const result = await check({ text: code, language: 'javascript', filename: 'variation.js' }, { brand, ...(g.pageType ? { pageType: g.pageType } : {}) });
    return { findings: result.findings, version: ctx?.version ?? null };
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/transitions',
      tags: ['generations'],
      summary: 'Move a generation through review',
      description:
        'GENERATED → QA_REVIEW (editors), QA_REVIEW → APPROVED | REJECTED (reviewers, with a note), APPROVED → DEPLOYED | DEPLOY_FAILED and ' +
        'DEPLOY_FAILED → DEPLOYED (admins), REJECTED → QA_REVIEW (editors). Approval re-runs the checker and is refused (409 with the findings) ' +
        'while errors remain, unless an admin overrides with a reason. An illegal move is 409, a forbidden one 403.',
      security: BEARER,
      middleware: auth,
      request: { params: IdParam, ...jsonBody(TransitionBody) },
      responses: { 201: json(TransitionResult, 'The transition and the generation after it'), ...ERRORS, ...CONFLICT },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const { to, note, override } = c.req.valid('json');
      const result = await inWorkspace(deps, p, async (trx) => {
        const { g, override: role } = await locked(trx, p, id);
        const move = findMove(g.status, to);
        if (!move) throw conflict(`a generation in ${g.status} cannot move to ${to}`, { status: g.status, allowedTransitions: nextStatuses(g.status) });
        requireAction(p, move.action, role);
        if (move.noteRequired && !note) throw field('note', `a note is required to ${move.verb}`);
        if (override && to !== 'APPROVED') throw field('override', 'an override applies only to approval');
        let findings: Finding[] | null = null;
        let version: string | null = null;
        if (to === 'APPROVED') {
          ({ findings, version } = await recheck(trx, p, g, g.code));
          const errors = findings.filter((f) => f.severity === 'error');
          if (override) {
            requireOverrideRight(p, role);
          } else if (errors.length > 0) {
            throw conflict(`the code still has ${errors.length} error(s); correct it, or an admin may approve with an override reason`, { findings });
          }
        }
        if (!(await setGenerationStatus(trx, id, g.status, to))) throw conflict('the generation was moved concurrently; reload it');
        const t = await insertGenerationTransition(trx, {
          workspaceId: p.workspaceId,
          generationId: id,
          from: g.status,
          to,
          actorId: p.userId,
          note: note ?? null,
          overrideReason: override?.reason ?? null,
          findings,
        });
        await appendAuditEvent(trx, {
          workspaceId: p.workspaceId,
          type: 'generation.transitioned',
          actor: actorOf(p),
          payload: {
            generationId: id,
            transitionId: t.id,
            from: g.status,
            to,
            note: note ?? null,
            overrideReason: override?.reason ?? null,
            ...(findings ? { findings: severityCounts(findings), brandVersion: version } : {}),
            codeSha256: codeDigest(g.code),
          },
        });
        return { t, g: { ...g, status: to, updatedAt: new Date() } };
      });
      service.reads.invalidate(p.workspaceId, id);
      return c.json({ ...transitionJson(result.t), generation: summaryJson(result.g) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/corrections',
      tags: ['generations'],
      summary: 'Record a correction of the generated code',
      description:
        'Replaces the code (while GENERATED, QA_REVIEW or REJECTED), stores the correction with a unified diff and re-checks the corrected code. ' +
        'The findings answer in the response and become the generation’s findings.',
      security: BEARER,
      middleware: auth,
      request: { params: IdParam, ...jsonBody(CorrectionBody) },
      responses: { 201: json(CorrectionResult, 'The correction and the generation after it'), ...ERRORS, ...CONFLICT },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const { code, reason, kind } = c.req.valid('json');
      const result = await inWorkspace(deps, p, async (trx) => {
        const { g, override: role } = await locked(trx, p, id);
        requireAction(p, 'author', role);
        if (!CORRECTABLE.includes(g.status)) throw conflict(`the code of a ${g.status} generation can no longer be corrected`, { status: g.status });
        if (code === g.code) throw field('code', 'the correction does not change the code');
        const { findings } = await recheck(trx, p, g, code);
        const diff = createTwoFilesPatch(`a/generation-${id}.js`, `b/generation-${id}.js`, g.code, code, undefined, undefined, { context: 3 });
        const correction = await insertCodeCorrection(trx, { workspaceId: p.workspaceId, generationId: id, authorId: p.userId, kind, reason, code, diff, findings });
        await setGenerationCode(trx, id, code, findings);
        await appendAuditEvent(trx, {
          workspaceId: p.workspaceId,
          type: 'generation.corrected',
          actor: actorOf(p),
          payload: {
            generationId: id,
            correctionId: correction.id,
            kind,
            reason,
            findings: severityCounts(findings),
            previousSha256: codeDigest(g.code),
            codeSha256: codeDigest(code),
          },
        });
        return { correction, g: { ...g, code, findings, updatedAt: new Date() } };
      });
      service.reads.invalidate(p.workspaceId, id);
      return c.json({ ...correctionJson(result.correction), generation: summaryJson(result.g) }, 201);
    },
  );
  return app;
}

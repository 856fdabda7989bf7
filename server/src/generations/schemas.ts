/**
 * The generation API's zod schemas (OpenAPI components) and the mapping from domain records to
 * JSON. Untrusted input is parsed here, at the edge (CONVENTIONS.md "Types").
 */
import { z } from '@hono/zod-openapi';
import { GENERATION_STATUSES, type CodeCorrection, type Generation, type GenerationSummary, type GenerationTransition } from '@brandsafe/db';
import type { Attempt } from '@brandsafe/generation';
import { ProblemSchema } from '../http/openapi.js';
import { nextStatuses } from './pipeline.js';

/** The 422 a generator refusal answers (GENERATION_FAILED), as documented in OpenAPI. */
export const GENERATION_FAILED = {
  422: {
    description:
      'The generator refuses the request (unapproved selector, missing or invalid parameter, unknown template, no template for the test type); ' +
      '`errors` names the field, `suggestions` lists the nearest valid values',
    content: {
      'application/problem+json': {
        schema: ProblemSchema.extend({
          generationCode: z.string(),
          parameter: z.string().optional(),
          templateId: z.string().optional(),
          suggestions: z.array(z.string()),
        }).openapi('GenerationProblem'),
      },
    },
  },
} as const;

export const Status = z.enum(GENERATION_STATUSES).openapi('GenerationStatus');

/** A template parameter value: the generator parses it by the parameter's declared type. */
const ParamValue = z.union([z.string().max(10_000), z.number(), z.boolean()]);
export const Parameters = z
  .record(z.string().min(1).max(100), ParamValue)
  .refine((r) => Object.keys(r).length <= 50, 'at most 50 parameters')
  .openapi('TemplateParameters', { example: { target: '.hero', message: 'Free shipping today' } });

/** The generation fields shared by the REST body and the Opal tool's parameters. */
export const generationFields = {
  testType: z.string().trim().min(1).max(100).openapi({ example: 'banner' }),
  description: z.string().trim().min(1).max(4000).openapi({ example: 'Free shipping banner above the hero' }),
  parameters: Parameters.optional(),
  templateId: z.string().trim().min(1).max(500).optional(),
  pageType: z.string().trim().min(1).max(100).optional(),
};

export const CreateGenerationBody = z
  .strictObject({ brandId: z.uuid(), ...generationFields })
  .openapi('CreateGenerationRequest');

const Position = z.object({ line: z.number().int(), character: z.number().int() });
export const FindingSchema = z
  .object({
    ruleId: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    range: z.object({ start: Position, end: Position }),
    docsUrl: z.string().optional(),
    brandRule: z.string().optional(),
  })
  .passthrough()
  .openapi('Finding');

export const AttemptSummary = z
  .object({
    provider: z.string(),
    outcome: z.enum(['accepted', 'rejected', 'failed']),
    durationMs: z.number(),
    templateId: z.string().optional(),
    errors: z.number().int(),
    warnings: z.number().int(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .openapi('GenerationAttempt');

const generationShape = {
  id: z.uuid(),
  brandId: z.uuid(),
  brandVersionId: z.uuid().nullable(),
  authorId: z.uuid().nullable(),
  status: Status,
  testType: z.string(),
  description: z.string(),
  templateId: z.string().nullable(),
  pageType: z.string().nullable(),
  provider: z.string(),
  findings: z.array(FindingSchema),
  confidence: z.number().min(0).max(1),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const GenerationSummarySchema = z.object(generationShape).openapi('GenerationSummary');
export const GenerationSchema = z
  .object({ ...generationShape, code: z.string(), parameters: z.record(z.string(), z.unknown()), attempts: z.array(AttemptSummary) })
  .openapi('Generation');

export const TransitionSchema = z
  .object({
    id: z.uuid(),
    from: Status,
    to: Status,
    actorId: z.uuid().nullable(),
    note: z.string().nullable(),
    overrideReason: z.string().nullable(),
    findings: z.array(FindingSchema).nullable(),
    createdAt: z.string(),
  })
  .openapi('GenerationTransition');

export const CorrectionSchema = z
  .object({
    id: z.uuid(),
    authorId: z.uuid().nullable(),
    kind: z.string(),
    reason: z.string(),
    code: z.string(),
    diff: z.string().openapi({ description: 'Unified diff from the code before the correction' }),
    findings: z.array(FindingSchema),
    createdAt: z.string(),
  })
  .openapi('CodeCorrection');

export const GenerationDetailSchema = GenerationSchema.extend({
  transitions: z.array(TransitionSchema),
  corrections: z.array(CorrectionSchema),
  allowedTransitions: z.array(Status),
}).openapi('GenerationDetail');

type FindingJson = z.infer<typeof FindingSchema>;

/** Attempts without their code and findings: who produced what, how fast, with how many errors. */
export function attemptSummary(attempts: readonly unknown[]): z.infer<typeof AttemptSummary>[] {
  return (attempts as Attempt[]).map((a) => {
    let errors = 0;
    let warnings = 0;
    for (const f of a.findings ?? []) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    return {
      provider: a.provider,
      outcome: a.outcome,
      durationMs: Math.round(a.durationMs * 100) / 100,
      ...(a.templateId === undefined ? {} : { templateId: a.templateId }),
      errors,
      warnings,
      ...(a.error === undefined ? {} : { error: a.error }),
    };
  });
}

export function summaryJson(g: GenerationSummary) {
  return {
    id: g.id,
    brandId: g.brandId,
    brandVersionId: g.brandVersionId,
    authorId: g.authorId,
    status: g.status,
    testType: g.testType,
    description: g.description,
    templateId: g.templateId,
    pageType: g.pageType,
    provider: g.provider,
    findings: g.findings as FindingJson[],
    confidence: g.confidence,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

export function generationJson(g: Generation) {
  return { ...summaryJson(g), code: g.code, parameters: g.parameters, attempts: attemptSummary(g.attempts) };
}

export function transitionJson(t: GenerationTransition) {
  return {
    id: t.id,
    from: t.from,
    to: t.to,
    actorId: t.actorId,
    note: t.note,
    overrideReason: t.overrideReason,
    findings: t.findings as FindingJson[] | null,
    createdAt: t.createdAt.toISOString(),
  };
}

export function correctionJson(c: CodeCorrection) {
  return {
    id: c.id,
    authorId: c.authorId,
    kind: c.kind,
    reason: c.reason,
    code: c.code,
    diff: c.diff,
    findings: c.findings as FindingJson[],
    createdAt: c.createdAt.toISOString(),
  };
}

export function detailJson(g: Generation, transitions: GenerationTransition[], corrections: CodeCorrection[]) {
  return {
    ...generationJson(g),
    transitions: transitions.map(transitionJson),
    corrections: corrections.map(correctionJson),
    allowedTransitions: nextStatuses(g.status),
  };
}

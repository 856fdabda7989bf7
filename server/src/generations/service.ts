/**
 * Creating a generation (issue 4 §6), shared by `POST /api/v1/generations` and the Opal tool:
 * resolve the brand and its current version, check the caller may author on that brand, run
 * @brandsafe/generation against the cached brand model, and store the result with its audit
 * event in the same transaction.
 *
 * The template provider is deterministic and CPU-only. With the brand context and model cached
 * it runs with no transaction open and the store is one statement batch (one round trip);
 * otherwise the request is one transaction (read, generate, store). A network provider (Claude)
 * may take seconds: its call happens between two short transactions, never while holding a
 * connection.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Brand } from '@brandsafe/brand-kit';
import {
  generationInsertStatement,
  getBrandGenerationContext,
  getBrandVersionModel,
  insertGenerationAudited,
  insertedGeneration,
  withWorkspaceStatements,
  type AuditAppend,
  type BrandGenerationContext,
  type Generation,
  type GenerationGuard,
  type InsertedRow,
  type NewGeneration,
  type Tx,
} from '@brandsafe/db';
import { generate, isGenerationError, providerFromEnv, severityCounts, type GenerationRequest, type GenerationResult, type Provider } from '@brandsafe/generation';
import { actorOf, type Principal } from '../auth/principal.js';
import { requireAction, roleGrants } from '../auth/roles.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace } from '../http/auth.js';
import { conflict, notFound } from '../http/problem.js';
import { BrandModelCache } from './brand-cache.js';
import { BrandContextCache, type VersionedContext } from './context-cache.js';
import { GenerationReadCache } from './read-cache.js';
import { generationProblem } from './problems.js';

/** A generation request as the API accepts it: the brand by id (REST) or by name (Opal). */
export interface CreateGenerationInput extends GenerationRequest {
  brand: { id: string } | { name: string };
}

/** What a created generation answers with. */
export interface CreatedGeneration {
  generation: Generation;
  result: GenerationResult;
  brand: { id: string; name: string; version: string };
}

/** Where a generation request came from, recorded in the audit event. */
export type GenerationSource = 'api' | 'opal';

export interface GenerationService {
  /**
   * Generates and stores. Throws ProblemError: 404 (brand), 403 (role or scope), 409 (no brand
   * graph yet), 422 (GENERATION_FAILED), 503 (no provider produced code). `onBrand` learns the
   * resolved brand before generation starts (the Opal tool records it even when generation fails).
   */
  create(p: Principal, input: CreateGenerationInput, source: GenerationSource, onBrand?: (brand: BrandGenerationContext) => void): Promise<CreatedGeneration>;
  /** The model of a brand version, cached (for approval's re-check). */
  brandModel(trx: Tx, versionId: string): Promise<Brand>;
  readonly cache: BrandModelCache;
  /** Recent `GET /generations/{id}` bodies; writers invalidate after they commit. */
  readonly reads: GenerationReadCache;
  readonly provider: Provider;
}

/** SHA-256 of the code, hex: the audit event commits to the exact code without repeating it. */
export function codeDigest(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

interface Prepared {
  ctx: VersionedContext;
  brand: Brand;
}

/** The cached context turned out stale: roll the attempt back and start over with a fresh read. */
class StaleContext extends Error {}

/** Options of `generationService`; all optional. */
export interface GenerationServiceOptions {
  provider?: Provider;
  cache?: BrandModelCache;
  /**
   * Runs in the storing transaction right before the insert (after generation succeeded): a
   * refusal it throws rolls everything back. (Billing admits before generating instead; see
   * billing/generation.ts.)
   */
  beforeStore?: (trx: Tx, p: Principal) => Promise<unknown>;
}

/**
 * The service for one app. The provider is chosen once from the environment (DESIGN.md:
 * Claude when ANTHROPIC_API_KEY is set, ANTHROPIC_BASE_URL honoured; templates otherwise).
 */
export function generationService(deps: RouteDeps, options: GenerationServiceOptions = {}): GenerationService {
  const provider = options.provider ?? providerFromEnv(process.env);
  const cache = options.cache ?? new BrandModelCache();
  const contexts = new BrandContextCache();

  async function brandModel(trx: Tx, versionId: string): Promise<Brand> {
    const model = await cache.get(versionId, () => getBrandVersionModel(trx, versionId));
    if (!model) throw notFound('brand version');
    return model;
  }

  async function prepare(trx: Tx, p: Principal, input: CreateGenerationInput, onBrand?: (brand: BrandGenerationContext) => void): Promise<Prepared> {
    const ctx = await getBrandGenerationContext(trx, input.brand, p.userId);
    if (!ctx) throw notFound('brand');
    onBrand?.(ctx);
    requireAction(p, 'author', ctx.roleOverride ?? undefined);
    if (ctx.versionId === null || ctx.version === null) {
      throw conflict('the brand has no graph yet: upload one with PUT /api/v1/brands/{id}/graph before generating', { brandId: ctx.brandId });
    }
    const brand = await brandModel(trx, ctx.versionId);
    return { ctx: { ...ctx, versionId: ctx.versionId, version: ctx.version }, brand };
  }

  async function run(prepared: Prepared, input: CreateGenerationInput): Promise<GenerationResult> {
    const request: GenerationRequest = {
      testType: input.testType,
      description: input.description,
      ...(input.parameters === undefined ? {} : { parameters: input.parameters }),
      ...(input.templateId === undefined ? {} : { templateId: input.templateId }),
      ...(input.pageType === undefined ? {} : { pageType: input.pageType }),
    };
    try {
      return await generate(request, { brand: prepared.brand, provider });
    } catch (err) {
      if (isGenerationError(err)) {
        const problem = generationProblem(err);
        if (problem) throw problem;
      }
      throw err;
    }
  }

  /** The row and audit event of a new generation (the id is chosen here, v4). */
  function record(p: Principal, prepared: Prepared, input: CreateGenerationInput, result: GenerationResult, source: GenerationSource) {
    const { ctx } = prepared;
    const id = randomUUID();
    const row: NewGeneration & { id: string } = {
      id,
      workspaceId: p.workspaceId,
      brandId: ctx.brandId,
      brandVersionId: ctx.versionId,
      authorId: p.userId,
      testType: input.testType,
      description: input.description,
      parameters: input.parameters ?? {},
      templateId: result.templateId ?? null,
      pageType: input.pageType ?? null,
      provider: result.provider,
      code: result.code,
      findings: result.findings,
      confidence: result.confidence,
      attempts: result.attempts,
    };
    const audit: AuditAppend = {
      type: 'generation.created',
      actor: actorOf(p),
      payload: {
        generationId: id,
        brandId: ctx.brandId,
        brandVersion: ctx.version,
        provider: result.provider,
        templateId: result.templateId ?? null,
        testType: input.testType,
        confidence: result.confidence,
        findings: severityCounts(result.findings),
        attempts: result.attempts.length,
        codeSha256: codeDigest(result.code),
        source,
      },
    };
    return { row, audit };
  }

  /** The insert's re-check of a cached context: the brand version and the role override. */
  const guardOf = (p: Principal, ctx: VersionedContext): GenerationGuard => ({ version: ctx.version, userId: p.userId, roleOverride: ctx.roleOverride });

  function created(generation: Generation | undefined, prepared: Prepared, result: GenerationResult): CreatedGeneration {
    if (!generation) throw new StaleContext('the cached brand context no longer holds');
    const { ctx } = prepared;
    return { generation, result, brand: { id: ctx.brandId, name: ctx.brandName, version: ctx.version } };
  }

  async function store(
    trx: Tx,
    p: Principal,
    prepared: Prepared,
    input: CreateGenerationInput,
    result: GenerationResult,
    source: GenerationSource,
    guarded = false,
  ): Promise<CreatedGeneration> {
    await options.beforeStore?.(trx, p);
    const { row, audit } = record(p, prepared, input, result, source);
    const generation = await insertGenerationAudited(trx, row, audit, guarded ? guardOf(p, prepared.ctx) : undefined);
    return created(generation, prepared, result);
  }

  /** May the principal author on a brand with this override (without throwing)? */
  function mayAuthor(p: Principal, ctx: VersionedContext): boolean {
    const role = p.role === 'owner' ? 'owner' : (ctx.roleOverride ?? p.role);
    return roleGrants(role, 'author') && (p.kind !== 'token' || p.scopes.includes('generate'));
  }

  async function create(
    p: Principal,
    input: CreateGenerationInput,
    source: GenerationSource,
    onBrand?: (brand: BrandGenerationContext) => void,
  ): Promise<CreatedGeneration> {
    const key = BrandContextCache.key(p.workspaceId, p.userId, input.brand);
    const fresh = async (trx: Tx) => {
      const prepared = await prepare(trx, p, input, onBrand);
      contexts.set(key, prepared.ctx);
      return prepared;
    };
    if (!provider.deterministic) {
      const prepared = await inWorkspace(deps, p, fresh);
      const result = await run(prepared, input);
      // The brand may have been deleted meanwhile: the foreign key then refuses the row (404).
      return inWorkspace(deps, p, (trx) => store(trx, p, prepared, input, result, source));
    }
    // Warm path: generate against the cached context; the insert re-checks it in the same
    // statement. Any failure here (stale context, or an error that a stale version could have
    // caused) rolls back and is decided again on the fresh path, so staleness never shows.
    const cached = contexts.get(key);
    if (cached && mayAuthor(p, cached)) {
      try {
        const brand = options.beforeStore ? undefined : cache.peek(cached.versionId);
        if (brand) {
          // Hottest path: everything is cached, so no transaction is open while generating,
          // and the insert (with its guard) is the whole transaction: one round trip on
          // PostgreSQL (withWorkspaceStatements).
          const prepared = { ctx: cached, brand };
          onBrand?.(cached);
          const result = await run(prepared, input);
          const { row, audit } = record(p, prepared, input, result, source);
          const statement = generationInsertStatement(deps.db, row, audit, guardOf(p, cached));
          const rows = await withWorkspaceStatements<InsertedRow>(deps.db, p.workspaceId, [statement], { userId: p.userId });
          return created(insertedGeneration(row, rows), prepared, result);
        }
        return await inWorkspace(deps, p, async (trx) => {
          const prepared = { ctx: cached, brand: await brandModel(trx, cached.versionId) };
          onBrand?.(cached);
          return store(trx, p, prepared, input, await run(prepared, input), source, true);
        });
      } catch {
        contexts.delete(key);
      }
    }
    return inWorkspace(deps, p, async (trx) => {
      const prepared = await fresh(trx);
      return store(trx, p, prepared, input, await run(prepared, input), source);
    });
  }

  return { create, brandModel, cache, reads: new GenerationReadCache(), provider };
}


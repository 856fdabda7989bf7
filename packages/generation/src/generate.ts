/**
 * request → candidate → check → heal → result (DESIGN.md, "Generation is safe by construction").
 *
 * Every candidate goes through the checker before anyone sees it. A candidate with error-level
 * findings (or a provider failure) is retried with the findings as feedback, at most twice; a
 * deterministic provider is not retried, since the same input would give the same code. When the
 * provider is not the template provider and no attempt was accepted, the best template is tried
 * as a fallback. The result is the first accepted attempt, else the attempt with the fewest
 * errors, then warnings (the template on a tie), and it records every attempt.
 */
import { check as defaultCheck, type Finding } from '@brandsafe/rules';
import { providerFromEnv } from './claude-provider.js';
import { confidence, severityCounts } from './confidence.js';
import { GenerationError, isGenerationError } from './error.js';
import { templateProvider } from './template-provider.js';
import type { Attempt, CheckFn, Feedback, GenerationContext, GenerationRequest, GenerationResult, Provider } from './types.js';

/** The retry budget the issue allows after the first attempt. */
export const MAX_RETRIES = 2;

interface Scored {
  attempt: Attempt;
  fit: number;
  /** Why the provider produced no code (outcome `failed`). */
  error?: GenerationError;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new GenerationError('ABORTED', 'generation aborted', { cause: signal.reason });
}

async function checkCode(check: CheckFn, code: string, ctx: GenerationContext, request: GenerationRequest): Promise<Finding[]> {
  try {
    const result = await check(
      { text: code, language: 'javascript', filename: 'variation.js' },
      { brand: ctx.brand, ...(request.pageType === undefined ? {} : { pageType: request.pageType }) },
    );
    return result.findings;
  } catch (e) {
    throw new GenerationError('CHECK_FAILED', `the checker failed: ${(e as Error).message}`, { cause: e });
  }
}

/** One provider call and its check. Only ABORTED and CHECK_FAILED escape; the rest is recorded. */
async function runAttempt(
  provider: Provider,
  ctx: GenerationContext,
  check: CheckFn,
  request: GenerationRequest,
  history: Feedback[],
  index: number,
): Promise<Scored> {
  throwIfAborted(ctx.signal);
  ctx.onProgress?.({ type: 'attempt-start', index, provider: provider.name });
  const started = performance.now();
  let scored: Scored;
  try {
    const signal = ctx.signal ? { signal: ctx.signal } : {};
    const candidate = await provider.generate({ brand: ctx.brand, request, history, ...signal });
    const findings = await checkCode(check, candidate.code, ctx, request);
    scored = {
      fit: candidate.fit,
      attempt: {
        provider: provider.name,
        code: candidate.code,
        findings,
        durationMs: performance.now() - started,
        outcome: severityCounts(findings).errors > 0 ? 'rejected' : 'accepted',
        ...(candidate.templateId === undefined ? {} : { templateId: candidate.templateId }),
      },
    };
  } catch (e) {
    if (isGenerationError(e, 'ABORTED') || isGenerationError(e, 'CHECK_FAILED')) throw e;
    if (ctx.signal?.aborted) throw new GenerationError('ABORTED', 'generation aborted', { cause: ctx.signal.reason ?? e });
    const error = isGenerationError(e)
      ? e
      : new GenerationError('PROVIDER_FAILED', `provider "${provider.name}" failed: ${(e as Error).message}`, { cause: e });
    scored = {
      fit: 0,
      error,
      attempt: {
        provider: provider.name,
        code: '',
        findings: [],
        durationMs: performance.now() - started,
        outcome: 'failed',
        error: { code: error.code, message: error.message },
      },
    };
  }
  ctx.onProgress?.({ type: 'attempt-end', index, attempt: scored.attempt });
  return scored;
}

/** The better of two attempts: produced code, then fewer errors, then fewer warnings, then template. */
function better(a: Scored, b: Scored): Scored {
  if (a.attempt.outcome === 'failed') return b;
  if (b.attempt.outcome === 'failed') return a;
  const ca = severityCounts(a.attempt.findings);
  const cb = severityCounts(b.attempt.findings);
  if (ca.errors !== cb.errors) return ca.errors < cb.errors ? a : b;
  if (ca.warnings !== cb.warnings) return ca.warnings < cb.warnings ? a : b;
  return b.attempt.provider === 'template' ? b : a;
}

/**
 * Generate brand-safe variation code for `request`.
 *
 * Throws GenerationError: the template provider's input errors (UNKNOWN_TEMPLATE, NO_TEMPLATE,
 * INVALID_PARAMETER, MISSING_PARAMETER, UNAPPROVED_SELECTOR, TEMPLATE_INVALID) when templates are
 * the provider; PROVIDER_FAILED when no attempt produced code; CHECK_FAILED; ABORTED.
 *
 * @example
 * const result = await generate({ testType: 'banner', description: 'Free shipping banner',
 *   parameters: { target: '.hero', message: 'Free shipping today' } }, { brand });
 * result.code; result.findings; result.confidence; result.attempts.length;
 */
export async function generate(request: GenerationRequest, ctx: GenerationContext): Promise<GenerationResult> {
  const provider = ctx.provider ?? providerFromEnv();
  const check = ctx.check ?? defaultCheck;
  const retries = provider.deterministic ? 0 : Math.min(MAX_RETRIES, Math.max(0, ctx.maxRetries ?? MAX_RETRIES));
  const scored: Scored[] = [];
  const history: Feedback[] = [];
  let chosen: Scored | undefined;

  for (let i = 0; i <= retries && !chosen; i++) {
    const s = await runAttempt(provider, ctx, check, request, history, scored.length);
    scored.push(s);
    // Bad input (an unapproved selector, a missing parameter…) will not heal by retrying.
    if (s.error && s.error.code !== 'PROVIDER_FAILED') throw s.error;
    if (s.attempt.outcome === 'accepted') chosen = s;
    else if (s.attempt.outcome === 'rejected') history.push({ code: s.attempt.code, findings: s.attempt.findings });
  }

  if (!chosen && provider.name !== 'template') {
    ctx.onProgress?.({ type: 'fallback', reason: `no accepted attempt from ${provider.name} after ${scored.length} attempt(s)` });
    scored.push(await runAttempt(templateProvider, ctx, check, request, [], scored.length));
  }
  chosen ??= scored.reduce(better);
  if (chosen.attempt.outcome === 'failed') {
    const reasons = scored.map((s) => `${s.attempt.provider}: ${s.error?.message ?? 'failed'}`).join('; ');
    throw new GenerationError('PROVIDER_FAILED', `no attempt produced code (${reasons})`, { cause: scored[0]?.error });
  }
  const a = chosen.attempt;
  return {
    code: a.code,
    findings: a.findings,
    confidence: confidence(a.provider, chosen.fit, a.findings),
    provider: a.provider,
    ...(a.templateId === undefined ? {} : { templateId: a.templateId }),
    attempts: scored.map((s) => s.attempt),
  };
}

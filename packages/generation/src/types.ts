/**
 * The public data shapes of generation: what a caller asks for, what providers produce and what
 * `generate` answers. The API's `POST /api/v1/generations` body and response map onto these.
 */
import type { Brand } from '@brandsafe/brand-kit';
import type { CheckInput, CheckOptions, CheckResult, Finding } from '@brandsafe/rules';

/** Which provider produced a candidate. */
export type ProviderName = 'template' | 'claude';

export interface GenerationRequest {
  /** The kind of test, matched against `Template.testType` (e.g. `banner`, `cta-change`). */
  testType: string;
  /** What the variation should do, in the user's words; ranks templates and prompts Claude. */
  description: string;
  /** Template parameter values by name; validated against the parameter's declared type. */
  parameters?: Record<string, unknown>;
  /** Use exactly this template (by id or IRI) instead of choosing one. */
  templateId?: string;
  /** Page type the code targets: narrows templates and approved selectors. */
  pageType?: string;
}

/** The code and findings of an earlier attempt, fed back to a provider that can learn from them. */
export interface Feedback {
  code: string;
  findings: Finding[];
}

export interface ProviderInput {
  request: GenerationRequest;
  brand: Brand;
  /** Earlier attempts in this generation that produced code, oldest first (empty on the first). */
  history: Feedback[];
  signal?: AbortSignal;
}

/** One piece of candidate code from a provider, before it is checked. */
export interface Candidate {
  code: string;
  /** The template the code came from (template provider) or was modelled on (Claude). */
  templateId?: string;
  /** How well the template fits the request, in [0, 1] (see `templateFit`). */
  fit: number;
}

/** A source of candidate code. */
export interface Provider {
  readonly name: ProviderName;
  /**
   * True when the same input always yields the same code, so a retry with feedback cannot
   * change the outcome and `generate` does not spend one.
   */
  readonly deterministic: boolean;
  generate(input: ProviderInput): Promise<Candidate>;
}

/** The checker's signature (`check` from @brandsafe/rules), injectable for tests. */
export type CheckFn = (input: CheckInput, options: CheckOptions) => CheckResult | Promise<CheckResult>;

/**
 * - `accepted`: the candidate has no error-level findings.
 * - `rejected`: the candidate has error-level findings.
 * - `failed`: the provider produced no code (its error is in `error`).
 */
export type AttemptOutcome = 'accepted' | 'rejected' | 'failed';

/** One provider call and its check, as recorded in the result (and the audit log). */
export interface Attempt {
  provider: ProviderName;
  /** The candidate code ('' when the provider failed). */
  code: string;
  findings: Finding[];
  /** Wall time of the provider call plus the check, in milliseconds. */
  durationMs: number;
  outcome: AttemptOutcome;
  templateId?: string;
  /** Why the attempt failed, when it did. */
  error?: { code: string; message: string };
}

export interface GenerationResult {
  code: string;
  /** Findings of the chosen attempt's code. */
  findings: Finding[];
  /** In [0, 1]; see README.md "Confidence". */
  confidence: number;
  /** The provider of the chosen attempt. */
  provider: ProviderName;
  templateId?: string;
  /** Every attempt, in order, including the chosen one. */
  attempts: Attempt[];
}

export type ProgressEvent =
  | { type: 'attempt-start'; index: number; provider: ProviderName }
  | { type: 'attempt-end'; index: number; attempt: Attempt }
  | { type: 'fallback'; reason: string };

export interface GenerationContext {
  brand: Brand;
  /** Defaults to `providerFromEnv(process.env)`: Claude when ANTHROPIC_API_KEY is set, else templates. */
  provider?: Provider;
  /** Defaults to `check` from @brandsafe/rules. */
  check?: CheckFn;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** Retries with feedback after a rejected or failed attempt (default and maximum 2). */
  maxRetries?: number;
}

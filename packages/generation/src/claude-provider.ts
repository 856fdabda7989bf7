/**
 * The Claude provider: asks the Anthropic Messages API (through @anthropic-ai/sdk) for variation
 * code, with the brand's selectors, rules and fitting templates in the system prompt and earlier
 * rejected attempts answered with their findings.
 */
import Anthropic from '@anthropic-ai/sdk';
import { rankTemplates } from './choose.js';
import { GenerationError } from './error.js';
import { conversation, extractCode, systemPrompt } from './prompt.js';
import { templateProvider } from './template-provider.js';
import type { Candidate, Provider, ProviderInput } from './types.js';

/** Default model: a current Sonnet, the cost/quality point for short code generation. */
export const DEFAULT_CLAUDE_MODEL = 'claude-sonnet-4-6';

export interface ClaudeProviderOptions {
  /** Defaults to ANTHROPIC_API_KEY (the SDK's own default). */
  apiKey?: string;
  /** Defaults to ANTHROPIC_BASE_URL, then https://api.anthropic.com (the SDK's default). */
  baseURL?: string;
  /** Defaults to ANTHROPIC_MODEL, then DEFAULT_CLAUDE_MODEL. */
  model?: string;
  /** Upper bound on the reply's tokens (default 2048: variation code is short). */
  maxTokens?: number;
  /** Per-request timeout in ms (default 60 000). */
  timeoutMs?: number;
  /** SDK-level retries on network errors, 408/409/429/5xx (default 2). */
  maxRetries?: number;
  /** A ready client (tests, custom fetch); the options above are then ignored. */
  client?: Anthropic;
  /** Read for ANTHROPIC_MODEL; defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A Claude provider. It never throws anything but GenerationError (PROVIDER_FAILED, ABORTED). */
export function createClaudeProvider(options: ClaudeProviderOptions = {}): Provider & { readonly model: string } {
  const env = options.env ?? process.env;
  const model = options.model ?? env['ANTHROPIC_MODEL'] ?? DEFAULT_CLAUDE_MODEL;
  const client =
    options.client ??
    new Anthropic({
      ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
      ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
      timeout: options.timeoutMs ?? 60_000,
      maxRetries: options.maxRetries ?? 2,
    });
  const maxTokens = options.maxTokens ?? 2048;

  async function generate(input: ProviderInput): Promise<Candidate> {
    const { brand, request, history, signal } = input;
    let reply: Anthropic.Message;
    try {
      reply = await client.messages.create(
        { model, max_tokens: maxTokens, system: systemPrompt(brand, request), messages: conversation(request, history) },
        signal === undefined ? undefined : { signal },
      );
    } catch (e) {
      if (signal?.aborted) throw new GenerationError('ABORTED', 'generation aborted', { cause: signal.reason ?? e });
      const status = e instanceof Anthropic.APIError && e.status !== undefined ? ` (HTTP ${e.status})` : '';
      throw new GenerationError('PROVIDER_FAILED', `Claude request failed${status}: ${(e as Error).message}`, { cause: e });
    }
    if (reply.stop_reason === 'max_tokens') {
      throw new GenerationError('PROVIDER_FAILED', `Claude's reply was cut off at ${maxTokens} tokens`);
    }
    const text = reply.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n');
    const code = extractCode(text);
    if (code === undefined) throw new GenerationError('PROVIDER_FAILED', "Claude's reply contained no code");
    // Claude is not bound to a template; the best template's fit still says how familiar the
    // request is to this brand, and feeds the confidence prior.
    return { code, fit: rankTemplates(brand.templates, request)[0]?.fit ?? 0 };
  }

  return { name: 'claude', deterministic: false, model, generate };
}

/**
 * The provider DESIGN.md prescribes for an environment: Claude when ANTHROPIC_API_KEY is set
 * (ANTHROPIC_BASE_URL and ANTHROPIC_MODEL honoured), otherwise the offline template provider.
 */
export function providerFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Provider {
  const apiKey = env['ANTHROPIC_API_KEY'];
  if (apiKey === undefined || apiKey === '') return templateProvider;
  const baseURL = env['ANTHROPIC_BASE_URL'];
  // One client per configuration, reused across generations (it keeps its connection pool).
  const key = JSON.stringify([apiKey, baseURL, env['ANTHROPIC_MODEL']]);
  if (lastFromEnv?.key !== key) {
    lastFromEnv = { key, provider: createClaudeProvider({ apiKey, env: { ...env }, ...(baseURL ? { baseURL } : {}) }) };
  }
  return lastFromEnv.provider;
}

let lastFromEnv: { key: string; provider: Provider } | undefined;

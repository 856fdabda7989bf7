/**
 * A small typed client of the brandsafe API (fetch, no `vscode` import, so it is unit-tested under
 * plain Node). Every failure becomes an {@link ApiError} whose message says what went wrong AND
 * what to do about it, built from the RFC 9457 problem body the server answers with.
 */
import type {
  AuditEvent,
  Brand,
  BrandSelector,
  BrandTemplate,
  CodeCorrection,
  CorrectionKind,
  GenerateRequest,
  Generation,
  GenerationDetail,
  GenerationStatus,
  GenerationSummary,
  GenerationTransition,
  LogKey,
  Me,
  Member,
  Problem,
} from './api-types';

/** Why a request failed, as the editor needs to react to it. */
export type ApiErrorKind =
  | 'unauthenticated'
  | 'payment-required'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid'
  | 'rate-limited'
  | 'unavailable'
  | 'network'
  | 'cancelled'
  | 'server';

/** A failed API call. `message` is one or two sentences fit for a notification. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | undefined,
    readonly problem: Problem | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** An action the notification can offer (a label and a link or a command), when there is one. */
  get action(): { label: string; url?: string; command?: string } | undefined {
    if (this.kind === 'unauthenticated') return { label: 'Sign In', command: 'brandsafe.signIn' };
    if (this.kind === 'payment-required' && this.problem?.upgrade) return { label: 'Upgrade', url: this.problem.upgrade };
    return undefined;
  }
}

function findingLines(problem: Problem): string {
  const findings = problem.findings ?? [];
  if (findings.length === 0) return '';
  const first = findings.slice(0, 3).map((f) => {
    const where = f.range ? ` (line ${f.range.start.line + 1})` : '';
    return `${f.ruleId ?? f.code ?? f.severity}: ${f.message}${where}`;
  });
  return ` Findings: ${first.join('; ')}${findings.length > 3 ? `; and ${findings.length - 3} more` : ''}.`;
}

/** Maps a status and problem body to an {@link ApiError} with advice (exported for tests). */
export function errorFromProblem(status: number, problem: Problem | undefined, serverUrl: string): ApiError {
  const p = problem ?? {};
  const detail = p.detail ?? p.title ?? `HTTP ${status}`;
  const upgrade = p.upgrade ? new URL(p.upgrade, serverUrl).toString() : undefined;
  const body = upgrade ? { ...p, upgrade } : p;
  switch (status) {
    case 401:
      return new ApiError('unauthenticated', `Your brandsafe token is missing, expired or revoked (${detail}). Sign in again with a new API token.`, status, body);
    case 402: {
      const limit = p.limit !== undefined ? ` You have used ${p.usage ?? '?'} of ${p.limit} ${p.quota ?? ''}`.trimEnd() + '.' : '';
      return new ApiError('payment-required', `Your plan does not allow this: ${detail}.${limit} ${upgrade ? `Upgrade at ${upgrade}.` : 'Ask a workspace owner to upgrade the plan.'}`, status, body);
    }
    case 403:
      return new ApiError('forbidden', `Not allowed: ${detail}. Your role or the token's scopes do not cover this; ask a workspace admin, or sign in with a token that has the needed scope.`, status, body);
    case 404:
      return new ApiError('not-found', `Not found: ${detail}. It may have been deleted, or belong to another workspace; refresh and try again.`, status, body);
    case 409:
      return new ApiError('conflict', `${detail}.${findingLines(p)} Refresh to see the current state${p.findings?.length ? ', correct the code and record the correction' : ''}.`, status, body);
    case 400:
    case 422: {
      const fields = (p.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
      return new ApiError('invalid', `The server refused the request: ${fields || detail}.${findingLines(p)}`, status, body);
    }
    case 429:
      return new ApiError('rate-limited', `Too many requests: ${detail}. Wait ${p.retryAfter ?? 'a few'} seconds and try again.`, status, body);
    case 502:
    case 503:
      return new ApiError('unavailable', `The brandsafe server is unavailable right now (${detail}). Try again in a moment.`, status, body);
    default:
      return new ApiError('server', `The brandsafe server failed (${status}: ${detail}${p.requestId ? `, request ${p.requestId}` : ''}). Try again; if it persists, report the request id.`, status, body);
  }
}

export interface ApiClientOptions {
  serverUrl: string;
  token: string | undefined;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  query?: Record<string, string | number | undefined>;
}

/** The brandsafe API, one method per call the editor makes. */
export class ApiClient {
  readonly serverUrl: string;
  readonly #token: string | undefined;
  readonly #fetch: typeof fetch;

  constructor(options: ApiClientOptions) {
    this.serverUrl = options.serverUrl.replace(/\/+$/, '');
    this.#token = options.token;
    this.#fetch = options.fetch ?? fetch;
  }

  /** Sends one request; resolves the raw Response for 2xx and 304, throws {@link ApiError} otherwise. */
  async raw(path: string, options: RequestOptions = {}): Promise<Response> {
    const url = new URL(this.serverUrl + path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
    if (this.#token) headers.authorization = `Bearer ${this.#token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.#fetch(url, {
        method: options.method ?? 'GET',
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (options.signal?.aborted) throw new ApiError('cancelled', 'Cancelled.', undefined, undefined, { cause: error });
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new ApiError('network', `Cannot reach the brandsafe server at ${this.serverUrl} (${reason}). Check that it is running and the "brandsafe.serverUrl" setting.`, undefined, undefined, { cause: error });
    }
    if (res.ok || res.status === 304) return res;
    let problem: Problem | undefined;
    try {
      problem = (await res.json()) as Problem;
    } catch {
      problem = undefined;
    }
    throw errorFromProblem(res.status, problem, this.serverUrl);
  }

  async json<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.raw(path, options);
    return (await res.json()) as T;
  }

  me(): Promise<Me> {
    return this.json('/api/v1/auth/me');
  }

  async brands(): Promise<Brand[]> {
    return (await this.json<{ items: Brand[] }>('/api/v1/brands')).items;
  }

  brand(id: string): Promise<Brand> {
    return this.json(`/api/v1/brands/${encodeURIComponent(id)}`);
  }

  async members(): Promise<Member[]> {
    return (await this.json<{ items: Member[] }>('/api/v1/members')).items;
  }

  /**
   * The brand's current graph as Turtle. Sends `If-None-Match` when an ETag is known (RFC 9110
   * §13.1.2); `notModified` is true on 304. The server also names the version in `x-brand-version`.
   */
  async brandGraph(id: string, etag?: string): Promise<{ notModified: true } | { notModified: false; turtle: string; etag?: string; version?: string }> {
    const res = await this.raw(`/api/v1/brands/${encodeURIComponent(id)}/graph`, {
      headers: { accept: 'text/turtle', ...(etag ? { 'if-none-match': etag } : {}) },
    });
    if (res.status === 304) return { notModified: true };
    const etagOut = res.headers.get('etag') ?? undefined;
    const version = res.headers.get('x-brand-version') ?? undefined;
    return { notModified: false, turtle: await res.text(), ...(etagOut ? { etag: etagOut } : {}), ...(version ? { version } : {}) };
  }

  async templates(brandId: string): Promise<BrandTemplate[]> {
    return (await this.json<{ items: BrandTemplate[] }>(`/api/v1/brands/${encodeURIComponent(brandId)}/templates`)).items;
  }

  async selectors(brandId: string): Promise<BrandSelector[]> {
    return (await this.json<{ items: BrandSelector[] }>(`/api/v1/brands/${encodeURIComponent(brandId)}/selectors`)).items;
  }

  generate(request: GenerateRequest, signal?: AbortSignal): Promise<Generation> {
    return this.json('/api/v1/generations', { method: 'POST', body: request, signal });
  }

  /** Every generation of the workspace (newest first), following `nextCursor` up to `max`. */
  async generations(max = 500): Promise<GenerationSummary[]> {
    const out: GenerationSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.json<{ items: GenerationSummary[]; nextCursor: string | null }>('/api/v1/generations', {
        query: { limit: 100, cursor },
      });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && out.length < max);
    return out;
  }

  generation(id: string): Promise<GenerationDetail> {
    return this.json(`/api/v1/generations/${encodeURIComponent(id)}`);
  }

  transition(id: string, to: GenerationStatus, note?: string): Promise<GenerationTransition & { generation: GenerationSummary }> {
    return this.json(`/api/v1/generations/${encodeURIComponent(id)}/transitions`, {
      method: 'POST',
      body: { to, ...(note ? { note } : {}) },
    });
  }

  correct(id: string, body: { code: string; reason: string; kind: CorrectionKind }): Promise<CodeCorrection & { generation: GenerationSummary }> {
    return this.json(`/api/v1/generations/${encodeURIComponent(id)}/corrections`, { method: 'POST', body });
  }

  /** Audit events of one type within a time window (oldest first), every page. */
  async auditEvents(query: { type: string; from?: string; to?: string }): Promise<AuditEvent[]> {
    const out: AuditEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.json<{ items: AuditEvent[]; next: string | null }>('/api/v1/audit/events', { query: { ...query, cursor, limit: 500 } });
      out.push(...page.items);
      cursor = page.next ?? undefined;
    } while (cursor);
    return out;
  }

  receipt(eventId: string): Promise<unknown> {
    return this.json(`/api/v1/audit/receipts/${encodeURIComponent(eventId)}`);
  }

  logKey(): Promise<LogKey> {
    return this.json('/.well-known/brandsafe-log-key');
  }
}

/**
 * The portal is a server-rendered client of the API (issue 6 §3: "portal pages call the same
 * repositories/services the API uses"): every change a form makes goes through the API route in
 * process (`app.fetch`, no socket) with the signed-in session as its bearer, so validation,
 * roles, quotas, audit events and billing rules exist once, in the API.
 */
import type { Context } from 'hono';
import type { Principal } from '../auth/principal.js';

/** The app's fetch, handed to the portal by `createApp` (the portal is mounted inside it). */
export type ApiFetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/** An RFC 9457 problem as the API answers it, with its extension members. */
export interface ApiProblem {
  type?: string;
  code?: string;
  title?: string;
  detail?: string;
  status?: number;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

/** An API answer: the parsed JSON body when ok, else the problem. */
export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; problem: ApiProblem; retryAfter?: string };

/** Calls the API in process as the holder of `secret` (a session or an API token). */
export class PortalApi {
  constructor(
    private readonly fetchApi: ApiFetch,
    private readonly origin: string,
  ) {}

  /**
   * `body` is sent as JSON unless it is a string with an explicit content type. The browser's
   * connection (`c.env`) and X-Forwarded-For travel along, so the API's per-address sign-in
   * throttle sees the real client, not the portal.
   */
  async call<T>(c: Context, secret: string | undefined, method: string, path: string, body?: unknown, contentType?: string): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const forwarded = c.req.header('x-forwarded-for');
    if (forwarded) headers['x-forwarded-for'] = forwarded;
    if (secret) headers.authorization = `Bearer ${secret}`;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = contentType ?? 'application/json';
      payload = typeof body === 'string' && contentType ? body : JSON.stringify(body);
    }
    const res = await this.fetchApi(new Request(new URL(path, this.origin), { method, headers, ...(payload !== undefined ? { body: payload } : {}) }), c.env);
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = { detail: text.slice(0, 200) };
    }
    if (res.ok) return { ok: true, status: res.status, body: parsed as T };
    const problem = (parsed && typeof parsed === 'object' ? parsed : {}) as ApiProblem;
    const retryAfter = res.headers.get('retry-after');
    return { ok: false, status: res.status, problem, ...(retryAfter ? { retryAfter } : {}) };
  }
}

/** One line for a problem, naming the fields that failed validation. */
export function problemMessage(problem: ApiProblem): string {
  const fields = problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
  return [problem.detail ?? problem.title ?? 'the request failed', fields].filter(Boolean).join(' — ');
}

/** What a signed-in page needs about the caller. */
export interface PortalSession {
  /** The session secret from the cookie (the bearer for in-process API calls). */
  secret: string;
  principal: Principal;
  /** Synchronizer CSRF token bound to this session. */
  csrf: string;
}

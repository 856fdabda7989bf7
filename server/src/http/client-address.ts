import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';

/**
 * The client's address for throttling: the socket's remote address, or — only when the
 * operator says a trusted proxy sits in front (`trustProxy`) — the first X-Forwarded-For entry.
 * Requests made without a socket (`app.request()` in tests) count as `unknown`.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

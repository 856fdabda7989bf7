/**
 * Per-workspace rate limiting as route middleware (issue 6 §1: 429 with Retry-After). Put it
 * after `requireAuth`: `middleware: [auth, workspaceRateLimit(deps)]`. It spends one token of
 * the caller's workspace bucket (limits from the plan and overrides) in its own short
 * transaction, and adds `RateLimit-Remaining` to successful answers.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, RouteDeps } from '../context.js';
import { principalOf } from '../http/auth.js';
import { takeRateToken } from './enforce.js';

export function workspaceRateLimit(deps: Pick<RouteDeps, 'db'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = principalOf(c);
    const { remaining } = await takeRateToken(deps.db, p.workspaceId);
    await next();
    c.res.headers.set('RateLimit-Remaining', String(remaining));
  };
}

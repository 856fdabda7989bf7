/**
 * Test harness for the billing routes: the app under test (sign-up, tokens) from createApp, and
 * the billing routes mounted on the same database with chosen BillingServices (the fake Stripe
 * server's endpoint, a movable clock) — what createApp will do once the routes are registered.
 */
import type { BillingConfig } from '@brandsafe/billing';
import type { Database, DialectName } from '@brandsafe/db';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { ProblemError } from '../../http/problem.js';
import { DEFAULT_OPTIONS } from '../../app.js';
import { PrincipalCache } from '../../auth/principal-cache.js';
import type { RouteDeps } from '../../context.js';
import { onError, onNotFound } from '../../http/errors.js';
import { createMetrics } from '../../http/metrics.js';
import { routeGroup } from '../../http/route-group.js';
import { outboxOnly } from '../../mail/dispatcher.js';
import { billingRoutes } from '../../routes/billing.js';
import { billingServices, type BillingServices } from '../services.js';
import { TEST_SCRYPT, openHarness, type Harness } from '../../__tests__/helpers.js';
import { FakeStripe } from '../../../../packages/billing/src/__tests__/support/fake-stripe.js';

export const WEBHOOK_SECRET = 'whsec_billing_test';

/** Route dependencies as createApp resolves them, for a database. */
export function routeDeps(db: Kysely<Database>): RouteDeps {
  const logger = pino({ level: 'silent' });
  return {
    db, logger, emails: outboxOnly(logger, false), metrics: createMetrics(false), principals: new PrincipalCache(0),
    loadBrand: async () => undefined, options: { ...DEFAULT_OPTIONS, scryptCost: TEST_SCRYPT },
  };
}

/** The billing routes as an app of their own, with the API's error handling. */
export function billingApp(db: Kysely<Database>, services: BillingServices) {
  const deps = routeDeps(db);
  const app = routeGroup();
  app.use(requestId());
  app.use(async (c, next) => {
    c.set('log', deps.logger);
    await next();
  });
  // As createApp does: JSON bodies under /api are limited before any route reads them.
  app.use('/api/*', bodyLimit({ maxSize: deps.options.bodyLimitBytes, onError: () => { throw new ProblemError('PAYLOAD_TOO_LARGE', 'too large'); } }));
  app.route('/', billingRoutes(deps, services));
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 'billing routes', version: 'test' } });
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

export interface BillingHarness extends Harness {
  fake: FakeStripe;
  config: BillingConfig;
  /** Moves the billing clock relative to real time. */
  clock: { offsetMs: number };
  billing: ReturnType<typeof billingApp>;
  services: BillingServices;
  routeDeps: RouteDeps;
}

/** A database, the API, a fake Stripe and the billing routes configured against it. */
export async function openBillingHarness(dialect: DialectName): Promise<BillingHarness> {
  const h = await openHarness(dialect);
  const fake = await FakeStripe.start({ secretKey: 'sk_test_billing' });
  const config: BillingConfig = {
    secretKey: 'sk_test_billing', webhookSecret: WEBHOOK_SECRET, meterEventName: 'brandsafe_generation', maxNetworkRetries: 0,
    prices: { starter: 'price_starter_test', professional: 'price_professional_test' }, endpoint: fake.endpoint,
  };
  const clock = { offsetMs: 0 };
  const services = billingServices(config, 'http://portal.test', () => new Date(Date.now() + clock.offsetMs));
  return { ...h, fake, config, clock, services, routeDeps: routeDeps(h.t.db), billing: billingApp(h.t.db, services) };
}

/** Sends a request to an app and parses the answer (like helpers' `call`, for any app). */
export async function send(app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }, method: string, path: string, init: { token?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await app.request(path, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  const data: any = type.includes('json') && text ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, type, data };
}

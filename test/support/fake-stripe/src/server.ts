/**
 * A local HTTP server that answers the Stripe API requests brandsafe makes (no `stripe-mock` is
 * available offline). It checks `Authorization: Bearer <secret key>`, decodes form bodies,
 * honours `Idempotency-Key` as Stripe does (same key + same params → the first response replayed
 * with `Idempotent-Replayed: true`; same key + other params → 400 `idempotency_error`), answers
 * Stripe-shaped objects, errors and lists, and records every request for assertions.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeForm, type FormValue } from './form.js';
import { HostedPages, type SentWebhook, type WebhookTarget } from './hosted.js';
import { FakeAccount, FakeStripeError, type FakePrice, type StripeObject } from './objects.js';
import type { FakeEvent } from './webhooks.js';

/** One request as the fake received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly rawBody: string;
  readonly params: Record<string, FormValue>;
  readonly status: number;
  readonly replayed: boolean;
}

/** Options of {@link startFakeStripe}. */
export interface FakeStripeOptions {
  readonly secretKey?: string;
  readonly prices?: readonly FakePrice[];
  /** Port to listen on (default 0: any free port). */
  readonly port?: number;
  /** Where hosted Checkout and Portal send their webhooks (settable later: `fake.webhook = …`). */
  readonly webhook?: WebhookTarget;
}

/** The default test prices: Starter and Professional at the catalog's amounts. */
export const FAKE_PRICES: readonly FakePrice[] = [
  { id: 'price_starter_test', unitAmount: 49_900, lookupKey: 'brandsafe_starter_monthly' },
  { id: 'price_professional_test', unitAmount: 199_900, lookupKey: 'brandsafe_professional_monthly' },
];

type Handler = (params: Record<string, FormValue>, match: RegExpMatchArray, query: Record<string, string>) => unknown;

/** A running fake; `close()` it after the tests. */
export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  readonly account: FakeAccount;
  private readonly idempotency = new Map<string, { fingerprint: string; status: number; body: string }>();
  private readonly failures: FakeStripeError[] = [];
  private readonly routes: [string, RegExp, Handler][];
  private lastPort = 0;
  /** Webhook endpoint for events the hosted pages (and `emit`) send. */
  webhook: WebhookTarget | null = null;
  readonly hosted: HostedPages;

  private constructor(private readonly server: Server, readonly secretKey: string, prices: readonly FakePrice[]) {
    this.account = new FakeAccount(prices, () => this.url);
    this.hosted = new HostedPages(this.account, () => this.webhook);
    const a = this.account;
    this.routes = [
      ['POST', /^\/v1\/customers$/, (p) => a.createCustomer(p)],
      ['GET', /^\/v1\/customers\/([^/]+)$/, (_p, m) => a.customer(m[1]!)],
      ['POST', /^\/v1\/checkout\/sessions$/, (p) => a.view(a.createCheckoutSession(p))],
      ['GET', /^\/v1\/subscriptions\/([^/]+)$/, (_p, m) => a.subscription(m[1]!)],
      ['POST', /^\/v1\/subscriptions\/([^/]+)$/, (p, m) => a.updateSubscription(m[1]!, p)],
      ['POST', /^\/v1\/billing_portal\/sessions$/, (p) => a.createPortalSession(p)],
      ['POST', /^\/v1\/billing\/meter_events$/, (p) => a.createMeterEvent(p)],
      ['GET', /^\/v1\/invoices$/, (_p, _m, q) => this.listInvoices(q)],
    ];
  }

  /** Starts a fake on 127.0.0.1 (an ephemeral port unless `options.port` is given). */
  static async start(options: FakeStripeOptions = {}): Promise<FakeStripe> {
    const server = createServer();
    const fake = new FakeStripe(server, options.secretKey ?? 'sk_test_fake', options.prices ?? FAKE_PRICES);
    fake.webhook = options.webhook ?? null;
    server.on('request', (req, res) => {
      fake.handle(req, res).catch((error: unknown) => {
        // Never crash the test process: answer a Stripe-shaped 500 if nothing was sent yet.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(new FakeStripeError(500, 'api_error', String(error)).toJSON()));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    return fake;
  }

  get port(): number {
    this.lastPort = (this.server.address() as AddressInfo | null)?.port ?? this.lastPort;
    return this.lastPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The SDK's host/port/protocol options pointing here. */
  get endpoint(): { host: string; port: number; protocol: 'http' } {
    return { host: '127.0.0.1', port: this.port, protocol: 'http' };
  }

  /** Signs and sends an event to the webhook endpoint, as Stripe would; null when none is set. */
  emit(event: FakeEvent): Promise<SentWebhook | null> {
    return this.hosted.emit(event);
  }

  /** Makes the next request fail with this Stripe error (once). */
  failNext(status: number, type: string, message: string, code?: string): void {
    this.failures.push(new FakeStripeError(status, type, message, code));
  }

  /** Recorded requests to a path (`POST /v1/customers`), oldest first. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }

  /** Stops the server; calling it again is harmless. */
  close(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  private listInvoices(query: Record<string, string>): StripeObject {
    const limit = Math.min(100, Math.max(1, Number(query.limit ?? '10') || 10));
    let items = this.account.invoices.filter((inv) => !query.customer || inv.customer === query.customer).reverse();
    if (query.starting_after) {
      const at = items.findIndex((inv) => inv.id === query.starting_after);
      if (at === -1) throw new FakeStripeError(404, 'invalid_request_error', `No such invoice: '${query.starting_after}'`, 'resource_missing', 'starting_after');
      items = items.slice(at + 1);
    }
    return { object: 'list', url: '/v1/invoices', has_more: items.length > limit, data: items.slice(0, limit) };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    if (!url.pathname.startsWith('/v1/') && (await this.hosted.handle(method, url.pathname, res))) return;
    const query = Object.fromEntries(url.searchParams);
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const params = method === 'GET' ? decodeForm(url.search.slice(1)) : decodeForm(rawBody);
    const key = method === 'POST' ? headers['idempotency-key'] : undefined;
    const fingerprint = `${method} ${url.pathname} ${rawBody}`;
    let status = 200;
    let body: string;
    let replayed = false;
    const cached = key ? this.idempotency.get(`${this.secretKey}:${key}`) : undefined;
    if (cached && cached.fingerprint === fingerprint) {
      ({ status, body } = cached);
      replayed = true;
    } else {
      try {
        if (cached) throw new FakeStripeError(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`);
        body = JSON.stringify(this.dispatch(method, url.pathname, headers, params, query));
      } catch (error) {
        const stripeError = error instanceof FakeStripeError ? error : new FakeStripeError(500, 'api_error', String(error));
        status = stripeError.status;
        body = JSON.stringify(stripeError.toJSON());
      }
      // Stripe saves the result of any request that began executing, 500s included; not an
      // authentication failure or a rate-limit refusal, which never started.
      if (key && status !== 401 && status !== 429) this.idempotency.set(`${this.secretKey}:${key}`, { fingerprint, status, body });
    }
    this.requests.push({ method, path: url.pathname, query, headers, rawBody, params, status, replayed });
    res.writeHead(status, {
      'content-type': 'application/json',
      'request-id': `req_fake${this.requests.length}`,
      ...(key ? { 'idempotency-key': key } : {}),
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
    res.end(body);
  }

  private dispatch(method: string, path: string, headers: Record<string, string | undefined>, params: Record<string, FormValue>, query: Record<string, string>): unknown {
    const auth = headers.authorization ?? '';
    if (auth !== `Bearer ${this.secretKey}`) {
      const shown = auth.replace(/^Bearer\s+/, '');
      throw new FakeStripeError(401, 'invalid_request_error', shown ? `Invalid API Key provided: ${shown.slice(0, 8)}***` : 'You did not provide an API key.');
    }
    const failure = this.failures.shift();
    if (failure) throw failure;
    for (const [m, re, handler] of this.routes) {
      const match = path.match(re);
      if (match && m === method) return handler(params, match, query);
    }
    throw new FakeStripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  }
}

import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, ApiError, errorFromProblem } from '../api';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on a free port answering with `handler` (the client's fetch is not mocked). */
async function serve(handler: Handler): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

function problem(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ status, ...body }));
}

describe('errorFromProblem', () => {
  it('tells the user to sign in again on 401', () => {
    const e = errorFromProblem(401, { code: 'UNAUTHENTICATED', detail: 'the token is expired' }, 'http://x');
    assert.equal(e.kind, 'unauthenticated');
    assert.match(e.message, /the token is expired/);
    assert.match(e.message, /Sign in again/);
    assert.deepEqual(e.action, { label: 'Sign In', command: 'brandsafe.signIn' });
  });

  it('names the limit and an absolute upgrade link on 402', () => {
    const e = errorFromProblem(402, { code: 'QUOTA_EXCEEDED', detail: 'plan limit reached', quota: 'generation', limit: 50, usage: 50, upgrade: '/portal/billing' }, 'http://127.0.0.1:8787');
    assert.equal(e.kind, 'payment-required');
    assert.match(e.message, /50 of 50 generation/);
    assert.match(e.message, /http:\/\/127\.0\.0\.1:8787\/portal\/billing/);
    assert.deepEqual(e.action, { label: 'Upgrade', url: 'http://127.0.0.1:8787/portal/billing' });
  });

  it('lists the findings of a 409 and says what to do', () => {
    const e = errorFromProblem(
      409,
      {
        detail: 'the code still has 1 error(s)',
        findings: [{ ruleId: 'brand/unapproved-selector', severity: 'error', message: '.x is not approved', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } } }],
      },
      'http://x',
    );
    assert.equal(e.kind, 'conflict');
    assert.match(e.message, /brand\/unapproved-selector: \.x is not approved \(line 3\)/);
    assert.match(e.message, /record the correction/);
  });

  it('explains a 403 as a role or scope matter', () => {
    const e = errorFromProblem(403, { detail: 'the editor role may not review' }, 'http://x');
    assert.equal(e.kind, 'forbidden');
    assert.match(e.message, /role or the token's scopes/);
  });

  it('lists field errors of a 400', () => {
    const e = errorFromProblem(400, { errors: [{ field: 'note', message: 'a note is required to approve' }] }, 'http://x');
    assert.equal(e.kind, 'invalid');
    assert.match(e.message, /note: a note is required to approve/);
  });
});

describe('ApiClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    let auth: string | undefined;
    const s = await serve((req, res) => {
      auth = req.headers.authorization;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: [{ id: 'b1', name: 'Northwind', latestVersion: '2.3.0' }] }));
    });
    try {
      const brands = await new ApiClient({ serverUrl: `${s.url}/`, token: 'bsp_abc' }).brands();
      assert.equal(auth, 'Bearer bsp_abc');
      assert.equal(brands[0]?.name, 'Northwind');
    } finally {
      await s.close();
    }
  });

  it('turns a problem+json answer into an ApiError with advice', async () => {
    const s = await serve((_req, res) => problem(res, 401, { code: 'UNAUTHENTICATED', detail: 'unknown token' }));
    try {
      await assert.rejects(new ApiClient({ serverUrl: s.url, token: 'bad' }).me(), (e: unknown) => e instanceof ApiError && e.kind === 'unauthenticated' && e.status === 401);
    } finally {
      await s.close();
    }
  });

  it('reports an unreachable server as a network error naming the URL and the setting', async () => {
    const s = await serve(() => undefined);
    await s.close();
    await assert.rejects(new ApiClient({ serverUrl: s.url, token: 't' }).me(), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.kind, 'network');
      assert.match(e.message, new RegExp(s.url.replace(/[.]/g, '\\.')));
      assert.match(e.message, /brandsafe\.serverUrl/);
      return true;
    });
  });

  it('sends If-None-Match and reports 304 as not modified', async () => {
    const seen: (string | undefined)[] = [];
    const s = await serve((req, res) => {
      const inm = req.headers['if-none-match'];
      seen.push(inm);
      if (inm === '"v2"') {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/turtle', etag: '"v2"', 'x-brand-version': '2.0.0' });
      res.end('@prefix bs: <https://brandsafe.dev/ns#> .');
    });
    try {
      const client = new ApiClient({ serverUrl: s.url, token: 't' });
      const first = await client.brandGraph('b1');
      assert.deepEqual(first, { notModified: false, turtle: '@prefix bs: <https://brandsafe.dev/ns#> .', etag: '"v2"', version: '2.0.0' });
      assert.deepEqual(await client.brandGraph('b1', '"v2"'), { notModified: true });
      assert.deepEqual(seen, [undefined, '"v2"']);
    } finally {
      await s.close();
    }
  });

  it('reports a cancelled request as cancelled, not as a network failure', async () => {
    const s = await serve(() => undefined); // never answers
    const abort = new AbortController();
    try {
      const pending = new ApiClient({ serverUrl: s.url, token: 't' }).generate({ brandId: 'b', testType: 'banner', description: 'd' }, abort.signal);
      abort.abort();
      await assert.rejects(pending, (e: unknown) => e instanceof ApiError && e.kind === 'cancelled');
    } finally {
      s.close().catch(() => undefined);
    }
  });
});

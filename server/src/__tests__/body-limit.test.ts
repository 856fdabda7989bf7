import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from '../http/body-limit.js';

/** The limit over a real Node HTTP server (what production runs), with Content-Length and chunked bodies. */
describe('body limit', () => {
  let server: ServerType;
  let base: string;
  const seen: string[] = [];
  before(async () => {
    const app = new Hono();
    app.use('*', bodyLimit({ maxSize: 64, onError: (c) => c.json({ error: 'too large' }, 413) }));
    app.post('/echo', async (c) => {
      const text = await c.req.text();
      seen.push(text);
      return c.json({ length: text.length });
    });
    app.get('/echo', (c) => c.json({ ok: true }));
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('passes a body within the limit, read whole by the handler', async () => {
    const r = await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(64) });
    assert.deepEqual([r.status, await r.json()], [200, { length: 64 }]);
    assert.equal(seen.at(-1), 'x'.repeat(64));
    assert.equal((await fetch(`${base}/echo`)).status, 200);
  });

  it('refuses a body over the limit by its Content-Length, before the handler runs', async () => {
    const before = seen.length;
    const r = await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(65) });
    assert.deepEqual([r.status, await r.json()], [413, { error: 'too large' }]);
    assert.equal(seen.length, before);
  });

  it('counts a chunked body as it arrives and refuses it past the limit', async () => {
    const chunks = (n: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < n; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(16)));
          controller.close();
        },
      });
    const send = (n: number) => fetch(`${base}/echo`, { method: 'POST', body: chunks(n), duplex: 'half' } as RequestInit);
    const small = await send(4);
    assert.deepEqual([small.status, await small.json()], [200, { length: 64 }]);
    const big = await send(5);
    assert.equal(big.status, 413);
  });
});

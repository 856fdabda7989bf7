/**
 * The whole money path over real HTTP, as the browser test will drive it: Checkout on the fake's
 * hosted page → its signed webhooks to the running billing routes → plan active → Customer
 * Portal → cancel → webhook → generation stops.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { DIALECTS } from '@brandsafe/db/testing';
import { WEBHOOK_SECRET, openBillingHarness, send, type BillingHarness } from './harness.js';
import { signup } from '../../__tests__/helpers.js';

for (const dialect of DIALECTS) {
  describe(`checkout and portal through the fake's hosted pages (${dialect})`, () => {
    let h: BillingHarness;
    let server: ServerType;
    before(async function () {
      this.timeout(60_000);
      h = await openBillingHarness(dialect);
      server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: h.billing.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
      });
      h.fake.webhook = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`, secret: WEBHOOK_SECRET };
    });
    after(async () => {
      await new Promise((resolve) => server.close(resolve));
      await h.fake.close();
      await h.t.destroy();
    });

    it('goes from Checkout to an active plan, then cancels through the portal', async function () {
      this.timeout(30_000);
      const a = await signup(h.app, 'Browser');
      const checkout = await send(h.billing, 'POST', '/api/v1/billing/checkout', { token: a.token, json: { plan: 'professional' } });
      const pageHtml = await (await fetch(checkout.data.url)).text();
      assert.match(pageHtml, /Pay and subscribe/);
      assert.match(pageHtml, /\$1,999\.00 per month/);
      const paid = await fetch(`${checkout.data.url}/pay`, { method: 'POST', redirect: 'manual' });
      assert.equal(paid.status, 303);
      assert.equal(paid.headers.get('location'), `http://portal.test/portal/billing?checkout=success&session_id=${checkout.data.id}`);
      assert.deepEqual(h.fake.hosted.sent.map((s) => [s.event.type, s.status, JSON.parse(s.body).outcome]), [
        ['checkout.session.completed', 200, 'applied'], ['customer.subscription.created', 200, 'applied'], ['invoice.paid', 200, 'applied'],
      ]);
      let summary = (await send(h.billing, 'GET', '/api/v1/billing', { token: a.token })).data;
      assert.deepEqual([summary.plan.id, summary.status, summary.generationAllowed], ['professional', 'trialing', true]);
      const invoices = (await send(h.billing, 'GET', '/api/v1/billing/invoices', { token: a.token })).data;
      assert.equal(invoices.items.length, 1);

      const portal = await send(h.billing, 'POST', '/api/v1/billing/portal', { token: a.token });
      assert.match(await (await fetch(portal.data.url)).text(), /Cancel subscription/);
      const canceled = await fetch(`${portal.data.url}/cancel`, { method: 'POST', redirect: 'manual' });
      assert.equal(canceled.headers.get('location'), 'http://portal.test/portal/billing');
      assert.equal(h.fake.hosted.sent.at(-1)?.event.type, 'customer.subscription.deleted');
      summary = (await send(h.billing, 'GET', '/api/v1/billing', { token: a.token })).data;
      assert.deepEqual([summary.status, summary.phase, summary.generationAllowed], ['canceled', 'canceled', false]);
    });
  });
}

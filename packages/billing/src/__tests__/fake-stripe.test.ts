import assert from 'node:assert/strict';
import { FakeStripe, decodeForm, makeEvent } from './support/fake-stripe.js';

describe('fake Stripe server', () => {
  it('decodes Stripe\'s bracketed form encoding into nested params', () => {
    assert.deepEqual(decodeForm('a=1&metadata[plan]=pro&line_items[0][price]=p1&line_items[0][quantity]=1&line_items[1][price]=p2&expand[]=x&expand[]=y'), {
      a: '1', metadata: { plan: 'pro' }, line_items: [{ price: 'p1', quantity: '1' }, { price: 'p2' }], expand: ['x', 'y'],
    });
    assert.deepEqual(decodeForm('broken[key=1&[x]=2'), { 'broken[key': '1', '[x]': '2' });
  });

  describe('over HTTP', () => {
    let fake: FakeStripe;
    beforeEach(async () => {
      fake = await FakeStripe.start({ secretKey: 'sk_test_f' });
    });
    afterEach(() => fake.close());

    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${fake.url}${path}`, { method: 'POST', body, headers: { authorization: 'Bearer sk_test_f', 'content-type': 'application/x-www-form-urlencoded', ...headers } });

    it('refuses a missing or wrong API key with a Stripe error object', async () => {
      const res = await fetch(`${fake.url}/v1/customers`, { method: 'POST', headers: { authorization: 'Bearer sk_test_wrong' } });
      assert.equal(res.status, 401);
      const body = await res.json() as { error: { type: string; message: string } };
      assert.equal(body.error.type, 'invalid_request_error');
      assert.match(body.error.message, /Invalid API Key/);
    });

    it('replays an idempotent request and refuses the key with other params', async () => {
      const first = await (await post('/v1/customers', 'name=A', { 'idempotency-key': 'k1' })).json() as { id: string };
      const replay = await post('/v1/customers', 'name=A', { 'idempotency-key': 'k1' });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal(((await replay.json()) as { id: string }).id, first.id);
      const other = await post('/v1/customers', 'name=B', { 'idempotency-key': 'k1' });
      assert.equal(other.status, 400);
      assert.equal(((await other.json()) as { error: { type: string } }).error.type, 'idempotency_error');
      assert.equal(fake.account.customers.size, 1);
    });

    it('records a webhook to an unreachable endpoint as status 0 instead of crashing', async () => {
      const other = await FakeStripe.start();
      const deadUrl = `${other.url}/gone`;
      await other.close();
      fake.webhook = { url: deadUrl, secret: 'whsec_x' };
      const sent = await fake.emit(makeEvent('invoice.paid', { id: 'in_1', object: 'invoice' }));
      assert.equal(sent?.status, 0);
      fake.webhook = null;
      assert.equal(await fake.emit(makeEvent('invoice.paid', { id: 'in_1', object: 'invoice' })), null);
    });

    it('answers unknown routes and missing objects with Stripe-shaped 404s', async () => {
      assert.equal((await post('/v1/nothing', '')).status, 404);
      const res = await fetch(`${fake.url}/v1/subscriptions/sub_missing`, { headers: { authorization: 'Bearer sk_test_f' } });
      assert.equal(res.status, 404);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'resource_missing');
    });
  });
});

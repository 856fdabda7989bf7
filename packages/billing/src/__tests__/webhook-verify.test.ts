import assert from 'node:assert/strict';
import { BillingError } from '../errors.js';
import { verifyWebhook } from '../stripe/webhook.js';
import { StripeBilling } from '../stripe/adapter.js';
import { makeEvent, signPayload, signedDelivery } from './support/fake-stripe.js';

const SECRET = 'whsec_test_secret';
const code = (c: string) => (e: unknown) => e instanceof BillingError && e.code === c;

describe('verifyWebhook', () => {
  const event = makeEvent('invoice.paid', { id: 'in_1', object: 'invoice', customer: 'cus_1' });

  it('returns the parsed event for a body signed with the endpoint secret', () => {
    const { body, signature } = signedDelivery(event, SECRET);
    const verified = verifyWebhook(body, signature, SECRET);
    assert.equal(verified.id, event.id);
    assert.equal(verified.type, 'invoice.paid');
  });

  it('accepts the raw body as bytes', () => {
    const { body, signature } = signedDelivery(event, SECRET);
    assert.equal(verifyWebhook(new TextEncoder().encode(body), signature, SECRET).id, event.id);
  });

  it('refuses a signature made with another secret', () => {
    const { body, signature } = signedDelivery(event, 'whsec_attacker');
    assert.throws(() => verifyWebhook(body, signature, SECRET), code('WEBHOOK_SIGNATURE_INVALID'));
  });

  it('refuses a replay whose signature timestamp is older than five minutes', () => {
    const old = Math.floor(Date.now() / 1000) - 301;
    const { body, signature } = signedDelivery(event, SECRET, { timestamp: old });
    assert.throws(() => verifyWebhook(body, signature, SECRET), (e: unknown) => code('WEBHOOK_SIGNATURE_INVALID')(e) && /tolerance/i.test((e as Error).message));
    // The same delivery was fine when it was fresh.
    assert.equal(verifyWebhook(body, signature, SECRET, { nowMs: old * 1000 + 1000 }).id, event.id);
  });

  it('refuses a forged body under a genuine signature', () => {
    const { body, signature } = signedDelivery(event, SECRET);
    const forged = body.replace('cus_1', 'cus_victim');
    assert.notEqual(forged, body);
    assert.throws(() => verifyWebhook(forged, signature, SECRET), code('WEBHOOK_SIGNATURE_INVALID'));
  });

  it('refuses a re-serialised body (what a JSON body parser would hand over)', () => {
    const { body, signature } = signedDelivery(event, SECRET);
    assert.throws(() => verifyWebhook(JSON.stringify(JSON.parse(body)), signature, SECRET), code('WEBHOOK_SIGNATURE_INVALID'));
  });

  it('refuses a missing or malformed Stripe-Signature header', () => {
    const { body } = signedDelivery(event, SECRET);
    for (const header of [undefined, null, '', 't=abc', 'v1=deadbeef', 'garbage']) {
      assert.throws(() => verifyWebhook(body, header, SECRET), code('WEBHOOK_SIGNATURE_INVALID'), String(header));
    }
  });

  it('answers NOT_CONFIGURED without a webhook secret', () => {
    const { body, signature } = signedDelivery(event, SECRET);
    assert.throws(() => verifyWebhook(body, signature, null), code('NOT_CONFIGURED'));
  });

  it('answers WEBHOOK_PAYLOAD_INVALID for a correctly signed body that is not JSON', () => {
    const body = 'not json';
    assert.throws(() => verifyWebhook(body, signPayload(body, SECRET), SECRET), code('WEBHOOK_PAYLOAD_INVALID'));
  });

  it('is also a method of the adapter, using the configured secret', () => {
    const billing = new StripeBilling({ secretKey: 'sk_test_x', webhookSecret: SECRET, prices: {}, meterEventName: 'm', endpoint: null, maxNetworkRetries: 0 });
    const { body, signature } = signedDelivery(event, SECRET);
    assert.equal(billing.verifyWebhook(body, signature).id, event.id);
    const unset = new StripeBilling({ ...billing.config, webhookSecret: null });
    assert.throws(() => unset.verifyWebhook(body, signature), code('NOT_CONFIGURED'));
  });

  it('will not switch the age check off (tolerance 0)', () => {
    const { body, signature } = signedDelivery(event, SECRET);
    assert.throws(() => verifyWebhook(body, signature, SECRET, { toleranceSeconds: 0 }), code('INVALID_ARGUMENT'));
  });
});

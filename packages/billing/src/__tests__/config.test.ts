import assert from 'node:assert/strict';
import { BillingError } from '../errors.js';
import { billingConfigFromEnv, billingConfigProblems, planForPrice, priceFor } from '../stripe/config.js';

describe('billingConfigFromEnv', () => {
  it('is null (billing not configured) without STRIPE_SECRET_KEY', () => {
    assert.equal(billingConfigFromEnv({}), null);
    assert.equal(billingConfigFromEnv({ STRIPE_SECRET_KEY: '  ' }), null);
  });

  it('reads keys, prices, meter name and the test endpoint override', () => {
    const config = billingConfigFromEnv({
      STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_x', STRIPE_PRICE_STARTER: 'price_s',
      STRIPE_PRICE_PROFESSIONAL: 'price_p', STRIPE_API_BASE: 'http://127.0.0.1:12111', STRIPE_MAX_NETWORK_RETRIES: '0',
    });
    assert.deepEqual(config, {
      secretKey: 'sk_test_abc', webhookSecret: 'whsec_x', prices: { starter: 'price_s', professional: 'price_p' },
      meterEventName: 'brandsafe_generation', endpoint: { host: '127.0.0.1', port: 12111, protocol: 'http' }, maxNetworkRetries: 0,
    });
    assert.equal(priceFor(config!, 'starter'), 'price_s');
    assert.equal(planForPrice(config!, 'price_p'), 'professional');
    assert.equal(planForPrice(config!, 'price_other'), null);
  });

  it('lists every malformed value in one INVALID_CONFIG error', () => {
    assert.throws(
      () => billingConfigFromEnv({ STRIPE_SECRET_KEY: 'pk_test_x', STRIPE_WEBHOOK_SECRET: 'nope', STRIPE_PRICE_STARTER: 'prod_1', STRIPE_API_BASE: 'ftp://x' }),
      (e: unknown) => e instanceof BillingError && e.code === 'INVALID_CONFIG'
        && /STRIPE_SECRET_KEY/.test(e.message) && /STRIPE_WEBHOOK_SECRET/.test(e.message)
        && /STRIPE_PRICE_STARTER/.test(e.message) && /STRIPE_API_BASE/.test(e.message),
    );
  });

  it('lists the problems one per line for start-up validation', () => {
    assert.deepEqual(billingConfigProblems({}), []);
    assert.deepEqual(billingConfigProblems({ STRIPE_SECRET_KEY: 'sk_test_ok', STRIPE_PRICE_STARTER: 'x', STRIPE_MAX_NETWORK_RETRIES: '-1' }), [
      'STRIPE_PRICE_STARTER must start with price_', 'STRIPE_MAX_NETWORK_RETRIES must be an integer 0..10',
    ]);
  });

  it('answers NOT_CONFIGURED for a plan without a price', () => {
    const config = billingConfigFromEnv({ STRIPE_SECRET_KEY: 'sk_test_abc' })!;
    assert.throws(() => priceFor(config, 'professional'), (e: unknown) => e instanceof BillingError && e.code === 'NOT_CONFIGURED');
  });
});

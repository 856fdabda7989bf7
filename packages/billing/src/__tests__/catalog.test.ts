import assert from 'node:assert/strict';
import { type LimitOverrides, PLANS, PLAN_IDS, TRIAL, effectiveLimits, formatPrice, getPlan, hasFeature, isPlanId } from '../catalog.js';
import { BillingError } from '../errors.js';

describe('catalog', () => {
  it('prices and limits the plans as the issue states', () => {
    assert.equal(PLANS.starter.monthlyPriceCents, 49_900);
    assert.equal(PLANS.starter.limits.brand, 1);
    assert.equal(PLANS.starter.limits.generation, 100);
    assert.deepEqual(PLANS.starter.features, ['email_support']);
    assert.equal(PLANS.professional.monthlyPriceCents, 199_900);
    assert.equal(PLANS.professional.limits.brand, 5);
    assert.equal(PLANS.professional.limits.generation, null);
    for (const f of ['analytics', 'learning_loop', 'api_access'] as const) assert.ok(hasFeature('professional', f), f);
    assert.equal(PLANS.enterprise.monthlyPriceCents, null);
    assert.equal(PLANS.enterprise.selfServe, false);
    assert.equal(PLANS.enterprise.limits.brand, null);
  });

  it('gives new workspaces a 14-day trial on Starter limits', () => {
    assert.equal(TRIAL.days, 14);
    assert.equal(TRIAL.plan, 'starter');
  });

  it('formats prices for the pricing table', () => {
    assert.equal(formatPrice(PLANS.starter), '$499/month');
    assert.equal(formatPrice(PLANS.professional), '$1,999/month');
    assert.equal(formatPrice(PLANS.enterprise), 'Custom pricing');
  });

  it('recognises plan ids and refuses unknown ones with UNKNOWN_PLAN', () => {
    assert.deepEqual(PLAN_IDS.filter(isPlanId), ['starter', 'professional', 'enterprise']);
    assert.equal(isPlanId('gold'), false);
    assert.equal(isPlanId(3), false);
    assert.throws(() => getPlan('gold'), (e: unknown) => e instanceof BillingError && e.code === 'UNKNOWN_PLAN');
  });

  describe('effectiveLimits', () => {
    it('returns the plan limits when there are no overrides', () => {
      assert.deepEqual(effectiveLimits('starter'), PLANS.starter.limits);
    });

    it('replaces only the overridden keys, loosening or tightening', () => {
      const limits = effectiveLimits('starter', { brand: 3, generation: 50 });
      assert.equal(limits.brand, 3);
      assert.equal(limits.generation, 50);
      assert.equal(limits.member, PLANS.starter.limits.member);
    });

    it('treats a null override as unlimited', () => {
      assert.equal(effectiveLimits('starter', { generation: null }).generation, null);
    });

    it('does not change the catalog', () => {
      effectiveLimits('starter', { brand: 9 });
      assert.equal(PLANS.starter.limits.brand, 1);
    });

    it('refuses negative, fractional or unlimited-rate overrides with INVALID_ARGUMENT', () => {
      // Overrides come from the database: the types forbid these, the function must still refuse them.
      for (const bad of [{ brand: -1 }, { generation: 1.5 }, { requestsPerMinute: null } as unknown as LimitOverrides]) {
        assert.throws(() => effectiveLimits('professional', bad), (e: unknown) => e instanceof BillingError && e.code === 'INVALID_ARGUMENT', JSON.stringify(bad));
      }
    });

    it('ignores keys that are not limits', () => {
      const limits = effectiveLimits('starter', { nonsense: 5 } as never);
      assert.equal('nonsense' in limits, false);
    });
  });
});

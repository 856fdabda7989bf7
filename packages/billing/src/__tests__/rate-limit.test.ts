import assert from 'node:assert/strict';
import { effectiveLimits } from '../catalog.js';
import { BillingError } from '../errors.js';
import { ratePolicy, takeToken, type BucketState } from '../rate-limit.js';

describe('takeToken', () => {
  const policy = { capacity: 3, refillPerSecond: 1 };
  const t0 = 1_700_000_000_000;

  it('starts a missing bucket full and takes one token', () => {
    const d = takeToken(null, policy, t0);
    assert.deepEqual(d, { allowed: true, state: { tokens: 2, updatedAtMs: t0 }, remaining: 2, retryAfterSeconds: 0 });
  });

  it('allows a burst of capacity, then refuses with a Retry-After', () => {
    let state: BucketState | null = null;
    const allowed: boolean[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = takeToken(state, policy, t0);
      state = last.state;
      allowed.push(last.allowed);
    }
    assert.deepEqual(allowed, [true, true, true, false]);
    assert.equal(last!.retryAfterSeconds, 1);
    assert.equal(last!.remaining, 0);
  });

  it('refills with elapsed time, up to capacity only', () => {
    const empty = { tokens: 0, updatedAtMs: t0 };
    assert.equal(takeToken(empty, policy, t0 + 1500).allowed, true);
    assert.equal(takeToken(empty, policy, t0 + 1500).state.tokens, 0.5);
    assert.equal(takeToken(empty, policy, t0 + 60_000).state.tokens, 2);
  });

  it('computes Retry-After from the missing fraction of a token', () => {
    const slow = { capacity: 1, refillPerSecond: 0.1 };
    const d = takeToken({ tokens: 0.25, updatedAtMs: t0 }, slow, t0);
    assert.equal(d.allowed, false);
    assert.equal(d.retryAfterSeconds, 8);
    assert.equal(d.state.tokens, 0.25);
  });

  it('refills nothing when the clock went backwards', () => {
    const d = takeToken({ tokens: 0, updatedAtMs: t0 }, policy, t0 - 10_000);
    assert.equal(d.allowed, false);
    assert.equal(d.state.updatedAtMs, t0);
  });

  it('sustains exactly the refill rate over time', () => {
    let state: BucketState | null = { tokens: 0, updatedAtMs: t0 };
    let granted = 0;
    for (let ms = 0; ms <= 10_000; ms += 100) {
      const d = takeToken(state, policy, t0 + ms);
      state = d.state;
      if (d.allowed) granted++;
    }
    assert.equal(granted, 10);
  });

  it('derives the policy from plan limits', () => {
    assert.deepEqual(ratePolicy(effectiveLimits('starter')), { capacity: 20, refillPerSecond: 1 });
  });

  it('refuses impossible policies and costs with INVALID_ARGUMENT', () => {
    const invalid = (e: unknown) => e instanceof BillingError && e.code === 'INVALID_ARGUMENT';
    assert.throws(() => takeToken(null, { capacity: 0, refillPerSecond: 1 }, t0), invalid);
    assert.throws(() => takeToken(null, policy, t0, 4), invalid);
    assert.throws(() => takeToken(null, policy, t0, 0), invalid);
  });
});

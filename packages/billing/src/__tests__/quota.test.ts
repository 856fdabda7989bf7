import assert from 'node:assert/strict';
import { effectiveLimits } from '../catalog.js';
import { BillingError } from '../errors.js';
import { QuotaExceeded, assertQuota, checkQuota, DEFAULT_UPGRADE_URL } from '../quota.js';

describe('checkQuota', () => {
  const starter = effectiveLimits('starter');

  it('allows an action under the limit and reports what remains', () => {
    assert.deepEqual(checkQuota({ limits: starter, usage: { generation: 98 }, kind: 'generation' }),
      { ok: true, kind: 'generation', limit: 100, usage: 98, remaining: 1 });
  });

  it('allows the action that reaches the limit exactly', () => {
    const result = checkQuota({ limits: starter, usage: { generation: 99 }, kind: 'generation' });
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.remaining, 0);
  });

  it('refuses at the limit with a QuotaExceeded naming limit, usage and upgrade link', () => {
    const result = checkQuota({ limits: starter, usage: { brand: 1 }, kind: 'brand', upgradeUrl: 'https://app.test/billing' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.ok(result.error instanceof QuotaExceeded);
    assert.ok(result.error instanceof BillingError);
    assert.equal(result.error.code, 'QUOTA_EXCEEDED');
    assert.deepEqual(result.error.toProblemExtensions(), { quota: 'brand', limit: 1, usage: 1, upgrade: 'https://app.test/billing' });
    assert.match(result.error.message, /1 of 1 brands/);
  });

  it('counts a multi-unit increment against the limit', () => {
    assert.equal(checkQuota({ limits: starter, usage: { generation: 95 }, kind: 'generation', increment: 6 }).ok, false);
    assert.equal(checkQuota({ limits: starter, usage: { generation: 95 }, kind: 'generation', increment: 5 }).ok, true);
  });

  it('never refuses an unlimited kind', () => {
    const pro = effectiveLimits('professional');
    assert.deepEqual(checkQuota({ limits: pro, usage: { generation: 1_000_000 }, kind: 'generation' }),
      { ok: true, kind: 'generation', limit: null, usage: 1_000_000, remaining: null });
  });

  it('treats missing usage as zero and defaults the upgrade link', () => {
    const result = checkQuota({ limits: effectiveLimits('starter', { member: 0 }), usage: {}, kind: 'member' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.upgradeUrl, DEFAULT_UPGRADE_URL);
  });

  it('refuses nonsense usage or increments with INVALID_ARGUMENT', () => {
    for (const input of [{ usage: { generation: -1 } }, { usage: { generation: 1.5 } }, { usage: {}, increment: -2 }]) {
      assert.throws(() => checkQuota({ limits: starter, kind: 'generation', ...input }), (e: unknown) => e instanceof BillingError && e.code === 'INVALID_ARGUMENT');
    }
  });

  it('assertQuota throws the QuotaExceeded and returns the ok result otherwise', () => {
    assert.throws(() => assertQuota({ limits: starter, usage: { brand: 1 }, kind: 'brand' }), QuotaExceeded);
    assert.equal(assertQuota({ limits: starter, usage: { brand: 0 }, kind: 'brand' }).remaining, 0);
  });
});

import assert from 'node:assert/strict';
import { QuotaExceeded } from '@brandsafe/billing';
import { PROBLEMS, problemType } from '../../http/problem.js';
import { BillingProblem, quotaProblem } from '../problems.js';

describe('billing problems', () => {
  it('rests every 402 on the catalog code PAYMENT_REQUIRED while keeping its own type and code', () => {
    assert.deepEqual([PROBLEMS.PAYMENT_REQUIRED.status, problemType('PAYMENT_REQUIRED')], [402, 'tag:brandsafe.dev,2026:problem/payment-required']);
    for (const p of [new BillingProblem('BILLING_INACTIVE', 'paused'), quotaProblem(new QuotaExceeded('brand', 1, 1, 'http://x.test/portal/billing'))]) {
      assert.equal(p.code, 'PAYMENT_REQUIRED');
      assert.equal(p.status, PROBLEMS[p.code].status);
      const body = p.toBody();
      assert.equal(body.status, 402);
      assert.equal(body.code, p.billingCode);
      assert.equal(body.type, `tag:brandsafe.dev,2026:problem/${p.billingCode.toLowerCase().replaceAll('_', '-')}`);
    }
  });

  it('keeps the status of its catalog code for the non-402 problems', () => {
    for (const code of ['WEBHOOK_SIGNATURE_INVALID', 'BILLING_NOT_CONFIGURED', 'STRIPE_UNAVAILABLE'] as const) {
      const p = new BillingProblem(code, 'x');
      assert.equal(p.status, PROBLEMS[p.code].status, code);
    }
  });
});

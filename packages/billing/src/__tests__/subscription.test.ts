import assert from 'node:assert/strict';
import { billingState, newTrialSubscription, usagePeriod, type WorkspaceSubscription } from '../subscription.js';

const DAY = 86_400_000;
const t0 = new Date('2026-11-01T00:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const sub = (patch: Partial<WorkspaceSubscription>): WorkspaceSubscription => ({ ...newTrialSubscription('ws_1', t0), ...patch });

describe('billingState', () => {
  it('lets a new workspace generate on a 14-day Starter trial with a countdown banner', () => {
    const trial = newTrialSubscription('ws_1', t0);
    assert.equal(trial.trialEndsAt?.toISOString(), at(14).toISOString());
    const state = billingState(trial, at(1));
    assert.equal(state.phase, 'trialing');
    assert.equal(state.plan, 'starter');
    assert.equal(state.generationAllowed, true);
    assert.equal(state.banner?.level, 'info');
    assert.match(state.banner!.message, /13 days/);
  });

  it('warns in the last three days of the trial', () => {
    assert.equal(billingState(newTrialSubscription('ws_1', t0), at(12)).banner?.level, 'warning');
  });

  it('stops generation when the trial has ended', () => {
    const state = billingState(newTrialSubscription('ws_1', t0), at(14));
    assert.equal(state.phase, 'trial_expired');
    assert.equal(state.generationAllowed, false);
    assert.equal(state.banner?.level, 'error');
  });

  it('has no banner while active, and an info banner when cancelling at period end', () => {
    assert.deepEqual(billingState(sub({ status: 'active', plan: 'professional' }), at(30)),
      { phase: 'active', plan: 'professional', generationAllowed: true, banner: null, deadline: null });
    const ending = billingState(sub({ status: 'active', cancelAtPeriodEnd: true, currentPeriodEnd: at(40) }), at(30));
    assert.equal(ending.generationAllowed, true);
    assert.match(ending.banner!.message, /ends on 2026-12-11/);
  });

  it('keeps generating during the 7-day grace period after a failed payment, then pauses', () => {
    const due = sub({ status: 'past_due', pastDueSince: at(30) });
    const grace = billingState(due, at(36));
    assert.equal(grace.phase, 'grace');
    assert.equal(grace.generationAllowed, true);
    assert.equal(grace.deadline?.toISOString(), at(37).toISOString());
    assert.equal(grace.banner?.level, 'warning');
    assert.equal(grace.banner?.action?.label, 'Update payment method');
    const paused = billingState(due, at(37));
    assert.equal(paused.phase, 'paused');
    assert.equal(paused.generationAllowed, false);
    assert.equal(paused.banner?.level, 'error');
  });

  it('honours a custom grace period', () => {
    assert.equal(billingState(sub({ status: 'past_due', pastDueSince: at(30) }), at(32), { graceDays: 1 }).phase, 'paused');
  });

  it('pauses unpaid and paused subscriptions', () => {
    for (const status of ['unpaid', 'paused'] as const) {
      assert.equal(billingState(sub({ status }), at(1)).generationAllowed, false, status);
    }
  });

  it('lets an incomplete first payment use the remaining trial only', () => {
    assert.equal(billingState(sub({ status: 'incomplete' }), at(3)).generationAllowed, true);
    assert.equal(billingState(sub({ status: 'incomplete' }), at(20)).generationAllowed, false);
  });

  it('stops canceled and expired subscriptions', () => {
    for (const status of ['canceled', 'incomplete_expired'] as const) {
      const state = billingState(sub({ status }), at(1));
      assert.equal(state.phase, 'canceled');
      assert.equal(state.generationAllowed, false);
    }
  });

  it('asks a workspace without any record to choose a plan', () => {
    const state = billingState(null, t0, { billingUrl: '/w/x/billing' });
    assert.equal(state.generationAllowed, false);
    assert.equal(state.banner?.action?.href, '/w/x/billing');
  });
});

describe('usagePeriod', () => {
  it('uses the current billing period while now is inside it', () => {
    const period = usagePeriod({ currentPeriodStart: at(0), currentPeriodEnd: at(30) }, at(10));
    assert.deepEqual(period, { start: at(0), end: at(30) });
  });

  it('falls back to the UTC calendar month outside the period or without one', () => {
    const month = { start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') };
    assert.deepEqual(usagePeriod({ currentPeriodStart: at(0), currentPeriodEnd: at(30) }, new Date('2026-12-15T10:00:00Z')), month);
    assert.deepEqual(usagePeriod(null, new Date('2026-12-31T23:59:59Z')), month);
  });
});

/**
 * @brandsafe/billing: the plan catalog, quotas, the subscription state machine, rate limiting,
 * the Stripe adapter (checkout, portal, meters, invoices, webhook verification) and the webhook
 * reducer. The pure parts (catalog, quota, subscription, rate-limit, webhooks) import nothing
 * outside the package but Stripe's types; the adapter wraps the official `stripe` SDK.
 */
export { BillingError, isBillingError, type BillingErrorCode } from './errors.js';
export {
  PLANS, PLAN_IDS, QUOTA_KINDS, TRIAL, PAST_DUE_GRACE_DAYS,
  effectiveLimits, formatPrice, getPlan, hasFeature, isPlanId,
  type Feature, type LimitOverrides, type Limits, type Plan, type PlanId, type QuotaKind,
} from './catalog.js';
export {
  DEFAULT_UPGRADE_URL, QUOTA_CONSUME_SQL, QuotaExceeded, assertQuota, checkQuota,
  type QuotaCheck, type QuotaOk, type QuotaRefused, type QuotaUsage,
} from './quota.js';
export {
  SUBSCRIPTION_STATUSES, billingState, newTrialSubscription, usagePeriod,
  type BillingBanner, type BillingPhase, type BillingState, type BillingStateOptions,
  type StatusSource, type SubscriptionStatus, type UsagePeriod, type WorkspaceSubscription,
} from './subscription.js';
export { ADMIT_GENERATION_SQL, BILLING_FINGERPRINT } from './admission.js';
export { RATE_LIMIT_SQL, ratePolicy, takeToken, type BucketState, type RateDecision, type RatePolicy } from './rate-limit.js';
export {
  DEFAULT_METER_EVENT_NAME, billingConfigFromEnv, billingConfigProblems, planForPrice, priceFor,
  type BillingConfig, type StripeEndpoint,
} from './stripe/config.js';
export { StripeBilling, createStripeClient, type InvoiceSummary, type SubscriptionSummary } from './stripe/adapter.js';
export { StripeRequestError, toBillingError } from './stripe/stripe-error.js';
export { DEFAULT_WEBHOOK_TOLERANCE_SECONDS, verifyWebhook, type VerifyWebhookOptions } from './stripe/webhook.js';
export { HANDLED_EVENT_TYPES, processWebhookEvent, type WebhookReducerOptions, type WebhookResult } from './webhooks/reducer.js';
export { staleReason, isTerminal, type IncomingState, type StaleReason } from './webhooks/ordering.js';
export { isWebhookEvent, type WebhookEvent } from './webhooks/parse.js';
export {
  MemoryBillingRepository,
  type BillingAuditEntry, type BillingRepository, type BillingStore, type StripeEventRecord, type WebhookOutcome,
} from './webhooks/repository.js';

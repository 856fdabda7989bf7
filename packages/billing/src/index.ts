/** @brandsafe/billing: Plan catalog, quotas and the Stripe adapter. */
export {};

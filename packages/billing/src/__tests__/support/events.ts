/** Builders of realistic Stripe events for the reducer tests, from the fake account's objects. */
import { FakeAccount, FAKE_PRICES, makeEvent, type FakeEvent, type StripeObject } from './fake-stripe.js';

export const PRICES = { starter: 'price_starter_test', professional: 'price_professional_test' } as const;

/** A fake account (no server) with a customer who went through Checkout for a plan. */
export function checkoutScenario(workspaceId: string, plan: 'starter' | 'professional' = 'professional', clock = 1_790_000_000) {
  const account = new FakeAccount(FAKE_PRICES, () => 'http://fake.test');
  account.clock = () => clock;
  const customer = account.createCustomer({ metadata: { workspace_id: workspaceId } });
  const open = account.createCheckoutSession({
    mode: 'subscription', customer: customer.id!, client_reference_id: workspaceId, success_url: 'https://a/ok', cancel_url: 'https://a/no',
    line_items: [{ price: PRICES[plan], quantity: '1' }], metadata: { workspace_id: workspaceId, plan },
    subscription_data: { metadata: { workspace_id: workspaceId, plan } },
  });
  const { session, subscription, invoice } = account.completeCheckout(open.id!);
  return { account, customerId: customer.id!, session, subscription, invoice };
}

/** A copy of a subscription with fields changed. */
export const withFields = (object: StripeObject, fields: Record<string, unknown>): StripeObject => ({ ...structuredClone(object), ...fields });

export const event = (type: string, object: StripeObject, created: number, id?: string): FakeEvent => makeEvent(type, object, { created, ...(id ? { id } : {}) });

/**
 * @brandsafe/fake-stripe: a local stand-in for the Stripe API (the requests brandsafe makes) and
 * signed test webhooks, for tests that must not reach the internet.
 * @example
 *   const fake = await FakeStripe.start();
 *   const billing = new StripeBilling({ ...config, endpoint: fake.endpoint });
 *   ...
 *   await fake.close();
 */
export { decodeForm, type FormValue } from './form.js';
export { FakeAccount, FakeStripeError, type FakePrice, type StripeObject } from './objects.js';
export { HostedPages, type SentWebhook, type WebhookTarget } from './hosted.js';
export { FAKE_PRICES, FakeStripe, type FakeStripeOptions, type RecordedRequest } from './server.js';
export { deliverWebhook, makeEvent, signPayload, signedDelivery, type FakeEvent, type SignOptions } from './webhooks.js';

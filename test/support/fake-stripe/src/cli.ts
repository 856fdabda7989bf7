/**
 * Runs the fake Stripe as a process, for end-to-end tests that start the real server:
 *   node --import tsx test/support/fake-stripe/src/cli.ts --port 12111 \
 *     --webhook http://127.0.0.1:8787/webhooks/stripe --webhook-secret whsec_e2e --secret-key sk_test_e2e
 * then start the server with STRIPE_API_BASE=http://127.0.0.1:12111, STRIPE_SECRET_KEY,
 * STRIPE_WEBHOOK_SECRET and STRIPE_PRICE_STARTER/PROFESSIONAL=price_starter_test/price_professional_test.
 * Prints one JSON line `{"url": …}` when listening; stops on SIGTERM/SIGINT.
 */
import { parseArgs } from 'node:util';
import { FakeStripe } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'secret-key': { type: 'string', default: 'sk_test_fake' },
    webhook: { type: 'string' },
    'webhook-secret': { type: 'string' },
  },
});
if (values.webhook && !values['webhook-secret']) {
  console.error('fake-stripe: --webhook needs --webhook-secret');
  process.exit(2);
}
const fake = await FakeStripe.start({
  secretKey: values['secret-key'],
  port: Number(values.port),
  ...(values.webhook ? { webhook: { url: values.webhook, secret: values['webhook-secret'] as string } } : {}),
});
console.log(JSON.stringify({ url: fake.url, secretKey: fake.secretKey, webhook: values.webhook ?? null }));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void fake.close().then(() => process.exit(0)));

#!/usr/bin/env node
// Browser end-to-end test of the web portal (issue 6 §4): Debian's chromium driven by
// playwright-core against the real server process (PGlite in a temp DATA_DIR) and the fake Stripe
// (hosted Checkout page, signed webhooks). Walks sign-up → email verification → Checkout →
// webhook → plan active → a generation through an API token counted in the usage chart → invite
// a member → create and revoke a token, and checks a form without its CSRF token is refused.
// Screenshots go to test-results/e2e-portal/. Prints "N passed, N failed"; exits 1 on failure.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, FLAGS, assert, children, counts, ensureChromium, freePort, start, step, stop, until } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const shots = join(root, 'test-results', 'e2e-portal');
const work = mkdtempSync(join(tmpdir(), 'brandsafe-portal-e2e-'));
const PASSWORD = 'correct horse battery';
const STRIPE_SECRET = 'sk_test_e2e_portal';
const WEBHOOK_SECRET = 'whsec_e2e_portal';

async function main() {
  mkdirSync(shots, { recursive: true });
  ensureChromium();
  const { chromium } = await import('playwright-core');
  const [stripePort, serverPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${serverPort}`;
  const tsx = ['--import', 'tsx', '--conditions', 'source'];

  const stripe = start(root, 'fake-stripe', [...tsx, join(root, 'test/support/fake-stripe/src/cli.ts'), '--port', String(stripePort),
    '--webhook', `${base}/webhooks/stripe`, '--webhook-secret', WEBHOOK_SECRET, '--secret-key', STRIPE_SECRET], {}, (out) => out.includes('"url"'));
  await stripe.done;
  const server = start(root, 'server', [...tsx, join(root, 'server/src/main.ts')], {
    PORT: String(serverPort), HOST: '127.0.0.1', DATA_DIR: join(work, 'data'), DATABASE_URL: '', SEED_DEMO: 'false', NODE_ENV: 'development',
    LOG_LEVEL: 'info', PUBLIC_URL: base, AUDIT_TAMPER_CHECK_SECONDS: '0',
    STRIPE_API_BASE: `http://127.0.0.1:${stripePort}`, STRIPE_SECRET_KEY: STRIPE_SECRET, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PRICE_STARTER: 'price_starter_test', STRIPE_PRICE_PROFESSIONAL: 'price_professional_test',
  }, (out) => out.includes('listening on'));
  await server.done;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  // Only the portal's own pages count: the fake Stripe page's favicon request is its business.
  // Pages answered 4xx on purpose (a refused upload is a 422 page) are not errors; failed
  // subresources (styles, scripts, images) and every other console error (CSP violations) are.
  page.on('console', (m) => m.type() === 'error' && page.url().startsWith(base) && !m.text().startsWith('Failed to load resource') && consoleErrors.push(`${m.text()} on ${page.url()}`));
  page.on('response', (r) => r.status() >= 400 && r.url().startsWith(base) && r.request().resourceType() !== 'document' && consoleErrors.push(`${r.request().resourceType()} ${r.status()} ${r.request().method()} ${r.url()}`));
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const email = `e2e-${Date.now()}@example.test`;
  let apiToken;

  try {
    await step('landing page shows the pricing table from the plan catalog', async () => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: 'Pricing' }).waitFor();
      for (const price of ['$499/month', '$1,999/month']) assert(await page.getByText(price).isVisible(), `${price} shown`);
      await shot('01-landing');
    });

    await step('sign-up creates the workspace and opens the dashboard', async () => {
      await page.getByRole('link', { name: 'Start a 14-day free trial' }).click();
      await page.getByLabel('Workspace name').fill('Acme Experiments');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForURL(`${base}/portal?welcome=1`);
      await page.getByRole('heading', { name: 'Acme Experiments' }).waitFor();
      const cookies = await context.cookies();
      const session = cookies.find((c) => c.name === 'bs_session');
      assert(session?.httpOnly && session.sameSite === 'Lax', `session cookie HttpOnly + SameSite=Lax: ${JSON.stringify(session)}`);
      await shot('02-dashboard-new');
    });

    await step('the verification link from the email confirms the address', async () => {
      const link = await until(() => {
        const m = new RegExp(`${base.replace(/[.]/g, '\\.')}/verify-email\\?token=(bsv_[A-Za-z0-9_-]+)`).exec(server.log.text);
        return m?.[0];
      }, 'the verification email in the server log');
      await page.goto(link);
      await page.getByRole('button', { name: 'Confirm email address' }).click();
      await page.getByText('Your email address is confirmed.').waitFor();
      await shot('03-verified');
    });

    await step('Checkout on the hosted page, the webhook, and the plan is active', async () => {
      await page.goto(`${base}/portal/billing`);
      await shot('04-billing-trial');
      await page.getByRole('button', { name: 'Subscribe to Starter' }).click();
      await page.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${stripePort}/checkout/`));
      await shot('05-fake-stripe-checkout');
      await page.getByRole('button', { name: /Pay and subscribe/ }).click();
      await page.waitForURL(new RegExp(`^${base}/portal/billing\\?checkout=success`));
      assert(await page.getByText(/Thank you/).isVisible(), 'the return notice is shown');
      // The webhook (checkout.session.completed, customer.subscription.created) links the
      // Stripe subscription; it runs in the trial until the trial ends, then Stripe charges.
      await until(async () => {
        await page.goto(`${base}/portal/billing`);
        return (await page.locator('[data-subscription="stripe"]').count()) === 1;
      }, 'the Stripe subscription to be active');
      const status = (await page.locator('[data-status]').first().textContent())?.trim();
      assert(['active', 'trialing'].includes(status), `subscription status ${status}`);
      assert((await page.locator('.plan.current h3').textContent())?.includes('Starter'), 'Starter is the current plan');
      await shot('06-billing-active');
    });

    await step('a generation made with an API token is counted in the usage chart', async () => {
      await page.goto(`${base}/portal/brands`);
      await page.getByLabel('Name').fill('Northwind');
      await page.getByRole('button', { name: 'Create brand' }).click();
      await page.getByRole('heading', { name: 'Northwind' }).waitFor();
      const brandId = /\/portal\/brands\/([0-9a-f-]+)/.exec(page.url())?.[1];
      // A graph that breaks the shapes first: refused, with each SHACL result at its line:column.
      await page.getByLabel('or paste Turtle').fill('@prefix bs: <https://brandsafe.dev/ns#> .\n\n<urn:x:brand> a bs:Brand ;\n  bs:version "not-a-version" .\n');
      await page.getByRole('button', { name: 'Validate and upload' }).click();
      await page.getByRole('heading', { name: 'SHACL validation results' }).waitFor();
      const firstCell = (await page.locator('table[aria-label="Validation results"] tbody tr td code').first().textContent())?.trim();
      assert(/^\d+:\d+$/.test(firstCell ?? ''), `problems carry line:column, got ${firstCell}`);
      await shot('07a-brand-shacl-errors');
      await page.getByLabel('or paste Turtle').fill('');
      await page.getByLabel('Turtle file (.ttl)').setInputFiles(join(root, 'examples/northwind/.brandsafe/brand.ttl'));
      await page.getByRole('button', { name: 'Validate and upload' }).click();
      await page.getByText(/Version .* uploaded/).waitFor();
      await shot('07-brand-uploaded');

      await page.goto(`${base}/portal/tokens`);
      await page.getByLabel('Name').fill('ci-generator');
      await page.getByLabel('generate').check();
      await page.getByRole('button', { name: 'Create token' }).click();
      apiToken = (await page.locator('#new-token').textContent())?.trim();
      assert(apiToken?.startsWith('bsp_'), 'the new token is shown');
      const res = await fetch(`${base}/api/v1/generations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ brandId, testType: 'banner', description: 'Free shipping banner', parameters: { message: 'Free shipping over 50' } }),
      });
      const body = await res.text();
      assert(res.status === 201, `generation: ${res.status} ${body.slice(0, 300)}`);
      await page.goto(`${base}/portal`);
      const used = (await page.locator('[data-usage="generations"]').first().textContent())?.trim();
      assert(used === '1', `usage shows 1 generation, got ${used}`);
      const bars = await page.locator('.chart rect.bar[data-count="1"]').count();
      assert(bars === 1, `one bar of height 1 in the chart, got ${bars}`);
      assert(await page.locator('[data-status-count="GENERATED"]').textContent() === '1', 'by status: GENERATED 1');
      await shot('08-dashboard-usage');
    });

    await step('invite a member with a role', async () => {
      await page.goto(`${base}/portal/members`);
      await page.getByLabel('Email').fill('reviewer@example.test');
      await page.getByLabel('Role', { exact: true }).selectOption('reviewer');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByText('Invitation sent.').waitFor();
      const row = page.locator('tr[data-invitation="reviewer@example.test"]');
      assert((await row.textContent())?.includes('pending'), 'the invitation is pending');
      await shot('09-members');
    });

    await step('create a token (shown once, copy button) and revoke it', async () => {
      await page.goto(`${base}/portal/tokens`);
      await page.getByLabel('Name').fill('temporary');
      await page.getByRole('button', { name: 'Create token' }).click();
      const secret = (await page.locator('#new-token').textContent())?.trim();
      assert(secret?.startsWith('bsp_'), 'secret shown');
      assert(await page.getByRole('button', { name: 'Copy' }).isVisible(), 'copy button visible (script ran)');
      await shot('10-token-created');
      page.once('dialog', (d) => void d.accept());
      await page.locator('tr[data-token="temporary"]').getByRole('button', { name: 'Revoke' }).click();
      await page.getByText('Token revoked.').waitFor();
      assert(!(await page.content()).includes(secret), 'the secret is not shown again');
      const res = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
      assert(res.status === 401, `revoked token refused: ${res.status}`);
      await shot('11-token-revoked');
    });

    await step('a form posted without its CSRF token is refused', async () => {
      const res = await page.request.post(`${base}/portal/tokens`, { form: { name: 'forged', scopes: 'admin' }, headers: { origin: base } });
      assert(res.status() === 403, `no token: ${res.status()}`);
      const cross = await page.request.post(`${base}/portal/logout`, { form: { _csrf: 'x' }, headers: { origin: 'https://evil.example' } });
      assert(cross.status() === 403, `cross-origin: ${cross.status()}`);
      await page.goto(`${base}/portal/tokens`);
      assert((await page.locator('tr[data-token="forged"]').count()) === 0, 'no forged token');
    });

    await step('responsive: the dashboard fits a phone screen', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/portal`);
      const overflow = await page.evaluate(() => {
        const el = globalThis.document.documentElement;
        return el.scrollWidth - el.clientWidth;
      });
      assert(overflow <= 0, `no horizontal scroll, overflow ${overflow}px`);
      await shot('12-dashboard-phone');
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await step('change plan (prorated) and cancel through the Customer Portal', async () => {
      await page.goto(`${base}/portal/billing`);
      await page.getByRole('button', { name: 'Switch to Professional' }).click();
      await page.getByText('Plan change requested').waitFor();
      await page.getByRole('button', { name: 'Manage payment methods and subscription' }).click();
      await page.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${stripePort}/portal/`));
      await shot('13-fake-stripe-portal');
      await page.getByRole('button', { name: 'Cancel subscription' }).click();
      await page.waitForURL(new RegExp(`^${base}/portal/billing`));
      await until(async () => {
        await page.goto(`${base}/portal/billing`);
        return (await page.locator('[data-status]').first().textContent())?.trim() === 'canceled';
      }, 'the cancellation webhook');
      await shot('14-billing-canceled');
    });

    await step('sign out ends the session', async () => {
      await page.goto(`${base}/portal`);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${base}/portal/login`);
      await page.goto(`${base}/portal`);
      assert(page.url() === `${base}/portal/login`, 'signed-out dashboard redirects to sign-in');
    });

    await step('no console errors (CSP violations included)', async () => {
      assert(consoleErrors.length === 0, consoleErrors.join(' | '));
    });
  } finally {
    await browser.close();
    await stop(server.child);
    await stop(stripe.child);
  }
}

try {
  await main();
} catch (err) {
  counts.failed++;
  console.log(`  ✗ setup: ${err?.stack ?? err}`);
  for (const c of children) c.kill('SIGKILL');
}
rmSync(work, { recursive: true, force: true });
console.log(`screenshots: ${shots}`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed > 0 ? 1 : 0);

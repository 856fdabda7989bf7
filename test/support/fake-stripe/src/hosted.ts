/**
 * Stripe-hosted pages, faked: Checkout (`/checkout/<session>`) and the Customer Portal
 * (`/portal/<session>`), so a browser test can click through "pay" and "cancel" as a customer
 * would. Paying completes the session, sends the webhooks Stripe would send (signed, to the
 * configured endpoint, in Stripe's usual order) and redirects to `success_url`; cancelling sends
 * `customer.subscription.deleted` and returns to `return_url`. Plain HTML forms, no script.
 */
import type { ServerResponse } from 'node:http';
import type { FakeAccount, StripeObject } from './objects.js';
import { deliverWebhook, makeEvent, type FakeEvent } from './webhooks.js';

/** Where the fake sends webhooks. */
export interface WebhookTarget {
  readonly url: string;
  readonly secret: string;
}

/** One webhook the fake sent, with the endpoint's answer (status 0: it could not be reached). */
export interface SentWebhook {
  readonly event: FakeEvent;
  readonly status: number;
  readonly body: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title>` +
  `<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.6rem 1.2rem}</style></head>` +
  `<body><main><p>Fake Stripe (test mode)</p><h1>${escape(title)}</h1>${body}</main></body></html>`;
const money = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/** The hosted pages of one fake account, and the webhooks they sent. */
export class HostedPages {
  readonly sent: SentWebhook[] = [];

  constructor(private readonly account: FakeAccount, private readonly target: () => WebhookTarget | null) {}

  /** Signs and POSTs an event to the webhook endpoint (if one is set); records the answer. */
  async emit(event: FakeEvent): Promise<SentWebhook | null> {
    const target = this.target();
    if (!target) return null;
    let sent: SentWebhook;
    try {
      const res = await deliverWebhook(target.url, event, target.secret);
      sent = { event, status: res.status, body: await res.text() };
    } catch (error) {
      // The endpoint is down: Stripe would retry later; the fake records status 0 and goes on.
      sent = { event, status: 0, body: String(error) };
    }
    this.sent.push(sent);
    return sent;
  }

  /** Serves a hosted page; false when the path is not one. */
  async handle(method: string, path: string, res: ServerResponse): Promise<boolean> {
    const checkout = /^\/checkout\/([\w-]+)(\/pay)?$/.exec(path);
    if (checkout) {
      const session = this.account.sessions.get(checkout[1]!);
      if (!session) return this.html(res, 404, page('No such checkout session', '<p>This link is not valid.</p>'));
      if (method === 'GET' && !checkout[2]) return this.checkoutPage(res, session);
      if (method === 'POST' && checkout[2]) return this.pay(res, session);
    }
    const portal = /^\/portal\/([\w-]+)(\/cancel)?$/.exec(path);
    if (portal) {
      const session = this.account.portalSessions.find((s) => s.id === portal[1]);
      if (!session) return this.html(res, 404, page('No such portal session', '<p>This link is not valid.</p>'));
      if (method === 'GET' && !portal[2]) return this.portalPage(res, session);
      if (method === 'POST' && portal[2]) return this.cancel(res, session);
    }
    if (method === 'GET' && /^\/invoices\/[\w.-]+$/.test(path)) return this.html(res, 200, page('Invoice', '<p>A test-mode invoice.</p>'));
    return false;
  }

  private html(res: ServerResponse, status: number, body: string): true {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
    return true;
  }

  private redirect(res: ServerResponse, location: string): true {
    res.writeHead(303, { location });
    res.end();
    return true;
  }

  private checkoutPage(res: ServerResponse, session: StripeObject): true {
    const items = session._items as { price: { id: string; unitAmount: number }; quantity: number }[];
    const total = items.reduce((s, it) => s + it.price.unitAmount * it.quantity, 0);
    const plan = (session.metadata as Record<string, string>).plan ?? items[0]?.price.id ?? 'subscription';
    const trial = session._trial_end ? '<p>Free until the trial ends; the card is charged afterwards.</p>' : '';
    return this.html(res, 200, page(`Subscribe to ${plan}`,
      `<p>${money(total)} per month</p>${trial}<form method="post" action="/checkout/${escape(session.id!)}/pay">` +
      `<label>Card number <input name="card" value="4242 4242 4242 4242" autocomplete="off"></label> <button type="submit">Pay and subscribe</button></form>`));
  }

  private async pay(res: ServerResponse, session: StripeObject): Promise<true> {
    if (session.status !== 'complete') {
      const { session: done, subscription, invoice } = this.account.completeCheckout(session.id!);
      await this.emit(makeEvent('checkout.session.completed', done));
      await this.emit(makeEvent('customer.subscription.created', subscription));
      await this.emit(makeEvent('invoice.paid', invoice));
    }
    return this.redirect(res, String(session.success_url).replace('{CHECKOUT_SESSION_ID}', session.id!));
  }

  private portalPage(res: ServerResponse, session: StripeObject): true {
    const subs = [...this.account.subscriptions.values()].filter((s) => s.customer === session.customer && s.status !== 'canceled');
    const rows = subs.map((s) => `<li>${escape(s.id!)} — ${escape(String(s.status))}</li>`).join('');
    const cancel = subs.length > 0 ? `<form method="post" action="/portal/${escape(session.id!)}/cancel"><button type="submit">Cancel subscription</button></form>` : '';
    const back = session.return_url ? `<p><a href="${escape(String(session.return_url))}">Return</a></p>` : '';
    return this.html(res, 200, page('Manage billing', `<ul>${rows || '<li>No active subscription</li>'}</ul>${cancel}${back}`));
  }

  private async cancel(res: ServerResponse, session: StripeObject): Promise<true> {
    for (const sub of this.account.subscriptions.values()) {
      if (sub.customer !== session.customer || sub.status === 'canceled') continue;
      await this.emit(makeEvent('customer.subscription.deleted', this.account.setSubscriptionStatus(sub.id!, 'canceled')));
    }
    return this.redirect(res, String(session.return_url ?? '/'));
  }
}

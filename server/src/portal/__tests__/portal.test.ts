import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { openHarness, type Harness } from '../../__tests__/helpers.js';
import { Browser, csrfOf } from './browser.js';

const PASSWORD = 'correct horse battery';
let n = 0;
const uniqueEmail = () => `portal${++n}-${Date.now()}@example.test`;

/** Signs up through the portal's form; returns the browser (signed in) and the email. */
async function signUp(h: Harness, workspace = 'Acme Portal') {
  const b = new Browser(h.app);
  const email = uniqueEmail();
  const r = await b.submit('/portal/signup', '/portal/signup', { email, password: PASSWORD, workspace, plan: '' });
  assert.equal(r.status, 303, r.text);
  return { b, email, response: r };
}

for (const dialect of DIALECTS) {
  describe(`portal (${dialect})`, function () {
    this.timeout(30_000);
    let h: Harness;
    before(async () => {
      h = await openHarness(dialect, { loadBrand: null });
    });
    after(async () => h.t.destroy());

    it('renders the landing page with the pricing table from the catalog and strict security headers', async () => {
      const r = await new Browser(h.app).get('/');
      assert.equal(r.status, 200);
      assert.match(r.text, /\$499\/month/);
      assert.match(r.text, /\$1,999\/month/);
      assert.match(r.text, /Contact sales/);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
      assert.equal(r.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');
      assert.doesNotMatch(r.text, /<script>|style="/, 'nothing inline');
    });

    it('signs up with a session cookie that is HttpOnly and SameSite=Lax, and shows the dashboard', async () => {
      const { b, response } = await signUp(h, 'Cookie Co');
      assert.equal(response.location, '/portal?welcome=1');
      const cookie = response.setCookies.find((c) => c.startsWith('bs_session='));
      assert.ok(cookie, 'a session cookie is set');
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Secure/, 'not Secure over plain HTTP');
      const dash = await b.get('/portal?welcome=1');
      assert.equal(dash.status, 200);
      assert.match(dash.text, /Cookie Co/);
      assert.match(dash.text, /Confirm your email address/);
      assert.match(dash.text, /<svg role="img"/);
      assert.match(dash.text, /workspace\.created/);
    });

    it('verifies the email address with the link from the outbox', async () => {
      const { b, email } = await signUp(h);
      const mail = await h.t.db.selectFrom('outbox_emails').select('text_body').where('to_address', '=', email).executeTakeFirstOrThrow();
      const link = /\/verify-email\?token=(\S+)/.exec(mail.text_body);
      assert.ok(link);
      const page = await b.get(`/verify-email?token=${link[1]}`);
      const r = await b.post('/verify-email', { token: link[1]!, _csrf: csrfOf(page.text) });
      assert.equal(r.status, 200);
      assert.match(r.text, /confirmed/);
      assert.doesNotMatch((await b.get('/portal')).text, /Confirm your email address/);
    });

    it('refuses a form without the CSRF token, with a wrong one, or from another origin, and changes nothing', async () => {
      const { b } = await signUp(h);
      const tokensPage = await b.get('/portal/tokens');
      const good = csrfOf(tokensPage.text);
      const missing = await b.post('/portal/tokens', { name: 'no-csrf', scopes: 'read' });
      assert.equal(missing.status, 403);
      assert.match(missing.text, /Nothing was changed/);
      assert.equal((await b.post('/portal/tokens', { name: 'wrong', scopes: 'read', _csrf: good.slice(1) + 'x' })).status, 403);
      assert.equal((await b.post('/portal/tokens', { name: 'cross', scopes: 'read', _csrf: good }, { origin: 'https://evil.example' })).status, 403);
      assert.equal((await b.post('/portal/logout', {})).status, 403);
      const list = await b.get('/portal/tokens');
      assert.doesNotMatch(list.text, /no-csrf|data-token="wrong"|data-token="cross"/);
      const anon = new Browser(h.app);
      assert.equal((await anon.post('/portal/login', { email: 'x@example.test', password: 'y' })).status, 403, 'sign-in needs the double-submit token');
    });

    it('hands a new token back to VS Code only through the extension URI handler', async () => {
      const { b } = await signUp(h);
      const callback = encodeURIComponent('vscode://brandsafe.brandsafe/auth');
      const asked = await b.get(`/portal/tokens?client=vscode&redirect_uri=${callback}`);
      assert.match(asked.text, /name="redirect_uri" value="vscode:\/\/brandsafe.brandsafe\/auth"/);
      const created = await b.post('/portal/tokens', { name: 'editor', scopes: 'read', redirect_uri: 'vscode://brandsafe.brandsafe/auth', _csrf: csrfOf(asked.text) });
      assert.equal(created.status, 200, created.text);
      const link = /id="open-in-editor" href="vscode:\/\/brandsafe\.brandsafe\/auth\?token=([^"]+)"/.exec(created.text);
      assert.ok(link, 'the page links the new token to the editor');
      const token = decodeURIComponent(link[1]!);
      const me = await h.app.request('/api/v1/brands', { headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200, 'the handed-back token works');
      // A web site as redirect_uri is ignored: no hidden field, no link carrying the token.
      const evil = await b.get(`/portal/tokens?redirect_uri=${encodeURIComponent('https://evil.example/auth')}`);
      assert.doesNotMatch(evil.text, /redirect_uri|evil\.example/);
      const plain = await b.post('/portal/tokens', { name: 'web', scopes: 'read', redirect_uri: 'https://evil.example/auth', _csrf: csrfOf(evil.text) });
      assert.equal(plain.status, 200);
      assert.doesNotMatch(plain.text, /open-in-editor|evil\.example/);
    });

    it('opens a new session at sign-in and revokes the one the browser held (session fixation)', async () => {
      const { b, email } = await signUp(h);
      const before = b.cookies.get('bs_session');
      const r = await b.submit('/portal', '/portal/logout', {});
      assert.equal(r.status, 303);
      assert.equal(b.cookies.get('bs_session'), undefined);
      // A planted session cookie (the attacker's own valid session) is replaced at sign-in.
      const planted = (await signUp(h)).b.cookies.get('bs_session')!;
      b.cookies.set('bs_session', planted);
      const login = await b.submit('/portal/login', '/portal/login', { email, password: PASSWORD });
      assert.equal(login.status, 303);
      const after = b.cookies.get('bs_session');
      assert.ok(after && after !== planted && after !== before);
      const attacker = new Browser(h.app);
      attacker.cookies.set('bs_session', planted);
      assert.equal((await attacker.get('/portal')).location, '/portal/login', 'the planted session no longer works');
      assert.equal((await new Browser(h.app).get('/portal')).location, '/portal/login');
    });

    it('shows a wrong password as an error and sets no session', async () => {
      const { email } = await signUp(h);
      const b = new Browser(h.app);
      const r = await b.submit('/portal/login', '/portal/login', { email, password: 'not the password' });
      assert.equal(r.status, 400);
      assert.match(r.text, /wrong email or password/);
      assert.equal(b.cookies.get('bs_session'), undefined);
    });

    it('passes the API sign-in throttle through: after repeated wrong passwords, 429 with Retry-After', async () => {
      const { email } = await signUp(h);
      const b = new Browser(h.app);
      let last = await b.submit('/portal/login', '/portal/login', { email, password: 'wrong password 0' });
      for (let i = 1; i < 8 && last.status !== 429; i++) last = await b.submit('/portal/login', '/portal/login', { email, password: `wrong password ${i}` });
      assert.equal(last.status, 429);
      assert.match(last.headers.get('retry-after') ?? '', /^\d+$/);
      const right = await b.submit('/portal/login', '/portal/login', { email, password: PASSWORD });
      assert.equal(right.status, 429, 'the right password waits too, so guessing learns nothing');
    });

    it('creates an API token shown once, lists it by prefix, and revokes it', async () => {
      const { b } = await signUp(h);
      const created = await b.submit('/portal/tokens', '/portal/tokens', { name: 'ci', scopes: ['read', 'generate'] });
      assert.equal(created.status, 200, created.text);
      const secret = /id="new-token">(bsp_[A-Za-z0-9_-]+)</.exec(created.text)?.[1];
      assert.ok(secret, 'the secret is shown');
      const me = await h.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${secret}` } });
      assert.equal(me.status, 200);
      const list = await b.get('/portal/tokens');
      assert.doesNotMatch(list.text, new RegExp(secret), 'shown only once');
      const id = /action="\/portal\/tokens\/([0-9a-f-]+)\/revoke"/.exec(list.text)?.[1];
      assert.ok(id);
      const revoked = await b.post(`/portal/tokens/${id}/revoke`, { _csrf: csrfOf(list.text) });
      assert.equal(revoked.status, 303);
      assert.match((await b.get('/portal/tokens?done=token-revoked')).text, /revoked \d{4}/);
    });

    it('invites a member with a role and shows the invitation', async () => {
      const { b } = await signUp(h);
      const r = await b.submit('/portal/members', '/portal/invitations', { email: 'new.member@example.test', role: 'reviewer' });
      assert.equal(r.status, 303);
      const page = await b.get('/portal/members?done=invited');
      assert.match(page.text, /Invitation sent/);
      assert.match(page.text, /data-invitation="new.member@example.test"/);
      for (const role of ['owner', 'admin', 'editor', 'reviewer', 'viewer']) assert.match(page.text, new RegExp(`<option value="${role}"`), `role ${role} offered`);
      const editor = await b.submit('/portal/members', '/portal/invitations', { email: 'editor@example.test', role: 'editor' });
      assert.equal(editor.status, 303, 'the default role of the form is one the API accepts');
      const bad = await b.submit('/portal/members', '/portal/invitations', { email: 'not-an-email', role: 'reviewer' });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /email/);
    });

    it('lets an invited person set a password and join from the emailed link', async () => {
      const { b } = await signUp(h, 'Inviting Co');
      const invitee = uniqueEmail();
      assert.equal((await b.submit('/portal/members', '/portal/invitations', { email: invitee, role: 'reviewer' })).status, 303);
      const mail = await h.t.db.selectFrom('outbox_emails').select('text_body').where('to_address', '=', invitee).executeTakeFirstOrThrow();
      const token = /\/invitations\/accept\?token=(\S+)/.exec(mail.text_body)?.[1];
      assert.ok(token);
      const guest = new Browser(h.app);
      const r = await guest.submit(`/invitations/accept?token=${token}`, '/invitations/accept', { token, password: PASSWORD });
      assert.equal(r.status, 303, r.text);
      const dash = await guest.get('/portal');
      assert.match(dash.text, /Inviting Co/);
      assert.match(dash.text, /Inviting Co · reviewer/);
      assert.match((await b.get('/portal/members')).text, new RegExp(invitee.replace(/[.]/g, '\\.')));
    });

    it('shows billing as not configured without Stripe keys, with the trial limits', async () => {
      const { b } = await signUp(h);
      const r = await b.get('/portal/billing');
      assert.equal(r.status, 200);
      assert.match(r.text, /Billing is not configured/);
      assert.match(r.text, /data-plan="starter"/);
      assert.match(r.text, /trialing/);
    });

    it('creates a brand and reports an upload it cannot validate', async () => {
      const { b } = await signUp(h);
      const r = await b.submit('/portal/brands', '/portal/brands', { name: 'Northwind' });
      assert.equal(r.status, 303);
      assert.match(r.location ?? '', /^\/portal\/brands\/[0-9a-f-]+\?done=brand-created$/);
      const page = await b.get(r.location!);
      assert.match(page.text, /Upload the brand graph/);
      const upload = await b.post(r.location!.replace('?done=brand-created', '/graph'), { turtle: '@prefix x: <urn:x#> .', _csrf: csrfOf(page.text) });
      assert.equal(upload.status, 422, 'graph validation is disabled in this app (loadBrand: null)');
      assert.match(upload.text, /not available/);
    });
  });

  describe(`portal over HTTPS (${dialect})`, function () {
    this.timeout(30_000);
    let h: Harness;
    before(async () => {
      h = await openHarness(dialect, { loadBrand: null, options: { publicUrl: 'https://portal.example' } });
    });
    after(async () => h.t.destroy());

    it('sends HSTS and sets __Host- cookies with Secure', async () => {
      const b = new Browser(h.app, 'https://portal.example');
      const page = await b.get('/portal/signup');
      assert.match(page.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
      assert.ok(page.setCookies.some((c) => c.startsWith('__Host-bs_csrf=') && /Secure/.test(c)));
      const r = await b.post('/portal/signup', { email: uniqueEmail(), password: PASSWORD, workspace: 'Secure Co', _csrf: csrfOf(page.text) });
      assert.equal(r.status, 303, r.text);
      const cookie = r.setCookies.find((c) => c.startsWith('__Host-bs_session='));
      assert.ok(cookie);
      assert.match(cookie, /Secure/);
      assert.match(cookie, /HttpOnly/);
    });
  });
}

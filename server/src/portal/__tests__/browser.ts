/**
 * A tiny cookie-keeping client over `app.request()` for the portal tests: follows no redirects,
 * sends the Origin a browser would, and pulls the CSRF field out of rendered forms.
 */
import type { TestApp } from '../../__tests__/helpers.js';

export const ORIGIN = 'http://localhost';

export interface PageResult {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
  setCookies: string[];
}

export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: TestApp,
    private readonly origin = ORIGIN,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, path: string, form?: Record<string, string | string[]>, extra: Record<string, string> = {}): Promise<PageResult> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...extra };
    let body: string | undefined;
    if (form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      if (!('origin' in extra)) headers.origin = this.origin;
    }
    const res = await this.app.request(`${this.origin}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get('location'), setCookies };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, form: Record<string, string | string[]>, extra: Record<string, string> = {}) {
    return this.request('POST', path, form, extra);
  }

  /** GETs `path` and POSTs `form` with the page's CSRF token (what a browser submitting it does). */
  async submit(formPage: string, action: string, form: Record<string, string | string[]>) {
    const page = await this.get(formPage);
    return this.post(action, { ...form, _csrf: csrfOf(page.text) });
  }
}

/** The `_csrf` value of the first form on a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field on the page');
  return m[1]!;
}

import type { CheckContext } from '../context.js';
import type { ResourceUrl } from '../css/scan.js';

/**
 * The host a URL string sends a request to, or undefined when it stays on the page's own origin
 * (relative URLs) or is not a network URL (data:, blob:, javascript:). Protocol-relative URLs
 * (`//cdn.example.com/x.js`) resolve against the page's scheme (RFC 3986 §4.2).
 */
export function urlHost(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const u = url.trim();
  const absolute = /^(https?|wss?):\/\//i.test(u) ? u : u.startsWith('//') ? `https:${u}` : undefined;
  if (!absolute) return undefined;
  try {
    return new URL(absolute).hostname.toLowerCase();
  } catch {
    // An absolute URL whose host part is still being typed: take what stands before the path.
    return /^[a-z]+:\/\/([^/?#:]*)/i.exec(absolute)?.[1]?.toLowerCase() || undefined;
  }
}

/** True when `host` is one of `allowed`; an entry `*.example.com` allows example.com and its subdomains. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return allowed.some((raw) => {
    const d = raw.trim().toLowerCase();
    if (d.startsWith('*.')) return host === d.slice(2) || host.endsWith(d.slice(1));
    return host === d;
  });
}

/**
 * Reports a request to `host` (at [start, end)) for every network-allowlist rule of the brand
 * that does not allow it; the brand's own domains are always allowed.
 */
export function checkHost(ctx: CheckContext, host: string, start: number, end: number): void {
  const brand = ctx.brand;
  if (!brand || !ctx.enabled('brand/network-allowlist')) return;
  for (const rule of brand.rules) {
    if (rule.kind !== 'network-allowlist' || hostAllowed(host, [...(rule.allowedDomains ?? []), ...brand.domains])) continue;
    ctx.report('brand/network-allowlist', start, end, `${rule.message} (request to ${host})`, { severity: rule.severity, docsUrl: rule.docsUrl, brandRule: rule.id });
  }
}

/** brand/network-allowlist for URLs the page fetches from markup and CSS (`src=`, `url()`, `@import`). */
export function checkResourceUrls(ctx: CheckContext, urls: readonly ResourceUrl[]): void {
  for (const u of urls) {
    const host = urlHost(u.url);
    if (host !== undefined) checkHost(ctx, host, u.start, u.end);
  }
}

/**
 * The editor hand-back of issue 7: the VS Code extension opens `/portal/tokens?redirect_uri=…`
 * and, once the user creates a token, the page offers a link that gives the token to the editor's
 * URI handler. Only the extension's own handler qualifies — an editor scheme, the extension's
 * authority and its `/auth` path — so the page can never hand a token to a web site.
 */
const EDITOR_SCHEMES = new Set(['vscode:', 'vscode-insiders:', 'vscodium:', 'code-oss:']);
const AUTHORITY = 'brandsafe.brandsafe';

/** The callback if `value` is the extension's URI handler, else undefined. */
export function editorCallback(value: string | undefined): string | undefined {
  if (!value || value.length > 200) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const ok =
    EDITOR_SCHEMES.has(url.protocol) &&
    url.host.toLowerCase() === AUTHORITY &&
    url.pathname === '/auth' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '';
  return ok ? `${url.protocol}//${AUTHORITY}/auth` : undefined;
}

/** The link that hands `token` to the editor (`vscode://brandsafe.brandsafe/auth?token=…`). */
export function editorHandBack(callback: string, token: string): string {
  return `${callback}?token=${encodeURIComponent(token)}`;
}

/**
 * Decodes the `application/x-www-form-urlencoded` bodies the Stripe SDK sends. Stripe encodes
 * nested params with brackets (`metadata[plan]=pro`, `line_items[0][price]=price_1`), the
 * encoding Rack and `qs` read; numeric segments make arrays. A malformed key is kept flat rather
 * than thrown on, so the fake records what was actually sent.
 */

/** A decoded form value. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

/** Splits `a[b][0][c]` into `['a', 'b', '0', 'c']`; null when the brackets do not balance. */
function segments(key: string): string[] | null {
  const first = key.indexOf('[');
  if (first === -1) return [key];
  const out = [key.slice(0, first)];
  const rest = key.slice(first);
  const re = /\[([^[\]]*)\]/gy;
  let consumed = 0;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    out.push(m[1] ?? '');
    consumed = re.lastIndex;
  }
  return consumed === rest.length && out[0] !== '' ? out : null;
}

function assign(target: Record<string, FormValue> | FormValue[], path: string[], value: string): void {
  const [head, ...tail] = path;
  if (head === undefined) return;
  const container = target as Record<string, FormValue>;
  const key = head === '' && Array.isArray(target) ? String(target.length) : head;
  if (tail.length === 0) {
    container[key] = value;
    return;
  }
  let child = container[key];
  if (typeof child !== 'object' || child === null) {
    child = /^\d*$/.test(tail[0] ?? '') ? [] : {};
    container[key] = child;
  }
  assign(child, tail, value);
}

/** Decodes a form body into nested params. */
export function decodeForm(body: string): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    assign(out, segments(key) ?? [key], value);
  }
  return out;
}

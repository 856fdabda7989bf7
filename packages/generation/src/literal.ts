/**
 * Emitting typed parameter values into JavaScript source so that no value can change the
 * structure of the code around it.
 *
 * The escapes, per ECMA-262 §12.9.4 (string literals) and §12.9.6 (template literals):
 * - everything JSON.stringify escapes (quotes, backslash, C0 controls, lone surrogates);
 * - U+2028 / U+2029: legal inside string literals since ES2019 but line terminators everywhere
 *   else — they would end a `//` comment — so always written as `\u2028` / `\u2029`;
 * - `<\/script` and `<!--`: harmless to JavaScript but they end or confuse an inline `<script>`
 *   element in HTML (HTML §13.2.5.x script data states), where variation code often lands;
 * - inside a template literal: the backtick, every `$` and every `{` (so no `${` can form, even
 *   with a `$` of the template just before the placeholder);
 * - inside a single-quoted string: the single quote;
 * - inside a comment: `*` and `/`, so no `*` + `/` can form with the text around the placeholder.
 *
 * The template compiler refuses a placeholder right after a backslash, and the renderer re-lexes
 * its output and compares token kinds (see render.ts), so an escape missed here fails loudly.
 */

/** A parameter value after validation: what the template body receives. */
export type ParamValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean };

/**
 * Where a `{{name}}` placeholder sits in a template body, found by lexing the body:
 * - `expression`: the placeholder is a whole token in code, so it receives a JS literal;
 * - `string`: inside a '…' or "…" literal (`quote` says which);
 * - `template`: inside the text of a `…` template literal;
 * - `comment`: inside a // or block comment.
 */
export type PlaceholderContext =
  | { kind: 'expression' }
  | { kind: 'string'; quote: '"' | "'" }
  | { kind: 'template' }
  | { kind: 'comment' };

/** The body of a double-quoted JSON string, made safe for every JS and inline-HTML context. */
function escapeCommon(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/<(\/script|!--)/gi, '\\x3C$1');
}

/** The text of a value as it reads inside a string, template or comment. */
function valueText(v: ParamValue): string {
  if (v.kind === 'number') return Object.is(v.value, -0) ? '0' : String(v.value);
  return String(v.value);
}

/**
 * The source text that replaces a placeholder in the given context.
 *
 * @example emitValue({ kind: 'string', value: 'a"b' }, { kind: 'expression' }) // => '"a\\"b"'
 */
export function emitValue(v: ParamValue, ctx: PlaceholderContext): string {
  switch (ctx.kind) {
    case 'expression':
      if (v.kind === 'boolean') return v.value ? 'true' : 'false';
      // A negative number is parenthesised: `a-{{n}}` must not become the decrement `a--5`.
      if (v.kind === 'number') return v.value < 0 ? `(${valueText(v)})` : valueText(v);
      return `"${escapeCommon(v.value)}"`;
    case 'string': {
      const body = escapeCommon(valueText(v));
      return ctx.quote === "'" ? body.replace(/'/g, "\\'") : body;
    }
    case 'template':
      return escapeCommon(valueText(v)).replace(/[`${]/g, (c) => `\\${c}`);
    case 'comment':
      return escapeCommon(valueText(v)).replace(/\*/g, '\\x2A').replace(/\//g, '\\/');
  }
}

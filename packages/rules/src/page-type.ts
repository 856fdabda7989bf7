import type { CheckContext } from './context.js';
import type { SourceComment } from './suppress.js';

/**
 * `brandsafe-page: <id>` (also `@brandsafe-page <id>`) as the whole text of a comment, line or
 * block, optionally with a ` -- note`. The same spelling the language server's completion reads.
 */
const PAGE_DIRECTIVE = /^[\s*]*@?brandsafe-page(?:\s*:\s*|\s+)([\w-]+)\s*(?:--[\s\S]*)?$/;

/** A page type a file declares in a comment, with the source range of its id. */
export interface PageTypeDeclaration {
  id: string;
  start: number;
  end: number;
}

/** The first `// brandsafe-page: <id>` comment of the file, if any. */
export function pageTypeDeclaration(text: string, comments: readonly SourceComment[]): PageTypeDeclaration | undefined {
  for (const c of comments) {
    const m = PAGE_DIRECTIVE.exec(c.value);
    if (!m) continue;
    // Found in the source rather than computed from the value: CSS comment values are trimmed.
    const at = text.indexOf(m[1]!, text.indexOf('brandsafe-page', c.start) + 'brandsafe-page'.length);
    return { id: m[1]!, start: at, end: at + m[1]!.length };
  }
  return undefined;
}

/**
 * The page type a check narrows approved selectors to: `options.pageType` when the caller gives
 * one (the CLI's `--page-type`, the API's request), else the file's own `brandsafe-page` comment,
 * so the editor, the CLI and the API agree on the same text. A declared id that the brand does not
 * define is reported (at the id) and ignored: a typo must not silently reject every selector.
 */
export function resolvePageType(ctx: CheckContext, comments: readonly SourceComment[]): string | undefined {
  if (ctx.options.pageType !== undefined) return ctx.options.pageType;
  const declared = pageTypeDeclaration(ctx.text, comments);
  if (!declared) return undefined;
  const known = ctx.brand?.pageTypes.map((p) => p.id) ?? [];
  if (ctx.brand && known.length > 0 && !known.includes(declared.id)) {
    ctx.report('brand/unapproved-selector', declared.start, declared.end, `Page type "${declared.id}" is not defined by ${ctx.brand.name} (page types: ${known.join(', ')}); selectors are checked against every page.`);
    return undefined;
  }
  return declared.id;
}

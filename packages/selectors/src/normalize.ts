/**
 * Canonical selector text, so two spellings of one selector compare equal: `DIV.a  >  b` and
 * `div.a>b` both become `div.a > b`; `[data-testid='x']` and `[DATA-TESTID=x]` become
 * `[data-testid="x"]`. Element and attribute names are ASCII case-insensitive in HTML documents
 * (Selectors Level 4 §6.1 and §6.3), class names, ids and attribute values are not, so only the
 * former are lower-cased. The order of a selector list is kept: it is what the author wrote.
 */
import { isTraversal, stringify, type Selector } from 'css-what';
import { analyseSelector } from './parse.js';

function normalizeNth(data: string): string {
  const m = /^\s*([\s\S]*?)(?:\s+of\s+([\s\S]*))?$/i.exec(data);
  const formula = (m?.[1] ?? data).toLowerCase().replace(/\s+/g, '');
  return m?.[2] !== undefined ? `${formula} of ${normalizeSelector(m[2])}` : formula;
}

/** `*.a` is `.a` (Selectors Level 4 §5.2: the universal selector may be omitted in a compound). */
function dropRedundantUniversal(tokens: readonly Selector[]): Selector[] {
  return tokens.filter((t, i) => {
    const next = tokens[i + 1];
    return !(t.type === 'universal' && t.namespace === null && next !== undefined && !isTraversal(next) && next.type !== 'pseudo-element');
  });
}

function normalizeTokens(tokens: readonly Selector[]): Selector[] {
  return dropRedundantUniversal(tokens).map((t): Selector => {
    switch (t.type) {
      case 'tag':
        return { ...t, name: t.name.toLowerCase() };
      case 'attribute':
        return t.name === 'class' || t.name === 'id' ? t : { ...t, name: t.name.toLowerCase() };
      case 'pseudo':
        if (Array.isArray(t.data)) return { ...t, data: t.data.map(normalizeTokens) };
        if (typeof t.data === 'string' && t.name.startsWith('nth-')) return { ...t, data: normalizeNth(t.data) };
        return t;
      default:
        return t;
    }
  });
}

/**
 * Returns the canonical text of a selector list. Text that does not parse is returned trimmed
 * with whitespace runs collapsed, so it still compares sensibly but is never "fixed" silently.
 */
export function normalizeSelector(css: string): string {
  const { result } = analyseSelector(css);
  if (!result.ok) return css.trim().replace(/\s+/g, ' ');
  return stringify(result.ast.map(normalizeTokens));
}

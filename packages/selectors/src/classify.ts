/**
 * Selector classification: what kind of hook a selector uses and how specific it is, so the
 * checker and the brand tooling can prefer `[data-testid]` hooks and explain specificity fights.
 */
import { isTraversal, type Selector } from 'css-what';
import { analyseSelector } from './parse.js';

export type Specificity = [number, number, number];

/** Kind: the single simple selector's type, or `compound`/`complex`/`list` when there are more. */
export interface SelectorClassification {
  kind: 'id' | 'class' | 'attribute' | 'tag' | 'pseudo' | 'universal' | 'compound' | 'complex' | 'list';
  /** (a, b, c) per Selectors Level 4 §17; for a list, the largest of its selectors. */
  specificity: Specificity;
  /** Compound selectors in the longest complex selector of the list (`.a > .b .c` → 3). */
  compoundCount: number;
  /** Any `[data-*]` attribute selector, also inside `:is()`, `:not()`, `:has()` … */
  usesDataAttribute: boolean;
  /** A test-id hook: `data-testid`, `data-test-id`, `data-test`, `data-qa`, `data-cy`, `data-test-selector`. */
  usesTestId: boolean;
}

/** Attribute names test frameworks and teams use as stable automation hooks. */
export const TEST_ID_ATTRIBUTES: ReadonlySet<string> = new Set(['data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy', 'data-test-selector', 'data-automation-id']);

const ZERO: Specificity = [0, 0, 0];
const add = (x: Specificity, y: Specificity): Specificity => [x[0] + y[0], x[1] + y[1], x[2] + y[2]];
const greater = (x: Specificity, y: Specificity): boolean => x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2];
const max = (list: Specificity[]): Specificity => list.reduce((m, s) => (greater(s, m) ? s : m), ZERO);

function tokenSpecificity(t: Selector): Specificity {
  switch (t.type) {
    case 'attribute':
      // css-what turns `#x` into [id=x] (quirks case) and `.x` into [class~=x] (quirks case).
      return t.name === 'id' && t.action === 'equals' && t.ignoreCase === 'quirks' ? [1, 0, 0] : [0, 1, 0];
    case 'tag':
    case 'pseudo-element':
      return [0, 0, 1];
    case 'pseudo': {
      // §17: :where() adds nothing; :is(), :not(), :has() add their most specific argument;
      // :nth-child(An+B of S) is one pseudo-class plus the most specific selector in S.
      if (t.name === 'where') return ZERO;
      if (Array.isArray(t.data)) return max(t.data.map(complexSpecificity));
      if (typeof t.data === 'string' && /^nth-(last-)?child$/.test(t.name)) {
        const of = /\sof\s+([\s\S]+)$/i.exec(t.data)?.[1];
        const inner = of !== undefined ? analyseSelector(of).result : undefined;
        return add([0, 1, 0], inner?.ok ? max(inner.ast.map(complexSpecificity)) : ZERO);
      }
      return [0, 1, 0];
    }
    default:
      return ZERO;
  }
}

function complexSpecificity(tokens: readonly Selector[]): Specificity {
  return tokens.reduce<Specificity>((s, t) => add(s, tokenSpecificity(t)), ZERO);
}

function visit(ast: readonly (readonly Selector[])[], fn: (t: Selector) => void): void {
  for (const complex of ast) {
    for (const t of complex) {
      fn(t);
      if (t.type === 'pseudo' && Array.isArray(t.data)) visit(t.data, fn);
    }
  }
}

function simpleKind(t: Selector): SelectorClassification['kind'] {
  switch (t.type) {
    case 'attribute':
      if (t.ignoreCase === 'quirks' && t.name === 'id' && t.action === 'equals') return 'id';
      if (t.ignoreCase === 'quirks' && t.name === 'class' && t.action === 'element') return 'class';
      return 'attribute';
    case 'tag':
      return 'tag';
    case 'universal':
      return 'universal';
    default:
      return 'pseudo';
  }
}

/**
 * Classifies a selector; `undefined` when it does not parse.
 *
 * @example classifySelector('[data-testid="add-to-cart-button"]')
 * // { kind: 'attribute', specificity: [0, 1, 0], compoundCount: 1, usesDataAttribute: true, usesTestId: true }
 */
export function classifySelector(css: string): SelectorClassification | undefined {
  const { result } = analyseSelector(css);
  if (!result.ok) return undefined;
  const ast = result.ast;
  let usesDataAttribute = false;
  let usesTestId = false;
  visit(ast, (t) => {
    if (t.type !== 'attribute') return;
    const name = t.name.toLowerCase();
    if (name.startsWith('data-')) usesDataAttribute = true;
    if (TEST_ID_ATTRIBUTES.has(name)) usesTestId = true;
  });
  const compoundCount = Math.max(...ast.map((c) => c.filter(isTraversal).length + 1));
  const first = ast[0] ?? [];
  let kind: SelectorClassification['kind'];
  if (ast.length > 1) kind = 'list';
  else if (first.some(isTraversal)) kind = 'complex';
  else if (first.length > 1) kind = 'compound';
  else kind = first[0] ? simpleKind(first[0]) : 'universal';
  return { kind, specificity: max(ast.map(complexSpecificity)), compoundCount, usesDataAttribute, usesTestId };
}

/**
 * Known pseudo-classes and pseudo-elements. css-what accepts any name (`:hovr` parses), but
 * `document.querySelector(':hovr')` throws a SyntaxError, so an unknown name is a fault that
 * variation code would hit at run time. Names come from Selectors Level 4
 * (https://www.w3.org/TR/selectors-4/), the HTML standard's additions
 * (https://html.spec.whatwg.org/multipage/semantics-other.html#pseudo-classes) and CSS Pseudo-Elements 4.
 */
import { scanSelectorList, type ScannedComplex, type ScannedSimple } from './scan.js';
import type { ParseOptions, SelectorParseError } from './types.js';

type Arity = 'none' | 'required' | 'optional';

const STANDARD_CLASSES: Record<string, Arity> = {
  active: 'none', 'active-view-transition': 'none', 'active-view-transition-type': 'required', 'any-link': 'none', autofill: 'none', blank: 'none', buffering: 'none', checked: 'none',
  current: 'optional', default: 'none', defined: 'none', dir: 'required', disabled: 'none', empty: 'none',
  enabled: 'none', 'first-child': 'none', 'first-of-type': 'none', focus: 'none', 'focus-visible': 'none',
  'focus-within': 'none', fullscreen: 'none', future: 'none', has: 'required', 'has-slotted': 'none', host: 'optional',
  'host-context': 'required', hover: 'none', 'in-range': 'none', indeterminate: 'none', invalid: 'none',
  is: 'required', lang: 'required', 'last-child': 'none', 'last-of-type': 'none', link: 'none',
  'local-link': 'none', modal: 'none', muted: 'none', not: 'required', 'nth-child': 'required',
  'nth-col': 'required', 'nth-last-child': 'required', 'nth-last-col': 'required', 'nth-last-of-type': 'required',
  'nth-of-type': 'required', 'only-child': 'none', 'only-of-type': 'none', open: 'none', optional: 'none',
  'out-of-range': 'none', past: 'none', paused: 'none', 'picture-in-picture': 'none', 'placeholder-shown': 'none',
  playing: 'none', 'popover-open': 'none', 'read-only': 'none', 'read-write': 'none', required: 'none',
  root: 'none', scope: 'none', seeking: 'none', stalled: 'none', state: 'required', target: 'none',
  'target-within': 'none', 'user-invalid': 'none', 'user-valid': 'none', valid: 'none', visited: 'none',
  'volume-locked': 'none', where: 'required',
};

/** jQuery/Sizzle-only pseudo-classes (https://api.jquery.com/category/selectors/jquery-selector-extensions/). */
const JQUERY_CLASSES: Record<string, Arity> = {
  animated: 'none', button: 'none', checkbox: 'none', contains: 'required', eq: 'required', even: 'none',
  file: 'none', first: 'none', gt: 'required', header: 'none', hidden: 'none', image: 'none', input: 'none',
  last: 'none', lt: 'required', odd: 'none', parent: 'none', password: 'none', radio: 'none', reset: 'none',
  selected: 'none', submit: 'none', text: 'none', visible: 'none',
};

const ELEMENTS: Record<string, Arity> = {
  after: 'none', backdrop: 'none', before: 'none', checkmark: 'none', column: 'none', cue: 'optional', 'details-content': 'none',
  'file-selector-button': 'none', 'first-letter': 'none', 'first-line': 'none', 'grammar-error': 'none',
  highlight: 'required', marker: 'none', part: 'required', picker: 'required', 'picker-icon': 'none', placeholder: 'none',
  'scroll-button': 'required', 'scroll-marker': 'none', 'scroll-marker-group': 'none', selection: 'none',
  slotted: 'required', 'spelling-error': 'none', 'target-text': 'none', 'view-transition': 'none',
  'view-transition-group': 'required', 'view-transition-image-pair': 'required', 'view-transition-new': 'required',
  'view-transition-old': 'required',
};

/** Pseudo-classes that count element position among siblings (brittle when the layout changes). */
export const POSITIONAL_PSEUDOS = new Set([
  'nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type', 'first-child', 'last-child',
  'first-of-type', 'last-of-type', 'only-child', 'only-of-type', 'eq', 'first', 'last', 'even', 'odd', 'gt', 'lt',
]);

// An+B microsyntax (CSS Syntax §6), optionally followed by `of <selector-list>`.
const AN_PLUS_B = /^\s*(?:odd|even|[+-]?\d*n(?:\s*[+-]\s*\d+)?|[+-]?\d+)\s*(?:\s(of)\s+([\s\S]*))?$/i;

function arity(simple: ScannedSimple, jquery: boolean): Arity | undefined {
  const name = simple.name;
  if (name.startsWith('-webkit-') || name.startsWith('-moz-') || name.startsWith('-ms-')) return 'optional';
  if (simple.kind === 'pseudo-element') return ELEMENTS[name];
  return STANDARD_CLASSES[name] ?? (jquery ? JQUERY_CLASSES[name] : undefined);
}

function check(simple: ScannedSimple, options: ParseOptions): SelectorParseError | undefined {
  const jquery = options.jquery === true;
  const colon = simple.kind === 'pseudo-element' ? '::' : ':';
  const nameLength = colon.length + simple.name.length;
  const known = arity(simple, jquery);
  if (known === undefined) {
    const hint = !jquery && JQUERY_CLASSES[simple.name] ? ' (a jQuery extension that querySelector does not support)' : '';
    return { message: `Unknown pseudo-${simple.kind === 'pseudo-element' ? 'element' : 'class'} '${colon}${simple.name}'${hint}`, offset: simple.offset, length: nameLength };
  }
  if (known === 'required' && !simple.args) return { message: `'${colon}${simple.name}' needs an argument in parentheses`, offset: simple.offset, length: nameLength };
  if (known === 'none' && simple.args) return { message: `'${colon}${simple.name}' takes no argument`, offset: simple.offset, length: simple.length };
  if (simple.args && simple.name.startsWith('nth-')) {
    const m = AN_PLUS_B.exec(simple.args.text);
    const allowsOf = simple.name === 'nth-child' || simple.name === 'nth-last-child';
    if (!m || (m[1] && !allowsOf)) {
      return { message: `Invalid An+B argument '${simple.args.text}' in :${simple.name}() (expected e.g. 3, 2n+1, odd${allowsOf ? ', or 2n of .item' : ''})`, offset: simple.args.offset, length: simple.args.length };
    }
    if (m[2] !== undefined) {
      const inner = scanSelectorList(m[2]);
      const at = simple.args.offset + simple.args.text.length - m[2].length;
      if (inner.error) return { ...inner.error, offset: inner.error.offset + at };
      return checkPseudos(inner.list, options, at);
    }
  }
  if (simple.kind === 'pseudo-class' && ['eq', 'gt', 'lt'].includes(simple.name) && simple.args && !/^\s*-?\d+\s*$/.test(simple.args.text)) {
    return { message: `:${simple.name}() needs an integer argument`, offset: simple.args.offset, length: simple.args.length };
  }
  return undefined;
}

/** Returns the first unknown or misused pseudo (or jQuery-only `!=`) in a scanned list; `shift` is added to offsets. */
export function checkPseudos(list: readonly ScannedComplex[], options: ParseOptions = {}, shift = 0): SelectorParseError | undefined {
  for (const complex of list) {
    for (const compound of complex.compounds) {
      for (const simple of compound.simples) {
        if (simple.kind === 'attribute' && simple.operator === '!=' && !options.jquery) {
          return { message: "'!=' is a jQuery extension that querySelector does not support; use :not([attr=value])", offset: simple.offset + shift, length: simple.length };
        }
        if (simple.kind !== 'pseudo-class' && simple.kind !== 'pseudo-element') continue;
        const fault = check(simple, options);
        if (fault) return { ...fault, offset: fault.offset + shift };
        if (simple.list) {
          const inner = checkPseudos(simple.list, options, shift);
          if (inner) return inner;
        }
      }
    }
  }
  return undefined;
}

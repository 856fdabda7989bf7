import assert from 'node:assert/strict';
import { parse as cssWhatParse } from 'css-what';
import { MAX_SELECTOR_LENGTH, isValidSelector, parseSelector } from '../index.js';

/** Asserts a parse failure and returns the faulty text the error points at. */
function fault(css: string, options?: { jquery?: boolean }): { message: string; at: string; offset: number; length: number } {
  const r = parseSelector(css, options);
  assert.equal(r.ok, false, `expected '${css}' to be invalid`);
  if (r.ok) throw new Error('unreachable');
  const { message, offset, length } = r.error;
  assert.ok(offset >= 0 && offset <= css.length, `offset ${offset} inside '${css}'`);
  assert.ok(offset + length <= css.length, `range ${offset}+${length} inside '${css}'`);
  return { message, at: css.slice(offset, offset + length), offset, length };
}

describe('parseSelector', () => {
  it('returns the css-what AST for a valid selector list', () => {
    const r = parseSelector('.pdp__price > span, [data-testid="add-to-cart-button"]');
    assert.ok(r.ok);
    assert.equal(r.ast.length, 2);
    assert.deepEqual(r.ast[0]?.map((t) => t.type), ['attribute', 'child', 'tag']);
    assert.deepEqual(r.ast[1]?.[0], { type: 'attribute', name: 'data-testid', action: 'equals', value: 'add-to-cart-button', namespace: null, ignoreCase: null });
  });

  it('accepts the selectors experiment code really uses', () => {
    for (const css of [
      '#main-nav', '.mega-menu__item--sale > .mega-menu__link', 'input[name="postalCode"]', "[data-testid='x' i]",
      ':is(.a, .b) ~ .c', 'li:nth-child(2n+1 of .active)', ':has(> img)', 'a:not([href^="http"])', 'ul li + li',
      '*', 'svg', '.a\\:b', '#\\31 23', 'a::before', '::-webkit-scrollbar', ':nth-last-of-type(odd)', 'a:hover', '.col-12',
      '/* hero */ .hero__title', '[lang|=en]', 'button:focus-visible', ':root', 'td || col',
    ]) {
      assert.ok(parseSelector(css).ok, css);
    }
  });

  it('returns a copy of the AST that callers may mutate', () => {
    const a = parseSelector('.a');
    assert.ok(a.ok);
    a.ast.length = 0;
    const b = parseSelector('.a');
    assert.ok(b.ok && b.ast.length === 1);
  });

  it('reports an empty or blank selector at offset 0', () => {
    assert.deepEqual(fault(''), { message: 'Empty selector', at: '', offset: 0, length: 0 });
    assert.equal(fault('   ').message, 'Empty selector');
  });

  it('points at a trailing or doubled combinator', () => {
    assert.equal(fault('.pdp__price >').at, '>');
    const doubled = fault('a > > b');
    assert.equal(doubled.offset, 2);
    assert.match(doubled.message, /after '>'/);
  });

  it('rejects a leading combinator outside :has()', () => {
    assert.equal(fault('> a').at, '>');
    assert.equal(fault(':not(> img)').offset, 5);
  });

  it('points at empty members of a selector list', () => {
    assert.deepEqual(fault('a,,b').offset, 2);
    assert.equal(fault('a,').offset, 2);
    assert.equal(fault(':is()').offset, 4);
  });

  it('covers the whole unterminated attribute selector', () => {
    assert.equal(fault('div[data-testid').at, '[data-testid');
    assert.equal(fault('[a="b').at, '"b');
    assert.equal(fault('[a=').offset, 3);
    assert.equal(fault('[a b]').at, 'b');
  });

  it('reports unbalanced parentheses and brackets', () => {
    assert.equal(fault('a)').at, ')');
    assert.equal(fault('a]').at, ']');
    assert.equal(fault(':nth-child(2').at, ':nth-child(2');
    assert.match(fault(':not(.a').message, /\)/);
  });

  it('rejects ids and classes starting with a digit, like querySelector does', () => {
    const r = fault('#123');
    assert.equal(r.at, '123');
    assert.match(r.message, /cannot start with a digit/);
    assert.equal(fault('.2col').at, '2col');
    assert.match(fault('[data-testid=1x]').message, /quotes/);
  });

  it('points at a lone # or . with no name', () => {
    assert.equal(fault('#').at, '#');
    assert.equal(fault('a. b').at, '.');
    assert.match(fault('a. b').message, /Expected class name, found ' '/);
  });

  it('reports unknown pseudo-classes and pseudo-elements by name', () => {
    assert.deepEqual(fault('a:hovr'), { message: "Unknown pseudo-class ':hovr'", at: ':hovr', offset: 1, length: 5 });
    assert.equal(fault('p::befor').at, '::befor');
    assert.equal(fault(':nth-child(2n of :hovr)').at, ':hovr');
  });

  it('checks pseudo-class arguments', () => {
    assert.match(fault(':not').message, /needs an argument/);
    assert.match(fault(':hover(1)').message, /takes no argument/);
    assert.equal(fault('li:nth-child(foo)').at, 'foo');
    assert.match(fault(':nth-of-type(2n of .a)').message, /Invalid An\+B/);
  });

  it('accepts jQuery extensions only when asked to', () => {
    assert.match(fault('li:first').message, /jQuery extension/);
    assert.match(fault(':contains(Sale)').message, /jQuery/);
    assert.match(fault('[type!=hidden]').message, /jQuery/);
    assert.ok(parseSelector('li:eq(2)', { jquery: true }).ok);
    assert.ok(parseSelector(':contains("Sale") , li:first', { jquery: true }).ok);
    assert.match(fault(':eq(x)', { jquery: true }).message, /integer/);
  });

  it('treats comments as CSS does: dropped, not whitespace, and never inside strings', () => {
    const compound = parseSelector('.a/* x */.b');
    assert.ok(compound.ok && compound.ast.length === 1 && compound.ast[0]?.length === 2, 'one compound .a.b');
    const descendant = parseSelector('.a /* x */ .b');
    assert.ok(descendant.ok);
    assert.deepEqual(descendant.ast[0]?.map((t) => t.type), ['attribute', 'descendant', 'attribute']);
    const inString = parseSelector('[href="/*"] > a');
    assert.ok(inString.ok);
    assert.deepEqual(inString.ast[0]?.[0], { type: 'attribute', name: 'href', action: 'equals', value: '/*', namespace: null, ignoreCase: null });
  });

  it('reports an unterminated comment', () => {
    assert.match(fault('a /* note').message, /Comment/);
  });

  it('refuses huge input without parsing it', () => {
    const huge = '.a '.repeat(MAX_SELECTOR_LENGTH);
    const r = fault(huge);
    assert.match(r.message, /longer than/);
    assert.equal(r.offset, MAX_SELECTOR_LENGTH);
  });

  it('bounds nesting depth instead of overflowing the stack', () => {
    const deep = ':not('.repeat(200) + 'a' + ')'.repeat(200);
    assert.match(fault(deep).message, /nesting/);
  });

  it('keeps every fault inside the text and agrees with css-what on 3,000 generated inputs', () => {
    // Deterministic fuzz over selector punctuation: no throw, ranges in bounds, and whatever we
    // accept css-what (which css-select matches with) accepts too.
    let seed = 42;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const parts = ['.', '#', '[', ']', '(', ')', '=', ':', '::', '>', '+', '~', ',', ' ', '"', "'", '\\', 'a', 'b1', '-', '_x', '*', 'not(', 'nth-child(', 'hover', 'data-testid', '2n+1', 'i', '/*', '*/', '|'];
    for (let n = 0; n < 3000; n++) {
      let css = '';
      const len = 1 + Math.floor(rnd() * 10);
      for (let k = 0; k < len; k++) css += parts[Math.floor(rnd() * parts.length)];
      const r = parseSelector(css);
      if (r.ok) assert.doesNotThrow(() => cssWhatParse(css), css);
      else assert.ok(r.error.offset >= 0 && r.error.offset + r.error.length <= css.length, `${css}: ${JSON.stringify(r.error)}`);
    }
  });

  it('never throws on arbitrary text', () => {
    for (const css of ['[[[', ')))', '\\', '"', "'", ':::', '>>>', '#.#', '\u0000', '🙂', 'a\\', '[a=\\]', '::(', ':not(())']) {
      const r = parseSelector(css);
      if (!r.ok) assert.ok(r.error.offset <= css.length, css);
    }
  });
});

describe('isValidSelector', () => {
  it('is true exactly when parseSelector succeeds', () => {
    assert.equal(isValidSelector('.pdp__price'), true);
    assert.equal(isValidSelector('.pdp__price >'), false);
    assert.equal(isValidSelector(''), false);
    assert.equal(isValidSelector('li:eq(1)'), false);
    assert.equal(isValidSelector('li:eq(1)', { jquery: true }), true);
  });
});

import assert from 'node:assert/strict';
import { check, extractSelectors } from '../index.js';
import { covered, only } from './helpers.js';

const offset = (text: string, p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
const sel = (text: string, filename = 'v.js') => extractSelectors({ text, filename }).map((u) => [u.api, u.selector, u.dynamic]);

describe('extractSelectors', () => {
  it('finds selectors handed to DOM APIs, jQuery and Optimizely utils with exact ranges', () => {
    const text = [
      "const utils = window.optimizely.get('utils');",
      "document.querySelector('.a');",
      'el.querySelectorAll(".b, .c");',
      "el.closest('.d'); el.matches('.e');",
      "$('.f').find('.g'); jQuery('.h');",
      "utils.waitForElement('.i'); utils.observeSelector('.j', cb);",
      "window.optimizely.get('utils').waitForElement('.k');",
      "document.getElementById('l');",
    ].join('\n');
    assert.deepEqual(sel(text), [
      ['querySelector', '.a', false],
      ['querySelectorAll', '.b, .c', false],
      ['closest', '.d', false],
      ['matches', '.e', false],
      ['jquery', '.f', false],
      ['jquery', '.g', false],
      ['jquery', '.h', false],
      ['utils.waitForElement', '.i', false],
      ['utils.observeSelector', '.j', false],
      ['utils.waitForElement', '.k', false],
      ['getElementById', 'l', false],
    ]);
    const [, list] = extractSelectors({ text, filename: 'v.js' });
    assert.deepEqual(list!.range, { start: { line: 2, character: 21 }, end: { line: 2, character: 27 } });
    assert.deepEqual(list!.parts.map((p) => [p.selector, p.range.start.character, p.range.end.character]), [['.b', 21, 23], ['.c', 25, 27]]);
  });

  it('follows destructured utils and string constants', () => {
    const text = "const { waitForElement } = optimizely.get('utils');\nwaitForElement(PRICE);\nconst PRICE = '.pdp__price';";
    const [use] = extractSelectors({ text, filename: 'v.js' });
    assert.equal(use?.selector, '.pdp__price');
    assert.deepEqual(use?.range.start, { line: 2, character: 15 });
  });

  it('finds delegated jQuery event selectors', () => {
    assert.deepEqual(sel("$(document).on('click', '[data-testid=\"quick-add\"]', add);\n$(document).on('click', add);"), [['jquery', '[data-testid="quick-add"]', false]]);
  });

  it('skips jQuery HTML and callbacks', () => {
    assert.deepEqual(sel("$('<div class=\"x\">'); $(function () {}); $(document);"), []);
  });

  it('finds rule selectors in CSS files, style text and <style> in HTML strings, skipping keyframes', () => {
    const css = '@media (min-width: 600px) { .a > .b { color: red } }\n@keyframes k { from { opacity: 0 } }';
    assert.deepEqual(sel(css, 'x.css'), [['css', '.a > .b', false]]);
    const js = "s.textContent = '.x { color: red }';\nel.insertAdjacentHTML('beforeend', '<style>.y:hover { color: blue }</style><div>');";
    assert.deepEqual(sel(js), [['css', '.x', false], ['css', '.y:hover', false]]);
  });

  it('maps the same style text to wherever it sits in each file (its scan is kept between checks)', () => {
    const style = '/* hero */ .x > .y, body { opacity: 0 } .z { background: url(https://cdn.example.test/a.png) }';
    const files = [`s.textContent = '${style}';`, `\n\n  // again\n  var css = "${style}";`, `t.textContent = \`${style.replace('.z', '${dyn}')}\`;`];
    for (let round = 0; round < 2; round++) {
      for (const text of files) {
        const uses = extractSelectors({ text, filename: 'v.js' });
        const covers = uses.map((u) => [text.slice(offset(text, u.range.start), offset(text, u.range.end)), u.dynamic]);
        const dynamic = text.includes('${dyn}');
        assert.deepEqual(covers, [['.x > .y, body', false], [dynamic ? '${dyn}' : '.z', dynamic]], `round ${round}: ${text}`);
        const { findings } = check({ text, filename: 'v.js' });
        const hiding = findings.find((f) => f.ruleId === 'recommended/no-body-hiding');
        assert.equal(hiding && text.slice(offset(text, hiding.range.start), offset(text, hiding.range.end)), 'opacity: 0', `round ${round}: ${text}`);
      }
    }
  });

  it('maps ranges through escapes in the string', () => {
    const text = "document.querySelector('.md\\\\:flex, .\\u0062');";
    const [use] = extractSelectors({ text, filename: 'v.js' });
    assert.equal(use?.selector, '.md\\:flex, .b');
    assert.deepEqual(use?.parts.map((p) => [p.selector, p.range.start.character, p.range.end.character]), [['.md\\:flex', 24, 34], ['.b', 36, 43]]);
  });
});

describe('recommended/valid-selector', () => {
  it('points at the fault inside the string', () => {
    const text = "document.querySelector('.pdp__price >');";
    const [f] = only('recommended/valid-selector', text);
    assert.equal(f?.severity, 'error');
    assert.equal(covered(text, f!), '>');
  });

  it('checks CSS rule selectors and accepts jQuery extensions only in jQuery calls', () => {
    const [f] = check({ text: '.a, .b:hovr { color: red }', filename: 'x.css' }).findings;
    assert.equal(f?.ruleId, 'recommended/valid-selector');
    assert.deepEqual(only('recommended/valid-selector', "$('li:first').hide();"), []);
    assert.equal(only('recommended/valid-selector', "document.querySelector('li:first');").length, 1);
  });

  it('reports an empty selector', () => {
    assert.equal(only('recommended/valid-selector', "document.querySelector('');").length, 1);
  });
});

describe('recommended/dynamic-selector', () => {
  it('reports template literals with expressions and concatenation, as a warning', () => {
    const text = "document.querySelector(`[data-sku=\"${sku}\"]`);\n$('.tile-' + id);";
    const found = only('recommended/dynamic-selector', text);
    assert.deepEqual(found.map((f) => [f.severity, covered(text, f)]), [['warning', '`[data-sku="${sku}"]`'], ['warning', "'.tile-' + id"]]);
  });

  it('folds concatenations of literals and string constants into a checkable selector', () => {
    const text = "const BADGE = 'exp-badge';\nif (!document.querySelector('.' + BADGE)) go();\ndocument.querySelector('.pdp__price' + ' >');";
    assert.deepEqual(only('recommended/dynamic-selector', text), []);
    assert.deepEqual(extractSelectors({ text, filename: 'v.js' }).map((u) => u.selector), ['.exp-badge', '.pdp__price >']);
    const [f] = only('recommended/valid-selector', text);
    assert.equal(covered(text, f!), '>');
  });

  it('reads a string as CSS only when it is rule text with a selector before the brace', () => {
    const tail = "style.textContent = '[data-testid=\"x\"]' + ' { display: none !important; }';";
    assert.deepEqual(only('recommended/valid-selector', tail), []);
    assert.deepEqual(extractSelectors({ text: tail, filename: 'v.js' }), []);
    const rules = "s.textContent = '/* c */ .exp-a { color: red }';\nt.textContent = '  .exp-b, .exp-c { display: none !important; }';";
    assert.deepEqual(extractSelectors({ text: rules, filename: 'v.js' }).map((u) => u.selector), ['.exp-a', '.exp-b, .exp-c']);
  });

  it('reports only the rules of a CSS template whose selector holds an expression', () => {
    const text = 'style.textContent = `.ok { color: ${c} }\\n.${name} { color: red }`;';
    const found = only('recommended/dynamic-selector', text);
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]!), '.${name}');
  });
});

describe('recommended/brittle-selector', () => {
  it('reports hashed classes and positional chains at the characters at fault', () => {
    const text = "document.querySelector('.css-1x2y3z > li:nth-child(2) > a:nth-child(1)');";
    const found = only('recommended/brittle-selector', text);
    assert.ok(found.length >= 2);
    assert.equal(covered(text, found[0]!), '.css-1x2y3z');
  });
});

describe('suggestion cache', () => {
  it('gives the same fixes when the same unapproved selector is checked again, page type by page type', async () => {
    const { testBrand } = await import('./__fixtures__/brand.js');
    const brand = testBrand();
    const text = "utils.waitForElement('.pdp-price');";
    const fixes = (pageType?: string) => check({ text, filename: 'v.js' }, { brand, pageType }).findings.find((f) => f.ruleId === 'brand/unapproved-selector')?.fixes?.map((f) => f.title);
    const first = [fixes(), fixes('cart'), fixes('product-detail')];
    assert.deepEqual([fixes(), fixes('cart'), fixes('product-detail')], first);
    assert.ok(first[0]!.some((t) => t.includes('.pdp__price')));
  });
});

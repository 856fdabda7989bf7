import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadBrand, validateBrandText } from '../load.js';
import type { ApprovedSelector } from '../model.js';
import { NORTHWIND_BRAND, NORTHWIND_SELECTORS, PREFIXES, fixture, range, textAt } from './helpers.js';

interface SelectorEntry {
  css: string;
  pageTypes: string[];
  stability: string;
  label: string;
  description: string;
}

describe('loadBrand on the Northwind example', () => {
  const text = readFileSync(NORTHWIND_BRAND, 'utf8');

  it('loads with zero problems', async () => {
    const { brand, problems } = await loadBrand(text, { file: 'brand.ttl' });
    assert.deepEqual(problems, []);
    assert.equal(brand?.name, 'Northwind Outfitters');
    assert.equal(brand?.version, '2.3.0');
    assert.deepEqual(brand?.domains, ['northwind.example', 'www.northwind.example', 'cdn.northwind.example']);
    assert.deepEqual(brand?.rulePacks, ['recommended', 'optimizely-web']);
    assert.deepEqual(brand?.pageTypes.map((p) => p.id), ['home', 'product-list', 'product-detail', 'cart', 'checkout']);
  });

  it('holds every entry of snapshots/selectors.json as an approved selector', async () => {
    const { brand } = await loadBrand(text);
    const entries = JSON.parse(readFileSync(NORTHWIND_SELECTORS, 'utf8')) as SelectorEntry[];
    assert.equal(brand?.selectors.length, entries.length);
    for (const entry of entries) {
      const selector: ApprovedSelector | undefined = brand?.selectors.find((s) => s.css === entry.css);
      assert.ok(selector, `approved: ${entry.css}`);
      assert.deepEqual(selector.pageTypes, entry.pageTypes);
      assert.equal(selector.stability, entry.stability);
      assert.equal(selector.label, entry.label);
      assert.equal(selector.description, entry.description);
    }
  });

  it('has at least 15 rules of all four kinds and 8 templates with typed parameters', async () => {
    const { brand } = await loadBrand(text);
    assert.ok(brand!.rules.length >= 15);
    assert.deepEqual(new Set(brand!.rules.map((r) => r.kind)), new Set(['forbidden-call', 'required-wrapper', 'network-allowlist', 'size-budget']));
    assert.deepEqual(new Set(brand!.rules.map((r) => r.severity)), new Set(['error', 'warning', 'info']));
    assert.ok(brand!.rules.every((r) => r.docsUrl?.startsWith('https://')));
    assert.deepEqual(brand!.rules.find((r) => r.id === 'size-budget')?.maxBytes, 20480);
    assert.equal(brand!.rules.find((r) => r.id === 'wait-for-element')?.wrapper, 'utils.waitForElement');
    assert.ok(brand!.templates.length >= 8);
    const banner = brand!.templates.find((t) => t.id === 'hero-banner')!;
    assert.deepEqual(banner.parameters.map((p) => [p.name, p.type, p.required]), [
      ['target', 'selector', false], ['headline', 'text', true], ['ctaText', 'text', true],
      ['ctaUrl', 'url', true], ['background', 'color', false],
    ]);
    assert.equal(banner.parameters[0]!.pageType, 'home');
    assert.match(banner.body, /window\.optimizely\.get\('utils'\)/);
  });

  it('locates each item at its subject', async () => {
    const { brand } = await loadBrand(text, { file: 'brand.ttl' });
    const selector = brand!.selectors[0]!;
    assert.equal(selector.location?.file, 'brand.ttl');
    assert.equal(text.split('\n')[selector.location!.range.start.line]!.startsWith('sel:site-header'), true);
  });
});

describe('loadBrand on broken copies', () => {
  it('reports a Turtle syntax error at the token after the missing semicolon', async () => {
    const { brand, problems } = await loadBrand(fixture('northwind-syntax-error.ttl'), { file: 'x.ttl' });
    assert.equal(brand, undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.kind, 'turtle-syntax');
    assert.equal(problems[0]!.file, 'x.ttl');
    assert.deepEqual(problems[0]!.range, range(80, 2, 80, 12)); // line 81: `bs:message`
  });

  it('reports a missing bs:css at the selector subject', async () => {
    const { problems } = await loadBrand(fixture('northwind-missing-css.ttl'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.kind, 'shacl');
    assert.equal(problems[0]!.constraint, 'http://www.w3.org/ns/shacl#MinCountConstraintComponent');
    assert.equal(problems[0]!.path, 'https://brandsafe.dev/ns#css');
    assert.equal(problems[0]!.focusNode, 'https://northwind.example/brand/selectors#product-tile-name');
    assert.deepEqual(problems[0]!.range, range(601, 0, 601, 21)); // line 602: `sel:product-tile-name`
  });

  it('reports an unknown severity at the object token', async () => {
    const { brand, problems } = await loadBrand(fixture('northwind-bad-severity.ttl'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.constraint, 'http://www.w3.org/ns/shacl#InConstraintComponent');
    assert.deepEqual(problems[0]!.range, range(86, 14, 86, 25)); // line 87: `bs:critical`
    assert.equal(brand?.rules.find((r) => r.id === 'no-document-domain')?.severity, 'error');
  });

  it('reports invalid CSS at the selector string, with the parser reason', async () => {
    const { problems } = await loadBrand(fixture('northwind-invalid-css.ttl'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.constraint, 'https://brandsafe.dev/shapes#ValidCssConstraintComponent');
    assert.match(problems[0]!.message, /Attribute selector didn't terminate/);
    assert.deepEqual(problems[0]!.range, range(624, 9, 624, 35)); // line 625: `'[data-testid="quick-add"'`
  });
});

describe('loadBrand model problems', () => {
  it('loads the first of several brands and reports the others', async () => {
    const text = `${PREFIXES}ex:one a bs:Brand ; bs:name "One" ; bs:domain "one.example" .
ex:two a bs:Brand ; bs:name "Two" ; bs:domain "two.example" .
`;
    const { brand, problems } = await loadBrand(text);
    assert.equal(brand?.name, 'One');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.kind, 'model');
    assert.deepEqual(problems[0]!.range, range(4, 0, 4, 6));
  });

  it('reports a graph without a brand', async () => {
    const { brand, problems } = await loadBrand(`${PREFIXES}ex:home a bs:PageType ; rdfs:label "Home" .\n`);
    assert.equal(brand, undefined);
    assert.deepEqual(problems.map((p) => p.kind), ['model']);
  });

  it('reports bs: terms the vocabulary does not define', async () => {
    const text = `${PREFIXES}ex:b a bs:Brand ; bs:name "B" ; bs:domain "b.example" .
ex:s a bs:ApprovedSelectr ; bs:css ".x" .
`;
    const { problems } = await loadBrand(text);
    assert.deepEqual(problems.map((p) => [p.kind, p.range]), [['model', range(4, 7, 4, 25)]]);
  });

  it('reports a misspelt bs: property at its predicate', async () => {
    const text = `${PREFIXES}ex:b a bs:Brand ; bs:name "B" ; bs:domain "b.example" .
ex:s a bs:ApprovedSelector ; bs:css ".x" ; bs:stability bs:stable ; bs:descripton "d" .
`;
    const { problems } = await loadBrand(text);
    assert.deepEqual(problems.map((p) => [p.kind, textAt(text, p.range)]), [['model', 'bs:descripton']]);
    assert.match(problems[0]!.message, /bs:descripton is not a term of the brandsafe vocabulary/);
  });

  it('reports a bs: property used outside its rdfs:domain', async () => {
    const text = `${PREFIXES}ex:b a bs:Brand ; bs:name "B" ; bs:domain "b.example" .
ex:t a bs:Template ; rdfs:label "T" ; bs:testType "banner" ; bs:body "x" ; bs:css ".x" .
ex:r a bs:SizeBudgetRule ; bs:severity bs:error ; bs:message "m" ; bs:maxBytes 10 ; bs:docs <https://d.example/r> .
`;
    const { problems } = await loadBrand(text);
    assert.deepEqual(problems.map((p) => [p.kind, textAt(text, p.range)]), [['model', 'bs:css']]);
    assert.match(problems[0]!.message, /bs:css is not a property of bs:Template; it applies to bs:ApprovedSelector/);
  });

  it('reports bs: properties on a subject that lacks its bs: type', async () => {
    const text = `${PREFIXES}ex:b a bs:Brand ; bs:name "B" ; bs:domain "b.example" .
ex:s bs:css ".x" ; rdfs:seeAlso <https://x.example/> .
`;
    const { problems } = await loadBrand(text);
    assert.deepEqual(problems.map((p) => textAt(text, p.range)), ['bs:css']);
    assert.match(problems[0]!.message, /add `a bs:ApprovedSelector`/);
  });

  it('reports template placeholders no parameter declares, at the body', async () => {
    const text = `${PREFIXES}ex:b a bs:Brand ; bs:name "B" ; bs:domain "b.example" .
ex:t a bs:Template ; rdfs:label "T" ; bs:testType "banner" ;
  bs:parameter [ bs:parameterName "a" ; bs:parameterType bs:text ] ;
  bs:body "f({{a}}, {{b}})" .
`;
    const { problems } = await loadBrand(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /\{\{b\}\}/);
    assert.deepEqual(problems[0]!.range, range(6, 10, 6, 27));
  });
});

describe('loadBrand robustness', () => {
  for (const [name, text] of [
    ['empty text', ''],
    ['binary noise', '\u0000\u0001\uFFFD PNG \u0000'],
    ['a lone prefix', '@prefix'],
    ['unbalanced brackets', `${PREFIXES}ex:a ex:b [ ex:c ( ex:d .`],
  ] as const) {
    it(`returns problems instead of throwing for ${name}`, async () => {
      const result = await loadBrand(text);
      assert.ok(result.problems.length > 0);
      assert.equal(result.brand, undefined);
    });
  }

  it('validateBrandText returns the same problems as loadBrand', async () => {
    const text = fixture('northwind-bad-severity.ttl');
    assert.deepEqual(await validateBrandText(text), (await loadBrand(text)).problems);
  });
});

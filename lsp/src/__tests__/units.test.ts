import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrandDiscovery } from '../brands.js';
import { fixAllEdits } from '../code-actions.js';
import { detectPageType, selectorStringAt } from '../selector-context.js';
import { DEFAULT_SETTINGS, settingsFrom } from '../settings.js';
import { declaredPrefixes, termAt, typingAt } from '../turtle-context.js';

describe('settingsFrom', function () {
  it('keeps the defaults for missing or wrongly typed fields', function () {
    assert.deepEqual(settingsFrom(null), DEFAULT_SETTINGS);
    assert.deepEqual(settingsFrom({ enable: 'yes', run: 'sometimes', rules: { a: 'loud', 'x/y': 'off' }, brand: '  ' }), {
      ...DEFAULT_SETTINGS,
      rules: { 'x/y': 'off' },
    });
  });
});

describe('selectorStringAt', function () {
  it('finds the string argument of a selector-taking call under the cursor', function () {
    const line = "  utils.waitForElement('.hero').then(x => x.querySelector(\"a[href='/']\"));";
    assert.equal(selectorStringAt(line, 3, 25)?.callee, 'waitForElement');
    const inner = selectorStringAt(line, 3, 60);
    assert.deepEqual([inner?.value, inner?.callee], ["a[href='/']", 'querySelector']);
  });

  it('handles an unterminated string being typed and ignores comments and templates with ${}', function () {
    assert.equal(selectorStringAt("document.querySelector('.he", 0, 27)?.open, true);
    assert.equal(selectorStringAt("// querySelector('.x')", 0, 19), undefined);
    assert.equal(selectorStringAt('$(`#${id}`)', 0, 4), undefined);
  });

  it('reads the page type a file declares', function () {
    assert.equal(detectPageType('// brandsafe-page: product-detail\nfoo();'), 'product-detail');
    assert.equal(detectPageType('foo();'), undefined);
  });
});

describe('turtle-context', function () {
  const prefixes = declaredPrefixes('@prefix bs: <https://brandsafe.dev/ns#> .\nPREFIX ex: <https://e.example/#>\n');

  it('resolves the prefixed name under the cursor', function () {
    assert.equal(termAt('ex:a bs:css ".x" .', 0, 7, prefixes)?.iri, 'https://brandsafe.dev/ns#css');
    assert.equal(termAt('ex:a bs:css ".x" .', 0, 1, prefixes)?.iri, 'https://e.example/#a');
  });

  it('tells a prefix being typed from a local name being typed', function () {
    assert.deepEqual(typingAt('  bs:Appr'), { prefix: 'bs', local: 'Appr', start: 2 });
    assert.deepEqual(typingAt('ex:a a r'), { prefix: 'r', start: 7 });
  });
});

describe('fixAllEdits', function () {
  it('takes each preferred fix once and skips fixes that overlap one already taken', function () {
    const r = (a: number, b: number) => ({ start: { line: 0, character: a }, end: { line: 0, character: b } });
    const finding = (a: number, b: number, text: string, preferred = true) => ({
      ruleId: 'x/y',
      severity: 'error' as const,
      message: 'm',
      range: r(a, b),
      fixes: [{ title: 't', edits: [{ range: r(a, b), newText: text }], preferred }],
    });
    const edits = fixAllEdits([finding(0, 5, 'A'), finding(3, 8, 'B'), finding(10, 12, 'C'), finding(20, 22, 'D', false)]);
    assert.deepEqual(edits.map((e) => e.newText), ['A', 'C']);
  });
});

describe('BrandDiscovery', function () {
  let root: string;
  before(function () {
    root = mkdtempSync(join(tmpdir(), 'brandsafe-discovery-'));
    mkdirSync(join(root, 'variations'));
  });
  after(function () {
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps the brand file found for a document until told to forget it', async function () {
    const discovery = new BrandDiscovery();
    const doc = join(root, 'variations', 'a.js');
    assert.equal(await discovery.find(doc, null, root), undefined);
    const brand = join(root, '.brandsafe', 'brand.ttl');
    mkdirSync(join(root, '.brandsafe'));
    writeFileSync(brand, '');
    assert.equal(await discovery.find(doc, null, root), undefined, 'kept: no walk on every keystroke');
    discovery.forget(doc);
    assert.equal(await discovery.find(doc, null, root), brand);
    rmSync(join(root, '.brandsafe'), { recursive: true });
    assert.equal(await discovery.find(doc, null, root), brand);
    discovery.clear();
    assert.equal(await discovery.find(doc, null, root), undefined);
  });

  it('resolves an explicit brand against the workspace folder, every time', async function () {
    const discovery = new BrandDiscovery();
    const doc = join(root, 'variations', 'a.js');
    assert.equal(await discovery.find(doc, 'brands/x.ttl', root), join(root, 'brands', 'x.ttl'));
    assert.equal(await discovery.find(doc, '/abs/y.ttl', root), '/abs/y.ttl');
    assert.equal(await discovery.find(doc, null, root), undefined);
  });
});

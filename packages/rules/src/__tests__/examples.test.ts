import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBrand, type Brand } from '@brandsafe/brand-kit';
import { check } from '../index.js';

const root = fileURLToPath(new URL('../../../../examples/northwind/', import.meta.url));
const dir = `${root}variations/`;

/** Expected findings per violating example, as `ruleId@line` (1-based). */
const VIOLATIONS: Record<string, string[]> = {
  'pdp-price-polling.js': ['optimizely-web/prefer-wait-for-element@8', 'brand/required-wrapper@9', 'brand/unapproved-selector@9'],
  'cart-upsell-legacy.js': [
    'brand/network-allowlist@7',
    'recommended/no-sync-xhr@7',
    'recommended/no-eval@9',
    'recommended/no-document-write@11',
    'brand/forbidden-call@12',
    'brand/forbidden-call@14',
    'brand/forbidden-call@17',
    'recommended/no-alert@17',
  ],
  'home-flicker-hide.css': [
    'brand/unapproved-selector@5',
    'recommended/no-body-hiding@6',
    'brand/unapproved-selector@9',
    'recommended/brittle-selector@13',
    'brand/unapproved-selector@13',
    'recommended/brittle-selector@13',
  ],
  'checkout-tracker.js': ['recommended/dynamic-selector@12', 'recommended/observer-cleanup@15', 'brand/network-allowlist@19', 'brand/network-allowlist@21', 'optimizely-web/valid-push@23'],
  'plp-quick-view.js': ['recommended/idempotence-guard@9', 'optimizely-web/get-utils-once@13', 'recommended/valid-selector@13', 'recommended/interval-cleared@15', 'recommended/no-string-timer@19'],
};

describe('examples/northwind/variations against the Northwind brand graph', () => {
  let brand: Brand;
  const files = readdirSync(dir).sort();

  before(async () => {
    const loaded = await loadBrand(readFileSync(`${root}.brandsafe/brand.ttl`, 'utf8'));
    assert.deepEqual(loaded.problems, []);
    brand = loaded.brand!;
  });

  it('ships at least ten variations, clean and violating, JavaScript, TypeScript and CSS', () => {
    assert.ok(files.length >= 10);
    assert.ok(files.filter((f) => !(f in VIOLATIONS)).length >= 5);
    for (const ext of ['.js', '.ts', '.css']) assert.ok(files.some((f) => f.endsWith(ext)), ext);
  });

  for (const file of readdirSync(dir).sort()) {
    const expected = VIOLATIONS[file] ?? [];
    it(`${file}: ${expected.length === 0 ? 'has no findings' : `reports exactly ${expected.length} findings`}`, () => {
      const { findings, skipped } = check({ text: readFileSync(dir + file, 'utf8'), filename: file }, { brand });
      assert.deepEqual(findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`), expected);
      assert.deepEqual(skipped, []);
    });
  }

  it('gives the unapproved selector in the polling example a fix to the approved price selector', () => {
    const text = readFileSync(dir + 'pdp-price-polling.js', 'utf8');
    const f = check({ text, filename: 'pdp-price-polling.js' }, { brand }).findings.find((x) => x.ruleId === 'brand/unapproved-selector');
    assert.ok(f?.fixes?.some((x) => x.edits[0]?.newText === '.pdp__price'));
  });
});

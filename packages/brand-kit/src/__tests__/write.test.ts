import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadBrand } from '../load.js';
import type { Brand } from '../model.js';
import { brandToTurtle } from '../write.js';
import { NORTHWIND_BRAND } from './helpers.js';

/** The brand without source locations, which a rewrite changes. */
function withoutLocations(brand: Brand | undefined): unknown {
  return JSON.parse(JSON.stringify(brand, (key, value: unknown) => (key === 'location' ? undefined : value)));
}

describe('brandToTurtle', () => {
  it('round-trips the Northwind brand through loadBrand', async () => {
    const original = await loadBrand(readFileSync(NORTHWIND_BRAND, 'utf8'));
    const text = brandToTurtle(original.brand!);
    const again = await loadBrand(text);
    assert.deepEqual(again.problems, []);
    assert.deepEqual(withoutLocations(again.brand), withoutLocations(original.brand));
  });

  it('writes the bs, rdfs and xsd prefixes and typed literals', () => {
    const text = brandToTurtle({
      iri: 'https://x.example/brand#x', id: 'x', name: 'X', domains: ['x.example'], pageTypes: [], selectors: [],
      rules: [{ iri: 'https://x.example/brand#budget', id: 'budget', kind: 'size-budget', severity: 'warning', message: 'small', maxBytes: 1024 }],
      templates: [], rulePacks: ['recommended'],
    });
    assert.match(text, /@prefix bs: <https:\/\/brandsafe\.dev\/ns#>/);
    assert.match(text, /@prefix rdfs: /);
    assert.match(text, /@prefix xsd: /);
    assert.match(text, /bs:maxBytes 1024/);
    assert.match(text, /bs:severity bs:warning/);
    assert.match(text, /bs:rulePack bs:recommended/);
  });
});

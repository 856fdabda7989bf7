import assert from 'node:assert/strict';
import type { Brand } from '@brandsafe/brand-kit';
import { BrandModelCache } from '../generations/brand-cache.js';
import { BrandContextCache } from '../generations/context-cache.js';
import { GenerationReadCache } from '../generations/read-cache.js';

const brand = (id: string) => ({ id, name: id, iri: `urn:${id}`, domains: [], pageTypes: [], selectors: [], rules: [], templates: [], rulePacks: [] }) satisfies Brand;

describe('BrandModelCache', () => {
  it('loads a version once and answers the same object afterwards', async () => {
    const cache = new BrandModelCache();
    let loads = 0;
    const load = async () => (loads++, brand('a'));
    const first = await cache.get('v1', load);
    const second = await cache.get('v1', load);
    assert.equal(loads, 1);
    assert.equal(cache.loadCount, 1);
    assert.equal(first, second, 'the same object, so per-brand caches in the checker are reused');
  });

  it('evicts the least recently used version beyond its capacity', async () => {
    const cache = new BrandModelCache(2);
    await cache.get('v1', async () => brand('1'));
    await cache.get('v2', async () => brand('2'));
    await cache.get('v1', async () => assert.fail('v1 is cached'));
    await cache.get('v3', async () => brand('3'));
    assert.equal(cache.size, 2);
    let reloaded = false;
    await cache.get('v2', async () => ((reloaded = true), brand('2')));
    assert.ok(reloaded, 'v2 was the least recently used');
  });

  it('does not cache a missing model', async () => {
    const cache = new BrandModelCache();
    assert.equal(await cache.get('gone', async () => undefined), undefined);
    assert.equal(cache.size, 0);
  });
});

describe('BrandContextCache', () => {
  const ctx = (version: string) => ({ brandId: 'b', brandName: 'B', versionId: `v-${version}`, version, roleOverride: null });

  it('keys by workspace, user and brand, so no entry is shared across tenants or users', () => {
    const cache = new BrandContextCache();
    cache.set(BrandContextCache.key('w1', 'u1', { id: 'b' }), ctx('1.0.0'));
    assert.ok(cache.get(BrandContextCache.key('w1', 'u1', { id: 'b' })));
    assert.equal(cache.get(BrandContextCache.key('w2', 'u1', { id: 'b' })), undefined);
    assert.equal(cache.get(BrandContextCache.key('w1', 'u2', { id: 'b' })), undefined);
    assert.equal(cache.get(BrandContextCache.key('w1', 'u1', { name: 'b' })), undefined);
    assert.equal(BrandContextCache.key('w', 'u', { name: 'Northwind' }), BrandContextCache.key('w', 'u', { name: 'northwind' }));
  });

  it('forgets entries after the TTL and beyond its capacity', () => {
    const cache = new BrandContextCache(2, 1000);
    cache.set('a', ctx('1.0.0'), 0);
    assert.ok(cache.get('a', 999));
    assert.equal(cache.get('a', 1001), undefined);
    cache.set('a', ctx('1.0.0'), 0);
    cache.set('b', ctx('1.0.0'), 0);
    cache.set('c', ctx('1.0.0'), 0);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('a', 0), undefined);
  });
});

describe('GenerationReadCache', () => {
  it('serves a body within its TTL from the start of its read, per workspace, until invalidated', () => {
    const cache = new GenerationReadCache(1000);
    cache.set('w1', 'g', '{"a":1}', cache.start(0));
    assert.equal(cache.get('w1', 'g', 999), '{"a":1}');
    assert.equal(cache.get('w2', 'g', 0), undefined, 'never across workspaces');
    assert.equal(cache.get('w1', 'g', 1000), undefined, 'expired');
    cache.set('w1', 'g', '{"a":2}', cache.start(0));
    cache.invalidate('w1', 'g', 1);
    assert.equal(cache.get('w1', 'g', 2), undefined);
  });

  it('drops a read that began before an invalidation, keeps one that began after', () => {
    const cache = new GenerationReadCache(1000);
    const early = cache.start(0);
    cache.invalidate('w', 'g', 1);
    cache.set('w', 'g', '{"old":true}', early);
    assert.equal(cache.get('w', 'g', 2), undefined, 'the read may predate the change');
    cache.set('w', 'g', '{"new":true}', cache.start(3));
    assert.equal(cache.get('w', 'g', 4), '{"new":true}');
  });
});

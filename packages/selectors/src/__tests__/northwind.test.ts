import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brittleness, checkSelectorHealth, classifySelector, isValidSelector, loadSnapshotsFromDir, type PageSnapshot } from '../index.js';

// The shipped example (examples/northwind/snapshots): other packages build the brand graph and
// the CLI examples from it, so its promises are tested here.
const dir = fileURLToPath(new URL('../../../../examples/northwind/snapshots/', import.meta.url));
const PAGE_TYPES = ['home', 'product-list', 'product-detail', 'cart', 'checkout'] as const;

interface ExampleSelector {
  css: string;
  pageTypes: string[];
  stability: string;
  label: string;
  description: string;
}

describe('Northwind example snapshots', () => {
  let snapshots: Map<string, PageSnapshot>;
  const selectors = JSON.parse(readFileSync(`${dir}selectors.json`, 'utf8')) as ExampleSelector[];

  before(async () => {
    snapshots = new Map((await loadSnapshotsFromDir(dir)).map((s) => [s.pageType ?? '', s]));
  });

  it('has one snapshot per page type, each with 500+ elements', () => {
    assert.deepEqual([...snapshots.keys()].sort(), [...PAGE_TYPES].sort());
    for (const [type, snap] of snapshots) assert.ok(snap.elementCount >= 500, `${type}: ${snap.elementCount}`);
  });

  it('mixes stable hooks with brittle ones for the brittleness checks to find', () => {
    for (const [type, snap] of snapshots) {
      assert.ok(snap.count('[data-testid]') >= 10, type);
      assert.ok(snap.count('[data-component]') >= 3, type);
      assert.ok(snap.count('[class*="css-"]') >= 3, `${type}: emotion classes`);
      assert.ok(snap.count('[class*="sc-"]') >= 1, `${type}: styled-components classes`);
      assert.ok(snap.count('[id^="ember"]') >= 1, `${type}: ember ids`);
    }
  });

  it('lists at least 45 well-formed selectors spread over all five page types', () => {
    assert.ok(selectors.length >= 45, String(selectors.length));
    for (const s of selectors) {
      assert.ok(isValidSelector(s.css), s.css);
      assert.ok(s.label.length > 0 && s.description.length > 0, s.css);
      assert.ok(['stable', 'volatile', 'experimental'].includes(s.stability), s.css);
      assert.ok(s.pageTypes.length > 0 && s.pageTypes.every((p) => (PAGE_TYPES as readonly string[]).includes(p)), s.css);
    }
    for (const type of PAGE_TYPES) assert.ok(selectors.filter((s) => s.pageTypes.includes(type) && s.pageTypes.length < 5).length >= 5, type);
    assert.equal(new Set(selectors.map((s) => s.css)).size, selectors.length, 'no duplicates');
  });

  it('approves only selectors that match on every page type they are approved for', () => {
    const unhealthy = checkSelectorHealth(selectors, [...snapshots.values()]).filter((r) => r.status !== 'ok');
    assert.deepEqual(unhealthy, []);
  });

  it('approves no brittle selectors, and prefers test-id hooks', () => {
    assert.deepEqual(selectors.filter((s) => brittleness(s.css).length > 0).map((s) => s.css), []);
    const testIds = selectors.filter((s) => classifySelector(s.css)?.usesTestId).length;
    assert.ok(testIds >= selectors.length / 2, `${testIds} of ${selectors.length}`);
  });
});

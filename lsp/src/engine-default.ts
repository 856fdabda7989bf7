/**
 * The engine backed by the real domain packages: @brandsafe/rules `check` (the same function the
 * CLI and the API's approval gate run), @brandsafe/brand-kit `loadBrand`/`vocabulary`, and
 * @brandsafe/selectors page snapshots for hover match counts.
 */
import { join } from 'node:path';
import { loadBrand, vocabulary } from '@brandsafe/brand-kit';
import { RULES, check, extractSelectors } from '@brandsafe/rules';
import { loadSnapshotsFromDir, type PageSnapshot } from '@brandsafe/selectors';
import type { Engine, SnapshotMatch } from './engine.js';

/** Where a brand workspace keeps its page snapshots (`<root>/snapshots/*.html`, as in examples/). */
export const SNAPSHOT_DIR = 'snapshots';

/**
 * Page snapshots per brand root, loaded on first hover and kept: they are large, rarely change,
 * and a hover must answer in milliseconds. A missing folder means no snapshots, not a failure.
 */
function snapshotCache(): (root: string) => Promise<PageSnapshot[]> {
  const cache = new Map<string, Promise<PageSnapshot[]>>();
  return (root) => {
    let found = cache.get(root);
    if (!found) {
      found = loadSnapshotsFromDir(join(root, SNAPSHOT_DIR)).catch(() => []);
      cache.set(root, found);
    }
    return found;
  };
}

export function createDefaultEngine(): Engine {
  const snapshots = snapshotCache();
  return {
    check,
    loadBrand,
    rules: RULES,
    selectorsIn: extractSelectors,
    vocabulary,
    snapshotMatches: async (css, root): Promise<SnapshotMatch[]> =>
      (await snapshots(root)).map((s) => ({ snapshot: s.name ?? s.pageType ?? '?', count: s.count(css) })),
  };
}

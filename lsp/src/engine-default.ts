/**
 * The engine backed by the real domain packages. Loaded dynamically and checked export by export,
 * so a missing or broken package becomes a reported failure instead of a server that cannot start.
 */
import { loadBrand, vocabulary } from '@brandsafe/brand-kit';
import type { CheckInput, CheckOptions, CheckResult, RuleMeta } from '@brandsafe/rules';
import { join } from 'node:path';
import { loadSnapshotsFromDir, type PageSnapshot } from '@brandsafe/selectors';
import type { Engine, LoadedBrand, SnapshotMatch, VocabularyTerm } from './engine.js';

/** Where a brand workspace keeps its page snapshots (`<root>/snapshots/*.html`, as in examples/). */
export const SNAPSHOT_DIR = 'snapshots';

interface RulesRuntime {
  check(input: CheckInput, options: CheckOptions): CheckResult;
  RULES: RuleMeta[];
}

export class EngineUnavailableError extends Error {
  readonly code = 'ENGINE_UNAVAILABLE';
}

function unavailable(what: string): never {
  throw new EngineUnavailableError(`${what} is not available in this build of brandsafe`);
}

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

export async function createDefaultEngine(): Promise<Engine> {
  const snapshots = snapshotCache();
  const rules = (await import('@brandsafe/rules')) as unknown as Partial<RulesRuntime>;
  return {
    check: (input, options) => (rules.check ? rules.check(input, options) : unavailable('the checker (@brandsafe/rules check)')),
    loadBrand: (text, options): Promise<LoadedBrand> => loadBrand(text, options),
    rules: rules.RULES ?? [],
    vocabulary: (): readonly VocabularyTerm[] => vocabulary(),
    snapshotMatches: async (css, root): Promise<SnapshotMatch[]> =>
      (await snapshots(root)).map((s) => ({ snapshot: s.name ?? s.pageType ?? '?', count: s.count(css) })),
  };
}

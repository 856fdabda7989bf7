/**
 * The engine backed by the real domain packages. Loaded dynamically and checked export by export,
 * so a missing or broken package becomes a reported failure instead of a server that cannot start.
 */
import type { CheckInput, CheckOptions, CheckResult, RuleMeta } from '@brandsafe/rules';
import type { Engine, LoadedBrand, SnapshotMatch, VocabularyTerm } from './engine.js';

interface RulesRuntime {
  check(input: CheckInput, options: CheckOptions): CheckResult;
  RULES: RuleMeta[];
}
interface BrandKitRuntime {
  loadBrand(text: string, options: { file?: string }): LoadedBrand;
  vocabulary(): readonly VocabularyTerm[];
}

export class EngineUnavailableError extends Error {
  readonly code = 'ENGINE_UNAVAILABLE';
}

function unavailable(what: string): never {
  throw new EngineUnavailableError(`${what} is not available in this build of brandsafe`);
}

export async function createDefaultEngine(): Promise<Engine> {
  const rules = (await import('@brandsafe/rules')) as unknown as Partial<RulesRuntime>;
  const kit = (await import('@brandsafe/brand-kit')) as unknown as Partial<BrandKitRuntime>;
  return {
    check: (input, options) => (rules.check ? rules.check(input, options) : unavailable('the checker (@brandsafe/rules check)')),
    loadBrand: (text, options) => (kit.loadBrand ? kit.loadBrand(text, options) : unavailable('brand loading (@brandsafe/brand-kit loadBrand)')),
    rules: rules.RULES ?? [],
    vocabulary: () => (kit.vocabulary ? kit.vocabulary() : []),
    snapshotMatches: (): SnapshotMatch[] => [],
  };
}

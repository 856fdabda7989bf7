import type { ApprovedSelector, Brand } from '@brandsafe/brand-kit';
import { normalizeSelector, parseSelector, suggestNearest, type Suggestion } from '@brandsafe/selectors';
import { isTraversal, stringify, type Selector } from 'css-what';

/**
 * Conventional prefixes of class/id names a variation gives the elements it creates itself
 * (`exp-banner`, `bs-badge`, `optly-…`). Selectors made only of such names target the variation's
 * own markup, which no brand approval can cover.
 */
export const DEFAULT_OWNED_PREFIXES: readonly string[] = Object.freeze(['exp-', 'bs-', 'optly-', 'opt-']);

/** Pseudo-classes and pseudo-elements that style a state of the same element, not another element. */
const STATE_PSEUDOS = new Set(['hover', 'focus', 'focus-visible', 'focus-within', 'active', 'visited', 'link', 'checked', 'disabled', 'enabled', 'placeholder-shown', 'before', 'after', 'placeholder', 'marker', 'selection', 'first-letter', 'first-line']);

const CACHE = new WeakMap<Brand, Map<string, ApprovedSet>>();

/** Rejected selectors whose suggestions one approval set remembers. */
export const SUGGESTION_CACHE_SIZE = 2000;

export type Approval =
  | { status: 'approved'; selector: ApprovedSelector }
  | { status: 'own' }
  | { status: 'unapproved'; otherPages: ApprovedSelector[] };

/**
 * The brand's approved selectors for one check, indexed by normalized text. A selector is
 * approved when each of its compounds is covered by an approved selector (exactly, or followed
 * only by state pseudo-classes such as `:hover`) or names only elements the variation creates
 * (names found in the same file, or carrying an owned prefix).
 */
export class ApprovedSet {
  private readonly byText = new Map<string, ApprovedSelector[]>();
  readonly forPage: ApprovedSelector[];

  constructor(
    brand: Brand,
    private readonly pageType: string | undefined,
    private readonly ownedPrefixes: readonly string[],
  ) {
    for (const s of brand.selectors) {
      const key = normalizeSelector(s.css);
      this.byText.set(key, [...(this.byText.get(key) ?? []), s]);
    }
    this.forPage = brand.selectors.filter((s) => this.onPage(s));
    this.forPageCss = this.forPage.map((s) => s.css);
  }

  private readonly forPageCss: string[];
  /** Suggestions per rejected selector, least recently used first (a Map keeps insertion order). */
  private readonly suggestions = new Map<string, readonly Suggestion[]>();

  /**
   * The nearest approved selectors on this page type for a rejected one (`suggestNearest` of
   * @brandsafe/selectors), cached: the language server re-checks the same unapproved selectors
   * on every keystroke, and ranking them against every approved selector dominated its time.
   * Bounded (LRU, {@link SUGGESTION_CACHE_SIZE} entries) so a long session cannot grow it.
   */
  suggest(selector: string): readonly Suggestion[] {
    let hit = this.suggestions.get(selector);
    if (hit) {
      this.suggestions.delete(selector);
    } else {
      hit = suggestNearest(selector, this.forPageCss, 3);
      if (this.suggestions.size >= SUGGESTION_CACHE_SIZE) this.suggestions.delete(this.suggestions.keys().next().value as string);
    }
    this.suggestions.set(selector, hit);
    return hit;
  }

  private onPage(s: ApprovedSelector): boolean {
    return this.pageType === undefined || s.pageTypes.length === 0 || s.pageTypes.includes(this.pageType);
  }

  /**
   * The approval set for a brand, page type and owned prefixes, built once per brand object: the
   * language server checks on every keystroke against the same brand.
   */
  static for(brand: Brand, pageType: string | undefined, ownedPrefixes: readonly string[]): ApprovedSet {
    let perBrand = CACHE.get(brand);
    if (!perBrand) CACHE.set(brand, (perBrand = new Map()));
    const key = `${pageType ?? ''}\u0000${ownedPrefixes.join('\u0000')}`;
    let set = perBrand.get(key);
    if (!set) perBrand.set(key, (set = new ApprovedSet(brand, pageType, ownedPrefixes)));
    return set;
  }

  /**
   * What `check` needs of each selector text seen, computed once (bounded): the language server
   * checks the same file on every keystroke, and rebuilding and normalizing the text of every run
   * of compounds was a third of the selector rules' time on a fresh server.
   */
  private readonly memo = new Map<string, AnalysedSelector>();

  private analysed(selector: string): AnalysedSelector {
    let hit = this.memo.get(selector);
    if (!hit) {
      const parsed = parseSelector(selector);
      const split = parsed.ok && parsed.ast.length === 1 ? splitCompounds(parsed.ast[0]!) : undefined;
      hit = { key: normalizeSelector(selector), split: split && { compounds: split.compounds, runs: compoundRuns(split) } };
      if (this.memo.size >= 10_000) this.memo.clear();
      this.memo.set(selector, hit);
    }
    return hit;
  }

  /** Decides one (valid) complex selector. `owned` are names the file creates itself. */
  check(selector: string, owned: ReadonlySet<string>): Approval {
    const { key, split } = this.analysed(selector);
    const direct = this.lookup(key);
    if (direct.onPage) return { status: 'approved', selector: direct.onPage };
    if (!split) return { status: 'unapproved', otherPages: direct.elsewhere };
    const { compounds, runs } = split;
    // Fast path: the variation's own markup only (the common case for injected elements).
    if (compounds.every((c) => this.isOwn(c, owned))) return { status: 'own' };
    const covered = new Array<boolean>(compounds.length).fill(false);
    let match: ApprovedSelector | undefined;
    const elsewhere: ApprovedSelector[] = [...direct.elsewhere];
    for (const { from, to, key: runKey } of runs) {
      const hit = this.lookup(runKey);
      if (hit.onPage) {
        match ??= hit.onPage;
        for (let k = from; k <= to; k++) covered[k] = true;
      } else elsewhere.push(...hit.elsewhere);
    }
    const allOk = compounds.every((c, k) => covered[k] || this.isOwn(c, owned));
    if (!allOk) return { status: 'unapproved', otherPages: [...new Set(elsewhere)] };
    return match ? { status: 'approved', selector: match } : { status: 'own' };
  }

  private lookup(key: string): { onPage?: ApprovedSelector; elsewhere: ApprovedSelector[] } {
    const all = this.byText.get(key) ?? [];
    return { onPage: all.find((s) => this.onPage(s)), elsewhere: all.filter((s) => !this.onPage(s)) };
  }

  private isOwn(compound: readonly Selector[], owned: ReadonlySet<string>): boolean {
    let names = 0;
    for (const t of compound) {
      if (t.type !== 'attribute') continue;
      const name = t.name === 'class' || t.name === 'id' ? t.value : t.name;
      if (!owned.has(name) && !this.ownedPrefixes.some((p) => name.startsWith(p))) return false;
      names++;
    }
    return names > 0;
  }
}

interface AnalysedSelector {
  /** The normalized text of the whole selector. */
  key: string;
  /** For a single complex selector that parses: its compounds and the runs of them to look up. */
  split?: { compounds: Selector[][]; runs: CompoundRun[] };
}

/** Compounds `from`..`to` (inclusive) with their combinators, as normalized text. */
interface CompoundRun {
  from: number;
  to: number;
  key: string;
}

/**
 * Every run of consecutive compounds, each as the normalized text of a selector on its own (the
 * last compound without trailing state pseudo-classes): `.a > .b:hover` gives `.a`, `.a > .b`
 * and `.b`, the texts an approved selector may have.
 */
function compoundRuns({ compounds, combinators }: { compounds: Selector[][]; combinators: Selector[] }): CompoundRun[] {
  const runs: CompoundRun[] = [];
  for (let j = 0; j < compounds.length; j++) {
    for (let i = j; i < compounds.length; i++) {
      const tokens: Selector[] = [];
      for (let k = j; k <= i; k++) {
        tokens.push(...(k === i ? stripState(compounds[k]!) : compounds[k]!));
        if (k < i) tokens.push(combinators[k]!);
      }
      runs.push({ from: j, to: i, key: normalizeSelector(stringify([tokens])) });
    }
  }
  return runs;
}

function splitCompounds(tokens: readonly Selector[]): { compounds: Selector[][]; combinators: Selector[] } {
  const compounds: Selector[][] = [[]];
  const combinators: Selector[] = [];
  for (const t of tokens) {
    if (isTraversal(t)) {
      combinators.push(t);
      compounds.push([]);
    } else compounds[compounds.length - 1]!.push(t);
  }
  return { compounds, combinators };
}

function stripState(compound: readonly Selector[]): Selector[] {
  const out = [...compound];
  while (out.length > 1) {
    const last = out[out.length - 1]!;
    if ((last.type === 'pseudo' || last.type === 'pseudo-element') && STATE_PSEUDOS.has(last.name)) out.pop();
    else break;
  }
  return out;
}

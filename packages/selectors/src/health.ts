/**
 * Selector health against page snapshots: does every approved selector still find an element on
 * each page type it is approved for? Run it when snapshots are refreshed (the roadmap's "selector
 * health monitoring") to learn which approvals a site redesign broke before a variation does.
 */
import type { PageSnapshot } from './snapshot.js';

export interface SelectorUnderTest {
  css: string;
  /** Page types the selector is approved on; empty means every page type with a snapshot. */
  pageTypes: readonly string[];
}

export interface SelectorHealth {
  css: string;
  pageType: string;
  /** Matches in that page type's snapshots (summed when there are several). */
  count: number;
  /** `missing`: no element matches; `no-snapshot`: nothing to check against. */
  status: 'ok' | 'missing' | 'no-snapshot';
}

/**
 * One row per (selector, page type), in input order. Selectors that do not parse count as
 * missing: they cannot match anything in a browser either.
 */
export function checkSelectorHealth(selectors: readonly SelectorUnderTest[], snapshots: readonly PageSnapshot[]): SelectorHealth[] {
  const byType = new Map<string, PageSnapshot[]>();
  for (const s of snapshots) {
    if (s.pageType === undefined) continue;
    byType.set(s.pageType, [...(byType.get(s.pageType) ?? []), s]);
  }
  const rows: SelectorHealth[] = [];
  for (const { css, pageTypes } of selectors) {
    for (const pageType of pageTypes.length > 0 ? pageTypes : [...byType.keys()]) {
      const pages = byType.get(pageType);
      if (!pages) {
        rows.push({ css, pageType, count: 0, status: 'no-snapshot' });
        continue;
      }
      const count = pages.reduce((n, p) => n + p.count(css), 0);
      rows.push({ css, pageType, count, status: count > 0 ? 'ok' : 'missing' });
    }
  }
  return rows;
}

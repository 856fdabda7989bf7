/*
 * Test: PLP-051 "Default sort: best sellers" (TypeScript, compiled by the team's build).
 * Clean: types are erased before checking, positions stay exact.
 */
interface OptimizelyUtils {
  waitForElement(selector: string): Promise<Element>;
}

declare const optimizely: { get(name: 'utils'): OptimizelyUtils; push(event: { type: string; eventName?: string }): void };

const utils: OptimizelyUtils = optimizely.get('utils');

utils.waitForElement('[data-testid="sort-select"]').then((element: Element) => {
  const select = element as HTMLSelectElement;
  if (select.value === 'best-sellers') return;
  select.value = 'best-sellers';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  optimizely.push({ type: 'event', eventName: 'plpDefaultSortApplied' });
});

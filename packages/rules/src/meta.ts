import type { RuleMeta, Severity } from './types.js';

/** Where each rule's documentation page is published (the page's source is docs/rules/<pack>/<name>.md). */
export const DOCS_BASE = 'https://brandsafe.dev/docs/rules';

/**
 * The documentation URL of a rule id (`<pack>/<rule-name>`).
 *
 * @example ruleDocsUrl('recommended/no-eval') // 'https://brandsafe.dev/docs/rules/recommended/no-eval'
 */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}`;
}

type Pack = RuleMeta['pack'];

function rule(id: string, description: string, defaultSeverity: Severity, extra: { fixable?: boolean } = {}): RuleMeta {
  const pack = id.slice(0, id.indexOf('/')) as Pack;
  return {
    id,
    pack,
    description,
    defaultSeverity,
    docsUrl: ruleDocsUrl(id),
    requiresBrand: pack === 'brand',
    fixable: extra.fixable ?? false,
  };
}

/** Every rule the checker knows, in documentation order. */
export const RULES: readonly RuleMeta[] = Object.freeze([
  rule('recommended/parse-error', 'The file must parse: a syntax error stops every other check.', 'error'),
  rule('recommended/no-eval', 'Disallow eval(), which runs strings as code on the live page.', 'error'),
  rule('recommended/no-new-function', 'Disallow the Function constructor, eval by another name.', 'error'),
  rule('recommended/no-string-timer', 'Disallow string code passed to setTimeout/setInterval (implied eval).', 'error'),
  rule('recommended/no-document-write', 'Disallow document.write/writeln, which blocks parsing or wipes a loaded page.', 'error'),
  rule('recommended/no-sync-xhr', 'Disallow synchronous XMLHttpRequest (open(..., false)), which freezes the page.', 'error'),
  rule('recommended/interval-cleared', 'Require every setInterval handle to reach clearInterval.', 'warning'),
  rule('recommended/valid-selector', 'Selectors handed to the DOM or written in CSS must be valid CSS selector syntax.', 'error'),
  rule('recommended/dynamic-selector', 'Flag selectors built at run time, which cannot be checked.', 'warning'),
  rule('recommended/brittle-selector', 'Flag selectors likely to break when the page changes (hashed classes, nth-child chains).', 'warning'),
  rule('recommended/idempotence-guard', 'Require a guard before inserting DOM, since variation code can run more than once.', 'warning'),
  rule('recommended/observer-cleanup', 'Require every MutationObserver to be disconnected.', 'warning'),
  rule('recommended/no-body-hiding', 'Disallow hiding body/html (flicker control that can blank the page).', 'error'),
  rule('recommended/no-debugger', 'Disallow debugger statements in shipped variation code.', 'error', { fixable: true }),
  rule('recommended/no-alert', 'Disallow alert/confirm/prompt, which block the page for every visitor.', 'warning'),
  rule('recommended/no-console', 'Flag console logging left in variation code.', 'warning'),
  rule('recommended/unknown-rule-in-suppression', 'Suppression comments must name rules that exist.', 'warning'),
  rule('recommended/suppression-reason', 'Suppression comments must give a reason after "--".', 'warning'),
  rule('recommended/unused-suppression', 'Flag suppression comments that suppress nothing.', 'warning'),
  rule('optimizely-web/prefer-wait-for-element', 'Use utils.waitForElement/observeSelector instead of polling for elements.', 'warning'),
  rule('optimizely-web/valid-push', 'window.optimizely.push() objects need a known `type`.', 'error'),
  rule('optimizely-web/get-utils-once', "Get window.optimizely.get('utils') once and reuse it.", 'info'),
  rule('brand/unapproved-selector', "Selectors must be among the brand's approved selectors.", 'error', { fixable: true }),
  rule('brand/deprecated-selector', 'Flag approved selectors the brand has marked deprecated.', 'warning'),
  rule('brand/forbidden-call', 'Disallow calls (and assignments) the brand forbids.', 'error'),
  rule('brand/required-wrapper', 'DOM queries must sit inside the wrapper the brand requires.', 'error', { fixable: true }),
  rule('brand/network-allowlist', 'Network requests must go to hosts the brand allows.', 'error'),
  rule('brand/size-budget', 'Variation code must fit the brand size budget.', 'error'),
]);

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Metadata of a rule id, or undefined for an unknown id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

/**
 * Rules that are always on whatever packs a brand adopts: they report problems with the input or
 * with suppression comments themselves, not code conventions.
 */
export const CORE_RULES: ReadonlySet<string> = new Set([
  'recommended/parse-error',
  'recommended/unknown-rule-in-suppression',
  'recommended/suppression-reason',
]);

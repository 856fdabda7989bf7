/**
 * @brandsafe/rules: the checker. One function, {@link check}, used by the language server, the
 * CLI, the API's approval gate and the generator alike — one truth, never two copies.
 */
export type * from './types.js';
export { check } from './check.js';
export { forgetLastParse } from './js/parse.js';
export { RULES, ruleDocsUrl, ruleMeta } from './meta.js';
export { detectLanguage } from './language.js';
export { applyFixes, preferredEdits } from './fixes.js';
export { extractSelectors } from './extract.js';
export type { SelectorApi, SelectorPart, SelectorUse } from './selectors/use.js';
export { DEFAULT_OWNED_PREFIXES } from './selectors/approval.js';
export { LineIndex } from './line-index.js';

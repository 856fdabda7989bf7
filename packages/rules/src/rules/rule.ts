import type { CheckContext } from '../context.js';
import type { ProgramFacts } from '../js/facts.js';
import type { Visitor } from '../js/walk.js';

/** What a JavaScript rule gets to build its visitor for one file. */
export interface JsRuleEnv {
  ctx: CheckContext;
  facts: ProgramFacts;
}

/**
 * A JavaScript rule: the ids it reports and a factory for its visitor. The checker only calls
 * `create` when at least one of `ids` is enabled, so switched-off rules cost nothing.
 */
export interface JsRule {
  ids: readonly string[];
  create(env: JsRuleEnv): Visitor;
}

/** Query methods that look up elements in the DOM (used to recognise polling and guards). */
export const DOM_QUERY_METHODS: ReadonlySet<string> = new Set([
  'querySelector',
  'querySelectorAll',
  'getElementById',
  'getElementsByClassName',
  'getElementsByTagName',
  'getElementsByName',
]);

import type { CheckContext } from './context.js';
import { scanCss, type HidingDeclaration, type ResourceUrl } from './css/scan.js';
import { ProgramFacts } from './js/facts.js';
import { parseJs } from './js/parse.js';
import { walk, type Visitor } from './js/walk.js';
import type { JsRule } from './rules/rule.js';
import { JsSelectorCollector } from './selectors/extract-js.js';
import type { RawSelectorUse } from './selectors/use.js';
import type { SourceComment } from './suppress.js';

export interface Analysis {
  uses: RawSelectorUse[];
  hiding: HidingDeclaration[];
  urls: ResourceUrl[];
  comments: SourceComment[];
  /** Names the file creates itself (classes, ids, data attributes). */
  owned: ReadonlySet<string>;
}

/**
 * Parses the file and walks it once: selector extraction, file facts and every enabled JavaScript
 * rule share that one walk. Returns undefined (after reporting `recommended/parse-error`) when the
 * file does not parse.
 */
export function analyse(ctx: CheckContext, rules: readonly JsRule[]): Analysis | undefined {
  const text = ctx.text;
  if (ctx.language === 'css') {
    const scan = scanCss({ text, at: (i) => i, holes: [] });
    if (scan.error) {
      ctx.report('recommended/parse-error', scan.error.start, scan.error.end, `CSS syntax error: ${scan.error.message}`);
      return undefined;
    }
    return { uses: scan.uses, hiding: scan.hiding, urls: scan.urls, comments: scan.comments, owned: new Set() };
  }
  const parsed = parseJs(text, ctx.language === 'typescript');
  if (!parsed.ok) {
    ctx.report('recommended/parse-error', parsed.error.start, parsed.error.end, `Syntax error: ${parsed.error.message}`);
    return undefined;
  }
  const facts = new ProgramFacts();
  const collector = new JsSelectorCollector(text, facts);
  const visitors: Visitor[] = [facts.visitor(), collector.visitor()];
  const env = { ctx, facts };
  for (const rule of rules) if (rule.ids.some((id) => ctx.enabled(id))) visitors.push(rule.create(env));
  try {
    walk(parsed.program, visitors);
  } catch (e) {
    // Expressions nested tens of thousands deep (generated code) exhaust the stack, as they do in
    // the parser itself: one finding, never a crash.
    if (!(e instanceof RangeError)) throw e;
    ctx.findings.length = 0;
    ctx.report('recommended/parse-error', 0, 0, 'The file nests expressions too deeply to be checked.');
    return undefined;
  }
  return { uses: collector.uses, hiding: collector.hiding, urls: collector.urls, comments: parsed.comments, owned: facts.ownedNames };
}

import { analyse } from './analyse.js';
import { CheckContext } from './context.js';
import { detectLanguage } from './language.js';
import { RULES } from './meta.js';
import { resolvePageType } from './page-type.js';
import { brandJs } from './rules/brand-js.js';
import { codeSafety } from './rules/code-safety.js';
import { lifecycle } from './rules/lifecycle.js';
import { optimizelyWeb } from './rules/optimizely.js';
import { pageSafety } from './rules/page-safety.js';
import type { JsRule } from './rules/rule.js';
import { checkResourceUrls } from './rules/network.js';
import { checkSelectorUses } from './rules/selector-rules.js';
import { checkSizeBudget } from './rules/size-budget.js';
import { applySuppressions } from './suppress.js';
import type { CheckInput, CheckOptions, CheckResult, Finding, Language, SkippedRule } from './types.js';

const JS_RULES: readonly JsRule[] = [codeSafety, lifecycle, pageSafety, optimizelyWeb, brandJs];

/** The language of an input: explicit, else from the file name, else JavaScript. */
export function languageOf(input: CheckInput): Language {
  return input.language ?? (input.filename ? detectLanguage(input.filename) : undefined) ?? 'javascript';
}

function compare(a: Finding, b: Finding): number {
  const x = a.range;
  const y = b.range;
  return (
    x.start.line - y.start.line ||
    x.start.character - y.start.character ||
    x.end.line - y.end.line ||
    x.end.character - y.end.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Rules that cannot run for this check, and why (the CLI and the language server show these). */
function skippedRules(ctx: CheckContext): SkippedRule[] {
  const brand = ctx.brand;
  const skipped: SkippedRule[] = [];
  for (const rule of RULES) {
    if (ctx.options.rules?.[rule.id] === 'off') continue;
    if (rule.requiresBrand && !brand) {
      skipped.push({ ruleId: rule.id, reason: 'No brand given: brand rules need a brand graph (.brandsafe/brand.ttl or --brand).' });
    } else if (brand && !ctx.enabled(rule.id)) {
      skipped.push({ ruleId: rule.id, reason: `Brand "${brand.name}" does not adopt the ${rule.pack} rule pack.` });
    } else if (brand && rule.requiresBrand) {
      const kind = rule.id.slice('brand/'.length);
      if (['forbidden-call', 'required-wrapper', 'network-allowlist', 'size-budget'].includes(kind) && !brand.rules.some((r) => r.kind === kind)) {
        skipped.push({ ruleId: rule.id, reason: `Brand "${brand.name}" declares no ${kind} rule.` });
      }
    }
  }
  return skipped;
}

/**
 * Checks one file — JavaScript (ES2024 script or module), TypeScript (type-stripped) or CSS —
 * against the built-in rule packs and, when `options.brand` is given, the brand's rules. The
 * language server, the CLI, the API's approval gate and the generator all call this one function.
 *
 * The page type comes from `options.pageType`, else from a `// brandsafe-page: <id>` comment
 * in the file (see docs/rules/brand/unapproved-selector.md).
 *
 * Never throws on bad input: a file that does not parse gives exactly one
 * `recommended/parse-error` finding at the fault. Findings are sorted by position and are
 * deterministic for the same input and options.
 *
 * @example
 * const { findings } = check({ text: "eval('1')", filename: 'v.js' });
 * findings[0].ruleId; // 'recommended/no-eval'
 */
export function check(input: CheckInput, options: CheckOptions = {}): CheckResult {
  const ctx = new CheckContext(input.text, languageOf(input), options);
  if (input.text.slice(0, 8000).includes('\u0000')) {
    ctx.report('recommended/parse-error', 0, 0, 'This looks like a binary file (it contains NUL characters); it was not checked.');
    return { findings: ctx.findings, skipped: [] };
  }
  const analysis = analyse(ctx, JS_RULES);
  if (analysis) {
    ctx.pageType = resolvePageType(ctx, analysis.comments);
    for (const h of analysis.hiding) {
      ctx.report('recommended/no-body-hiding', h.start, h.end, `"${h.declaration}" on ${h.target} hides the whole page; if the code that shows it again fails, visitors see a blank page. Hide only the elements the variation changes.`);
    }
    checkSelectorUses(ctx, analysis.uses, analysis.owned);
    checkResourceUrls(ctx, analysis.urls);
    checkSizeBudget(ctx);
    applySuppressions(ctx, analysis.comments);
  }
  return { findings: ctx.findings.sort(compare), skipped: analysis ? skippedRules(ctx) : [] };
}

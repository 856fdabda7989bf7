import type { Brand } from '@brandsafe/brand-kit';
import { LineIndex } from './line-index.js';
import { CORE_RULES, ruleMeta } from './meta.js';
import type { CheckOptions, Finding, Fix, Language, Severity } from './types.js';

/** A fix expressed in offsets; the context converts it to LSP ranges. */
export interface OffsetFix {
  title: string;
  edits: Array<{ start: number; end: number; newText: string }>;
  preferred?: boolean;
}

export interface ReportExtra {
  fixes?: OffsetFix[];
  /** Severity declared by the brand graph (brand rules); options.rules still wins over it. */
  severity?: Severity;
  docsUrl?: string;
  /** Id of the brand graph's code rule that produced the finding. */
  brandRule?: string;
}

/**
 * What every rule sees while one file is checked: the text, lazy positions, the options, and
 * `report()`. Severity is resolved here, once, in this order: `options.rules` override, the brand
 * graph's severity for brand rules, the rule's default. Rules whose pack the brand does not adopt
 * are off (ESLint-like: an explicit `options.rules` setting turns a rule on again).
 */
export class CheckContext {
  readonly findings: Finding[] = [];
  readonly index: LineIndex;
  private readonly settings = new Map<string, Severity | undefined>();
  /**
   * The page type approved selectors are narrowed to: `options.pageType`, else the file's
   * `brandsafe-page` comment (set by check() once the comments are known).
   */
  pageType: string | undefined;

  constructor(
    readonly text: string,
    readonly language: Language,
    readonly options: CheckOptions,
  ) {
    this.index = new LineIndex(text);
    this.pageType = options.pageType;
  }

  get brand(): Brand | undefined {
    return this.options.brand;
  }

  /** The severity a rule runs at, or undefined when it is off. */
  severity(ruleId: string): Severity | undefined {
    if (this.settings.has(ruleId)) return this.settings.get(ruleId);
    const result = this.resolve(ruleId);
    this.settings.set(ruleId, result);
    return result;
  }

  enabled(ruleId: string): boolean {
    return this.severity(ruleId) !== undefined;
  }

  private resolve(ruleId: string): Severity | undefined {
    const override = this.options.rules?.[ruleId];
    if (override === 'off') return undefined;
    const meta = ruleMeta(ruleId);
    if (!meta) return override;
    if (meta.requiresBrand && !this.brand) return undefined;
    if (override) return override;
    const brand = this.brand;
    if (brand && meta.pack !== 'brand' && !CORE_RULES.has(ruleId) && !brand.rulePacks.includes(meta.pack)) return undefined;
    return meta.defaultSeverity;
  }

  /** Records a finding for [start, end) unless the rule is off. */
  report(ruleId: string, start: number, end: number, message: string, extra: ReportExtra = {}): void {
    let severity = this.severity(ruleId);
    if (severity === undefined) return;
    if (extra.severity && !this.options.rules?.[ruleId]) severity = extra.severity;
    const finding: Finding = {
      ruleId,
      severity,
      message,
      range: this.index.range(start, Math.max(start, end)),
      docsUrl: extra.docsUrl ?? ruleMeta(ruleId)?.docsUrl,
    };
    if (extra.brandRule) finding.brandRule = extra.brandRule;
    if (extra.fixes && extra.fixes.length > 0) finding.fixes = extra.fixes.map((f) => this.toFix(f));
    this.findings.push(finding);
  }

  private toFix(f: OffsetFix): Fix {
    const fix: Fix = {
      title: f.title,
      edits: f.edits.map((e) => ({ range: this.index.range(e.start, e.end), newText: e.newText })),
    };
    if (f.preferred) fix.preferred = true;
    return fix;
  }
}

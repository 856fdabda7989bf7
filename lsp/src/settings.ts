/**
 * The `brandsafe.*` settings, pulled per document with `workspace/configuration` (scopeUri), parsed
 * at the edge and merged over defaults (the vscode-eslint habit), so the rest of the server only
 * ever sees a complete, typed {@link Settings}.
 */
import type { RuleSetting } from '@brandsafe/rules';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  /** Turn checking off for a folder or a document without uninstalling. */
  enable: boolean;
  /** Path to the brand's Turtle file (absolute, or relative to the workspace folder); null = discover. */
  brand: string | null;
  /** Severity overrides keyed by rule id, e.g. `{ "recommended/no-eval": "off" }`. */
  rules: Record<string, RuleSetting>;
  /** Check while typing or only when the document is saved. */
  run: RunMode;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  brand: null,
  rules: {},
  run: 'onType',
});

const RULE_SETTINGS: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds settings from whatever the client sent (`null`, a partial object, wrong types), keeping
 * the default for every field that is missing or invalid. Never throws.
 */
export function settingsFrom(value: unknown, base: Readonly<Settings> = DEFAULT_SETTINGS): Settings {
  const out: Settings = { ...base, rules: { ...base.rules } };
  if (!isRecord(value)) return out;
  if (typeof value.enable === 'boolean') out.enable = value.enable;
  if (typeof value.brand === 'string') out.brand = value.brand.trim() === '' ? null : value.brand.trim();
  if (value.run === 'onType' || value.run === 'onSave') out.run = value.run;
  if (isRecord(value.rules)) {
    for (const [id, setting] of Object.entries(value.rules)) {
      if (typeof setting === 'string' && RULE_SETTINGS.has(setting)) out.rules[id] = setting as RuleSetting;
    }
  }
  return out;
}

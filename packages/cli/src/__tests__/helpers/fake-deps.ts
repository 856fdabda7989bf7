import type { Brand, BrandProblem } from '@brandsafe/brand-kit';
import { applyFixes, preferredEdits, type CheckInput, type CheckOptions, type CheckResult, type Finding, type RuleMeta } from '@brandsafe/rules';
import type { BrandLoad, CliDeps } from '../../deps.js';

/**
 * A stand-in checker with the real one's contract, so the CLI's own behaviour (files, brands, exit
 * codes, formats) is tested on its own: `eval(` is an error, `TODO` a warning, `hint` an info,
 * and with a brand every `.unapproved` is an error carrying the brand's id in its message.
 */
export const FAKE_RULES: RuleMeta[] = [
  { id: 'recommended/no-eval', pack: 'recommended', description: 'Disallow eval().', defaultSeverity: 'error', docsUrl: 'https://example.test/rules/no-eval', requiresBrand: false, fixable: true },
  { id: 'recommended/no-todo', pack: 'recommended', description: 'Flag TODO markers.', defaultSeverity: 'warning', docsUrl: 'https://example.test/rules/no-todo', requiresBrand: false, fixable: false },
  { id: 'recommended/hint', pack: 'recommended', description: 'An informational hint.', defaultSeverity: 'info', docsUrl: 'https://example.test/rules/hint', requiresBrand: false, fixable: false },
  { id: 'brand/unapproved-selector', pack: 'brand', description: 'Use only approved selectors.', defaultSeverity: 'error', docsUrl: 'https://example.test/rules/unapproved-selector', requiresBrand: true, fixable: true },
];

function findAll(text: string, needle: string): { line: number; character: number }[] {
  const out: { line: number; character: number }[] = [];
  text.split('\n').forEach((line, i) => {
    for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) out.push({ line: i, character: at });
  });
  return out;
}

export function fakeCheck(input: CheckInput, options: CheckOptions): CheckResult {
  const findings: Finding[] = [];
  const setting = (id: string, dflt: Finding['severity']) => options.rules?.[id] ?? dflt;
  const add = (id: string, needle: string, severity: Finding['severity'] | 'off', message: string, fixText?: string) => {
    if (severity === 'off') return;
    for (const start of findAll(input.text, needle)) {
      const range = { start, end: { line: start.line, character: start.character + needle.length } };
      findings.push({
        ruleId: id,
        severity,
        message,
        range,
        docsUrl: FAKE_RULES.find((r) => r.id === id)?.docsUrl,
        ...(fixText !== undefined ? { fixes: [{ title: `Replace with ${fixText}`, edits: [{ range, newText: fixText }], preferred: true }] } : {}),
      });
    }
  };
  add('recommended/no-eval', 'eval(', setting('recommended/no-eval', 'error'), 'eval() runs arbitrary code.', 'JSON.parse(');
  add('recommended/no-todo', 'TODO', setting('recommended/no-todo', 'warning'), 'Unfinished TODO.');
  add('recommended/hint', 'hint', setting('recommended/hint', 'info'), 'A hint.');
  const skipped = [];
  if (options.brand) {
    add('brand/unapproved-selector', '.unapproved', setting('brand/unapproved-selector', 'error'), `Selector not approved by ${options.brand.id}.`, '.approved');
  } else {
    skipped.push({ ruleId: 'brand/unapproved-selector', reason: 'no brand graph (.brandsafe/brand.ttl) was found' });
  }
  return { findings, skipped };
}

function brand(id: string): Brand {
  return { iri: `urn:brand:${id}`, id, name: id, domains: [], pageTypes: [], selectors: [], rules: [], templates: [], rulePacks: [] };
}

/**
 * A stand-in brand loader: the text `brand <id>` is a brand, `syntax-error` at line 3 col 5 is a
 * Turtle error, `shacl` adds one SHACL violation alongside the brand.
 */
export function fakeLoadBrand(text: string): BrandLoad {
  const at = { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } };
  if (text.includes('syntax-error')) {
    return { problems: [{ kind: 'turtle-syntax', severity: 'error', message: 'Unexpected "."', range: at }] };
  }
  const problems: BrandProblem[] = text.includes('shacl')
    ? [{ kind: 'shacl', severity: 'error', message: 'Less than 1 values on bs:css', range: at, constraint: 'http://www.w3.org/ns/shacl#MinCountConstraintComponent' }]
    : [];
  const id = /brand (\S+)/.exec(text)?.[1];
  return id ? { brand: brand(id), problems } : { problems };
}

export const fakeDeps: CliDeps & { brandLoads: number } = {
  brandLoads: 0,
  // applyFixes/preferredEdits are the real, pure text-edit helpers.
  rules: async () => ({ check: fakeCheck, RULES: FAKE_RULES, applyFixes, preferredEdits }),
  brandKit: async () => ({
    loadBrand: (text: string) => {
      fakeDeps.brandLoads++;
      return fakeLoadBrand(text);
    },
  }),
};

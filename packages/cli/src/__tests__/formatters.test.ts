import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Finding } from '@brandsafe/rules';
import { formatJson, toEslintResults } from '../formatters/json.js';
import { artifactLocation, toSarifLog } from '../formatters/sarif.js';
import { formatStylish } from '../formatters/stylish.js';
import type { RunReport } from '../report.js';
import { FAKE_RULES } from './helpers/fake-deps.js';
import { validateSarif } from './helpers/sarif-schema.js';

const ESC = '\u001b';

const cwd = join('/', 'work', 'repo');
const source = 'const a = 1;\r\nif (x) eval("go");\n  // TODO\n';
const evalFinding: Finding = {
  ruleId: 'recommended/no-eval',
  severity: 'error',
  message: 'eval() runs arbitrary code.',
  range: { start: { line: 1, character: 7 }, end: { line: 1, character: 17 } },
  docsUrl: 'https://example.test/rules/no-eval',
  fixes: [
    { title: 'Use JSON.parse', preferred: true, edits: [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 11 } }, newText: 'JSON.parse' }] },
    {
      title: 'Remove the call',
      edits: [
        { range: { start: { line: 1, character: 7 }, end: { line: 1, character: 12 } }, newText: '' },
        { range: { start: { line: 1, character: 16 }, end: { line: 1, character: 17 } }, newText: '' },
      ],
    },
  ],
};
const todo: Finding = {
  ruleId: 'recommended/no-todo',
  severity: 'warning',
  message: 'Unfinished TODO.',
  range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } },
};
const brandOnly: Finding = {
  ruleId: 'brand/no-cookies',
  severity: 'info',
  message: 'Cookies need consent.',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
  docsUrl: 'https://example.test/brand/no-cookies',
};

function report(): RunReport {
  return {
    cwd,
    files: [
      { filePath: join(cwd, 'src', 'a b.js'), findings: [todo, evalFinding, brandOnly], source },
      { filePath: join(cwd, 'clean.css'), findings: [], source: '' },
    ],
    notes: [
      { kind: 'skipped-file', level: 'note', filePath: join(cwd, 'big.js'), message: 'skipped: binary file' },
      { kind: 'skipped-rules', level: 'note', message: 'skipped 1 rule in 2 files: brand/unapproved-selector — no brand' },
    ],
    rules: FAKE_RULES,
    toolVersion: '1.2.3',
  };
}

describe('json formatter', () => {
  it('has the shape of ESLint\'s JSON formatter with 1-based lines and columns', () => {
    const [a, clean] = toEslintResults(report());
    assert.deepEqual(Object.keys(a!), [
      'filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount',
      'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules',
    ]);
    assert.equal(a!.filePath, join(cwd, 'src', 'a b.js'));
    assert.deepEqual(a!.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn]), [
      ['brand/no-cookies', 1, 1, 1, 1, 6],
      ['recommended/no-eval', 2, 2, 8, 2, 18],
      ['recommended/no-todo', 1, 3, 6, 3, 10],
    ]);
    assert.deepEqual(
      { e: a!.errorCount, w: a!.warningCount, fe: a!.fixableErrorCount, fw: a!.fixableWarningCount },
      { e: 1, w: 2, fe: 1, fw: 0 },
    );
    assert.deepEqual(clean!.messages, []);
    assert.equal(clean!.errorCount, 0);
  });

  it('gives the preferred fix as ESLint\'s fix and the others as suggestions, as string offsets', () => {
    const msg = toEslintResults(report())[0]!.messages[1]!;
    // line 1 starts after "const a = 1;\r\n" (14 code units)
    assert.deepEqual(msg.fix, { range: [21, 25], text: 'JSON.parse' });
    assert.deepEqual(msg.suggestions, [{ desc: 'Remove the call', fix: { range: [21, 31], text: '"go"' } }]);
    const fixed = source.slice(0, 21) + msg.fix!.text + source.slice(25);
    assert.match(fixed, /if \(x\) JSON.parse\("go"\);/);
  });

  it('prints one line of JSON, as ESLint does', () => {
    const text = formatJson(report());
    assert.equal(text.trimEnd().split('\n').length, 1);
    assert.equal((JSON.parse(text) as unknown[]).length, 2);
  });
});

describe('stylish formatter', () => {
  it('prints aligned rows per file, relative paths and the ESLint summary', () => {
    const text = formatStylish(report(), { color: false });
    assert.equal(
      text,
      [
        '',
        'src/a b.js',
        '  1:1  info     Cookies need consent        brand/no-cookies',
        '  2:8  error    eval() runs arbitrary code  recommended/no-eval',
        '  3:6  warning  Unfinished TODO             recommended/no-todo',
        '',
        '✖ 3 problems (1 error, 2 warnings)',
        '  1 error and 0 warnings potentially fixable with the `--fix` option.',
        '',
        'brandsafe note: big.js: skipped: binary file',
        'brandsafe note: skipped 1 rule in 2 files: brand/unapproved-selector — no brand',
        '',
      ].join('\n'),
    );
  });

  it('uses ANSI colours only when asked', () => {
    assert.ok(formatStylish(report(), { color: true }).includes(`${ESC}[31merror`));
    assert.ok(!formatStylish(report(), { color: false }).includes(ESC));
  });
});

describe('sarif formatter', () => {
  it('produces a log valid against the official SARIF 2.1.0 schema', () => {
    const { valid, errors } = validateSarif(toSarifLog(report()));
    assert.ok(valid, errors);
  });

  it('lists every rule with descriptions, help URI and default level, and indexes results into it', () => {
    const run = toSarifLog(report()).runs[0]!;
    const rules = run.tool.driver.rules!;
    assert.deepEqual(rules.slice(0, 4).map((r) => [r.id, r.helpUri, r.defaultConfiguration?.level]), [
      ['recommended/no-eval', 'https://example.test/rules/no-eval', 'error'],
      ['recommended/no-todo', 'https://example.test/rules/no-todo', 'warning'],
      ['recommended/hint', 'https://example.test/rules/hint', 'note'],
      ['brand/unapproved-selector', 'https://example.test/rules/unapproved-selector', 'error'],
    ]);
    assert.equal(rules[0]!.shortDescription!.text, 'Disallow eval().');
    assert.equal(rules[0]!.name, 'NoEval');
    assert.match(rules[0]!.fullDescription!.text, /Rule pack: recommended\. Needs no brand graph\. Has a quick fix\./);
    for (const result of run.results!) assert.equal(rules[result.ruleIndex!]!.id, result.ruleId);
    assert.equal(rules[run.results![0]!.ruleIndex!]!.helpUri, 'https://example.test/brand/no-cookies');
  });

  it('locates results relative to SRCROOT with 1-based regions', () => {
    const run = toSarifLog(report()).runs[0]!;
    assert.equal(run.originalUriBaseIds!.SRCROOT!.uri, 'file:///work/repo/');
    const evalResult = run.results!.find((r) => r.ruleId === 'recommended/no-eval')!;
    assert.equal(evalResult.level, 'error');
    assert.deepEqual(evalResult.locations![0]!.physicalLocation, {
      artifactLocation: { uri: 'src/a%20b.js', uriBaseId: 'SRCROOT' },
      region: { startLine: 2, startColumn: 8, endLine: 2, endColumn: 18, snippet: { text: 'eval("go")' } },
      contextRegion: { startLine: 1, endLine: 3, snippet: { text: source } },
    });
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('uses an absolute file URI for a file outside the working directory', () => {
    assert.deepEqual(artifactLocation(cwd, join('/', 'elsewhere', 'x.js')), { uri: 'file:///elsewhere/x.js' });
  });

  it('reports skipped files and rules as invocation notifications', () => {
    const invocation = toSarifLog(report()).runs[0]!.invocations![0]!;
    assert.equal(invocation.executionSuccessful, true);
    assert.equal(invocation.toolExecutionNotifications![0]!.message.text, 'skipped: binary file');
    assert.match(invocation.toolConfigurationNotifications![0]!.message.text!, /brand\/unapproved-selector/);
  });

  it('is rejected by the schema when a required part is missing (the validator is live)', () => {
    const log = toSarifLog(report()) as unknown as { runs: { tool?: unknown }[] };
    delete log.runs[0]!.tool;
    assert.equal(validateSarif(log).valid, false);
  });
});

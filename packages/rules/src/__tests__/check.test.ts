import assert from 'node:assert/strict';
import { RULES, applyFixes, check, detectLanguage, preferredEdits, ruleDocsUrl } from '../index.js';
import { ids } from './helpers.js';

describe('check', () => {
  it('gives exactly one parse-error finding at the syntax error and does not throw', () => {
    const { findings, skipped } = check({ text: "eval('a');\nconst x = ;", filename: 'v.js' });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start]), [['recommended/parse-error', { line: 1, character: 10 }]]);
    assert.deepEqual(skipped, []);
  });

  it('parses modules when script parsing fails, and reports the further error when both fail', () => {
    assert.deepEqual(ids("import x from 'y';\neval(x);"), ['recommended/no-eval@2:1']);
    assert.deepEqual(ids('await go();\neval(x);'), ['recommended/no-eval@2:1']);
    const [f] = check({ text: "import x from 'y';\nlet = = 1;", filename: 'v.js' }).findings;
    assert.equal(f?.range.start.line, 1);
  });

  it('reports CSS syntax errors as parse errors', () => {
    const [f] = check({ text: '.a { color: red', filename: 'x.css' }).findings;
    assert.equal(f?.ruleId, 'recommended/parse-error');
  });

  it('checks TypeScript by erasing types, keeping positions', () => {
    assert.deepEqual(ids("const sel: string = '.a';\nfunction f<T>(x: T): T { return eval(x as string) as T; }", {}, 'v.ts'), ['recommended/no-eval@2:33']);
    const [f] = check({ text: 'let a = 1;\nenum E { A }', filename: 'v.ts' }).findings;
    assert.equal(f?.ruleId, 'recommended/parse-error');
    assert.match(f!.message, /enum/);
    assert.equal(f!.range.start.line, 1);
  });

  it('reports extremely deep nesting as one finding instead of overflowing the stack', () => {
    const chain = "document.querySelector('.a' + " + "'b' + ".repeat(20000) + "'c');";
    assert.deepEqual(ids(chain), ['recommended/parse-error@1:1']);
    const calls = 'f('.repeat(20000) + ')'.repeat(20000) + ';';
    assert.deepEqual(check({ text: calls, filename: 'v.js' }).findings.map((f) => f.ruleId), ['recommended/parse-error']);
  });

  it('treats binary input as one parse error', () => {
    assert.deepEqual(ids('\u0000\u0001ELF'), ['recommended/parse-error@1:1']);
  });

  it('applies severity overrides and off', () => {
    const text = "eval('a'); alert(1);";
    const { findings } = check({ text, filename: 'v.js' }, { rules: { 'recommended/no-eval': 'warning', 'recommended/no-alert': 'off' } });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]), [['recommended/no-eval', 'warning']]);
  });

  it('sorts findings by position and is deterministic', () => {
    const text = "alert(1);\neval('a'); document.write('x');\nsetTimeout('x()', 1);";
    const a = check({ text, filename: 'v.js' });
    const b = check({ text, filename: 'v.js' });
    assert.deepEqual(a, b);
    const starts = a.findings.map((f) => f.range.start.line * 1000 + f.range.start.character);
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
  });

  it('counts positions in UTF-16 code units across CRLF line ends', () => {
    assert.deepEqual(ids("var s = '😀';\r\n  eval('a');"), ['recommended/no-eval@2:3']);
    assert.deepEqual(ids("var s = '😀'; eval('a');"), ['recommended/no-eval@1:15']);
  });
});

describe('RULES and helpers', () => {
  it('gives every rule a docs URL under its pack', () => {
    for (const r of RULES) {
      assert.equal(r.docsUrl, ruleDocsUrl(r.id));
      assert.ok(r.id.startsWith(`${r.pack}/`), r.id);
      assert.equal(r.requiresBrand, r.pack === 'brand');
    }
  });

  it('detects languages from file names', () => {
    assert.deepEqual(['a.js', 'b.MJS', 'c.ts', 'd.css', 'e.html', 'noext'].map(detectLanguage), ['javascript', 'javascript', 'typescript', 'css', undefined, undefined]);
  });

  it('applies preferred fixes and skips overlapping edits', () => {
    const text = 'a();\ndebugger;\nb();\ndebugger;';
    const edits = preferredEdits(check({ text, filename: 'v.js' }).findings);
    assert.equal(applyFixes(text, edits).text, 'a();\n\nb();\n');
    const r = range(0, 0, 0, 3);
    const out = applyFixes('abcdef', [{ range: r, newText: 'X' }, { range: range(0, 1, 0, 2), newText: 'Y' }]);
    assert.deepEqual([out.text, out.skipped.length], ['Xdef', 1]);
  });
});

function range(sl: number, sc: number, el: number, ec: number) {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

import assert from 'node:assert/strict';
import { covered, ids, only } from './helpers.js';

describe('recommended code-safety rules', () => {
  it('reports eval however it is reached', () => {
    const text = "eval('a');\nwindow.eval('b');\n(0, eval)('c');\nglobalThis['eval']('d');";
    assert.deepEqual(ids(text), ['recommended/no-eval@1:1', 'recommended/no-eval@2:1', 'recommended/no-eval@3:2', 'recommended/no-eval@4:1']);
  });

  it('does not report methods that are merely named eval', () => {
    assert.deepEqual(ids('const r = engine.eval(x);'), []);
  });

  it('reports the Function constructor with and without new', () => {
    assert.deepEqual(ids("new Function('return 1');\nFunction('a', 'return a');"), ['recommended/no-new-function@1:5', 'recommended/no-new-function@2:1']);
  });

  it('reports string code passed to timers at the string', () => {
    const text = "setTimeout('show()', 10);\nwindow.setInterval(`tick(${n})`, 5);\nsetTimeout(show, 10);";
    const found = only('recommended/no-string-timer', text);
    assert.deepEqual(found.map((f) => covered(text, f)), ["'show()'", '`tick(${n})`']);
  });

  it('reports document.write and writeln', () => {
    assert.deepEqual(ids("document.write('<b>');\nwindow.document.writeln('x');"), ['recommended/no-document-write@1:1', 'recommended/no-document-write@2:1']);
  });

  it('reports synchronous XMLHttpRequest at the false argument', () => {
    const text = "const x = new XMLHttpRequest();\nx.open('GET', '/api/stock', false);\nx.open('GET', '/api/stock', true);";
    const found = only('recommended/no-sync-xhr', text);
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]!), 'false');
    assert.equal(found[0]!.range.start.line, 1);
  });

  it('reports debugger with a preferred fix that removes it', () => {
    const [f] = only('recommended/no-debugger', 'if (a) {\n  debugger;\n}');
    assert.ok(f);
    assert.equal(f.fixes?.[0]?.preferred, true);
    assert.deepEqual(f.fixes?.[0]?.edits, [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 11 } }, newText: '' }]);
  });

  it('reports alert and console logging as warnings', () => {
    const found = only('recommended/no-alert', "alert('hi'); confirm('sure?');").concat(only('recommended/no-console', "console.log('debug')"));
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning', 'warning']);
  });

  it('carries the docs link of each rule', () => {
    const [f] = only('recommended/no-eval', "eval('1')");
    assert.equal(f?.docsUrl, 'https://brandsafe.dev/docs/rules/recommended/no-eval');
  });
});

import assert from 'node:assert/strict';
import { check } from '../index.js';
import { covered, ids } from './helpers.js';

describe('inline suppressions', () => {
  it('disable-next-line suppresses the named rules on the next line only', () => {
    const text = "// brandsafe-disable-next-line recommended/no-eval, recommended/no-alert -- legacy vendor tag\neval('a'); alert(1);\neval('b');";
    assert.deepEqual(ids(text), ['recommended/no-eval@3:1']);
  });

  it('disable-line suppresses on its own line', () => {
    assert.deepEqual(ids("eval('a'); // brandsafe-disable-line recommended/no-eval -- sandboxed"), []);
  });

  it('block comments disable until enabled again, or to the end of the file', () => {
    const text = "/* brandsafe-disable recommended/no-eval -- generated */\neval('a');\n/* brandsafe-enable recommended/no-eval */\neval('b');\n/* brandsafe-disable -- vendored below */\nalert(1);";
    assert.deepEqual(ids(text), ['recommended/no-eval@4:1']);
  });

  it('works with CSS comments', () => {
    const css = '/* brandsafe-disable-next-line recommended/no-body-hiding -- pre-render only */\nbody { opacity: 0 }\nhtml { opacity: 0 }';
    assert.deepEqual(check({ text: css, filename: 'a.css' }).findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`), ['recommended/no-body-hiding@3']);
  });

  it('reports unknown rule ids at the id and still applies the known ones', () => {
    const text = "// brandsafe-disable-next-line recommended/no-evl, recommended/no-alert -- typo\nalert(1);";
    const found = check({ text, filename: 'v.js' }).findings;
    assert.deepEqual(found.map((f) => f.ruleId), ['recommended/unknown-rule-in-suppression']);
    assert.equal(covered(text, found[0]!), 'recommended/no-evl');
  });

  it('warns when a suppression has no reason, and still suppresses', () => {
    const found = check({ text: "// brandsafe-disable-next-line recommended/no-eval\neval('a');", filename: 'v.js' }).findings;
    assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['recommended/suppression-reason', 'warning']]);
  });

  it('reports suppressions that suppress nothing, unless a rule they name is off', () => {
    const text = "// brandsafe-disable-next-line recommended/no-eval -- old vendor code\nrender();\n/* brandsafe-disable recommended/no-alert -- legacy */\nrender();";
    assert.deepEqual(ids(text), ['recommended/unused-suppression@1:1', 'recommended/unused-suppression@3:1']);
    assert.deepEqual(check({ text, filename: 'v.js' }, { rules: { 'recommended/no-eval': 'off', 'recommended/no-alert': 'off' } }).findings, []);
  });

  it('ignores directive-like text inside strings', () => {
    assert.deepEqual(ids("var s = '// brandsafe-disable-next-line recommended/no-eval -- x';\neval('a');"), ['recommended/no-eval@2:1']);
  });
});

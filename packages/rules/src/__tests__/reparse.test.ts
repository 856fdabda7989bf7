import assert from 'node:assert/strict';
import type { ESTree } from 'meriyah';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../check.js';
import { forgetLastParse, parseCounts, parseJs, type JsParse } from '../js/parse.js';
import { commonPrefix, commonSuffix } from '../js/reparse.js';
import { testBrand } from './__fixtures__/brand.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** Syntax that the incremental parse must get exactly right: every kind of statement boundary. */
const SYNTAX = `'use strict';
// a line comment
/* a block
   comment */
label: for (let i = 0; i < 3; i++) { if (i) continue label; else break label; }
var a = 1, b = a
;(function () { return new.target })()
const t = \`x\${a}y\${\`nested \${b}\`}z\`
if (a) b = 2
else if (b) a = 3
else { a = 4 }
try { a() } catch { b() } finally { a = b }
do a++; while (a < 10)
switch (a) { case 1: b = 2; break; default: b = 3 }
class K { #p = 1; static { this.s = 2 } get g() { return this.#p } static async *gen() { yield await 1 } }
async function f(x = /re[/]g/gi, ...rest) { return x?.y ?? rest[0] }
const o = { a, b: 2, [a + b]: 3, m() {}, get v() { return 1 }, ...rest }
a = b
/ 2 / 3
x = y
(z)
let \\u0061bc = 1n + 2n
function g() {}
\`tagged\`
;[1, 2].forEach((v) => v)
`;

/** Function bodies of every kind: where an edit inside them may or may not be reparsed alone. */
const FUNCTIONS = `(function () {
  'use strict';
  var a = 1;
  function inner() { return a; }
  const arrow = () => { return new.target; };
  class C extends Object { m() { return super.toString(); } #p = 1; static { this.q = 2; } }
  async function af() { await a; const g = function () { return 1; }; }
  function* gen() { yield a; function plain() { var yield_ = 1; return yield_; } }
  label: for (;;) { break label; }
  if (a) { a++ } else { a-- }
})();
function sloppy() {
  var yield = 1, await = 2;
  with (Math) { a = PI }
  return function () { 'use strict'; return 0o10 === 8 ? 1 : 2 }
}
const f2 = () => {
  let x = 1
  x
  ++x
  return x
};
obj = { method() { return super.x }, get g() { return 2 }, set s(v) {} };
class F { x = () => { return 1 }; y = function () { return arguments.length }; static z = function () { return new.target } }
const h = () => { return function () { return new.target } }
`;

const MODULE = `import def, * as ns from './a.js';
import { x as y } from './b.js';
export const one = 1;
export * as all from './c.js';
export default function () { return import.meta.url }
export { y };
`;

function corpus(): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [
    { name: 'syntax', text: SYNTAX },
    { name: 'module', text: MODULE },
    { name: 'hashbang', text: '#!/usr/bin/env node\nvar a = 1;\n<!-- html comment\na = 2; --> not at line start\n' },
    { name: 'no-semicolons', text: 'var a = 1\nvar b = a\n(function () {})\n[1].map(String)\n`t`\n+a\n' },
    { name: 'functions', text: FUNCTIONS },
    { name: 'syntax in a function', text: `(function () {\n${SYNTAX.replace("'use strict';\n", '')}})();\n` },
  ];
  for (const dir of ['examples/northwind/variations', 'lsp/src/__tests__/__fixtures__/workspace/variations', 'packages/cli/src/__tests__/__fixtures__/workspace/variations']) {
    for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.js')).sort()) {
      const text = readFileSync(join(root, dir, f), 'utf8');
      files.push({ name: f, text }, { name: `${f} in a function`, text: `(function () {\n${text}})();\n` });
    }
  }
  return files;
}

/** A deterministic PRNG (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['x', 'x', 'x', ' ', '\n', ';', ';\n', '{', '}', '(', ')', "'", '"', '`', '/', '*', '//', '/*', '*/', '.', ',', '=', '-->', '<!--', 'if (a) b\n', 'else c;', '\'use strict\';', 'export { a };', '$', '\\', '[', ']', 'a = b\n', '(c)', 'label: ', 'function h() {}\n', '1', '#!', '0', 'with (a) {}\n', '\\u0061', 'await ', 'yield ', 'let ', 'async ', '=>', '?.', '#', '\u2028', 'else', '/x/g', '"use strict";\n', 'import x from "y";\n', 'arguments', 'new.target', 'super.x', 'this'];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const op = next();
  if (op < 0.45) return text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)]! + text.slice(at);
  if (op < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
  return text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)]! + text.slice(at + 1);
}

function json(parse: JsParse): string {
  return JSON.stringify(parse, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value instanceof RegExp ? `/${value.source}/${value.flags}` : value));
}

describe('incremental parsing (js/reparse.ts)', () => {
  it('finds the common prefix and suffix of two texts', () => {
    assert.equal(commonPrefix('abcdef', 'abcxef'), 3);
    assert.equal(commonSuffix('abcdef', 'abcxef', 3), 2);
    assert.equal(commonPrefix('', 'a'), 0);
    assert.equal(commonPrefix('aaaa', 'aaaa'), 4);
    // The suffix never overlaps the prefix: "aa" → "aaa" is an insertion at 2.
    assert.equal(commonSuffix('aa', 'aaa', 2 - commonPrefix('aa', 'aaa')), 0);
  });

  it('gives exactly the tree, comments and errors of a full parse, over thousands of random edits', function () {
    this.timeout(60_000);
    const before = { ...parseCounts };
    let compared = 0;
    let parsed = 0;
    for (const [k, file] of corpus().entries()) {
      for (let round = 0; round < 6; round++) {
        const seed = 1000 * k + round;
        const next = random(seed);
        let text = file.text;
        let good = text;
        parseJs(text, false);
        for (let edit = 0; edit < 40; edit++) {
          text = mutate(text, next);
          const incremental = parseJs(text, false);
          const full = parseJs(text, false, false);
          assert.equal(json(incremental), json(full), `${file.name}, seed ${seed}, edit ${edit}: the incremental parse differs from a full parse of:\n${text}`);
          compared++;
          // Like a person fixing what they broke: the next edit starts from the last text that parsed.
          if (full.ok) {
            parsed++;
            good = text;
          } else text = good;
        }
      }
    }
    const incremental = parseCounts.incremental - before.incremental;
    // Most random edits break the syntax. Of those that parse, the shortcut must be taken often,
    // or this test would prove nothing about it.
    assert.ok(parsed > 500, `only ${parsed} of ${compared} edited texts parse`);
    assert.ok(incremental > parsed / 3, `only ${incremental} of the ${parsed} texts that parse were parsed incrementally`);
  });

  it('follows typing through a syntax error and back, and comments, strings and names', () => {
    const text = readFileSync(join(root, 'examples/northwind/variations/pdp-free-shipping-badge.js'), 'utf8');
    const steps = [text, text.replace("'.pdp__price'", "'.pdp__price("), text.replace("'.pdp__price'", "'.pdp__price2'"), text.replace('Variation B', 'Variation C'), text.replace('var utils', 'var utilz'), text];
    parseJs(steps[0]!, false);
    const before = parseCounts.incremental;
    for (const step of steps.slice(1)) assert.equal(json(parseJs(step, false)), json(parseJs(step, false, false)));
    // One statement (the IIFE) holds all the code, so only the comment edit is a partial reparse;
    // the others reparse that one statement — still incremental, and still exact.
    assert.ok(parseCounts.incremental - before >= 4);
  });

  it('reparses only the statement an edit touched inside a function body, and reuses the others', () => {
    const text = readFileSync(join(root, 'examples/northwind/variations/pdp-free-shipping-badge.js'), 'utf8');
    forgetLastParse();
    const first = parseJs(text, false);
    const edited = parseJs(text.replace("'[data-testid=\"add-to-cart-button\"]'", "'[data-testid=\"add-to-cart-buttonx\"]'"), false);
    assert.ok(first.ok && edited.ok);
    const body = (p: JsParse & { ok: true }) => ((p.program.body[0] as ESTree.ExpressionStatement).expression as ESTree.CallExpression).callee as ESTree.FunctionExpression;
    const [before, after] = [body(first).body!.body, body(edited).body!.body];
    // The IIFE's statements: `var utils`, the price badge, the add-to-cart listener (edited).
    assert.equal(after.length, 3);
    assert.equal(after[0], before[0]);
    assert.equal(after[1], before[1]);
    assert.notEqual(after[2], before[2]);
    // The path down to the edited statement is new, so nothing keyed by the old nodes goes stale.
    assert.notEqual(edited.program.body[0], first.program.body[0]);
  });

  it('leaves check() findings the same as a check without a kept tree', () => {
    const base = readFileSync(join(root, 'examples/northwind/variations/checkout-tracker.js'), 'utf8');
    const next = random(7);
    let text = base;
    for (let i = 0; i < 200; i++) {
      text = i % 25 === 0 ? base : mutate(text, next);
      const findings = check({ text, filename: 'v.js' }, { brand: testBrand() }).findings;
      forgetLastParse(); // the next check parses in full
      const fresh = check({ text, filename: 'v.js' }, { brand: testBrand() }).findings;
      assert.deepEqual(findings, fresh, `edit ${i}`);
      check({ text, filename: 'v.js' }, { brand: testBrand() }); // keep this text's tree for the next edit
    }
  });
});

import assert from 'node:assert/strict';
import type { Template } from '@brandsafe/brand-kit';
import { parseScript } from 'meriyah';
import { emitValue, isGenerationError, placeholderNames, renderTemplate, resolveParameters, type ParamValue } from '../index.js';
import { bannerTop, ctaText, makeBrand } from './__fixtures__/brand.js';

const brand = makeBrand();

/** Inputs that try to leave a string, template literal, comment or <script> element. */
const HOSTILE = [
  '"',
  "'",
  '`',
  '\\',
  '\\\\"',
  "\\'",
  'a\nb\r\nc',
  '"; alert(1); "',
  "'); alert(1); ('",
  '`; alert(1); `',
  '${alert(1)}',
  '$',
  '{alert(1)}',
  '*/ alert(1); /*',
  '*',
  '/',
  '</script><script>alert(1)</script>',
  '</SCRIPT>',
  '<!-- x',
  'line\u2028sep\u2029para',
  '\u0000nul',
  '\uD800 lone surrogate',
  '{{label}}',
  '\\u0022',
];

interface Parsed {
  shape: unknown;
  strings: string[];
  comments: number;
}

/** The AST with every literal value and position stripped, plus the string values it holds. */
function parse(code: string): Parsed {
  const strings: string[] = [];
  let comments = 0;
  const ast = parseScript(code, { onComment: () => void comments++ });
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    if (o['type'] === 'Literal' && typeof o['value'] === 'string') strings.push(o['value']);
    if (o['type'] === 'TemplateElement') strings.push((o['value'] as { cooked: string }).cooked);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (!['value', 'raw', 'start', 'end', 'range', 'loc'].includes(k)) out[k] = strip(v);
    }
    return out;
  };
  return { shape: strip(ast), strings, comments };
}

function render(template: Template, params: Record<string, unknown>): string {
  return renderTemplate(template, resolveParameters(brand, template, params));
}

describe('renderTemplate escaping', () => {
  const ctaBase = parse(render(ctaText, { button: '#add-to-cart', label: 'x' }));
  const bannerBase = parse(render(bannerTop, { target: '.hero', message: 'x' }));

  for (const hostile of HOSTILE) {
    it(`keeps the code structure and the exact value when text is ${JSON.stringify(hostile)}`, () => {
      const cta = render(ctaText, { button: '#add-to-cart', label: hostile });
      const parsed = parse(cta);
      assert.deepEqual(parsed.shape, ctaBase.shape);
      assert.equal(parsed.comments, ctaBase.comments);
      // The value decodes back exactly in the "…" string, the '…' string and the template literal.
      assert.equal(parsed.strings.filter((s) => s === hostile).length >= 2, true, cta);
      assert.ok(parsed.strings.includes(`Label: ${hostile} (`), cta);

      const banner = render(bannerTop, { target: '.hero', message: hostile });
      const b = parse(banner);
      assert.deepEqual(b.shape, bannerBase.shape);
      assert.ok(b.strings.includes(hostile));

      for (const code of [cta, banner]) {
        assert.doesNotMatch(code, /<\/script|<!--|[\u2028\u2029]/i);
      }
    });
  }
});

describe('renderTemplate escaping, seeded random inputs', () => {
  // Deterministic (mulberry32, fixed seed): 300 strings over the characters that matter.
  const ALPHABET = ['"', "'", '`', '\\', '$', '{', '}', '*', '/', '<', '>', '!', '-', '\n', '\r', '\u2028', '\u2029', 'script', 'a', ' ', '\uD83D', '\uDE00'];
  let seed = 0x5eed;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  it('keeps structure and value for 300 random strings in every context', () => {
    const base = parse(render(ctaText, { button: '#add-to-cart', label: 'x' }));
    for (let n = 0; n < 300; n++) {
      const value = Array.from({ length: 1 + Math.floor(random() * 12) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
      const parsed = parse(render(ctaText, { button: '#add-to-cart', label: value }));
      assert.deepEqual(parsed.shape, base.shape, JSON.stringify(value));
      assert.equal(parsed.comments, base.comments, JSON.stringify(value));
      assert.ok(parsed.strings.includes(value) && parsed.strings.includes(`Label: ${value} (`), JSON.stringify(value));
    }
  });
});

describe('emitValue', () => {
  const s = (value: string): ParamValue => ({ kind: 'string', value });
  it('emits a double-quoted literal in expression position', () => {
    assert.equal(emitValue(s('a"b'), { kind: 'expression' }), '"a\\"b"');
  });
  it('emits numbers and booleans as literals, negatives parenthesised, -0 as 0', () => {
    assert.equal(emitValue({ kind: 'number', value: -1.5 }, { kind: 'expression' }), '(-1.5)');
    assert.equal(emitValue({ kind: 'number', value: -0 }, { kind: 'expression' }), '0');
    assert.equal(emitValue({ kind: 'boolean', value: false }, { kind: 'expression' }), 'false');
    assert.equal(emitValue({ kind: 'number', value: 2 }, { kind: 'template' }), '2');
  });
  it('escapes backtick, dollar and brace inside a template literal', () => {
    assert.equal(emitValue(s('`${x}`'), { kind: 'template' }), '\\`\\$\\{x}\\`');
  });
});

describe('template contract', () => {
  const t = (body: string, names = ['x']): Template => ({
    iri: 'urn:t',
    id: 't',
    label: 't',
    testType: 'banner',
    body,
    pageTypes: [],
    parameters: names.map((name) => ({ name, type: 'text', required: true })),
  });
  const values = new Map<string, ParamValue>([['x', { kind: 'string', value: 'v' }]]);

  it('lists placeholder names in order of first use', () => {
    assert.deepEqual(placeholderNames(ctaText), ['label', 'button']);
  });

  for (const [body, why] of [
    ['var r = /{{x}}/;', /regular expression/],
    ['var a{{x}} = 1;', /glued/],
    ["var s = '\\{{x}}';", /backslash/],
    ['var s = {{x}} {{x}};', /not valid JavaScript|does not parse/],
    ['var s = {{y}};', /no declared parameter/],
  ] as const) {
    it(`refuses ${JSON.stringify(body)} with TEMPLATE_INVALID`, () => {
      assert.throws(
        () => renderTemplate(t(body), values),
        (e) => isGenerationError(e, 'TEMPLATE_INVALID') && why.test(e.message) && e.details.templateId === 't',
      );
    });
  }

  it('refuses a placeholder used as a property name once rendered', () => {
    assert.throws(() => renderTemplate(t('el.{{x}} = 1;'), values), (e) => isGenerationError(e, 'TEMPLATE_INVALID'));
  });
});

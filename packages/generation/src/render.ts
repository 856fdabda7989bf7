/**
 * Rendering a template body: `{{name}}` placeholders are replaced by typed values, escaped for
 * the lexical context each placeholder sits in.
 *
 * Template contract: the body is JavaScript. A placeholder may stand where a JS expression can
 * (it then receives a literal: `"text"`, `42`, `(-1)`, `true`), or inside the text of a string
 * literal, a template literal or a comment (it then receives escaped text). A placeholder inside a
 * regular expression literal, glued to an identifier, or right after a backslash is refused.
 *
 * The context is found by lexing, not guessed: each placeholder is swapped for a unique
 * identifier (a "sentinel"), the body is tokenised with meriyah, and the token that contains the
 * sentinel says where it is. After rendering, the output is tokenised again and its token kinds
 * must equal the sentinel body's, with each expression placeholder counted as the tokens of its
 * literal — so a value that changed the code's structure cannot get through.
 */
import type { Template } from '@brandsafe/brand-kit';
import { parseModule, parseScript, type Options } from 'meriyah';
import { GenerationError } from './error.js';
import { emitValue, type ParamValue, type PlaceholderContext } from './literal.js';

/** The `{{ name }}` placeholder syntax of `Template.body`. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

interface Slot {
  name: string;
  context: PlaceholderContext;
}

interface CompiledTemplate {
  /** Body text between placeholders: pieces.length === slots.length + 1. */
  pieces: string[];
  slots: Slot[];
  /** Token kinds of the sentinel body; `null` marks an expression placeholder. */
  shape: (string | null)[];
}

interface Lexeme {
  kind: string;
  start: number;
  end: number;
}

/** Tokens and comments of `code` in source order; throws meriyah's ParseError on bad JS. */
function lex(code: string): Lexeme[] {
  const out: Lexeme[] = [];
  const options: Options = {
    next: true,
    onToken: (kind, start, end) => void out.push({ kind, start, end }),
    onComment: (_type, _value, start, end) => void out.push({ kind: 'Comment', start, end }),
  };
  try {
    parseScript(code, options);
  } catch (scriptError) {
    out.length = 0;
    try {
      parseModule(code, options);
    } catch {
      throw scriptError;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function contextOf(lexeme: Lexeme | undefined, sentinel: string, body: string, at: number): PlaceholderContext | string {
  if (!lexeme) return 'outside any token';
  if (body[at - 1] === '\\') return 'right after a backslash';
  switch (lexeme.kind) {
    case 'Identifier':
      return lexeme.end - lexeme.start === sentinel.length ? { kind: 'expression' } : 'glued to other identifier characters';
    case 'StringLiteral':
      return { kind: 'string', quote: body[lexeme.start] === "'" ? "'" : '"' };
    case 'TemplateLiteral':
      return { kind: 'template' };
    case 'Comment':
      return { kind: 'comment' };
    case 'RegularExpression':
      return 'inside a regular expression literal';
    default:
      return `inside a ${lexeme.kind} token`;
  }
}

function invalid(template: Template, message: string, cause?: unknown, parameter?: string): GenerationError {
  return new GenerationError('TEMPLATE_INVALID', `template "${template.id}": ${message}`, {
    cause,
    details: { templateId: template.id, ...(parameter === undefined ? {} : { parameter }) },
  });
}

function compile(template: Template): CompiledTemplate {
  const body = template.body;
  let prefix = '__bsP';
  while (body.includes(prefix)) prefix += '_';
  const pieces: string[] = [];
  const names: string[] = [];
  let last = 0;
  let sentinelBody = '';
  const sentinelAt: number[] = [];
  for (const m of body.matchAll(PLACEHOLDER)) {
    const piece = body.slice(last, m.index);
    pieces.push(piece);
    sentinelBody += piece;
    sentinelAt.push(sentinelBody.length);
    sentinelBody += `${prefix}${names.length}__`;
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  pieces.push(body.slice(last));
  sentinelBody += body.slice(last);

  let lexemes: Lexeme[];
  try {
    lexemes = lex(sentinelBody);
  } catch (e) {
    throw invalid(template, `body is not valid JavaScript with placeholders as expressions: ${(e as Error).message}`, e);
  }
  const slots: Slot[] = names.map((name, i) => {
    const at = sentinelAt[i]!;
    const sentinel = `${prefix}${i}__`;
    const lexeme = lexemes.find((l) => l.start <= at && at + sentinel.length <= l.end);
    const ctx = contextOf(lexeme, sentinel, sentinelBody, at);
    if (typeof ctx === 'string') throw invalid(template, `placeholder {{${name}}} is ${ctx}`, undefined, name);
    return { name, context: ctx };
  });
  const shape = lexemes.map((l) => {
    const i = sentinelAt.indexOf(l.start);
    return i >= 0 && slots[i]!.context.kind === 'expression' ? null : l.kind;
  });
  return { pieces, slots, shape };
}

const cache = new WeakMap<Template, CompiledTemplate>();

function compiled(template: Template): CompiledTemplate {
  let c = cache.get(template);
  if (!c) {
    c = compile(template);
    cache.set(template, c);
  }
  return c;
}

/**
 * Token kinds a correctly emitted literal has, lexed once from known-good samples (never from
 * user values, so a broken escape cannot teach the check what to expect).
 */
let literalShapes: Record<'string' | 'number' | 'negative' | 'boolean', string[]> | undefined;
function literalKinds(value: ParamValue): string[] {
  literalShapes ??= {
    string: lex('"x"').map((l) => l.kind),
    number: lex('1').map((l) => l.kind),
    negative: lex('(-1)').map((l) => l.kind),
    boolean: lex('true').map((l) => l.kind),
  };
  if (value.kind === 'number') return value.value < 0 ? literalShapes.negative : literalShapes.number;
  return literalShapes[value.kind];
}

/** Names of the placeholders a template body uses, in order of first use. */
export function placeholderNames(template: Template): string[] {
  return [...new Set(compiled(template).slots.map((s) => s.name))];
}

/**
 * Render `template` with validated values. Throws `TEMPLATE_INVALID` when the body cannot hold
 * its placeholders safely or a placeholder has no value.
 */
export function renderTemplate(template: Template, values: ReadonlyMap<string, ParamValue>): string {
  const { pieces, slots, shape } = compiled(template);
  let out = pieces[0]!;
  const expected: string[] = [];
  let s = 0;
  for (const [i, slot] of slots.entries()) {
    const value = values.get(slot.name);
    if (!value) {
      if (!template.parameters.some((p) => p.name === slot.name)) {
        throw invalid(template, `placeholder {{${slot.name}}} has no declared parameter`, undefined, slot.name);
      }
      throw new GenerationError('MISSING_PARAMETER', `template "${template.id}" uses parameter "${slot.name}", which has no value`, {
        details: { parameter: slot.name, templateId: template.id },
      });
    }
    const text = emitValue(value, slot.context);
    if (slot.context.kind === 'expression') {
      // Everything in the shape before this placeholder, then the literal's own token kinds.
      while (shape[s] !== null && s < shape.length) expected.push(shape[s++]!);
      s++;
      expected.push(...literalKinds(value));
    }
    out += text + pieces[i + 1]!;
  }
  while (s < shape.length) expected.push(shape[s++]!);
  let actual: string[];
  try {
    actual = lex(out).map((l) => l.kind);
  } catch (e) {
    throw invalid(template, `rendered code does not parse: ${(e as Error).message}`, e);
  }
  if (actual.length !== expected.length || actual.some((k, i) => k !== expected[i])) {
    throw invalid(template, 'a parameter value changed the structure of the rendered code');
  }
  return out;
}

import { createRequire } from 'node:module';
import { parseModule, parseScript, type ESTree } from 'meriyah';
import type { SourceComment } from '../suppress.js';
import { reparse } from './reparse.js';

export type JsParse =
  | { ok: true; program: ESTree.Program; comments: SourceComment[]; sourceType: 'script' | 'module' }
  | { ok: false; error: { start: number; end: number; message: string } };

interface AmaroLike {
  transformSync(code: string, options: { mode: 'strip-only' }): { code: string };
}

let amaro: AmaroLike | undefined;

/**
 * TypeScript type erasure with amaro (the swc-based stripper Node.js itself uses for
 * --experimental-strip-types): types are replaced by whitespace, so every offset in the result is
 * the offset in the TypeScript source. Loaded on first use: JavaScript never pays for its WASM.
 * Syntax that needs code generation (enums, namespaces, parameter properties) is an error here.
 */
function stripTypes(text: string): { code: string } | { error: { start: number; end: number; message: string } } {
  try {
    amaro ??= createRequire(import.meta.url)('amaro') as AmaroLike;
  } catch (e) {
    // A bundle that left amaro out: TypeScript cannot be checked, but that is a finding, not a crash.
    return { error: { start: 0, end: 0, message: `TypeScript support is not available in this build (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` } };
  }
  try {
    return { code: amaro.transformSync(text, { mode: 'strip-only' }).code };
  } catch (e) {
    return { error: amaroError(text, String(e)) };
  }
}

/** Reads the position out of swc's code frame (`  3 | code` followed by `    :   ^^^`). */
export function amaroError(text: string, report: string): { start: number; end: number; message: string } {
  const lines = report.split('\n');
  const message = (lines.find((l) => /^\s*x /.test(l)) ?? lines[0] ?? 'Syntax error').replace(/^\s*x\s+/, '').trim();
  for (let i = 1; i < lines.length; i++) {
    const caret = /^(\s*):(\s*)(\^+)/.exec(lines[i]!);
    const code = /^\s*(\d+)\s\|/.exec(lines[i - 1]!);
    if (!caret || !code) continue;
    const bar = lines[i - 1]!.indexOf('|');
    const column = lines[i]!.indexOf('^') - (bar + 2);
    const line = Number(code[1]) - 1;
    let offset = 0;
    for (let l = 0; l < line; l++) {
      const nl = text.indexOf('\n', offset);
      if (nl < 0) break;
      offset = nl + 1;
    }
    const start = Math.min(text.length, offset + Math.max(0, column));
    return { start, end: Math.min(text.length, start + caret[3]!.length), message };
  }
  return { start: 0, end: 0, message };
}

function attempt(text: string, module: boolean, strict = false, functionBody = false): JsParse {
  const comments: SourceComment[] = [];
  const options = {
    // start and end offsets only: a `range` array per node would double the allocations per node.
    ranges: { start: true, end: true },
    webcompat: true,
    impliedStrict: strict,
    globalReturn: functionBody,
    onComment: (_type: string, value: string, start: number, end: number) => comments.push({ value, start, end }),
  };
  try {
    const program = module ? parseModule(text, options) : parseScript(text, options);
    return { ok: true, program, comments, sourceType: module ? 'module' : 'script' };
  } catch (e) {
    const err = e as { start?: number; end?: number; description?: string; message?: string };
    const start = err.start ?? 0;
    const message = e instanceof RangeError ? 'expressions nested too deeply to parse' : (err.description ?? err.message ?? String(e));
    return { ok: false, error: { start, end: Math.max(err.end ?? start, start), message } };
  }
}

/**
 * The last JavaScript text parsed and its tree, for {@link reparse}: the language server checks the
 * same document again after every keystroke. One text only, as in line-index.ts: a text that
 * comes back (undo) is not what should make a parse fast. Texts over 1 MB are not kept.
 */
let last: { text: string; parse: JsParse & { ok: true } } | undefined;
const KEEP_MAX_CHARS = 1_000_000;

/** How many JavaScript parses were full and how many incremental (for tests and benchmarks). */
export const parseCounts = { full: 0, incremental: 0 };

/**
 * Forgets the tree kept for incremental parsing: the next check parses its text in full. For
 * benchmarks of a one-shot check, and to let a long-lived process drop a large tree.
 */
export function forgetLastParse(): void {
  last = undefined;
}

function parseWindow(text: string, goal: { module: boolean; strict: boolean; functionBody: boolean }): (JsParse & { ok: true }) | undefined {
  const parsed = attempt(text, goal.module, goal.strict, goal.functionBody);
  return parsed.ok ? parsed : undefined;
}

/**
 * Parses JavaScript (ES2024) as a classic script first — what Optimizely and most testing tools
 * run — and as a module when that fails; when both fail, the error of the goal that got further is
 * the one reported. TypeScript is type-stripped first (see {@link stripTypes}).
 *
 * JavaScript is parsed incrementally when it can be: after an edit, only the top-level statements
 * it touched are parsed again (see reparse.ts); the tree is the same as a full parse's. The tree
 * returned is valid until the next call: later calls may move its statements in place. Pass
 * `incremental: false` for a parse that neither uses nor replaces the kept one.
 */
export function parseJs(text: string, typescript: boolean, incremental = true): JsParse {
  if (!typescript && incremental) {
    const previous = last;
    last = undefined; // reparse moves the previous tree's nodes: it is never reused twice
    const reused = previous && reparse(previous.text, previous.parse, text, parseWindow);
    const parsed = reused ? { ok: true as const, ...reused } : parseFull(text, false);
    if (reused) parseCounts.incremental++;
    else parseCounts.full++;
    if (parsed.ok) {
      if (text.length <= KEEP_MAX_CHARS) last = { text, parse: parsed };
    } else {
      // Typing passes through syntax errors: keep the last tree that parsed (reparse left it
      // untouched), so the edit that fixes the error is parsed incrementally from it.
      last = previous;
    }
    return parsed;
  }
  return parseFull(text, typescript);
}

function parseFull(text: string, typescript: boolean): JsParse {
  let source = text;
  if (typescript) {
    const stripped = stripTypes(text);
    if ('error' in stripped) return { ok: false, error: stripped.error };
    source = stripped.code;
  }
  const script = attempt(source, false);
  if (script.ok) return script;
  const module = attempt(source, true);
  if (module.ok) return module;
  return module.error.start > script.error.start ? module : script;
}

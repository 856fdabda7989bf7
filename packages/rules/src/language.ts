import type { Language } from './types.js';

const BY_EXTENSION: Record<string, Language> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  css: 'css',
};

/**
 * The language the checker uses for a file name, or `undefined` when the checker does not handle
 * it (the CLI skips such files; the language server does not validate them).
 *
 * @example detectLanguage('variations/hero.css') // 'css'
 */
export function detectLanguage(filename: string): Language | undefined {
  const dot = filename.lastIndexOf('.');
  if (dot < 0) return undefined;
  return BY_EXTENSION[filename.slice(dot + 1).toLowerCase()];
}

/** Which documents the server checks, and how it names their language for the checker. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Language } from '@brandsafe/rules';

/** LSP language ids the server registers for (plus their React variants, checked as JS/TS). */
export const LANGUAGE_IDS = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'css', 'turtle'] as const;

/** File extensions a workspace check visits. */
export const FILE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.tsx', '.css', '.ttl'] as const;

export type DocumentKind = { kind: 'code'; language: Language } | { kind: 'turtle' } | { kind: 'none' };

/** Classifies a document by language id, falling back to the file extension for unknown ids. */
export function documentKind(languageId: string, uri: string): DocumentKind {
  switch (languageId) {
    case 'javascript':
    case 'javascriptreact':
      return { kind: 'code', language: 'javascript' };
    case 'typescript':
    case 'typescriptreact':
      return { kind: 'code', language: 'typescript' };
    case 'css':
      return { kind: 'code', language: 'css' };
    case 'turtle':
      return { kind: 'turtle' };
  }
  const ext = /\.[a-z]+$/i.exec(uri)?.[0]?.toLowerCase();
  if (ext === '.ttl') return { kind: 'turtle' };
  if (ext === '.css') return { kind: 'code', language: 'css' };
  if (ext === '.ts' || ext === '.mts' || ext === '.tsx') return { kind: 'code', language: 'typescript' };
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs' || ext === '.jsx') return { kind: 'code', language: 'javascript' };
  return { kind: 'none' };
}

/** The file system path of a `file:` URI; undefined for other schemes (untitled, vscode-remote…). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

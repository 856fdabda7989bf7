/**
 * `brandsafe/checkWorkspace`: checks every variation and brand file under the workspace folders
 * (opened or not), publishes diagnostics for each, and reports LSP work-done progress
 * (LSP 3.17 §WorkDoneProgress) when the client supports server-initiated progress.
 */
import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckWorkspaceResult } from './protocol.js';
import { FILE_EXTENSIONS, pathToUri } from './languages.js';

const SKIP_DIRS = new Set(['node_modules', '.git', '.cache', 'dist', 'out', 'coverage']);
const EXTENSIONS: ReadonlySet<string> = new Set(FILE_EXTENSIONS);
/** Files above this size are generated bundles, not hand-written variations. */
const MAX_FILE_BYTES = 2_000_000;

/** Every file a workspace check visits, in a stable order. */
export async function workspaceFiles(folder: string, out: string[] = [], depth = 0): Promise<string[]> {
  if (depth > 12) return out;
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) await workspaceFiles(path, out, depth + 1);
    else if (entry.isFile() && EXTENSIONS.has(extname(entry.name))) out.push(path);
  }
  return out;
}

export interface WorkspaceCheckDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  progress: boolean;
  /** Validates an open document (publishing through the normal path). */
  validateOpen(uri: string): Promise<[number, number]>;
  /** Checks a closed file's text, publishes its diagnostics, returns [problems, errors]. */
  checkClosed(uri: string, languageId: string, text: string): Promise<[number, number]>;
}

const LANGUAGE_BY_EXT: Record<string, string> = {
  '.css': 'css',
  '.ttl': 'turtle',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.tsx': 'typescriptreact',
  '.jsx': 'javascriptreact',
};

export async function checkWorkspace(deps: WorkspaceCheckDeps, folders: string[]): Promise<CheckWorkspaceResult> {
  const files: string[] = [];
  for (const folder of folders) await workspaceFiles(folder, files);
  const reporter = deps.progress ? await deps.connection.window.createWorkDoneProgress() : undefined;
  reporter?.begin('brandsafe: checking workspace', 0, `${files.length} files`, false);
  const result: CheckWorkspaceResult = { files: 0, problems: 0, errors: 0 };
  for (const [i, file] of files.entries()) {
    const uri = pathToUri(file);
    if (deps.documents.get(uri)) {
      const [problems, errors] = await deps.validateOpen(uri);
      result.problems += problems;
      result.errors += errors;
    } else {
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined || text.length > MAX_FILE_BYTES) continue;
      const [problems, errors] = await deps.checkClosed(uri, LANGUAGE_BY_EXT[extname(file)] ?? 'javascript', text);
      result.problems += problems;
      result.errors += errors;
    }
    result.files++;
    reporter?.report(Math.round(((i + 1) / files.length) * 100), file.slice(file.lastIndexOf('/') + 1));
  }
  reporter?.done();
  return result;
}

/**
 * Turtle editing help for brand files: hover shows rdfs:label and rdfs:comment of bs: terms,
 * completion offers prefixes and bs: terms, go to definition finds where a subject is described
 * in any Turtle file of the workspace (through brand-kit's position index).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type Hover,
  type Location,
  type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, GraphIndex, VocabularyTerm } from './engine.js';
import { pathToUri } from './languages.js';
import { BS_NAMESPACE, WELL_KNOWN_PREFIXES, declaredPrefixes, termAt, typingAt } from './turtle-context.js';

function lineAt(document: TextDocument, position: Position): string {
  return document
    .getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } })
    .replace(/\r?\n$/, '');
}

function vocabularyByIri(engine: Engine): Map<string, VocabularyTerm> {
  return new Map(engine.vocabulary().map((t) => [t.iri, t]));
}

export function turtleHover(engine: Engine, document: TextDocument, position: Position): Hover | undefined {
  const term = termAt(lineAt(document, position), position.line, position.character, declaredPrefixes(document.getText()));
  if (!term?.iri) return undefined;
  const known = vocabularyByIri(engine).get(term.iri);
  if (!known) return undefined;
  const value = [`**${known.label ?? term.local ?? term.iri}** · \`${term.iri}\``, ...(known.comment ? ['', known.comment] : [])];
  return { contents: { kind: MarkupKind.Markdown, value: value.join('\n') }, range: term.range };
}

export function turtleCompletions(engine: Engine, document: TextDocument, position: Position): CompletionItem[] {
  const text = document.getText();
  const before = lineAt(document, position).slice(0, position.character);
  const prefixes = declaredPrefixes(text);
  if (/(?:@prefix|PREFIX)\s+[\w-]*$/i.test(before)) {
    // Declaring a prefix: offer the whole declaration of the well-known ones not yet declared.
    return Object.entries(WELL_KNOWN_PREFIXES)
      .filter(([p]) => !prefixes.has(p))
      .map(([p, iri]) => ({ label: `${p}:`, kind: CompletionItemKind.Module, detail: iri, insertText: `${p}: <${iri}> .` }));
  }
  const typing = typingAt(before);
  if (!typing) return [];
  const range = { start: { line: position.line, character: typing.start }, end: position };
  if (typing.local !== undefined) {
    const ns = prefixes.get(typing.prefix) ?? (typing.prefix === 'bs' ? BS_NAMESPACE : undefined);
    if (ns !== BS_NAMESPACE) return [];
    return engine
      .vocabulary()
      .filter((t) => t.iri.startsWith(BS_NAMESPACE))
      .map((t) => {
        const local = t.iri.slice(BS_NAMESPACE.length);
        const isClass = /^[A-Z]/.test(local);
        return {
          label: `${typing.prefix}:${local}`,
          kind: isClass ? CompletionItemKind.Class : CompletionItemKind.Property,
          ...(t.label ? { detail: t.label } : {}),
          ...(t.comment ? { documentation: { kind: MarkupKind.Markdown, value: t.comment } } : {}),
          textEdit: { range, newText: `${typing.prefix}:${local}` },
        };
      });
  }
  // A bare word: the declared prefixes, and well-known ones with their declaration added on top.
  const items: CompletionItem[] = [...prefixes].map(([p, iri]) => ({
    label: `${p}:`,
    kind: CompletionItemKind.Module,
    detail: iri,
    textEdit: { range, newText: `${p}:` },
  }));
  for (const [p, iri] of Object.entries(WELL_KNOWN_PREFIXES)) {
    if (prefixes.has(p)) continue;
    items.push({
      label: `${p}:`,
      kind: CompletionItemKind.Module,
      detail: `${iri} (adds @prefix)`,
      textEdit: { range, newText: `${p}:` },
      additionalTextEdits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `@prefix ${p}: <${iri}> .\n` }],
    });
  }
  return items;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.cache', 'dist', 'out']);

/** Every `.ttl` file under `dir`, skipping dependency and build folders. */
export async function findTurtleFiles(dir: string, out: string[] = [], depth = 0): Promise<string[]> {
  if (depth > 12) return out;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) await findTurtleFiles(join(dir, entry.name), out, depth + 1);
    else if (entry.isFile() && entry.name.endsWith('.ttl')) out.push(join(dir, entry.name));
  }
  return out;
}

/** Loaded graphs of the workspace's Turtle files, reloaded when a file's mtime or open text changes. */
export class TurtleIndex {
  readonly #graphs = new Map<string, { stamp: string; graph?: GraphIndex }>();
  constructor(
    private readonly engine: Engine,
    private readonly openText: (path: string) => { text: string; version: number } | undefined,
  ) {}

  async #graph(path: string): Promise<GraphIndex | undefined> {
    const open = this.openText(path);
    let stamp: string;
    let text: string | undefined = open?.text;
    if (open) stamp = `v${open.version}`;
    else {
      try {
        stamp = `m${(await stat(path)).mtimeMs}`;
      } catch {
        return undefined;
      }
    }
    const cached = this.#graphs.get(path);
    if (cached?.stamp === stamp) return cached.graph;
    text ??= await readFile(path, 'utf8').catch(() => '');
    let graph: GraphIndex | undefined;
    try {
      graph = (await this.engine.loadBrand(text, { file: path })).graph;
    } catch {
      graph = undefined;
    }
    this.#graphs.set(path, { stamp, graph });
    return graph;
  }

  /** Where the subject under the cursor is described, in this document first, then the workspace. */
  async definition(document: TextDocument, position: Position, currentPath: string | undefined, folders: string[]): Promise<Location[]> {
    const term = termAt(lineAt(document, position), position.line, position.character, declaredPrefixes(document.getText()));
    if (!term?.iri) return [];
    const files = new Set<string>(currentPath ? [currentPath] : []);
    for (const folder of folders) for (const f of await findTurtleFiles(folder)) files.add(f);
    const found: Location[] = [];
    for (const file of files) {
      const graph = await this.#graph(file);
      for (const range of graph?.subjectLocations(term.iri) ?? []) found.push({ uri: pathToUri(file), range });
    }
    return found;
  }
}

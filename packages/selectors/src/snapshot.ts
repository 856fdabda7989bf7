/**
 * Stored HTML page snapshots and selector matching against them: does an approved selector still
 * find its element on the product detail page, and how many elements does a variation's selector
 * touch? htmlparser2 builds the tree (forgiving, like a browser, and fast: ~2 ms for 2,000
 * elements); css-select matches with the same css-what grammar parseSelector validates.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { compile, selectAll } from 'css-select';
import { isTag, type AnyNode, type Document, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { SelectorsError } from './error.js';
import { parseSelector } from './parse.js';

type Query = (element: Element) => boolean;

// Compiled selectors do not depend on the document, so one cache serves every snapshot.
const compiled = new Map<string, Query | null>();
const COMPILED_LIMIT = 5_000;

function compiledQuery(css: string): Query | null {
  let q = compiled.get(css);
  if (q === undefined) {
    try {
      // Compile the validated AST (a fresh copy: css-select reorders it in place), so what
      // matches is exactly what parseSelector accepted, comments and all.
      const parsed = parseSelector(css);
      q = parsed.ok ? (compile<AnyNode, Element>(parsed.ast) as Query) : null;
    } catch {
      // Valid CSS that css-select cannot evaluate statically (`::before`, `:focus`): no element
      // of a stored snapshot can match it.
      q = null;
    }
    if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value as string);
    compiled.set(css, q);
  }
  return q;
}

function countElements(nodes: readonly AnyNode[]): number {
  let n = 0;
  const stack = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (isTag(node)) n++;
    if ('children' in node) stack.push(...node.children);
  }
  return n;
}

/** A parsed HTML page, ready for counting selector matches. */
export class PageSnapshot {
  readonly elementCount: number;

  private constructor(
    private readonly document: Document,
    readonly name?: string,
    readonly pageType?: string,
  ) {
    this.elementCount = countElements(document.children);
  }

  /** Parses HTML as a browser would recover from it (unclosed tags, stray end tags); never throws. */
  static fromHtml(html: string, meta: { name?: string; pageType?: string } = {}): PageSnapshot {
    return new PageSnapshot(parseDocument(html), meta.name, meta.pageType);
  }

  /** Number of elements `css` matches (document order, like `querySelectorAll(css).length`); 0 for an invalid selector. */
  count(css: string): number {
    const q = compiledQuery(css);
    return q ? selectAll<AnyNode, Element>(q, this.document).length : 0;
  }

  /** Matching elements' outer tag and a short text excerpt, for hover cards and reports. */
  describeMatches(css: string, limit = 5): { tag: string; id?: string; classes: string[]; text: string }[] {
    const q = compiledQuery(css);
    if (!q) return [];
    return selectAll<AnyNode, Element>(q, this.document)
      .slice(0, Math.max(0, limit))
      .map((el) => ({
        tag: el.name,
        id: el.attribs.id,
        classes: (el.attribs.class ?? '').split(/\s+/).filter(Boolean),
        text: textOf(el).replace(/\s+/g, ' ').trim().slice(0, 80),
      }));
  }
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  return 'children' in node ? node.children.map(textOf).join(' ') : '';
}

/** Snapshot files larger than this are refused (a page snapshot is a few hundred KB). */
export const MAX_SNAPSHOT_BYTES = 20 * 1024 * 1024;

/**
 * Loads every `*.html` file of a folder, sorted by name; the page type is the file name without
 * extension (`product-detail.html` → `product-detail`), matching the brand graph's page type ids.
 * Throws {@link SelectorsError} (`SNAPSHOT_DIR_UNREADABLE`, `SNAPSHOT_UNREADABLE`, `SNAPSHOT_TOO_LARGE`).
 */
export async function loadSnapshotsFromDir(dir: string): Promise<PageSnapshot[]> {
  let files: string[];
  try {
    files = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && extname(e.name).toLowerCase() === '.html').map((e) => e.name);
  } catch (cause) {
    throw new SelectorsError('SNAPSHOT_DIR_UNREADABLE', `Cannot read snapshot folder ${dir}`, { cause });
  }
  files.sort();
  const out: PageSnapshot[] = [];
  for (const file of files) {
    const path = join(dir, file);
    let html: string;
    try {
      const { size } = await stat(path);
      if (size > MAX_SNAPSHOT_BYTES) throw new SelectorsError('SNAPSHOT_TOO_LARGE', `${path} is ${size} bytes, more than the ${MAX_SNAPSHOT_BYTES}-byte limit`);
      html = await readFile(path, 'utf8');
    } catch (cause) {
      if (cause instanceof SelectorsError) throw cause;
      throw new SelectorsError('SNAPSHOT_UNREADABLE', `Cannot read snapshot ${path}`, { cause });
    }
    out.push(PageSnapshot.fromHtml(html, { name: file, pageType: basename(file, extname(file)) }));
  }
  return out;
}

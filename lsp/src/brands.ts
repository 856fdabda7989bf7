/**
 * Brand discovery and a cache of loaded brands. Discovery matches the CLI: an explicit brand
 * (`--brand` on the command line or the `brandsafe.brand` setting) wins, else the nearest
 * `.brandsafe/brand.ttl` found walking up from the document. An open, edited brand file is read
 * from the editor's buffer, not from disk, so edits take effect before they are saved.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Engine, LoadedBrand } from './engine.js';

export const BRAND_DIR = '.brandsafe';
export const BRAND_FILE = 'brand.ttl';

export interface BrandEntry extends LoadedBrand {
  /** Absolute path of the brand file. */
  file: string;
  /** Set when the file could not be read at all. */
  readError?: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds the brand file for a document. `explicit` is resolved against `folder` (the workspace
 * folder holding the document) when relative. Returns undefined when no brand is found.
 */
export async function discoverBrand(
  documentPath: string | undefined,
  explicit: string | null,
  folder: string | undefined,
): Promise<string | undefined> {
  if (explicit) {
    const base = folder ?? (documentPath ? dirname(documentPath) : process.cwd());
    return isAbsolute(explicit) ? explicit : resolve(base, explicit);
  }
  if (!documentPath) return undefined;
  let dir = dirname(documentPath);
  for (;;) {
    const candidate = join(dir, BRAND_DIR, BRAND_FILE);
    if (await isFile(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * {@link discoverBrand} with the file found for each document kept: the upward walk stats one path
 * per directory up to the root, and validation, hover and completion all ask on every keystroke.
 * The server forgets the results when a brand file is created, changed or deleted (the client
 * watches every `.ttl` file and sends workspace/didChangeWatchedFiles) or the settings change, and
 * a document's result when it closes. An explicit brand involves no walk and is never kept.
 */
export class BrandDiscovery {
  readonly #found = new Map<string, Promise<string | undefined>>();

  find(documentPath: string | undefined, explicit: string | null, folder: string | undefined): Promise<string | undefined> {
    if (explicit || !documentPath) return discoverBrand(documentPath, explicit, folder);
    let found = this.#found.get(documentPath);
    if (!found) {
      // Without an explicit brand the walk depends on the document's path alone, not its folder.
      found = discoverBrand(documentPath, null, folder);
      this.#found.set(documentPath, found);
    }
    return found;
  }

  forget(documentPath: string): void {
    this.#found.delete(documentPath);
  }

  clear(): void {
    this.#found.clear();
  }
}

/** Loads brands through the engine and keeps them until their file changes. */
export class BrandCache {
  readonly #entries = new Map<string, Promise<BrandEntry>>();
  readonly #engine: Engine;
  /** Text of brand files open in the editor, which takes precedence over the disk. */
  readonly #overlay: (file: string) => string | undefined;

  constructor(engine: Engine, overlay: (file: string) => string | undefined) {
    this.#engine = engine;
    this.#overlay = overlay;
  }

  get(file: string): Promise<BrandEntry> {
    let entry = this.#entries.get(file);
    if (!entry) {
      entry = this.#load(file);
      this.#entries.set(file, entry);
    }
    return entry;
  }

  /** Forget a brand so the next check reloads it (its file was edited, saved or deleted). */
  invalidate(file: string): boolean {
    return this.#entries.delete(file);
  }

  has(file: string): boolean {
    return this.#entries.has(file);
  }

  clear(): void {
    this.#entries.clear();
  }

  async #load(file: string): Promise<BrandEntry> {
    let text = this.#overlay(file);
    if (text === undefined) {
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { file, problems: [], readError: `cannot read brand file ${file}: ${reason}` };
      }
    }
    try {
      return { file, ...(await this.#engine.loadBrand(text, { file })) };
    } catch (error) {
      // loadBrand reports problems rather than throwing; this guards the server against a bug there.
      const reason = error instanceof Error ? error.message : String(error);
      return { file, problems: [], readError: `brand file ${file} could not be loaded: ${reason}` };
    }
  }
}

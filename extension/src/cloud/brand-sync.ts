/**
 * The brand picked from the server (`brandsafe.selectBrand`): its current graph is fetched as
 * Turtle into the extension's storage and handed to the language server as the brand file of any
 * document that has no local brand (no `brandsafe.brand` setting and no `.brandsafe/brand.ttl`
 * above it) — the local file always wins, as the issue asks.
 *
 * Refreshing is cheap: the graph is requested with `If-None-Match` when the server sent an ETag
 * (RFC 9110 §13.1.2). The API does not send ETags on GET /brands/{id}/graph today, so the
 * extension first compares the brand's `latestVersion` (a small JSON read) with the cached
 * version and downloads the graph only when it moved.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Brand } from './api-types';
import { reportError, type Session } from './session';

/** What is remembered per workspace about the selected server brand. */
export interface CloudBrandState {
  serverUrl: string;
  brandId: string;
  name: string;
  version: string | null;
  etag?: string;
  /** Absolute path of the cached Turtle. */
  file: string;
}

const STATE_KEY = 'brandsafe.cloudBrand';

export class BrandSync implements vscode.Disposable {
  readonly #context: vscode.ExtensionContext;
  readonly #session: Session;
  readonly #output: vscode.LogOutputChannel;
  readonly #changed = new vscode.EventEmitter<CloudBrandState | undefined>();
  readonly #timer: NodeJS.Timeout;
  #state: CloudBrandState | undefined;
  /** Fires when the cached graph or the selection changed (the language server must reload). */
  readonly onDidChange = this.#changed.event;

  constructor(context: vscode.ExtensionContext, session: Session, output: vscode.LogOutputChannel) {
    this.#context = context;
    this.#session = session;
    this.#output = output;
    this.#state = context.workspaceState.get<CloudBrandState>(STATE_KEY);
    // A new brand version reaches the editor within five minutes, or at once on window focus.
    this.#timer = setInterval(() => void this.refresh(), 5 * 60_000);
  }

  /** The selected brand, when it belongs to the configured server and its Turtle is cached. */
  get current(): CloudBrandState | undefined {
    const s = this.#state;
    return s && s.serverUrl === this.#session.serverUrl && existsSync(s.file) ? s : undefined;
  }

  /** `brandsafe.selectBrand` against the server: a quick pick of the workspace's brands. */
  async pick(args?: { brandId?: string }): Promise<CloudBrandState | undefined> {
    const client = this.#session.requireClient();
    if (!client) return undefined;
    try {
      const brands = await client.brands();
      let brand: Brand | undefined = args?.brandId ? brands.find((b) => b.id === args.brandId) : undefined;
      if (!brand && args?.brandId) throw new Error(`no brand ${args.brandId} in ${this.#session.me?.workspace.name ?? 'this workspace'}`);
      if (!brand) {
        if (brands.length === 0) {
          void vscode.window.showInformationMessage('brandsafe: this workspace has no brands yet; create one in the portal or with PUT /api/v1/brands/{id}/graph.');
          return undefined;
        }
        const picked = await vscode.window.showQuickPick(
          brands.map((b) => ({ label: b.name, description: b.latestVersion ? `v${b.latestVersion}` : 'no graph yet', brand: b })),
          { placeHolder: `The brand of ${this.#session.me?.workspace.name ?? 'your workspace'} to check and generate against` },
        );
        brand = picked?.brand;
      }
      if (!brand) return undefined;
      this.#state = { serverUrl: client.serverUrl, brandId: brand.id, name: brand.name, version: null, file: this.#fileFor(client.serverUrl, brand.id) };
      await this.refresh(true);
      return this.current;
    } catch (error) {
      reportError(this.#output, 'could not select the brand', error);
      return undefined;
    }
  }

  /** Re-reads the brand when its version moved (or `force`); fires onDidChange when the graph changed. */
  async refresh(force = false): Promise<boolean> {
    const state = this.#state;
    if (!state || !this.#session.signedIn || state.serverUrl !== this.#session.serverUrl) return false;
    const client = this.#session.client();
    try {
      if (!force && existsSync(state.file) && !state.etag) {
        const brand = await client.brand(state.brandId);
        if (brand.latestVersion === state.version) return false;
      }
      const graph = await client.brandGraph(state.brandId, existsSync(state.file) ? state.etag : undefined);
      if (graph.notModified) return false;
      await mkdir(join(this.#context.globalStorageUri.fsPath, 'brands'), { recursive: true });
      await writeFile(state.file, graph.turtle, 'utf8');
      this.#state = { ...state, version: graph.version ?? null, ...(graph.etag ? { etag: graph.etag } : {}) };
      await this.#context.workspaceState.update(STATE_KEY, this.#state);
      this.#output.info(`brandsafe: brand ${state.name} ${graph.version ?? ''} from ${state.serverUrl} cached at ${state.file}`);
      this.#changed.fire(this.#state);
      return true;
    } catch (error) {
      this.#output.warn(`brandsafe: could not refresh brand ${state.name}: ${error instanceof Error ? error.message : String(error)}`);
      if (force) throw error;
      return false;
    }
  }

  async clear(): Promise<void> {
    this.#state = undefined;
    await this.#context.workspaceState.update(STATE_KEY, undefined);
    this.#changed.fire(undefined);
  }

  #fileFor(serverUrl: string, brandId: string): string {
    const server = createHash('sha256').update(serverUrl).digest('hex').slice(0, 12);
    return join(this.#context.globalStorageUri.fsPath, 'brands', `${server}-${brandId}.ttl`);
  }

  dispose(): void {
    clearInterval(this.#timer);
    this.#changed.dispose();
  }
}

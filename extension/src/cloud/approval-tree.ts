/**
 * The approval panel: generations of the workspace grouped by review status with counts. Items
 * carry a `contextValue` of `generation:<STATUS>` plus `:review` / `:admin` when the signed-in
 * token has that scope (deploy moves need admin), so package.json's menus offer only the moves that state and role allow. The list is
 * reloaded when the view becomes visible, when the window regains focus, after any change made
 * from the editor, and on a timer (`brandsafe.panel.refreshSeconds`).
 */
import * as vscode from 'vscode';
import { GENERATION_STATUSES, type Brand, type GenerationStatus, type GenerationSummary, type Member } from './api-types';
import type { Session } from './session';

export const STATUS_LABELS: Record<GenerationStatus, string> = {
  GENERATED: 'Generated',
  QA_REVIEW: 'In review',
  APPROVED: 'Approved',
  DEPLOYED: 'Deployed',
  REJECTED: 'Rejected',
  DEPLOY_FAILED: 'Deploy failed',
};

const STATUS_ICONS: Record<GenerationStatus, string> = {
  GENERATED: 'sparkle',
  QA_REVIEW: 'eye',
  APPROVED: 'pass',
  DEPLOYED: 'rocket',
  REJECTED: 'close',
  DEPLOY_FAILED: 'warning',
};

export type ApprovalNode = { kind: 'status'; status: GenerationStatus; count: number } | { kind: 'generation'; generation: GenerationSummary };

/** "3 min ago", "2 h ago", "5 d ago". */
export function age(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

export class ApprovalTree implements vscode.TreeDataProvider<ApprovalNode>, vscode.Disposable {
  readonly #session: Session;
  readonly #changed = new vscode.EventEmitter<ApprovalNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly view: vscode.TreeView<ApprovalNode>;
  readonly #subs: vscode.Disposable[] = [];
  #timer: NodeJS.Timeout | undefined;
  #items: GenerationSummary[] = [];
  #brands = new Map<string, string>();
  #members = new Map<string, string>();
  #error: string | undefined;
  #loading: Promise<void> | undefined;
  /** Resolves after each completed load (tests wait on it). */
  readonly #loaded = new vscode.EventEmitter<GenerationSummary[]>();
  readonly onDidLoad = this.#loaded.event;

  constructor(session: Session) {
    this.#session = session;
    this.view = vscode.window.createTreeView('brandsafe.approvals', { treeDataProvider: this, showCollapseAll: true });
    this.#subs.push(
      this.view,
      this.view.onDidChangeVisibility((e) => e.visible && void this.refresh()),
      vscode.window.onDidChangeWindowState((e) => e.focused && this.view.visible && void this.refresh()),
      session.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('brandsafe.panel') && this.#schedule()),
    );
    this.#schedule();
  }

  get items(): readonly GenerationSummary[] {
    return this.#items;
  }

  #schedule(): void {
    if (this.#timer) clearInterval(this.#timer);
    const seconds = vscode.workspace.getConfiguration('brandsafe').get<number>('panel.refreshSeconds', 30);
    if (seconds > 0) this.#timer = setInterval(() => this.view.visible && void this.refresh(), seconds * 1000);
  }

  /** Reloads from the server (one load at a time; a call during a load waits for it). */
  refresh(): Promise<void> {
    this.#loading ??= this.#load().finally(() => (this.#loading = undefined));
    return this.#loading;
  }

  async #load(): Promise<void> {
    if (!this.#session.signedIn) {
      this.#items = [];
      this.#error = undefined;
      this.view.message = 'Sign in to see generated code and review it.';
    } else {
      const client = this.#session.client();
      try {
        const [items, brands, members] = await Promise.all([
          client.generations(),
          client.brands().catch((): Brand[] => []),
          client.members().catch((): Member[] => []),
        ]);
        this.#items = items;
        this.#brands = new Map(brands.map((b) => [b.id, b.name]));
        this.#members = new Map(members.map((m) => [m.userId, m.email]));
        this.#error = undefined;
        this.view.message = items.length === 0 ? 'No generated code yet: run "brandsafe: Generate from Template".' : undefined;
      } catch (error) {
        this.#error = error instanceof Error ? error.message : String(error);
        this.view.message = `Could not load: ${this.#error}`;
      }
    }
    this.view.description = this.#session.me ? this.#session.me.workspace.name : undefined;
    this.#changed.fire(undefined);
    this.#loaded.fire(this.#items);
  }

  getChildren(node?: ApprovalNode): ApprovalNode[] {
    if (!node) {
      if (this.#items.length === 0) return [];
      return GENERATION_STATUSES.map((status) => ({ kind: 'status' as const, status, count: this.#items.filter((g) => g.status === status).length }));
    }
    if (node.kind === 'status') return this.#items.filter((g) => g.status === node.status).map((generation) => ({ kind: 'generation' as const, generation }));
    return [];
  }

  getTreeItem(node: ApprovalNode): vscode.TreeItem {
    if (node.kind === 'status') {
      const item = new vscode.TreeItem(STATUS_LABELS[node.status], node.count > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      // The id changes when a group gains its first item, so VS Code expands it instead of keeping
      // the collapsed state it remembered for the empty group.
      item.id = `status:${node.status}:${node.count > 0 ? 'items' : 'empty'}`;
      item.description = String(node.count);
      item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[node.status]);
      item.contextValue = 'status';
      return item;
    }
    const g = node.generation;
    const brand = this.#brands.get(g.brandId) ?? 'unknown brand';
    const author = g.authorId ? (this.#members.get(g.authorId) ?? g.authorId.slice(0, 8)) : 'unknown';
    const item = new vscode.TreeItem(g.description, vscode.TreeItemCollapsibleState.None);
    item.id = `generation:${g.id}`;
    item.description = `${brand} · ${author.split('@')[0]} · ${age(g.createdAt)} · ${Math.round(g.confidence * 100)}%`;
    const errors = g.findings.filter((f) => f.severity === 'error').length;
    item.tooltip = new vscode.MarkdownString(
      [
        `**${g.description}** (${g.templateId ?? g.testType})`,
        `${STATUS_LABELS[g.status]} · brand ${brand} · by ${author}`,
        `created ${new Date(g.createdAt).toLocaleString()} · confidence ${Math.round(g.confidence * 100)}% · ${g.findings.length} findings (${errors} errors)`,
      ].join('\n\n'),
    );
    item.iconPath = new vscode.ThemeIcon(errors > 0 ? 'error' : 'file-code');
    const scopes = this.#session.me?.scopes ?? [];
    item.contextValue = `generation:${g.status}${scopes.includes('review') ? ':review' : ''}${scopes.includes('admin') ? ':admin' : ''}`;
    item.command = { command: 'brandsafe.openGeneration', title: 'Open', arguments: [{ generationId: g.id }] };
    return item;
  }

  /** Labels of the tree as shown (status headers with counts, then items), for tests and logs. */
  snapshot(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const status of GENERATION_STATUSES) out[status] = this.#items.filter((g) => g.status === status).map((g) => g.id);
    return out;
  }

  dispose(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#subs.forEach((s) => s.dispose());
    this.#changed.dispose();
    this.#loaded.dispose();
  }
}

/**
 * Opening a generation from the approval panel: its code as a read-only `brandsafe:` document
 * (a TextDocumentContentProvider; the language server checks it like any JavaScript), a diff
 * against its latest correction when there is one, and the detail webview with the transitions
 * and their "Verify" actions.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { GenerationDetail, GenerationTransition } from './api-types';
import { detailHtml } from './detail-html';
import { reportError, type Session } from './session';
import { describeOutcome, verifyTransition, type VerifyOutcome } from './verify';

export const SCHEME = 'brandsafe';

/**
 * `brandsafe:/generations/<id>/<name>.js` and `brandsafe:/generations/<id>/corrections/<cid>/<name>.js`;
 * the last segment only names the editor tab.
 */
export function codeUri(generationId: string, correctionId?: string, label = 'generated'): vscode.Uri {
  const name = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'generated';
  return vscode.Uri.from({ scheme: SCHEME, path: correctionId ? `/generations/${generationId}/corrections/${correctionId}/${name}.js` : `/generations/${generationId}/${name}.js` });
}

export class GenerationContent implements vscode.TextDocumentContentProvider {
  constructor(private readonly session: Session) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const m = /^\/generations\/([\w-]+)(?:\/corrections\/([\w-]+))?\/[\w-]+\.js$/.exec(uri.path);
    if (!m) return `// brandsafe: not a generation document: ${uri.toString()}`;
    try {
      const g = await this.session.client().generation(m[1]!);
      if (!m[2]) return g.code;
      return g.corrections.find((c) => c.id === m[2])?.code ?? `// brandsafe: no correction ${m[2]} on this generation`;
    } catch (error) {
      return `// brandsafe: cannot load generation ${m[1]}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

/** The detail webview (one panel, reused for whichever generation is opened). */
export class DetailPanel implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #generation: GenerationDetail | undefined;
  readonly #results = new Map<string, { ok: boolean; text: string }>();
  /** The last outcome per transition id (the e2e tests read it). */
  readonly outcomes = new Map<string, VerifyOutcome>();

  constructor(
    private readonly session: Session,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  get generation(): GenerationDetail | undefined {
    return this.#generation;
  }

  async show(generationId: string): Promise<GenerationDetail | undefined> {
    const client = this.session.requireClient();
    if (!client) return undefined;
    try {
      const [g, brands, members] = await Promise.all([client.generation(generationId), client.brands(), client.members().catch(() => [])]);
      this.#generation = g;
      if (!this.#panel) {
        this.#panel = vscode.window.createWebviewPanel('brandsafe.detail', 'brandsafe', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
          enableScripts: true,
          localResourceRoots: [],
        });
        this.#panel.onDidDispose(() => (this.#panel = undefined));
        this.#panel.webview.onDidReceiveMessage((m: { type: string; transitionId?: string }) => void this.#onMessage(m));
      }
      this.#panel.title = `brandsafe: ${g.description}`;
      const nonce = randomBytes(16).toString('base64');
      this.#panel.webview.html = detailHtml(
        { generation: g, brand: brands.find((b) => b.id === g.brandId)?.name ?? g.brandId, names: new Map(members.map((m) => [m.userId, m.email])), results: this.#results },
        this.#panel.webview.cspSource,
        nonce,
      );
      this.#panel.reveal(vscode.ViewColumn.Beside, true);
      return g;
    } catch (error) {
      reportError(this.output, 'could not open the generation', error);
      return undefined;
    }
  }

  /** Verifies one transition's receipt (what the "Verify" button does). */
  async verify(transitionId: string): Promise<VerifyOutcome | undefined> {
    const t: GenerationTransition | undefined = this.#generation?.transitions.find((x) => x.id === transitionId);
    if (!t) return undefined;
    let outcome: VerifyOutcome;
    try {
      outcome = await verifyTransition(this.session.client(), t);
    } catch (error) {
      outcome = { ok: false, failures: [{ check: 'receipt-format', message: `could not fetch the receipt: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    this.outcomes.set(transitionId, outcome);
    const text = describeOutcome(outcome);
    this.#results.set(transitionId, { ok: outcome.ok, text });
    (outcome.ok ? this.output.info.bind(this.output) : this.output.warn.bind(this.output))(`brandsafe: receipt of ${t.from} → ${t.to} (${transitionId}) ${text}`);
    await this.#panel?.webview.postMessage({ type: 'verified', transitionId, ok: outcome.ok, text });
    return outcome;
  }

  async #onMessage(m: { type: string; transitionId?: string }): Promise<void> {
    const g = this.#generation;
    if (!g) return;
    if (m.type === 'verify' && m.transitionId) await this.verify(m.transitionId);
    else if (m.type === 'openCode') await vscode.window.showTextDocument(codeUri(g.id, undefined, g.description), { preview: true, viewColumn: vscode.ViewColumn.One });
    else if (m.type === 'openDiff') await openCorrectionDiff(g);
  }

  dispose(): void {
    this.#panel?.dispose();
  }
}

/** The generated code against its latest correction, side by side. */
export async function openCorrectionDiff(g: GenerationDetail): Promise<void> {
  const latest = g.corrections.at(-1);
  if (!latest) {
    void vscode.window.showInformationMessage('brandsafe: this generation has no correction.');
    return;
  }
  await vscode.commands.executeCommand('vscode.diff', codeUri(g.id, undefined, g.description), codeUri(g.id, latest.id, `${g.description} corrected`), `${g.description}: generated ↔ corrected (${latest.kind})`);
}

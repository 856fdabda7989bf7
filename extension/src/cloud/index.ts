/**
 * The extension's cloud features (issue 7), wired in one place: sign-in, the server brand handed
 * to the language server, inline generation, review moves, the approval panel, the detail view
 * and receipt verification. `activateCloud` returns what the extension exports to tests.
 */
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { GenerationStatus, GenerationSummary, Me } from './api-types';
import { ApprovalTree, type ApprovalNode } from './approval-tree';
import { BrandSync, type CloudBrandState } from './brand-sync';
import { DetailPanel, GenerationContent, SCHEME, codeUri, openCorrectionDiff } from './detail';
import { generate, generateFromTemplate, type GenerateArgs, type GenerateHost } from './generate';
import { MOVES, move, recordCorrection, submitForReview, type CorrectionArgs, type GenerationRef } from './review';
import { Session, reportError } from './session';
import { TrackedGenerations } from './tracked';
import { describeOutcome, verifyWithKey, type VerifyOutcome } from './verify';

/** What tests (and other extensions) can reach through the extension's exports. */
export interface CloudApi {
  me(): Me | undefined;
  brand(): CloudBrandState | undefined;
  /** Generation ids by status, as the approval panel currently lists them. */
  panel(): Record<string, string[]>;
  refreshPanel(): Promise<readonly GenerationSummary[]>;
  /** Whether the approval panel is on screen. */
  panelVisible(): boolean;
  /** The verification outcome the detail view last showed for a transition. */
  verification(transitionId: string): VerifyOutcome | undefined;
  verifyTransition(transitionId: string): Promise<VerifyOutcome | undefined>;
  openedGeneration(): { id: string; status: GenerationStatus; transitions: { id: string; to: GenerationStatus }[] } | undefined;
}

function refOf(arg: unknown): GenerationRef | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const node = arg as Partial<ApprovalNode> & GenerationRef;
  if (node.kind === 'generation' && node.generation) return { generationId: node.generation.id };
  return node;
}

/** `brandsafe.verifyReceiptFile`: a receipt saved as JSON (from the API or an audit export), checked offline. */
async function verifyReceiptFile(session: Session, output: vscode.LogOutputChannel, uri?: vscode.Uri): Promise<VerifyOutcome | undefined> {
  const file = uri ?? (await vscode.window.showOpenDialog({ filters: { 'Receipt JSON': ['json'] }, canSelectMany: false }))?.[0];
  if (!file) return undefined;
  try {
    const receipt: unknown = JSON.parse(await readFile(file.fsPath, 'utf8'));
    const outcome = verifyWithKey(receipt, await session.client().logKey());
    const text = `brandsafe: receipt ${vscode.workspace.asRelativePath(file)} ${describeOutcome(outcome)}`;
    if (outcome.ok) output.info(text);
    else output.warn(text);
    if (outcome.ok) void vscode.window.showInformationMessage(text);
    else void vscode.window.showErrorMessage(text);
    return outcome;
  } catch (error) {
    reportError(output, 'could not verify the receipt', error);
    return undefined;
  }
}

export async function activateCloud(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  brandChanged: () => void,
): Promise<{ api: CloudApi; brands: BrandSync; signedIn: () => boolean }> {
  const session = new Session(context.secrets, output);
  const brands = new BrandSync(context, session, output);
  const tracked = new TrackedGenerations();
  const tree = new ApprovalTree(session);
  const detail = new DetailPanel(session, output);
  const host: GenerateHost = { session, brands, tracked, output, changed: () => void tree.refresh() };
  context.subscriptions.push(session, brands, tracked, tree, detail, brands.onDidChange(() => brandChanged()));

  const register = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  register('brandsafe.signIn', (args?: { token?: string }) => session.signIn(args));
  register('brandsafe.signOut', async () => {
    await session.signOut();
    void vscode.window.showInformationMessage('brandsafe: signed out.');
  });
  register('brandsafe.generate', (args?: GenerateArgs) => generate(host, args));
  register('brandsafe.generateFromTemplate', (args?: GenerateArgs) => generateFromTemplate(host, args));
  register('brandsafe.recordCorrection', (args?: CorrectionArgs) => recordCorrection(host, refOf(args) ?? {}));
  register('brandsafe.submitForReview', (arg?: unknown) => submitForReview(host, refOf(arg)));
  for (const name of Object.keys(MOVES).filter((n) => n !== 'submit')) {
    register(`brandsafe.${name === 'deployed' ? 'markDeployed' : name === 'deployFailed' ? 'markDeployFailed' : name}`, (arg?: unknown, extra?: { note?: string }) =>
      move(host, name, { ...refOf(arg), ...extra }),
    );
  }
  register('brandsafe.refreshApprovals', () => tree.refresh());
  register('brandsafe.openGeneration', async (arg?: unknown) => {
    const id = refOf(arg)?.generationId;
    if (!id) return undefined;
    const g = await detail.show(id);
    if (g) await vscode.window.showTextDocument(codeUri(id, undefined, g.description), { preview: true, preserveFocus: true, viewColumn: vscode.ViewColumn.One });
    return g;
  });
  register('brandsafe.showCorrectionDiff', async (arg?: unknown) => {
    const id = refOf(arg)?.generationId;
    const g = id ? await session.client().generation(id).catch(() => undefined) : undefined;
    if (g) await openCorrectionDiff(g);
  });
  register('brandsafe.verifyReceiptFile', (uri?: vscode.Uri) => verifyReceiptFile(session, output, uri));

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, new GenerationContent(session)),
    vscode.window.registerUriHandler({ handleUri: (uri) => session.handleUri(uri) }),
    vscode.window.onDidChangeWindowState((e) => e.focused && void brands.refresh()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('brandsafe.serverUrl')) return;
      await session.restore();
      brandChanged();
    }),
  );
  await session.restore();
  void vscode.commands.executeCommand('setContext', 'brandsafe.signedIn', session.signedIn);
  context.subscriptions.push(session.onDidChange(() => void vscode.commands.executeCommand('setContext', 'brandsafe.signedIn', session.signedIn)));
  void brands.refresh();

  const api: CloudApi = {
    me: () => session.me,
    brand: () => brands.current,
    panel: () => tree.snapshot(),
    refreshPanel: async () => {
      await tree.refresh();
      return tree.items;
    },
    panelVisible: () => tree.view.visible,
    verification: (id) => detail.outcomes.get(id),
    verifyTransition: (id) => detail.verify(id),
    openedGeneration: () => {
      const g = detail.generation;
      return g ? { id: g.id, status: g.status, transitions: g.transitions.map((t) => ({ id: t.id, to: t.to })) } : undefined;
    },
  };
  return { api, brands, signedIn: () => session.signedIn };
}

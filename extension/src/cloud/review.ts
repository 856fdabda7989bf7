/**
 * Moving generations through the review pipeline from the editor (GENERATED → QA_REVIEW →
 * APPROVED → DEPLOYED, with REJECTED and DEPLOY_FAILED) and recording corrections. The server owns
 * the rules (who may move what, where a note is needed, the re-check before approval); the editor
 * asks for a note where the pipeline needs one and shows the server's refusal with its advice.
 */
import * as vscode from 'vscode';
import { CORRECTION_KINDS, type CorrectionKind, type GenerationStatus } from './api-types';
import type { GenerateHost } from './generate';
import { reportError } from './session';

/** A tree item or explicit arguments naming the generation a command acts on. */
export interface GenerationRef {
  generationId?: string;
  generation?: { id: string };
  note?: string;
}

/** The pipeline's moves the editor offers, with the words the UI uses. */
export const MOVES: Record<string, { to: GenerationStatus; verb: string; note: 'required' | 'optional' | 'none' }> = {
  submit: { to: 'QA_REVIEW', verb: 'Submit for review', note: 'none' },
  approve: { to: 'APPROVED', verb: 'Approve', note: 'required' },
  reject: { to: 'REJECTED', verb: 'Reject', note: 'required' },
  deployed: { to: 'DEPLOYED', verb: 'Mark deployed', note: 'optional' },
  deployFailed: { to: 'DEPLOY_FAILED', verb: 'Mark deploy failed', note: 'required' },
};

function idOf(host: GenerateHost, ref: GenerationRef | undefined): string | undefined {
  const id = ref?.generationId ?? ref?.generation?.id;
  if (id) return id;
  const editor = vscode.window.activeTextEditor;
  return editor ? host.tracked.get(editor.document.uri)?.generation.id : undefined;
}

/** Runs one move; returns the new status, or undefined when cancelled or refused. */
export async function move(host: GenerateHost, name: keyof typeof MOVES, ref?: GenerationRef): Promise<GenerationStatus | undefined> {
  const m = MOVES[name]!;
  const client = host.session.requireClient();
  if (!client) return undefined;
  const id = idOf(host, ref);
  if (!id) {
    void vscode.window.showWarningMessage(`brandsafe: ${m.verb}: open generated code, or pick an item in the brandsafe panel.`);
    return undefined;
  }
  let note = ref?.note;
  if (note === undefined && m.note !== 'none') {
    note = await vscode.window.showInputBox({
      title: `${m.verb}: note${m.note === 'optional' ? ' (optional)' : ''}`,
      prompt: m.note === 'required' ? 'The review pipeline records why (shown in the audit trail)' : 'Anything worth recording',
      ignoreFocusOut: true,
      validateInput: (v) => (m.note === 'required' && !v.trim() ? 'A note is required' : undefined),
    });
    if (note === undefined) return undefined;
  }
  try {
    const result = await client.transition(id, m.to, note?.trim() || undefined);
    host.changed();
    const editor = vscode.window.activeTextEditor;
    const tracked = editor && host.tracked.get(editor.document.uri);
    if (editor && tracked?.generation.id === id) host.tracked.update(editor.document.uri, { ...tracked.generation, status: result.to });
    void vscode.window.showInformationMessage(`brandsafe: ${result.generation.description} is now ${result.to}.`);
    return result.to;
  } catch (error) {
    reportError(host.output, `${m.verb.toLowerCase()} failed`, error);
    return undefined;
  }
}

export interface CorrectionArgs extends GenerationRef {
  code?: string;
  reason?: string;
  kind?: CorrectionKind;
}

/**
 * `brandsafe.recordCorrection`: the edited code (the selection, else the tracked generated code)
 * and a reason go to the server, which stores the unified diff against the generated code.
 */
export async function recordCorrection(host: GenerateHost, args: CorrectionArgs = {}): Promise<string | undefined> {
  const client = host.session.requireClient();
  if (!client) return undefined;
  const editor = vscode.window.activeTextEditor;
  const id = idOf(host, args);
  let code = args.code;
  if (code === undefined && editor) code = editor.selection.isEmpty ? host.tracked.text(editor.document) : editor.document.getText(editor.selection);
  if (!id || !code) {
    void vscode.window.showWarningMessage('brandsafe: record a correction on generated code: open it (or select the corrected code) first.');
    return undefined;
  }
  const kind =
    args.kind ??
    ((await vscode.window.showQuickPick([...CORRECTION_KINDS], { placeHolder: 'What does the correction fix?' })) as CorrectionKind | undefined);
  if (!kind) return undefined;
  const reason = args.reason ?? (await vscode.window.showInputBox({ prompt: 'Why was the generated code changed?', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'A reason is required') }));
  if (!reason) return undefined;
  try {
    const correction = await client.correct(id, { code, reason, kind });
    host.changed();
    // The corrected code is now the reference: a later submit sees no unrecorded edit.
    const tracked = editor && host.tracked.get(editor.document.uri);
    if (editor && tracked?.generation.id === id) host.tracked.update(editor.document.uri, { ...tracked.generation, code });
    const lines = correction.diff.split('\n').filter((l) => /^[+-](?![+-])/.test(l)).length;
    host.output.info(`brandsafe: correction ${correction.id} recorded on ${id}:\n${correction.diff}`);
    void vscode.window.showInformationMessage(`brandsafe: correction recorded (${lines} changed line(s)).`);
    return correction.id;
  } catch (error) {
    reportError(host.output, 'could not record the correction', error);
    return undefined;
  }
}

/**
 * `brandsafe.submitForReview`: when the generated code in the editor was edited since it was
 * generated (or last corrected), offers to record the correction first, so reviewers see the code
 * that will ship and the learning loop gets the diff.
 */
export async function submitForReview(host: GenerateHost, ref?: GenerationRef): Promise<GenerationStatus | undefined> {
  const editor = vscode.window.activeTextEditor;
  const tracked = editor && !ref?.generationId && !ref?.generation ? host.tracked.get(editor.document.uri) : undefined;
  const current = editor && tracked ? host.tracked.text(editor.document) : undefined;
  if (tracked && current !== undefined && current !== tracked.generation.code) {
    const choice = await vscode.window.showWarningMessage(
      'brandsafe: the generated code was edited. Record the correction before submitting?',
      { modal: true },
      'Record Correction',
      'Submit As Generated',
    );
    if (!choice) return undefined;
    if (choice === 'Record Correction' && !(await recordCorrection(host, { generationId: tracked.generation.id }))) return undefined;
  }
  return move(host, 'submit', ref);
}

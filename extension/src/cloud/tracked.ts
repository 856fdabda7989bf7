/**
 * Generated code the user has in an editor: which generation it came from and where it sits now.
 * The range follows edits above and inside it, so "submit for review" and "record correction" find
 * the code the user has been editing. A decoration beside the first line shows confidence and
 * findings (issue 7: "the findings and the confidence shown beside it").
 */
import * as vscode from 'vscode';
import type { Generation } from './api-types';

export interface TrackedCode {
  generation: Generation;
  uri: string;
  /** Offsets into the document; the whole document when the editor was opened for the code. */
  start: number;
  end: number;
}

export class TrackedGenerations implements vscode.Disposable {
  readonly #byUri = new Map<string, TrackedCode>();
  readonly #decoration = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em', fontStyle: 'italic' },
  });
  readonly #subs: vscode.Disposable[] = [];

  constructor() {
    this.#subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.#shift(e)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((ed) => this.decorate(ed))),
    );
  }

  track(editor: vscode.TextEditor, generation: Generation, start: number, end: number): void {
    this.#byUri.set(editor.document.uri.toString(), { generation, uri: editor.document.uri.toString(), start, end });
    this.decorate(editor);
  }

  get(uri: vscode.Uri): TrackedCode | undefined {
    return this.#byUri.get(uri.toString());
  }

  update(uri: vscode.Uri, generation: Generation): void {
    const t = this.#byUri.get(uri.toString());
    if (t) t.generation = generation;
    for (const ed of vscode.window.visibleTextEditors) if (ed.document.uri.toString() === uri.toString()) this.decorate(ed);
  }

  /** The tracked code's current text in `document`. */
  text(document: vscode.TextDocument): string | undefined {
    const t = this.get(document.uri);
    return t ? document.getText(new vscode.Range(document.positionAt(t.start), document.positionAt(t.end))) : undefined;
  }

  decorate(editor: vscode.TextEditor): void {
    const t = this.get(editor.document.uri);
    if (!t) return;
    const g = t.generation;
    const errors = g.findings.filter((f) => f.severity === 'error').length;
    const label = `brandsafe: ${g.status} · confidence ${Math.round(g.confidence * 100)}% · ${g.findings.length} finding${g.findings.length === 1 ? '' : 's'}${errors ? ` (${errors} errors)` : ''}`;
    const line = editor.document.positionAt(t.start).line;
    const range = editor.document.lineAt(line).range;
    editor.setDecorations(this.#decoration, [{ range, renderOptions: { after: { contentText: label } } }]);
  }

  #shift(e: vscode.TextDocumentChangeEvent): void {
    const t = this.#byUri.get(e.document.uri.toString());
    if (!t) return;
    for (const change of e.contentChanges) {
      const delta = change.text.length - change.rangeLength;
      const changeEnd = change.rangeOffset + change.rangeLength;
      if (changeEnd <= t.start && change.rangeOffset < t.start) {
        t.start += delta;
        t.end += delta;
      } else if (change.rangeOffset >= t.start && change.rangeOffset <= t.end) {
        t.end = Math.max(t.start, t.end + delta);
      }
    }
  }

  dispose(): void {
    this.#decoration.dispose();
    this.#subs.forEach((s) => s.dispose());
  }
}

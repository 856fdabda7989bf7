/**
 * Code actions served from the record made while validating (the vscode-eslint habit): every
 * published diagnostic's finding is kept under its {@link diagnosticKey}, so `onCodeAction` never
 * re-runs the checker. Offers the finding's own fixes, a suppression comment, and fix-all
 * (`source.fixAll.brandsafe`, LSP 3.17 CodeActionKind.SourceFixAll with our suffix).
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '@brandsafe/rules';
import { diagnosticKey } from './diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.brandsafe`;

/** Directive the checker honours to skip one rule on the next line (same syntax as the CLI). */
export const DISABLE_NEXT_LINE = 'brandsafe-disable-next-line';

/** A published diagnostic and the finding it came from. */
export interface RecordEntry {
  finding: Finding;
  diagnostic: Diagnostic;
}

/** One validation's entries, keyed on first use: code actions are asked for far less often than documents change. */
class DocumentRecord {
  #entries: Map<string, RecordEntry> | undefined;

  constructor(
    readonly version: number,
    private readonly items: readonly RecordEntry[],
  ) {}

  /** The entries by {@link diagnosticKey} (the last of equal keys wins). */
  get entries(): Map<string, RecordEntry> {
    this.#entries ??= new Map(this.items.map((item) => [diagnosticKey(item.diagnostic), item]));
    return this.#entries;
  }
}

/** What validation found for each document, kept until the next validation of it. */
export class FixRecord {
  readonly #documents = new Map<string, DocumentRecord>();

  set(uri: string, version: number, items: RecordEntry[]): void {
    this.#documents.set(uri, new DocumentRecord(version, items));
  }

  delete(uri: string): void {
    this.#documents.delete(uri);
  }

  get(uri: string): DocumentRecord | undefined {
    return this.#documents.get(uri);
  }
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }): boolean =>
    p.line < q.line || (p.line === q.line && p.character <= q.character);
  return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}

/** The preferred fix of every finding, skipping fixes whose edits overlap one already taken. */
export function fixAllEdits(findings: Iterable<Finding>): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.preferred);
    if (!fix) continue;
    if (fix.edits.some((edit) => taken.some((t) => overlaps(edit, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

/** The suppression comment for the line of `diagnostic`, indented like that line. */
export function suppressionEdit(document: TextDocument, diagnostic: Diagnostic, ruleId: string): TextEdit {
  const line = diagnostic.range.start.line;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const body = `${DISABLE_NEXT_LINE} ${ruleId} -- reason`;
  const comment = document.languageId === 'css' ? `/* ${body} */` : `// ${body}`;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}\n` };
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Answers `textDocument/codeAction` from the record; empty when the record is stale. */
export function codeActions(record: FixRecord, document: TextDocument, params: CodeActionParams): CodeAction[] {
  const doc = record.get(document.uri);
  if (!doc || doc.version !== document.version) return [];
  const uri = document.uri;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const entry = doc.entries.get(diagnosticKey(diagnostic));
      if (!entry) continue;
      for (const fix of entry.finding.fixes ?? []) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [entry.diagnostic],
          isPreferred: fix.preferred === true,
          edit: { changes: { [uri]: fix.edits } },
        });
      }
      if (document.languageId !== 'turtle') {
        const ruleId = entry.finding.ruleId;
        actions.push({
          title: `Disable ${ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [entry.diagnostic],
          edit: { changes: { [uri]: [suppressionEdit(document, entry.diagnostic, ruleId)] } },
        });
      }
    }
  }
  // Fix-all is only offered when asked for by kind (on save, or from the source action menu).
  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits([...doc.entries.values()].map((e) => e.finding));
    if (edits.length > 0) {
      actions.push({ title: 'Fix all brandsafe problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
    }
  }
  return actions;
}

import { LineIndex } from './line-index.js';
import type { Finding, TextEdit } from './types.js';

/**
 * Applies text edits to a text, as an editor would: every range refers to the original text.
 * Overlapping edits cannot both apply; the later one (in document order) is dropped, the same
 * policy ESLint's fixer uses, so "fix all" converges when run again.
 *
 * @returns the new text and the edits that were not applied.
 */
export function applyFixes(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const index = new LineIndex(text);
  const located = edits
    .map((edit, order) => ({ edit, order, start: index.offset(edit.range.start), end: index.offset(edit.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const skipped: TextEdit[] = [];
  let out = '';
  let cursor = 0;
  for (const e of located) {
    if (e.start < cursor) {
      skipped.push(e.edit);
      continue;
    }
    out += text.slice(cursor, e.start) + e.edit.newText;
    cursor = e.end;
  }
  return { text: out + text.slice(cursor), skipped };
}

/** The edits of every finding's preferred fix (the "fix all" set, source.fixAll.brandsafe). */
export function preferredEdits(findings: readonly Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.preferred);
    if (fix) edits.push(...fix.edits);
  }
  return edits;
}

/**
 * Hover and completion for selector strings in variation code: what the brand says about the
 * selector under the cursor, and the brand's approved selectors inside selector-taking calls.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  MarkupKind,
  type CompletionItem,
  type Hover,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ApprovedSelector, Brand, Stability } from '@brandsafe/brand-kit';
import type { SelectorUse } from '@brandsafe/rules';
import type { SnapshotMatch } from './engine.js';
import { detectPageType, selectorStringAt, type SelectorString } from './selector-context.js';

function lineAt(document: TextDocument, position: Position): string {
  return document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/** The selector string under the cursor, only when it is an argument of a selector-taking call. */
export function selectorAt(document: TextDocument, position: Position): SelectorString | undefined {
  const found = selectorStringAt(lineAt(document, position), position.line, position.character);
  return found?.callee ? found : undefined;
}

const within = (range: Range, p: Position): boolean =>
  (range.start.line < p.line || (range.start.line === p.line && range.start.character <= p.character)) &&
  (p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character));

/**
 * The selector under the cursor as the checker sees it (JS calls and CSS rule selectors, one
 * part of a selector list), falling back to the lexical reading while the file does not parse.
 */
export function hoveredSelector(document: TextDocument, position: Position, uses: readonly SelectorUse[]): HoveredSelector | undefined {
  for (const use of uses) {
    if (use.dynamic || !within(use.range, position)) continue;
    const part = use.parts.find((p) => within(p.range, position)) ?? use.parts[0];
    return part ? { value: part.selector, range: part.range } : undefined;
  }
  return selectorAt(document, position);
}

const normalize = (css: string): string => css.trim().replace(/\s+/g, ' ');

export function findApproved(brand: Brand, css: string): ApprovedSelector | undefined {
  const wanted = normalize(css);
  return brand.selectors.find((s) => normalize(s.css) === wanted);
}

function matchesLine(matches: SnapshotMatch[]): string {
  if (matches.length === 0) return 'no page snapshots found';
  return matches.map((m) => `\`${m.snapshot}\` ${m.count}`).join(' · ');
}

/** Markdown hover for a selector string: approved or not, description, page types, stability, matches. */
/** A selector and where it is written. */
export type HoveredSelector = Pick<SelectorString, 'value' | 'range'>;

export function selectorHover(
  selector: HoveredSelector,
  brand: Brand | undefined,
  matches: SnapshotMatch[],
): Hover {
  const lines: string[] = [];
  const approved = brand ? findApproved(brand, selector.value) : undefined;
  if (!brand) {
    lines.push(`**brandsafe** · \`${selector.value}\``, '', 'No brand found: add `.brandsafe/brand.ttl` or set `brandsafe.brand`.');
  } else if (approved) {
    lines.push(`**brandsafe** · approved selector of ${brand.name}: \`${approved.css}\``);
    if (approved.label || approved.description) {
      lines.push('', [approved.label, approved.description].filter(Boolean).join(' — '));
    }
    lines.push(
      '',
      `- Page types: ${approved.pageTypes.length ? approved.pageTypes.join(', ') : 'all pages'}`,
      `- Stability: ${approved.stability}`,
    );
  } else {
    lines.push(`**brandsafe** · \`${selector.value}\` is **not** an approved selector of ${brand.name}`);
  }
  lines.push(`- Matches per snapshot: ${matchesLine(matches)}`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: selector.range };
}

const STABILITY_ORDER: Record<Stability, number> = { stable: 0, experimental: 1, volatile: 2, deprecated: 3 };

/** Completion items for the approved selectors, filtered by the page type the file declares. */
export function selectorCompletions(document: TextDocument, selector: SelectorString, brand: Brand): CompletionItem[] {
  const pageType = detectPageType(document.getText());
  return brand.selectors
    .filter((s) => !pageType || s.pageTypes.length === 0 || s.pageTypes.includes(pageType))
    .map((s): CompletionItem => ({
      label: s.css,
      kind: CompletionItemKind.Value,
      detail: [s.label ?? s.id, s.stability, s.pageTypes.join(', ') || 'all pages'].join(' · '),
      ...(s.description ? { documentation: { kind: MarkupKind.Markdown, value: s.description } } : {}),
      sortText: `${STABILITY_ORDER[s.stability] ?? 9}-${s.css}`,
      filterText: s.css,
      textEdit: { range: selector.range, newText: s.css },
      ...(s.stability === 'deprecated' ? { tags: [CompletionItemTag.Deprecated] } : {}),
    }));
}

/**
 * The event listing's other media types (issue 5 §3): NDJSON (one JSON object per line,
 * https://github.com/ndjson/ndjson-spec) and CSV (RFC 4180: CRLF line ends, fields quoted when
 * they hold a comma, quote or line break, quotes doubled).
 */
import type { AuditLogEntry } from '@brandsafe/db';

/** The JSON item of one event in listings. */
export function entryJson(entry: AuditLogEntry) {
  const { id, seq, workspaceId, type, actor, at, payload } = entry.event;
  return { id, seq, workspaceId, type, actor, at, payload, leafIndex: entry.leafIndex };
}

export type ListFormat = 'json' | 'ndjson' | 'csv';

/** The format asked for by `format=` first, else by the Accept header, else JSON. */
export function negotiateFormat(format: ListFormat | undefined, accept: string | undefined): ListFormat {
  if (format) return format;
  const a = (accept ?? '').toLowerCase();
  if (/application\/(x-)?ndjson|application\/jsonl/.test(a)) return 'ndjson';
  if (a.includes('text/csv')) return 'csv';
  return 'json';
}

export function toNdjson(entries: readonly AuditLogEntry[]): string {
  return entries.map((e) => `${JSON.stringify(entryJson(e))}\n`).join('');
}

const CSV_COLUMNS = ['id', 'seq', 'type', 'actor', 'at', 'leafIndex', 'payload'] as const;

function csvField(value: string): string {
  // A leading =, +, - or @ makes spreadsheets evaluate the cell (OWASP CSV injection): prefix '.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(entries: readonly AuditLogEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const j = entryJson(e);
    lines.push([j.id, j.seq, j.type, j.actor, j.at, j.leafIndex === null ? '' : String(j.leafIndex), JSON.stringify(j.payload)].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

import type { RunReport } from '../report.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** Whether a `--format` value names a formatter. */
export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** Renders a run in the chosen format. `color` matters only for stylish. */
export function format(name: Format, report: RunReport, options: { color: boolean }): string {
  switch (name) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'stylish':
      return formatStylish(report, options);
  }
}

export { formatJson, formatSarif, formatStylish };

import { relative } from 'node:path';
import pc from 'picocolors';
import { sortFindings, totalCounts, type RunReport } from '../report.js';

function plural(word: string, n: number): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Path as the user would type it: relative to the working directory, with `/` separators. */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel === '' || rel.startsWith('..') ? file : rel).split('\\').join('/');
}

/**
 * `--format stylish` (the default): ESLint's stylish layout — the file, then one aligned row per
 * finding `line:col  severity  message  rule-id`, then a `✖ N problems` summary — with colour only
 * when asked (a TTY without NO_COLOR). Notes (skipped files and rules) follow the summary.
 * Paths are relative to the working directory, unlike ESLint's absolute ones, so output pasted in
 * a review or kept as a golden file does not depend on the machine.
 */
export function formatStylish(report: RunReport, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  let out = '';
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const rows = sortFindings(file.findings).map((f) => ({
      pos: `${f.range.start.line + 1}:${f.range.start.character + 1}`,
      severity: f.severity,
      message: f.message.replace(/([^ ])\.$/u, '$1'),
      ruleId: f.ruleId,
    }));
    const posWidth = Math.max(...rows.map((r) => r.pos.length));
    const sevWidth = Math.max(...rows.map((r) => r.severity.length));
    const msgWidth = Math.max(...rows.map((r) => r.message.length));
    out += `\n${c.underline(displayPath(report.cwd, file.filePath))}\n`;
    for (const r of rows) {
      const sev = r.severity === 'error' ? c.red : r.severity === 'warning' ? c.yellow : c.blue;
      out +=
        `  ${c.dim(r.pos.padEnd(posWidth))}  ${sev(r.severity.padEnd(sevWidth))}  ` +
        `${r.message.padEnd(msgWidth)}  ${c.dim(r.ruleId)}\n`;
    }
  }
  const t = totalCounts(report.files);
  const total = t.errorCount + t.warningCount;
  if (total > 0) {
    const color = t.errorCount > 0 ? c.red : c.yellow;
    out +=
      '\n' +
      color(c.bold(`✖ ${plural('problem', total)} (${plural('error', t.errorCount)}, ${plural('warning', t.warningCount)})`)) +
      '\n';
    if (t.fixableErrorCount + t.fixableWarningCount > 0) {
      out += color(
        c.bold(
          `  ${plural('error', t.fixableErrorCount)} and ${plural('warning', t.fixableWarningCount)} ` +
            'potentially fixable with the `--fix` option.',
        ),
      );
      out += '\n';
    }
  }
  if (report.notes.length > 0) out += `\n${formatNotes(report, options)}`;
  return out;
}

/** Notes as lines (`note: …` / `warning: …`), for the end of the stylish report or for stderr. */
export function formatNotes(report: RunReport, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  return report.notes
    .map((n) => {
      const where = n.filePath ? `${displayPath(report.cwd, n.filePath)}: ` : '';
      const label = n.level === 'warning' ? c.yellow('warning') : c.dim('note');
      return `brandsafe ${label}: ${where}${n.message}\n`;
    })
    .join('');
}

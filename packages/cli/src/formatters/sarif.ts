import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex, type Finding, type RuleMeta, type Severity } from '@brandsafe/rules';
import type * as Sarif from 'sarif';
import { sortFindings, type RunReport, type RunNote } from '../report.js';
import { HOMEPAGE } from '../version.js';

/** SARIF 2.1.0 §3.27.10: `error`, `warning`, `note`. */
function level(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** SARIF §3.49.7 `name`: a readable identifier, `recommended/no-eval` → `NoEval`. */
function ruleName(id: string): string {
  const local = id.slice(id.indexOf('/') + 1);
  return local.replace(/(^|[-_])([a-z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

function ruleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const facts = [
    `Rule pack: ${meta.pack}.`,
    meta.requiresBrand ? 'Needs a brand graph (.brandsafe/brand.ttl).' : 'Needs no brand graph.',
    meta.fixable ? 'Has a quick fix.' : '',
  ].filter(Boolean);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} ${facts.join(' ')}` },
    helpUri: meta.docsUrl,
    help: {
      text: `${meta.description} See ${meta.docsUrl}`,
      markdown: `${meta.description}\n\n[Rule documentation](${meta.docsUrl})`,
    },
    defaultConfiguration: { level: level(meta.defaultSeverity) },
    properties: { tags: [meta.pack, 'brandsafe'] },
  };
}

/** A descriptor for a rule the checker reported but did not list (e.g. a brand-declared rule). */
function adHocDescriptor(finding: Finding): Sarif.ReportingDescriptor {
  return {
    id: finding.ruleId,
    name: ruleName(finding.ruleId),
    shortDescription: { text: finding.ruleId },
    ...(finding.docsUrl ? { helpUri: finding.docsUrl } : {}),
    defaultConfiguration: { level: level(finding.severity) },
  };
}

/**
 * SARIF §3.4.4: a relative reference resolved against `originalUriBaseIds.SRCROOT`, percent-
 * encoded per segment. Files outside the working directory get an absolute `file:` URI instead.
 */
export function artifactLocation(cwd: string, file: string): Sarif.ArtifactLocation {
  const rel = relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || rel.includes(':')) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

/**
 * The finding's region with its text as `snippet` (SARIF §3.30.13) and the surrounding lines as
 * `contextRegion` (§3.29.5), so a viewer can show the code without the file at hand.
 */
function regions(finding: Finding, source: string, offsets: LineIndex): Pick<Sarif.PhysicalLocation, 'region' | 'contextRegion'> {
  const { start, end } = finding.range;
  const [from, to] = [offsets.offset(finding.range.start), offsets.offset(finding.range.end)];
  const region: Sarif.Region = {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    snippet: { text: source.slice(from, to) },
  };
  const firstLine = Math.max(0, start.line - 1);
  const lastLine = Math.max(end.line, Math.min(end.line + 1, offsets.lineCount - 1));
  const ctxFrom = offsets.offset({ line: firstLine, character: 0 });
  const ctxTo = offsets.offset({ line: lastLine, character: Number.MAX_SAFE_INTEGER });
  return {
    region,
    contextRegion: { startLine: firstLine + 1, endLine: lastLine + 1, snippet: { text: source.slice(ctxFrom, ctxTo) } },
  };
}

function notification(cwd: string, note: RunNote): Sarif.Notification {
  return {
    level: note.level,
    message: { text: note.message },
    ...(note.filePath ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(cwd, note.filePath) } }] } : {}),
  };
}

/**
 * `--format sarif`: a SARIF 2.1.0 log (OASIS standard, errata 01) for GitHub code scanning and
 * other SARIF viewers. Every rule the checker knows is in `tool.driver.rules` with its help URI
 * and default level; each result points at it by `ruleId` and `ruleIndex`; locations are relative
 * to `SRCROOT` (the working directory) and columns count UTF-16 code units (`columnKind`), as the
 * checker's positions do. Skipped files and rules become notifications of the invocation.
 */
export function toSarifLog(report: RunReport): Sarif.Log {
  const rules = report.rules.map(ruleDescriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = [];
  for (const file of report.files) {
    const location = artifactLocation(report.cwd, file.filePath);
    const offsets = new LineIndex(file.source);
    for (const finding of sortFindings(file.findings)) {
      let ruleIndex = index.get(finding.ruleId);
      if (ruleIndex === undefined) {
        ruleIndex = rules.push(adHocDescriptor(finding)) - 1;
        index.set(finding.ruleId, ruleIndex);
      }
      results.push({
        ruleId: finding.ruleId,
        ruleIndex,
        level: level(finding.severity),
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: location, ...regions(finding, file.source, offsets) } }],
      });
    }
  }
  const srcroot = pathToFileURL(report.cwd).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'brandsafe',
            version: report.toolVersion,
            semanticVersion: report.toolVersion,
            informationUri: HOMEPAGE,
            rules,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: srcroot.endsWith('/') ? srcroot : `${srcroot}/` } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notes
              .filter((n) => n.kind === 'skipped-file')
              .map((n) => notification(report.cwd, n)),
            toolConfigurationNotifications: report.notes
              .filter((n) => n.kind !== 'skipped-file')
              .map((n) => notification(report.cwd, n)),
          },
        ],
      },
    ],
  };
}

/** The SARIF log as pretty-printed JSON (SARIF viewers and reviewers read it as a file). */
export function formatSarif(report: RunReport): string {
  return JSON.stringify(toSarifLog(report), null, 2) + '\n';
}

/**
 * Validation of open documents: coalesced per document, never publishing a result for a version
 * older than the document's current one (each run remembers the version it checked and drops its
 * result when the document moved on), and recording fixes for code actions as it goes.
 */
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { discoverBrand, type BrandCache, type BrandDiscovery, type BrandEntry } from './brands.js';
import type { FixRecord, RecordEntry } from './code-actions.js';
import { failureDiagnostic, findingToDiagnostic, problemToDiagnostic } from './diagnostics.js';
import type { Engine } from './engine.js';
import { documentKind, uriToPath } from './languages.js';
import type { Settings } from './settings.js';

export interface ValidationOutcome {
  diagnostics: Diagnostic[];
  /** The brand file used, if any. */
  brand?: BrandEntry;
  /** A failure worth a status notification. */
  failure?: string;
}

export interface ValidatorOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  engine: Engine;
  brands: BrandCache;
  /** Where each open document's brand file is (kept between keystrokes). */
  discovery: BrandDiscovery;
  record: FixRecord;
  settings(uri: string): Promise<Settings>;
  folderOf(uri: string): string | undefined;
  /** `--brand` from the command line: used when the setting is empty. */
  cliBrand?: string;
  /** Called after each published result (for the status notification). */
  onPublished(uri: string, outcome: ValidationOutcome): void;
}

/** Checks one text (open or not) against its brand and returns diagnostics and fixable findings. */
export async function checkText(
  opts: Pick<ValidatorOptions, 'engine' | 'brands' | 'cliBrand'>,
  doc: { uri: string; languageId: string; text: string },
  settings: Settings,
  folder: string | undefined,
  discover: (path: string | undefined, explicit: string | null) => Promise<string | undefined> = (p, e) =>
    discoverBrand(p, e, folder),
): Promise<ValidationOutcome & { items: RecordEntry[] }> {
  const kind = documentKind(doc.languageId, doc.uri);
  const path = uriToPath(doc.uri);
  if (kind.kind === 'none') return { diagnostics: [], items: [] };
  if (kind.kind === 'turtle') {
    const loaded = await opts.engine.loadBrand(doc.text, path ? { file: path } : {});
    return { diagnostics: loaded.problems.map(problemToDiagnostic), items: [] };
  }
  const brandFile = await discover(path, settings.brand ?? opts.cliBrand ?? null);
  const brand = brandFile ? await opts.brands.get(brandFile) : undefined;
  const diagnostics: Diagnostic[] = [];
  let failure: string | undefined;
  if (brand?.readError) {
    failure = brand.readError;
    diagnostics.push(failureDiagnostic(`brandsafe: ${brand.readError}; brand rules are skipped.`, DiagnosticSeverity.Warning));
  } else if (brand && !brand.brand) {
    const errors = brand.problems.filter((p) => p.severity === 'error').length;
    failure = `the brand file ${brandFile} has ${errors} error(s)`;
    diagnostics.push(
      failureDiagnostic(`brandsafe: ${failure}; brand rules are skipped until it is fixed.`, DiagnosticSeverity.Warning),
    );
  }
  // The options are exactly the CLI's (`brandsafe check` without --page-type), so the editor shows
  // the same findings as the command line for the same text and brand.
  const result = opts.engine.check(
    { text: doc.text, language: kind.language, ...(path ? { filename: path } : {}) },
    { brand: brand?.brand, rules: settings.rules },
  );
  const items = result.findings.map((finding) => ({ finding, diagnostic: findingToDiagnostic(finding) }));
  diagnostics.push(...items.map((item) => item.diagnostic));
  return { diagnostics, items, brand, failure };
}

export class Validator {
  readonly #opts: ValidatorOptions;
  /** Documents with a check queued for the next turn of the event loop. */
  readonly #queued = new Map<string, NodeJS.Immediate>();
  /** Documents being checked now, and whether they changed meanwhile (dirty). */
  readonly #running = new Map<string, boolean>();

  constructor(opts: ValidatorOptions) {
    this.#opts = opts;
  }

  /**
   * Check soon. The debounce adapts to the load instead of waiting a fixed time: every change
   * that arrives before the queued check starts (the same read from the client) joins it, and
   * changes that arrive while a check runs make exactly one more check when it ends. So an idle
   * server answers a keystroke at once, and a busy one never queues more than one check per file.
   */
  schedule(uri: string): void {
    if (this.#running.has(uri)) {
      this.#running.set(uri, true);
      return;
    }
    if (this.#queued.has(uri)) return;
    this.#queued.set(
      uri,
      setImmediate(() => {
        this.#queued.delete(uri);
        void this.#run(uri);
      }),
    );
  }

  async #run(uri: string): Promise<void> {
    this.#running.set(uri, false);
    try {
      await this.validate(uri);
    } finally {
      const dirty = this.#running.get(uri);
      this.#running.delete(uri);
      if (dirty) this.schedule(uri);
    }
  }

  scheduleAll(): void {
    for (const document of this.#opts.documents.all()) this.schedule(document.uri);
  }

  cancel(uri: string): void {
    const queued = this.#queued.get(uri);
    if (queued) clearImmediate(queued);
    this.#queued.delete(uri);
  }

  /** Check the open document now and publish, unless it changed meanwhile. Never throws. */
  async validate(uri: string): Promise<void> {
    const { documents, connection, record } = this.#opts;
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    let outcome: ValidationOutcome & { items: RecordEntry[] };
    try {
      const settings = await this.#opts.settings(uri);
      if (!settings.enable) {
        outcome = { diagnostics: [], items: [] };
      } else {
        const folder = this.#opts.folderOf(uri);
        outcome = await checkText(
          this.#opts,
          { uri, languageId: document.languageId, text: document.getText() },
          settings,
          folder,
          (path, explicit) => this.#opts.discovery.find(path, explicit, folder),
        );
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      outcome = {
        diagnostics: [failureDiagnostic(`brandsafe could not check this file: ${reason}`)],
        items: [],
        failure: reason,
      };
    }
    // A newer version exists (or the document closed): its own validation will publish.
    if (documents.get(uri)?.version !== version) return;
    record.set(uri, version, outcome.items);
    await connection.sendDiagnostics({ uri, version, diagnostics: outcome.diagnostics });
    this.#opts.onPublished(uri, outcome);
  }
}

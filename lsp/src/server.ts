/**
 * The brandsafe language server: wires documents, settings, brand discovery, validation, code
 * actions, hover, completion and definition onto an LSP connection. Every handler turns failures
 * into a status notification or a diagnostic; nothing here throws at the client.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BRAND_FILE, BrandCache, BrandDiscovery } from './brands.js';
import { FIX_ALL_KIND, FixRecord } from './code-actions.js';
import type { Engine } from './engine.js';
import { documentKind, pathToUri, uriToPath } from './languages.js';
import { CheckWorkspaceRequest, StatusNotification, type StatusParams } from './protocol.js';
import { DEFAULT_SETTINGS, settingsFrom, type Settings } from './settings.js';
import { TurtleIndex } from './turtle-features.js';
import { registerFeatures } from './features.js';
import { Validator, checkText, type ValidationOutcome } from './validator.js';
import { checkWorkspace } from './workspace-check.js';

export interface ServerOptions {
  engine: Engine;
  /** `--brand <file>` from the command line; the `brandsafe.brand` setting still wins. */
  cliBrand?: string;
}

/** Starts serving on `connection` (created by the caller for stdio, IPC or a test stream pair). */
export function startServer(connection: Connection, options: ServerOptions): void {
  const { engine } = options;
  const documents = new TextDocuments(TextDocument);
  const record = new FixRecord();
  let folders: string[] = [];
  let pullConfiguration = false;
  let watchFiles = false;
  let workDoneProgress = false;
  let workspaceFolderEvents = false;
  let globalSettings: Settings = { ...DEFAULT_SETTINGS };
  const settingsCache = new Map<string, Promise<Settings>>();
  const problems = new Map<string, number>();

  const openByPath = (path: string): TextDocument | undefined => documents.get(pathToUri(path));
  const brands = new BrandCache(engine, (file) => openByPath(file)?.getText());
  const discovery = new BrandDiscovery();
  const turtleIndex = new TurtleIndex(engine, (path) => {
    const doc = openByPath(path);
    return doc ? { text: doc.getText(), version: doc.version } : undefined;
  });

  const folderOf = (uri: string): string | undefined => {
    const path = uriToPath(uri);
    if (!path) return folders[0];
    return folders.filter((f) => path === f || path.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0];
  };

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!pullConfiguration) return Promise.resolve(globalSettings);
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'brandsafe' })
        .then((value: unknown) => settingsFrom(value), () => ({ ...DEFAULT_SETTINGS }));
      settingsCache.set(uri, pending);
    }
    return pending;
  };

  /** The last status sent, to send a status only when it changed (see StatusNotification). */
  let lastStatus = '';
  const sendStatus = (uri: string | undefined, outcome?: ValidationOutcome): void => {
    let total = 0;
    for (const n of problems.values()) total += n;
    const brand = outcome?.brand?.brand;
    const status: StatusParams = {
      state: outcome?.failure ? (outcome.brand && !outcome.brand.readError ? 'warn' : 'error') : 'ok',
      problems: total,
      ...(brand && outcome?.brand ? { brand: { name: brand.name, file: outcome.brand.file } } : {}),
      ...(outcome?.failure ? { message: outcome.failure } : {}),
      ...(uri ? { uri } : {}),
    };
    // Most keystrokes change nothing here: the client re-renders its status bar only when it moved.
    const key = JSON.stringify(status);
    if (key === lastStatus) return;
    lastStatus = key;
    void connection.sendNotification(StatusNotification.type, status);
  };

  const validator = new Validator({
    connection,
    documents,
    engine,
    brands,
    discovery,
    record,
    settings: settingsFor,
    folderOf,
    ...(options.cliBrand ? { cliBrand: options.cliBrand } : {}),
    onPublished(uri, outcome) {
      problems.set(uri, outcome.diagnostics.length);
      sendStatus(uri, outcome);
    },
  });

  /** The brand a document is checked against (for hover and completion). */
  const brandFor = async (uri: string) => {
    const settings = await settingsFor(uri);
    const file = await discovery.find(uriToPath(uri), settings.brand ?? options.cliBrand ?? null, folderOf(uri));
    return file ? brands.get(file) : undefined;
  };

  /** A Turtle document changed: if it is a brand in use, every open document is checked again. */
  const brandTouched = (uri: string): void => {
    const path = uriToPath(uri);
    if (path && brands.invalidate(path)) validator.scheduleAll();
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pullConfiguration = caps.workspace?.configuration === true;
    watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workDoneProgress = caps.window?.workDoneProgress === true;
    workspaceFolderEvents = caps.workspace?.workspaceFolders === true;
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    const root = params.rootUri ? uriToPath(params.rootUri) : undefined;
    if (folders.length === 0 && root) folders = [root];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', "'", '`', ':'] },
        definitionProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'brandsafe-lsp', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'brandsafe' }).catch(() => undefined);
    }
    if (watchFiles) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.ttl' }] })
        .catch(() => undefined);
    }
    if (!workspaceFolderEvents) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
      folders = folders.filter((f) => !removed.has(f));
      for (const f of event.added) {
        const p = uriToPath(f.uri);
        if (p) folders.push(p);
      }
    });
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!pullConfiguration) {
      const settings = (change.settings as { brandsafe?: unknown } | null)?.brandsafe;
      globalSettings = settingsFrom(settings);
    }
    brands.clear();
    discovery.clear();
    validator.scheduleAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    let any = false;
    for (const event of change.changes) {
      const path = uriToPath(event.uri);
      if (!path) continue;
      if (path.endsWith(`/${BRAND_FILE}`)) discovery.clear();
      brands.invalidate(path);
      any = true;
    }
    if (any) validator.scheduleAll();
  });

  // TextDocuments fires onDidOpen and then onDidChangeContent for an open: check once, on open.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    validator.schedule(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    const { uri } = event.document;
    if (justOpened.delete(uri)) return;
    if (documentKind(event.document.languageId, uri).kind === 'turtle') brandTouched(uri);
    void settingsFor(uri).then((s) => {
      if (s.run === 'onType') validator.schedule(uri);
    });
  });
  documents.onDidSave((event) => {
    void settingsFor(event.document.uri).then((s) => {
      if (s.run === 'onSave') validator.schedule(event.document.uri);
    });
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    validator.cancel(uri);
    record.delete(uri);
    problems.delete(uri);
    settingsCache.delete(uri);
    const path = uriToPath(uri);
    if (path) discovery.forget(path);
    brandTouched(uri); // the disk version is the brand again
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    sendStatus(undefined);
  });

  registerFeatures(connection, { documents, engine, record, turtleIndex, brandFor, folders: () => folders });

  connection.onRequest(CheckWorkspaceRequest.type, async (params) => {
    const targets = (params.folders ?? []).map(uriToPath).filter((p): p is string => !!p);
    return checkWorkspace(
      {
        connection,
        documents,
        progress: workDoneProgress,
        async validateOpen(uri) {
          await validator.validate(uri);
          const errors = record.get(uri) ? [...record.get(uri)!.entries.values()].filter((e) => e.diagnostic.severity === DiagnosticSeverity.Error).length : 0;
          return [problems.get(uri) ?? 0, errors];
        },
        async checkClosed(uri, languageId, text) {
          const settings = await settingsFor(uri);
          if (!settings.enable) return [0, 0];
          const outcome = await checkText({ engine, brands, ...(options.cliBrand ? { cliBrand: options.cliBrand } : {}) }, { uri, languageId, text }, settings, folderOf(uri));
          await connection.sendDiagnostics({ uri, diagnostics: outcome.diagnostics });
          problems.set(uri, outcome.diagnostics.length);
          return [outcome.diagnostics.length, outcome.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length];
        },
      },
      targets.length > 0 ? targets : folders,
    ).finally(() => sendStatus(undefined));
  });

  documents.listen(connection);
  connection.listen();
}

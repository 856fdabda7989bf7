/**
 * A protocol-level LSP client for tests: starts the real server process over stdio and speaks
 * JSON-RPC to it with vscode-languageserver-protocol's connection, answering the requests a
 * client must answer (workspace/configuration, progress creation, registrations).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type StatusParams } from '../../protocol.js';

const here = dirname(fileURLToPath(import.meta.url));
export const MAIN = join(here, '..', '..', 'main.ts');
export const FIXTURES = join(here, '..', '__fixtures__');

export interface TestClientOptions {
  /** Settings answered for `workspace/configuration` (section brandsafe), per scope URI or for all. */
  settings?: (scopeUri: string | undefined) => unknown;
  workspaceFolder: string;
  args?: string[];
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  settings: (scopeUri: string | undefined) => unknown;
  #waiters: (() => void)[] = [];
  stderr = '';

  constructor(options: TestClientOptions) {
    this.settings = options.settings ?? (() => ({}));
    this.process = spawn(process.execPath, ['--import', 'tsx', '--conditions', 'source', MAIN, '--stdio', ...(options.args ?? [])], {
      stdio: 'pipe',
    });
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.#wake();
    });
    this.connection.onNotification(StatusNotification.type, (params) => {
      this.statuses.push(params);
      this.#wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'brandsafe' ? this.settings(item.scopeUri) : null)),
    );
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  async initialize(workspaceFolder: string): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspaceFolder).href,
      workspaceFolders: [{ uri: pathToFileURL(workspaceFolder).href, name: 'test' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the first `brandsafe/status` notification that satisfies `accept`. */
  async status(accept: (s: StatusParams) => boolean, timeoutMs = 15000): Promise<StatusParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.statuses.find(accept);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no matching status within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves with the first publication for `uri` (after `from`) that satisfies `accept`. */
  async diagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    from = 0,
    timeoutMs = 15000,
  ): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.published.slice(from).find((p) => p.uri === uri && accept(p));
      if (hit) return hit.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Client-side copies of the open documents, to apply edits as an editor would. */
  readonly documents = new Map<string, TextDocument>();

  async open(path: string, languageId: string, text = readFileSync(path, 'utf8')): Promise<string> {
    const uri = uriOf(path);
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Sends an incremental change (ranged edits) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: changes,
    });
    return next.version;
  }

  text(uri: string): string {
    return this.documents.get(uri)?.getText() ?? '';
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}

/** A diagnostic's message as text (LSP 3.18 also allows MarkupContent). */
export const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

export const uriOf = (path: string): string => pathToFileURL(path).href;

#!/usr/bin/env node
// End-to-end: the packaged language server (the bundle inside the .vsix, extension/dist/server/
// main.mjs) over stdio against every example variation, compared finding by finding with
// `brandsafe check --format json` on the same files: the editor and the CLI must agree
// (issue 3: "the same findings as brandsafe check for the same text and brand").
// Prints "N passed, N failed" last.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const example = join(root, 'examples', 'northwind');
const LANGUAGE = { '.js': 'javascript', '.ts': 'typescript', '.css': 'css' };
// The CLI's JSON is ESLint's format, which has no "info" (severity 1 covers warning and info).
const LSP_SEVERITY = { 1: 'error', 2: 'warning', 3: 'warning', 4: 'warning' };
const CLI_SEVERITY = { 2: 'error', 1: 'warning' };

execFileSync(process.execPath, [join(root, 'extension', 'scripts', 'build.mjs')], { stdio: 'ignore' });
// `brandsafe check` exits 1 when it finds errors, which the examples have on purpose.
const cliRun = spawnSync(process.execPath, ['--import', 'tsx', '--conditions', 'source', join(root, 'packages', 'cli', 'src', 'main.ts'), 'check', 'variations', '--format', 'json'], {
  cwd: example,
  encoding: 'utf8',
});
const cli = JSON.parse(cliRun.stdout.trim() || '[]');

const child = spawn(process.execPath, [join(root, 'extension', 'dist', 'server', 'main.mjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
  waiting.get(p.uri)?.(p.diagnostics);
  waiting.delete(p.uri);
});
connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
connection.onRequest(() => null);
connection.listen();
const folder = pathToFileURL(example).href;
await connection.sendRequest(InitializeRequest.type, {
  processId: process.pid,
  rootUri: folder,
  workspaceFolders: [{ uri: folder, name: 'northwind' }],
  capabilities: { workspace: { configuration: true } },
});
await connection.sendNotification(InitializedNotification.type, {});

const key = (f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId} ${f.message}`;
let passed = 0;
let failed = 0;
for (const file of cli.filter((f) => LANGUAGE[extname(f.filePath)])) {
  const uri = pathToFileURL(file.filePath).href;
  const diagnostics = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${file.filePath}`)), 20000);
    waiting.set(uri, (d) => {
      clearTimeout(timer);
      resolve(d);
    });
    void connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: LANGUAGE[extname(file.filePath)], version: 1, text: readFileSync(file.filePath, 'utf8') },
    });
  }).catch((e) => [{ code: 'timeout', message: String(e), range: { start: { line: -1, character: 0 }, end: { line: -1, character: 0 } } }]);
  const fromServer = diagnostics
    .map((d) => key({ line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, severity: LSP_SEVERITY[d.severity], ruleId: d.code, message: typeof d.message === 'string' ? d.message : d.message.value }))
    .sort();
  const fromCli = file.messages.map((m) => key({ ...m, severity: CLI_SEVERITY[m.severity] })).sort();
  const name = file.filePath.slice(example.length + 1);
  if (JSON.stringify(fromServer) === JSON.stringify(fromCli)) {
    passed++;
    console.log(`  ✓ ${name}: ${fromCli.length} findings, same as brandsafe check`);
  } else {
    failed++;
    console.log(`  ✗ ${name}\n      server: ${JSON.stringify(fromServer)}\n      cli:    ${JSON.stringify(fromCli)}`);
  }
}
await connection.sendRequest('shutdown').catch(() => undefined);
await connection.sendNotification('exit').catch(() => undefined);
connection.dispose();
child.kill();
if (passed + failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

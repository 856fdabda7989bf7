/**
 * `brandsafe-lsp`: the language server process. `--stdio` for any LSP client, `--node-ipc` when
 * started by the VS Code extension (vscode-languageserver picks the transport from argv);
 * `--brand <file>` checks against that brand when the `brandsafe.brand` setting is empty.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { createDefaultEngine } from './engine-default.js';
import { startServer } from './server.js';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const connection = createConnection(ProposedFeatures.all);
// A bug must not take the editor's checks down with it: log it to the client and keep serving
// (the vscode-eslint habit). Handlers already turn expected failures into diagnostics and status.
process.on('uncaughtException', (error) => connection.console.error(`brandsafe-lsp: uncaught error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`brandsafe-lsp: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));
const cliBrand = argValue('--brand');
const engine = createDefaultEngine();
startServer(connection, { engine, ...(cliBrand ? { cliBrand } : {}) });

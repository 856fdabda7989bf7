/**
 * The brandsafe VS Code extension: starts the language server (bundled beside this file) over
 * Node IPC, shows its state in the status bar and offers the brandsafe.* commands.
 */
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, State, type LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification } from '@brandsafe/lsp/protocol';
import { createClient } from './client';
import { activateCloud, type CloudApi } from './cloud/index';
import { checkWorkspace, selectBrand, showRuleDocs, type CommandHost } from './commands';
import { setCloudBrandSource } from './settings';
import { SHOW_OUTPUT_COMMAND, StatusBar } from './status';

let client: LanguageClient | undefined;

/** What the end-to-end tests read back from `activate` (the extension's public API). */
export interface BrandsafeApi {
  statusText(): string;
  brand(): { name: string; file: string } | undefined;
  serverState(): 'starting' | 'running' | 'stopped';
  /** The cloud features: account, server brand, approval panel, verification (issue 7). */
  cloud: CloudApi;
}

async function start(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, status: StatusBar): Promise<void> {
  const next = createClient(context, output);
  next.onDidChangeState((event) => {
    status.setClientState(event.newState === State.Running ? 'running' : event.newState === State.Starting ? 'starting' : 'stopped');
  });
  next.onNotification(StatusNotification.type, (params) => status.update(params));
  client = next;
  try {
    await next.start();
  } catch (error) {
    status.setClientState('failed');
    const reason = error instanceof Error ? error.message : String(error);
    output.appendLine(`brandsafe: the language server failed to start: ${reason}`);
    void vscode.window.showErrorMessage(`brandsafe: the language server failed to start: ${reason}`, 'Show Output').then((choice) => {
      if (choice) output.show();
    });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<BrandsafeApi> {
  const output = vscode.window.createOutputChannel('brandsafe', { log: true });
  const status = new StatusBar();
  context.subscriptions.push(output, status);

  const host: CommandHost = {
    client: () => client,
    output,
    async restart() {
      status.setClientState('starting');
      if (client) await client.stop().catch(() => undefined);
      await start(context, output, status);
    },
  };
  // The brand picked from the server reaches the language server as the brand file of documents
  // with no local brand (settings middleware); a new graph makes it reload through the standard
  // didChangeConfiguration, which clears its brand cache — no custom message needed.
  const cloud = await activateCloud(context, output, () => {
    if (client?.state === State.Running) void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });
  setCloudBrandSource(() => cloud.brands.current?.file);
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show()),
    vscode.commands.registerCommand('brandsafe.checkWorkspace', () => checkWorkspace(host)),
    vscode.commands.registerCommand('brandsafe.showRuleDocs', (ruleId?: unknown) => showRuleDocs(host, ruleId)),
    vscode.commands.registerCommand('brandsafe.selectBrand', (args?: { brandId?: string; local?: boolean }) =>
      cloud.signedIn() && !args?.local ? cloud.brands.pick(args) : selectBrand(),
    ),
    vscode.commands.registerCommand('brandsafe.selectLocalBrand', () => selectBrand()),
    vscode.commands.registerCommand('brandsafe.restartServer', () => host.restart()),
  );
  await start(context, output, status);
  return {
    statusText: () => status.text,
    brand: () => status.brand,
    serverState: () => (client?.state === State.Running ? 'running' : client?.state === State.Starting ? 'starting' : 'stopped'),
    cloud: cloud.api,
  };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

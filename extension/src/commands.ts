/**
 * The extension's commands. Each answers sensibly while the server is stopped (it says so rather
 * than failing silently), the rust-analyzer habit.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CheckWorkspaceRequest, RulesRequest, type CheckWorkspaceResult, type RuleDoc } from '@brandsafe/lsp/protocol';

export interface CommandHost {
  client(): LanguageClient | undefined;
  restart(): Promise<void>;
  output: vscode.LogOutputChannel;
}

function running(host: CommandHost): LanguageClient | undefined {
  const client = host.client();
  if (client?.state === State.Running) return client;
  void vscode.window.showWarningMessage('brandsafe: the language server is not running. Run "brandsafe: Restart Server".');
  return undefined;
}

export async function checkWorkspace(host: CommandHost): Promise<CheckWorkspaceResult | undefined> {
  const client = running(host);
  if (!client) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'brandsafe: checking the workspace', cancellable: false },
    () => client.sendRequest(CheckWorkspaceRequest.type, {}),
  );
  const message = `brandsafe: ${result.files} files checked, ${result.problems} problems (${result.errors} errors).`;
  host.output.appendLine(message);
  void vscode.window.showInformationMessage(message);
  return result;
}

export async function showRuleDocs(host: CommandHost, ruleId?: unknown): Promise<string | undefined> {
  const client = running(host);
  if (!client) return undefined;
  const rules: RuleDoc[] = await client.sendRequest(RulesRequest.type);
  let rule = typeof ruleId === 'string' ? rules.find((r) => r.id === ruleId) : undefined;
  if (!rule) {
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: r.defaultSeverity, detail: r.description, rule: r })),
      { placeHolder: 'Show the documentation of a brandsafe rule' },
    );
    rule = picked?.rule;
  }
  if (!rule) return undefined;
  await vscode.env.openExternal(vscode.Uri.parse(rule.docsUrl));
  return rule.docsUrl;
}

export async function selectBrand(): Promise<string | undefined> {
  const files = await vscode.workspace.findFiles('**/*.ttl', '**/node_modules/**', 200);
  if (files.length === 0) {
    void vscode.window.showInformationMessage('brandsafe: no Turtle (.ttl) brand files in this workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Discover automatically', description: 'nearest .brandsafe/brand.ttl', value: '' },
      ...files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), value: vscode.workspace.asRelativePath(uri, false) })),
    ],
    { placeHolder: 'The brand to check variation code against' },
  );
  if (!picked) return undefined;
  await vscode.workspace
    .getConfiguration('brandsafe')
    .update('brand', picked.value || undefined, vscode.ConfigurationTarget.Workspace);
  return picked.value;
}

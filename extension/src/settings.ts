/**
 * Client side of settings: the server pulls `brandsafe.*` per document; this middleware turns the
 * raw configuration into the typed shape the server expects (the vscode-eslint habit), resolving a
 * relative `brandsafe.brand` against the workspace folder of the document it was asked for.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConfigurationParams, Middleware } from 'vscode-languageclient/node';

export interface ServerSettings {
  enable: boolean;
  brand: string | null;
  rules: Record<string, string>;
  run: 'onType' | 'onSave';
}

export function readSettings(scope: vscode.Uri | undefined): ServerSettings {
  const config = vscode.workspace.getConfiguration('brandsafe', scope);
  const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : vscode.workspace.workspaceFolders?.[0];
  let brand = config.get<string | null>('brand', null) || null;
  if (brand && !path.isAbsolute(brand) && folder?.uri.scheme === 'file') brand = path.join(folder.uri.fsPath, brand);
  return {
    enable: config.get<boolean>('enable', true),
    brand,
    rules: config.get<Record<string, string>>('rules', {}),
    run: config.get<'onType' | 'onSave'>('run', 'onType'),
  };
}

/** Answers `workspace/configuration` for the `brandsafe` section with {@link ServerSettings}. */
export const configurationMiddleware: Middleware['workspace'] = {
  configuration: async (params: ConfigurationParams, token, next) => {
    const fallback = await next(params, token);
    if (!Array.isArray(fallback)) return fallback;
    return params.items.map((item, i) =>
      item.section === 'brandsafe' ? readSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : fallback[i],
    );
  },
};

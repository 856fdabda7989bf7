/**
 * Client side of settings: the server pulls `brandsafe.*` per document; this middleware turns the
 * raw configuration into the typed shape the server expects (the vscode-eslint habit), resolving a
 * relative `brandsafe.brand` against the workspace folder of the document it was asked for.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConfigurationParams, Middleware } from 'vscode-languageclient/node';

export interface ServerSettings {
  enable: boolean;
  brand: string | null;
  rules: Record<string, string>;
  run: 'onType' | 'onSave';
}

let cloudBrandFile: () => string | undefined = () => undefined;

/** Where the brand picked from the server is cached (issue 7); used when a document has no local brand. */
export function setCloudBrandSource(source: () => string | undefined): void {
  cloudBrandFile = source;
}

/** True when a `.brandsafe/brand.ttl` sits in the document's folder or any folder above it. */
function hasLocalBrand(scope: vscode.Uri | undefined): boolean {
  if (scope?.scheme !== 'file') return false;
  let dir = path.dirname(scope.fsPath);
  for (;;) {
    if (existsSync(path.join(dir, '.brandsafe', 'brand.ttl'))) return true;
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

export function readSettings(scope: vscode.Uri | undefined): ServerSettings {
  const config = vscode.workspace.getConfiguration('brandsafe', scope);
  const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : vscode.workspace.workspaceFolders?.[0];
  let brand = config.get<string | null>('brand', null) || null;
  if (brand && !path.isAbsolute(brand) && folder?.uri.scheme === 'file') brand = path.join(folder.uri.fsPath, brand);
  // An explicit setting wins, then a local brand file (found by the server), then the server's brand.
  if (!brand && !hasLocalBrand(scope)) brand = cloudBrandFile() ?? null;
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

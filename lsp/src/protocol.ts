/**
 * Custom messages between the brandsafe language server and its clients, declared once and shared
 * by lsp/ and extension/ (the vscode-eslint habit: one literal method name and one typed message
 * type per namespace-like object, with the direction it travels documented).
 * Method names follow the project convention `brandsafe/<noun>`.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** Overall state of the server as the status bar shows it. */
export type ServerState = 'ok' | 'warn' | 'error';

export interface StatusParams {
  state: ServerState;
  /** The brand of the active check, when one was found. */
  brand?: { name: string; file: string };
  /** Number of problems (diagnostics) across every document the server currently reports on. */
  problems: number;
  /** Why the state is not `ok`: one line, suitable for a status bar tooltip. */
  message?: string;
  /** The document the status concerns, when it concerns one. */
  uri?: string;
}

/**
 * Server → client: the server's state changed (a brand loaded or failed to, a check failed, the
 * problem count moved). Failures travel here (and as a diagnostic), never as a crash or exception.
 */
export const StatusNotification = {
  method: 'brandsafe/status',
  type: new NotificationType<StatusParams>('brandsafe/status'),
} as const;

export interface CheckWorkspaceParams {
  /** Limit the check to these folders (URIs); all workspace folders when omitted. */
  folders?: string[];
}

export interface CheckWorkspaceResult {
  files: number;
  problems: number;
  errors: number;
}

/**
 * Client → server: check every variation file (.js, .ts, .css, .ttl) in the workspace and publish
 * diagnostics for each, opened or not. The server reports progress through LSP work-done progress.
 */
export const CheckWorkspaceRequest = {
  method: 'brandsafe/checkWorkspace',
  type: new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>('brandsafe/checkWorkspace'),
} as const;

export interface RuleDoc {
  id: string;
  description: string;
  docsUrl: string;
  defaultSeverity: string;
  fixable: boolean;
  requiresBrand: boolean;
}

/** Client → server: the rule catalogue, so the client can offer "show rule docs" without a copy of it. */
export const RulesRequest = {
  method: 'brandsafe/rules',
  type: new RequestType0<RuleDoc[], void>('brandsafe/rules'),
} as const;

/**
 * Signing in to the brandsafe server: the server URL comes from `brandsafe.serverUrl`, the API
 * token lives in VS Code SecretStorage (never in settings), keyed by server so switching servers
 * does not send one server's token to another. The token is pasted, or handed back by the
 * portal's token page through `vscode://brandsafe.brandsafe/auth?token=…` (a URI handler).
 */
import * as vscode from 'vscode';
import { ApiClient, ApiError } from './api';
import type { Me } from './api-types';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

function secretKey(serverUrl: string): string {
  return `brandsafe.token:${serverUrl}`;
}

/** Shows an error from the API (or anything else) with its advice and action, and logs it. */
export function reportError(output: vscode.LogOutputChannel, what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.kind === 'cancelled') return;
  output.error(`${what}: ${message}`);
  const action = error instanceof ApiError ? error.action : undefined;
  // Not awaited: the notification stays until dismissed, and the command must settle before that.
  void vscode.window.showErrorMessage(`brandsafe: ${what}. ${message}`, ...(action ? [action.label] : [])).then((choice) => {
    if (choice && action?.command) void vscode.commands.executeCommand(action.command);
    else if (choice && action?.url) void vscode.env.openExternal(vscode.Uri.parse(action.url));
  });
}

/** The signed-in account, its status bar item and the commands that change it. */
export class Session implements vscode.Disposable {
  readonly #secrets: vscode.SecretStorage;
  readonly #output: vscode.LogOutputChannel;
  readonly #changed = new vscode.EventEmitter<Me | undefined>();
  readonly item: vscode.StatusBarItem;
  #token: string | undefined;
  #me: Me | undefined;
  /** Fires after sign-in, sign-out and server changes. */
  readonly onDidChange = this.#changed.event;

  constructor(secrets: vscode.SecretStorage, output: vscode.LogOutputChannel) {
    this.#secrets = secrets;
    this.#output = output;
    this.item = vscode.window.createStatusBarItem('brandsafe.account', vscode.StatusBarAlignment.Right, 99);
    this.item.name = 'brandsafe account';
    this.render();
    this.item.show();
  }

  get serverUrl(): string {
    const url = vscode.workspace.getConfiguration('brandsafe').get<string>('serverUrl') || DEFAULT_SERVER_URL;
    return url.replace(/\/+$/, '');
  }

  get me(): Me | undefined {
    return this.#me;
  }

  get signedIn(): boolean {
    return this.#me !== undefined && this.#token !== undefined;
  }

  /** A client for the current server with the current token (which may be absent). */
  client(): ApiClient {
    return new ApiClient({ serverUrl: this.serverUrl, token: this.#token });
  }

  /** A client, or undefined after telling the user to sign in first. */
  requireClient(): ApiClient | undefined {
    if (this.signedIn) return this.client();
    void vscode.window.showWarningMessage('brandsafe: sign in to the brandsafe server first.', 'Sign In').then((c) => {
      if (c) void vscode.commands.executeCommand('brandsafe.signIn');
    });
    return undefined;
  }

  /** Restores the stored token for the configured server (at activation, after a URL change). */
  async restore(): Promise<void> {
    this.#token = await this.#secrets.get(secretKey(this.serverUrl));
    this.#me = undefined;
    if (this.#token) {
      try {
        this.#me = await this.client().me();
      } catch (error) {
        // An expired token is forgotten; an unreachable server keeps it for later.
        if (error instanceof ApiError && error.kind === 'unauthenticated') {
          await this.#secrets.delete(secretKey(this.serverUrl));
          this.#token = undefined;
        }
        this.#output.warn(`brandsafe: could not restore the session: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.render();
    this.#changed.fire(this.#me);
  }

  /** Checks `token` against the server (GET /auth/me) and keeps it when valid. */
  async useToken(token: string): Promise<Me> {
    const trimmed = token.trim();
    const me = await new ApiClient({ serverUrl: this.serverUrl, token: trimmed }).me();
    await this.#secrets.store(secretKey(this.serverUrl), trimmed);
    this.#token = trimmed;
    this.#me = me;
    this.render();
    this.#changed.fire(me);
    this.#output.info(`brandsafe: signed in to ${this.serverUrl} as ${me.user.email} (${me.role}, ${me.workspace.name})`);
    return me;
  }

  /**
   * `brandsafe.signIn`: with `{ token }` it signs in directly (the URI handler and tests use that);
   * otherwise it offers pasting a token or opening the portal's token page.
   */
  async signIn(args?: { token?: string }): Promise<Me | undefined> {
    let token = args?.token;
    if (!token) {
      const how = await vscode.window.showQuickPick(
        [
          { label: '$(key) Paste an API token', value: 'paste' },
          { label: '$(link-external) Create a token in the brandsafe portal', detail: `${this.serverUrl}/portal/tokens`, value: 'portal' },
        ],
        { placeHolder: `Sign in to ${this.serverUrl}` },
      );
      if (!how) return undefined;
      if (how.value === 'portal') {
        const callback = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://brandsafe.brandsafe/auth`));
        const url = `${this.serverUrl}/portal/tokens?client=vscode&redirect_uri=${encodeURIComponent(callback.toString())}`;
        // The portal's token page links the new token back to handleUri ("Open in VS Code");
        // where the browser cannot open vscode:// links, the user copies it into the box below.
        await vscode.env.openExternal(vscode.Uri.parse(url));
      }
      token = await vscode.window.showInputBox({
        title: `Sign in to ${this.serverUrl}`,
        prompt: `A brandsafe API token (bsp_…) with the read scope, plus generate and/or review — from ${this.serverUrl}/portal/tokens`,
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim().length < 8 ? 'Paste the whole token' : undefined),
      });
      if (!token) return undefined;
    }
    try {
      const me = await this.useToken(token);
      void vscode.window.showInformationMessage(`brandsafe: signed in as ${me.user.email} (${me.role} in ${me.workspace.name}).`);
      return me;
    } catch (error) {
      reportError(this.#output, 'sign-in failed', error);
      return undefined;
    }
  }

  async signOut(): Promise<void> {
    await this.#secrets.delete(secretKey(this.serverUrl));
    this.#token = undefined;
    this.#me = undefined;
    this.render();
    this.#changed.fire(undefined);
  }

  /** Handles `vscode://brandsafe.brandsafe/auth?token=…` from the portal. */
  async handleUri(uri: vscode.Uri): Promise<void> {
    if (uri.path !== '/auth') return;
    const token = new URLSearchParams(uri.query).get('token');
    if (token) await this.signIn({ token });
  }

  render(): void {
    if (this.#me) {
      this.item.text = `$(account) ${this.#me.user.email}`;
      this.item.tooltip = `brandsafe: signed in to ${this.serverUrl}\n${this.#me.role} in ${this.#me.workspace.name}; scopes ${this.#me.scopes.join(', ')}\nClick to sign out.`;
      this.item.command = 'brandsafe.signOut';
    } else {
      this.item.text = '$(sign-in) brandsafe: Sign in';
      this.item.tooltip = `Sign in to ${this.serverUrl} to generate code and review it.`;
      this.item.command = 'brandsafe.signIn';
    }
  }

  dispose(): void {
    this.item.dispose();
    this.#changed.dispose();
  }
}

/**
 * The status bar item: brand name, problem count and server state; a click opens the output
 * channel. It keeps showing something sensible while the server is stopped or restarting.
 */
import * as vscode from 'vscode';
import type { StatusParams } from '@brandsafe/lsp/protocol';

export const SHOW_OUTPUT_COMMAND = 'brandsafe.showOutput';

export type ClientState = 'starting' | 'running' | 'stopped' | 'failed';

export class StatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  #client: ClientState = 'starting';
  #status: StatusParams = { state: 'ok', problems: 0 };
  #brand: StatusParams['brand'];

  constructor() {
    this.item = vscode.window.createStatusBarItem('brandsafe.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'brandsafe';
    this.item.command = SHOW_OUTPUT_COMMAND;
    this.render();
    this.item.show();
  }

  get brand(): StatusParams['brand'] {
    return this.#brand;
  }

  get text(): string {
    return this.item.text;
  }

  setClientState(state: ClientState): void {
    this.#client = state;
    this.render();
  }

  update(status: StatusParams): void {
    this.#status = status;
    if (status.brand) this.#brand = status.brand;
    this.render();
  }

  render(): void {
    const brand = this.#brand?.name ?? 'no brand';
    const { state, problems, message } = this.#status;
    let icon = '$(shield)';
    if (this.#client === 'starting') icon = '$(sync~spin)';
    else if (this.#client !== 'running' || state === 'error') icon = '$(error)';
    else if (state === 'warn') icon = '$(warning)';
    this.item.text = `${icon} brandsafe: ${brand} · ${problems} problem${problems === 1 ? '' : 's'}`;
    const tooltip = [`Server: ${this.#client}`, `Brand: ${this.#brand ? `${this.#brand.name} (${this.#brand.file})` : 'none found'}`];
    if (message) tooltip.push(`Last problem: ${message}`);
    tooltip.push('', 'Click to show the brandsafe output.');
    this.item.tooltip = tooltip.join('\n');
    this.item.backgroundColor =
      this.#client === 'failed' || state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}

// The brandsafe extension in a real VS Code (code-server): diagnostics from the language server,
// a quick fix through vscode.executeCodeActionProvider, the status bar and checkWorkspace.
/* global describe, before, it */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const config = JSON.parse(fs.readFileSync(process.env.BRANDSAFE_E2E_CONFIG, 'utf8'));
const folder = vscode.workspace.workspaceFolders[0].uri;
const fileUri = vscode.Uri.joinPath(folder, config.file);

function brandsafeDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'brandsafe');
}

/** Resolves when `predicate` holds, re-checking on every diagnostics change (no fixed sleeps). */
function waitFor(predicate, what, timeoutMs = 60000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      let value;
      try {
        value = predicate();
      } catch {
        value = undefined;
      }
      if (value) {
        cleanup();
        resolve(value);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(check);
    const poll = setInterval(check, 200);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    function cleanup() {
      sub.dispose();
      clearInterval(poll);
      clearTimeout(timer);
    }
    check();
  });
}

/** Asks the runner (outside) for a screenshot and waits until it has been taken. */
async function screenshot(name) {
  const flag = path.join(config.flagDir, `${name}.done`);
  console.log(`BRANDSAFE_SCREENSHOT ${name}`);
  await waitForFile(flag);
}

function waitForFile(file, timeoutMs = 30000) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (fs.existsSync(file)) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`no ${file}`));
      }
    }, 100);
  });
}

describe('brandsafe extension in VS Code', function () {
  let api;

  before(async function () {
    const ext = vscode.extensions.getExtension('brandsafe.brandsafe');
    assert.ok(ext, 'the extension is installed');
    api = await ext.activate();
  });

  it('shows brandsafe diagnostics for an example variation', async function () {
    const document = await vscode.workspace.openTextDocument(fileUri);
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitFor(() => {
      const found = brandsafeDiagnostics(fileUri).filter((d) => String(d.code && d.code.value ? d.code.value : d.code) === config.expectCode);
      return found.length > 0 ? found : undefined;
    }, `a ${config.expectCode} diagnostic`);
    const code = diagnostics[0].code;
    assert.equal(typeof code, 'object', 'code carries a codeDescription link');
    assert.match(String(code.target), /^https:\/\//);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(document);
    await screenshot('diagnostics');
  });

  it('shows the brand and problem count in the status bar, and its command opens the output', async function () {
    const text = await waitFor(() => (api.brand() && /\d+ problems?/.test(api.statusText()) ? api.statusText() : undefined), 'the status bar');
    assert.match(text, new RegExp(config.brandName));
    assert.equal(api.serverState(), 'running');
    await vscode.commands.executeCommand('brandsafe.showOutput');
  });

  it('applies a quick fix from vscode.executeCodeActionProvider', async function () {
    const target = brandsafeDiagnostics(fileUri).find((d) => String(d.code.value) === config.expectCode);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', fileUri, target.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const action = actions.find((a) => a.title.includes(config.fixTitle));
    assert.ok(action, `a quick fix titled like "${config.fixTitle}" among ${JSON.stringify(titles)}`);
    const before = (await vscode.workspace.openTextDocument(fileUri)).getText();
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    const after = (await vscode.workspace.openTextDocument(fileUri)).getText();
    assert.notEqual(after, before);
    await waitFor(
      () => !brandsafeDiagnostics(fileUri).some((d) => d.message === target.message && d.range.isEqual(target.range)),
      'the fixed diagnostic to go away',
    );
  });

  it('checks the whole workspace with brandsafe.checkWorkspace', async function () {
    const result = await vscode.commands.executeCommand('brandsafe.checkWorkspace');
    assert.ok(result && result.files > 1, `checked files: ${JSON.stringify(result)}`);
    const other = vscode.Uri.joinPath(folder, config.closedFile);
    await waitFor(() => brandsafeDiagnostics(other).length > 0, `diagnostics for the closed file ${config.closedFile}`);
    await screenshot('workspace');
  });

  // brandsafe.showRuleDocs ends in vscode.env.openExternal, whose confirmation dialog test mode refuses.
  it('restarts the server with brandsafe.restartServer, which checks again', async function () {
    await vscode.commands.executeCommand('brandsafe.restartServer');
    assert.equal(api.serverState(), 'running');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, config.closedFile));
    await vscode.window.showTextDocument(document);
    await waitFor(() => brandsafeDiagnostics(document.uri).length > 0, 'diagnostics from the restarted server');
  });
});

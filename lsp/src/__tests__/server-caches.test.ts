import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletionRequest, DidChangeWatchedFilesNotification, FileChangeType, type CompletionItem } from 'vscode-languageserver-protocol/node';
import { FIXTURES, TestClient, uriOf } from './helpers/lsp-client.js';

const UNAPPROVED = 'brand/unapproved-selector';
const brandText = readFileSync(join(FIXTURES, 'workspace', '.brandsafe', 'brand.ttl'), 'utf8');

/**
 * What the server keeps between keystrokes — settings per document, the brand file found for a
 * document — and the notifications that make it forget (the vscode-eslint practice: settings are
 * pulled once per document and again after workspace/didChangeConfiguration; brand files are
 * watched by the client, extension/src/client.ts `synchronize.fileEvents`).
 */
describe('brandsafe-lsp over stdio: what is kept between edits', function () {
  let client: TestClient;
  let workspace: string;
  let settings: Record<string, unknown> = {};
  /** workspace/configuration items asked, per scope URI. */
  const pulls = new Map<string, number>();

  before(async function () {
    // A workspace of its own: the brand file comes and goes during these tests.
    workspace = mkdtempSync(join(tmpdir(), 'brandsafe-lsp-caches-'));
    cpSync(join(FIXTURES, 'workspace', 'variations'), join(workspace, 'variations'), { recursive: true });
    client = new TestClient({
      workspaceFolder: workspace,
      settings: (scopeUri) => {
        if (scopeUri) pulls.set(scopeUri, (pulls.get(scopeUri) ?? 0) + 1);
        return settings;
      },
    });
    await client.initialize(workspace);
  });
  after(async function () {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  /** Types a character at the start of the document and waits for that version's diagnostics. */
  const edit = async (uri: string) => {
    const from = client.published.length;
    const version = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    return client.diagnostics(uri, (p) => p.version === version, from);
  };

  const watched = async (path: string, type: FileChangeType) => {
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path), type }] });
  };

  it('pulls a document’s settings once, not on every edit, and again after workspace/didChangeConfiguration', async function () {
    const uri = await client.open(join(workspace, 'variations', 'settings.js'), 'javascript', "document.querySelector('.nope');\neval('1');\n");
    assert.ok((await client.diagnostics(uri)).some((d) => d.code === 'recommended/no-eval'));
    await edit(uri);
    await edit(uri);
    assert.equal(pulls.get(uri), 1);

    settings = { rules: { 'recommended/no-eval': 'off' } };
    const from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'recommended/no-eval'), from);
    assert.deepEqual(after.filter((d) => d.code === 'recommended/no-eval'), []);
    assert.equal(pulls.get(uri), 2);
    await edit(uri);
    assert.equal(pulls.get(uri), 2);
    settings = {};
  });

  it('notices a brand file created, changed and deleted through workspace/didChangeWatchedFiles', async function () {
    const uri = await client.open(join(workspace, 'variations', 'discovery.js'), 'javascript', "document.querySelector('.nope');\n");
    const unapproved = (diagnostics: { code?: unknown }[]) => diagnostics.filter((d) => d.code === UNAPPROVED).length;
    // No brand yet: brand rules are skipped.
    assert.equal(unapproved(await client.diagnostics(uri)), 0);
    assert.equal(unapproved(await edit(uri)), 0);

    const brandFile = join(workspace, '.brandsafe', 'brand.ttl');
    mkdirSync(join(workspace, '.brandsafe'));
    writeFileSync(brandFile, brandText);
    let from = client.published.length;
    await watched(brandFile, FileChangeType.Created);
    await client.diagnostics(uri, (p) => unapproved(p.diagnostics) === 1, from);

    writeFileSync(brandFile, `${brandText}\nex:nope a bs:ApprovedSelector ;\n  bs:css ".nope" ;\n  bs:stability bs:stable .\n`);
    from = client.published.length;
    await watched(brandFile, FileChangeType.Changed);
    await client.diagnostics(uri, (p) => unapproved(p.diagnostics) === 0, from);

    writeFileSync(brandFile, brandText);
    from = client.published.length;
    await watched(brandFile, FileChangeType.Changed);
    await client.diagnostics(uri, (p) => unapproved(p.diagnostics) === 1, from);

    rmSync(join(workspace, '.brandsafe'), { recursive: true });
    from = client.published.length;
    await watched(brandFile, FileChangeType.Deleted);
    await client.diagnostics(uri, (p) => unapproved(p.diagnostics) === 0, from);
    assert.equal(unapproved(await edit(uri)), 0);
  });

  it('sends brandsafe/status when the problem count moves, not on every keystroke', async function () {
    const uri = await client.open(join(workspace, 'variations', 'status.js'), 'javascript', "eval('1');\n");
    const first = await client.status((s) => s.uri === uri);
    const from = client.statuses.length;
    await edit(uri);
    await edit(uri);
    const version = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: "eval('2');\n" }]);
    await client.diagnostics(uri, (p) => p.version === version);
    // Messages arrive in order, so the status for the last edit comes after any for the two before.
    const moved = await client.status((s) => s.uri === uri && s.problems === first.problems + 1);
    assert.deepEqual(client.statuses.slice(from), [moved]);
  });

  it('completes selectors from a brand file that appeared after the document was opened', async function () {
    const text = "// brandsafe-page: product-detail\nutils.waitForElement('');\n";
    const uri = await client.open(join(workspace, 'variations', 'complete.js'), 'javascript', text);
    const labels = async () => {
      const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 22 } });
      return ((result ?? []) as CompletionItem[]).map((i) => i.label).sort();
    };
    assert.deepEqual(await labels(), []);
    const brandFile = join(workspace, '.brandsafe', 'brand.ttl');
    mkdirSync(join(workspace, '.brandsafe'));
    writeFileSync(brandFile, brandText);
    await watched(brandFile, FileChangeType.Created);
    assert.deepEqual(await labels(), ['[data-testid="add-to-cart"]', '[data-testid="product-title"]']);
    rmSync(join(workspace, '.brandsafe'), { recursive: true });
    await watched(brandFile, FileChangeType.Deleted);
    assert.deepEqual(await labels(), []);
  });
});

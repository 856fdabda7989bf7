import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckWorkspaceRequest, RulesRequest } from '../protocol.js';
import { FIXTURES, TestClient, messageOf, uriOf } from './helpers/lsp-client.js';

const workspace = join(FIXTURES, 'workspace');
const variation = join(workspace, 'variations', 'pdp-cta.js');
const UNAPPROVED = 'brand/unapproved-selector';

describe('brandsafe-lsp over stdio: variation code', function () {
  let client: TestClient;
  let settings: Record<string, unknown> = {};

  before(async function () {
    client = new TestClient({ workspaceFolder: workspace, settings: () => settings });
    await client.initialize(workspace);
  });
  after(async function () {
    await client.shutdown();
  });

  const codeActions = (uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> =>
    client.connection
      .sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics, ...(only ? { only } : {}) },
      })
      .then((r) => (r ?? []) as CodeAction[]);

  it('publishes brand findings with the rule id, its docs link and source brandsafe when a variation opens', async function () {
    const uri = await client.open(variation, 'javascript');
    const diagnostics = await client.diagnostics(uri);
    const unapproved = diagnostics.filter((d) => d.code === UNAPPROVED);
    assert.equal(unapproved.length, 1);
    assert.equal(unapproved[0]!.source, 'brandsafe');
    assert.equal(unapproved[0]!.codeDescription?.href, 'https://brandsafe.dev/docs/rules/brand/unapproved-selector');
    assert.deepEqual(unapproved[0]!.range, { start: { line: 5, character: 22 }, end: { line: 5, character: 38 } });
    const published = client.published.filter((p) => p.uri === uri).at(-1);
    assert.equal(published?.version, 1);
  });

  it('serves the finding’s fixes and a suppression comment from the validation record', async function () {
    const uri = uriOf(variation);
    const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === UNAPPROVED);
    const actions = await codeActions(uri, diagnostics);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Replace with approved selector [data-testid="add-to-cart"]'), titles.join(' | '));
    const suppress = actions.find((a) => a.title === `Disable ${UNAPPROVED} for this line`);
    assert.equal(suppress?.edit?.changes?.[uri]?.[0]?.newText, `// brandsafe-disable-next-line ${UNAPPROVED} -- reason\n`);
  });

  it('clears the diagnostic once the quick fix is applied with an incremental change', async function () {
    const uri = uriOf(variation);
    const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === UNAPPROVED);
    const [fix] = (await codeActions(uri, diagnostics)).filter((a) => a.isPreferred);
    const edits = fix!.edit!.changes![uri]!;
    const from = client.published.length;
    const version = await client.change(uri, edits.map((e) => ({ range: e.range, text: e.newText })));
    const after = await client.diagnostics(uri, (p) => p.version === version, from);
    assert.deepEqual(after.filter((d) => d.code === UNAPPROVED), []);
    assert.match(client.text(uri), /waitForElement\('\[data-testid="add-to-cart"\]'\)\.then\(\(button\) => \{\n {2}button\.classList/);
  });

  it('never publishes an older version after a newer one during a burst of edits', async function () {
    const uri = uriOf(variation);
    const from = client.published.length;
    let last = 0;
    for (let i = 0; i < 15; i++) {
      last = await client.change(uri, [{ range: { start: { line: 7, character: 2 }, end: { line: 7, character: 2 } }, text: i % 2 ? ' ' : '' }]);
    }
    await client.diagnostics(uri, (p) => p.version === last, from);
    const versions = client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.equal(versions.at(-1), last);
  });

  it('offers fix-all as source.fixAll.brandsafe with every preferred fix', async function () {
    const text = "// brandsafe-page: product-detail\ndocument.querySelector('.add-to-cart-btn');\ndocument.querySelector('.product-name');\n";
    const uri = await client.open(join(workspace, 'variations', 'fix-all.js'), 'javascript', text);
    const diagnostics = await client.diagnostics(uri);
    const [action, ...rest] = await codeActions(uri, diagnostics, ['source.fixAll']);
    assert.equal(rest.length, 0);
    assert.equal(action?.kind, 'source.fixAll.brandsafe');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'javascript', 1, text), action!.edit!.changes![uri]!);
    assert.doesNotMatch(fixed, /add-to-cart-btn/);
  });

  it('hovers a selector string with approval, page types, stability and match counts per snapshot', async function () {
    const uri = uriOf(variation);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 30 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /approved selector of Fixture Outfitters/);
    assert.match(value, /Page types: product-detail/);
    assert.match(value, /Stability: stable/);
    assert.match(value, /`product-detail\.html` 2/);
    assert.match(value, /`home\.html` 0/);
  });

  it('hovers a selector of a CSS rule, one part of a selector list at a time', async function () {
    const text = '.hero-banner,\n[data-testid="product-title"] { color: red; }\n';
    const uri = await client.open(join(workspace, 'variations', 'hover.css'), 'css', text);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 5 } })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /approved selector of Fixture Outfitters: `\[data-testid="product-title"\]`/);
    assert.equal(hover.range?.start.line, 1);
  });

  it('completes approved selectors of the declared page type inside a selector-taking call', async function () {
    const text = "// brandsafe-page: product-detail\nutils.waitForElement('');\n";
    const uri = await client.open(join(workspace, 'variations', 'complete.js'), 'javascript', text);
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 22 } });
    const labels = ((result ?? []) as CompletionItem[]).map((i) => i.label).sort();
    assert.deepEqual(labels, ['[data-testid="add-to-cart"]', '[data-testid="product-title"]']);
  });

  it('applies per-document settings: a rule turned off, then checking disabled', async function () {
    settings = { rules: { [UNAPPROVED]: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = await client.open(join(workspace, 'variations', 'settings.js'), 'javascript', "document.querySelector('.nope');\n");
    const diagnostics = await client.diagnostics(uri);
    assert.equal(diagnostics.filter((d) => d.code === UNAPPROVED).length, 0);
    settings = { enable: false };
    const from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await client.diagnostics(uri, () => true, from), []);
    settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('re-checks open documents when the open brand file is edited', async function () {
    const probe = await client.open(join(workspace, 'variations', 'probe.js'), 'javascript', "// brandsafe-page: home\ndocument.querySelector('.promo-strip');\n");
    assert.equal((await client.diagnostics(probe)).filter((d) => d.code === UNAPPROVED).length, 1);
    const brand = await client.open(join(workspace, '.brandsafe', 'brand.ttl'), 'turtle');
    const end = client.documents.get(brand)!.lineCount;
    const from = client.published.length;
    await client.change(brand, [
      {
        range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } },
        text: '\nex:promo-strip a bs:ApprovedSelector ;\n  bs:css ".promo-strip" ;\n  bs:pageType ex:home ;\n  bs:stability bs:stable .\n',
      },
    ]);
    const after = await client.diagnostics(probe, (p) => !p.diagnostics.some((d) => d.code === UNAPPROVED), from);
    assert.deepEqual(after.filter((d) => d.code === UNAPPROVED), []);
  });

  it('reports a missing brand as a diagnostic and an error status, and keeps serving', async function () {
    settings = { brand: 'nowhere/brand.ttl' };
    const uri = await client.open(join(workspace, 'variations', 'missing-brand.js'), 'javascript', "document.querySelector('.x');\n");
    const diagnostics = await client.diagnostics(uri).finally(() => (settings = {}));
    assert.ok(diagnostics.some((d) => d.code === 'brandsafe/internal-error' && /cannot read brand file/.test(messageOf(d))), JSON.stringify(diagnostics));
    const status = await client.status((s) => s.uri === uri);
    assert.equal(status.state, 'error');
    assert.match(status.message ?? '', /cannot read brand file/);
    const rules = await client.connection.sendRequest(RulesRequest.type);
    assert.ok(rules.some((r) => r.id === UNAPPROVED && r.docsUrl.startsWith('https://')));
  });

  it('checks every workspace file on brandsafe/checkWorkspace, publishing for files that are not open', async function () {
    const from = client.published.length;
    const result = await client.connection.sendRequest(CheckWorkspaceRequest.type, {});
    assert.ok(result.files >= 3, JSON.stringify(result));
    const clean = uriOf(join(workspace, 'variations', 'clean.js'));
    assert.deepEqual(await client.diagnostics(clean, () => true, from), []);
  });
});

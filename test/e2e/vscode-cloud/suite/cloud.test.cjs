// The brandsafe extension's cloud features in a real VS Code against the real API (issue 7):
// sign in, server brand → language server, generate from a template, submit, approve as a
// reviewer, the approval panel, receipt verification (and a tampered receipt failing).
/* global describe, before, it */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const config = JSON.parse(fs.readFileSync(process.env.BRANDSAFE_E2E_CONFIG, 'utf8'));
const folder = vscode.workspace.workspaceFolders[0].uri;

/** Resolves when `predicate` returns a truthy value (polled; no fixed sleeps). */
async function waitFor(predicate, what, timeoutMs = 60000) {
  const started = Date.now();
  for (;;) {
    let value;
    try {
      value = await predicate();
    } catch {
      value = undefined;
    }
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function screenshot(name) {
  console.log(`BRANDSAFE_SCREENSHOT ${name}`);
  await waitFor(() => fs.existsSync(path.join(config.flagDir, `${name}.done`)), `screenshot ${name}`, 30000);
}

async function getJson(urlPath, token) {
  const res = await fetch(config.serverUrl + urlPath, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200, `${urlPath}: ${res.status}`);
  return res.json();
}

function statusOf(api, id) {
  const panel = api.cloud.panel();
  return Object.keys(panel).find((status) => panel[status].includes(id));
}

describe('brandsafe cloud features in VS Code', function () {
  let api;
  let generation;
  let approvalTransitionId;

  before(async function () {
    const ext = vscode.extensions.getExtension('brandsafe.brandsafe');
    assert.ok(ext, 'the extension is installed');
    api = await ext.activate();
  });

  it('refuses a bad token with an error and stays signed out', async function () {
    const me = await vscode.commands.executeCommand('brandsafe.signIn', { token: 'bsp_not-a-real-token-000000' });
    assert.equal(me, undefined);
    assert.equal(api.cloud.me(), undefined);
  });

  it('signs in with an API token (kept in SecretStorage) and lists the workspace', async function () {
    const me = await vscode.commands.executeCommand('brandsafe.signIn', { token: config.editorToken });
    assert.equal(me.user.email, 'editor@northwind.example');
    assert.equal(api.cloud.me().role, 'editor');
    const items = await api.cloud.refreshPanel();
    assert.ok(items.length >= 5, `the seeded generations are listed (${items.length})`);
  });

  it("selects the server's brand and the language server checks against its graph", async function () {
    const brand = await vscode.commands.executeCommand('brandsafe.selectBrand', { brandId: config.brandId });
    assert.equal(brand.brandId, config.brandId);
    assert.ok(fs.existsSync(brand.file), 'the graph is cached as Turtle');
    const uri = vscode.Uri.joinPath(folder, 'variations', 'hero.js');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const found = await waitFor(
      () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'brandsafe' && String(d.code && d.code.value) === 'brand/unapproved-selector'),
      'an unapproved-selector diagnostic from the server brand',
    );
    assert.match(found.message, /hero-unknown/);
    await waitFor(() => api.brand() && api.brand().file === brand.file, 'the status bar to name the server brand');
  });

  it('generates from a test type and description at the cursor, tracking the inserted code', async function () {
    const uri = vscode.Uri.joinPath(folder, 'variations', 'hero.js');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const end = editor.document.positionAt(editor.document.getText().length);
    editor.selection = new vscode.Selection(end, end);
    const before = editor.document.getText();
    const g = await vscode.commands.executeCommand('brandsafe.generate', {
      testType: 'banner',
      description: 'Free shipping banner above the home hero',
      parameters: { headline: 'Free shipping over $50', ctaText: 'Details', ctaUrl: 'https://northwind.example/shipping' },
    });
    assert.ok(g && g.id, 'a generation came back');
    assert.ok(g.confidence > 0 && g.confidence <= 1);
    const after = editor.document.getText();
    assert.ok(after.startsWith(before), 'the code went in at the cursor, after the existing text');
    assert.equal(after.slice(before.length), g.code);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('asks for a parameter the server says is missing (typed into the input box) and retries', async function () {
    const pending = vscode.commands.executeCommand('brandsafe.generate', {
      testType: 'banner',
      description: 'Holiday hours banner above the home hero',
      parameters: { headline: 'Open late all December', ctaText: 'Store hours' },
      target: 'newEditor',
    });
    console.log('BRANDSAFE_TYPE type-url https://northwind.example/stores');
    await waitFor(() => fs.existsSync(path.join(config.flagDir, 'type-url.done')), 'the runner to type the URL');
    const g = await pending;
    assert.ok(g && g.id, 'the retried generation came back');
    assert.equal(g.parameters.ctaUrl, 'https://northwind.example/stores');
    assert.match(vscode.window.activeTextEditor.document.getText(), /northwind\.example\/stores/);
  });

  it('generates from a template with a selector parameter into a new editor', async function () {
    generation = await vscode.commands.executeCommand('brandsafe.generateFromTemplate', {
      templateId: 'hero-banner',
      description: 'E2E spring sale banner',
      parameters: { headline: 'Spring sale: 20% off', ctaText: 'Shop the sale', ctaUrl: 'https://northwind.example/spring', target: '[data-component="hero-banner"]' },
      target: 'newEditor',
    });
    assert.ok(generation && generation.id, 'a generation came back');
    assert.equal(generation.status, 'GENERATED');
    const text = vscode.window.activeTextEditor.document.getText();
    assert.match(text, /Spring sale: 20% off/);
    assert.match(text, /hero-banner/);
    await api.cloud.refreshPanel();
    assert.equal(statusOf(api, generation.id), 'GENERATED');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.view.extension.brandsafe');
    await waitFor(() => api.cloud.panelVisible(), 'the approval panel to be visible');
    await api.cloud.refreshPanel();
    await screenshot('generated');
  });

  it('records a correction of the edited code (diff + reason to the server)', async function () {
    const editor = vscode.window.activeTextEditor;
    const text = editor.document.getText();
    const at = text.indexOf('Spring sale: 20% off');
    await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'Spring sale: 20% off'.length)), 'Spring sale: 25% off'));
    const correctionId = await vscode.commands.executeCommand('brandsafe.recordCorrection', { reason: 'the offer is 25%', kind: 'copy' });
    assert.ok(correctionId, 'a correction id came back');
    const detail = await getJson(`/api/v1/generations/${generation.id}`, config.editorToken);
    const correction = detail.corrections.find((c) => c.id === correctionId);
    assert.equal(correction.reason, 'the offer is 25%');
    assert.match(correction.diff, /-.*20% off[\s\S]*\+.*25% off/);
  });

  it('submits the code in the editor for review', async function () {
    const status = await vscode.commands.executeCommand('brandsafe.submitForReview');
    assert.equal(status, 'QA_REVIEW');
    await api.cloud.refreshPanel();
    assert.equal(statusOf(api, generation.id), 'QA_REVIEW');
  });

  it('refuses approval without the review right, with the advice the server gives', async function () {
    // The editor token cannot approve (editors do not own that move): 403, the item stays put.
    const status = await vscode.commands.executeCommand('brandsafe.approve', { generationId: generation.id }, { note: 'self-approval' });
    assert.equal(status, undefined);
    await api.cloud.refreshPanel();
    assert.equal(statusOf(api, generation.id), 'QA_REVIEW');
  });

  it('approves as a reviewer (second token) and the item moves in the panel', async function () {
    const me = await vscode.commands.executeCommand('brandsafe.signIn', { token: config.reviewerToken });
    assert.equal(me.role, 'reviewer');
    const status = await vscode.commands.executeCommand('brandsafe.approve', { generationId: generation.id }, { note: 'brand-safe, copy approved' });
    assert.equal(status, 'APPROVED');
    await api.cloud.refreshPanel();
    assert.equal(statusOf(api, generation.id), 'APPROVED');
    const panel = api.cloud.panel();
    for (const s of ['GENERATED', 'QA_REVIEW', 'APPROVED', 'DEPLOYED', 'REJECTED', 'DEPLOY_FAILED']) assert.ok(panel[s].length > 0, `the panel has items in ${s}`);
  });

  it("opens the item (read-only code + detail view) and verifies the approval's receipt locally", async function () {
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.view.extension.brandsafe');
    const detail = await vscode.commands.executeCommand('brandsafe.openGeneration', { generationId: generation.id });
    assert.equal(detail.status, 'APPROVED');
    const code = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'brandsafe' && d.uri.path.includes(generation.id));
    assert.ok(code, 'a brandsafe: document holds the code');
    assert.match(code.getText(), /Spring sale: 2\d% off/);
    const approval = detail.transitions.find((t) => t.to === 'APPROVED');
    approvalTransitionId = approval.id;
    // The webview's own Verify button (its nonce'd script posts to the extension, which verifies).
    const selector = `button[data-verify="${approval.id}"]`;
    await waitFor(() => {
      for (const f of ['verify-click.done', 'verify-click.missing']) fs.rmSync(path.join(config.flagDir, f), { force: true });
      console.log(`BRANDSAFE_CLICK verify-click ${selector}`);
      return waitFor(() => {
        if (fs.existsSync(path.join(config.flagDir, 'verify-click.done'))) return 'clicked';
        if (fs.existsSync(path.join(config.flagDir, 'verify-click.missing'))) return 'missing';
        return undefined;
      }, 'the runner to try the click', 10000).then((r) => r === 'clicked');
    }, 'the Verify button to be clickable', 30000);
    const clicked = await waitFor(() => api.cloud.verification(approval.id), 'the clicked Verify to produce an outcome', 30000);
    assert.equal(clicked.ok, true, JSON.stringify(clicked));
    for (const t of detail.transitions) {
      const outcome = await waitFor(async () => {
        const o = await api.cloud.verifyTransition(t.id);
        return o && o.ok ? o : undefined;
      }, `a verified receipt for ${t.from} → ${t.to}`);
      assert.equal(outcome.ok, true);
      assert.ok(outcome.treeSize > outcome.leafIndex);
    }
    // What the detail webview shows: each transition with its receipt verified.
    const shown = await waitFor(() => {
      console.log('BRANDSAFE_FRAMETEXT detail');
      const file = path.join(config.flagDir, 'detail.txt');
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      if (fs.existsSync(file)) fs.rmSync(file);
      return /QA_REVIEW → APPROVED[\s\S]*✓ verified/.test(text) ? text : undefined;
    }, 'the detail view to show the verified receipts', 30000).catch((e) => {
      throw new Error(`${e.message}: ${fs.existsSync(path.join(config.flagDir, 'detail.txt')) ? '' : 'no frame text'}`);
    });
    assert.match(shown, /brand-safe, copy approved/);
    assert.match(shown, /Diff against correction/);
    await screenshot('panel-and-detail');
  });

  it('diffs generated code against its correction; the language server checks the read-only code', async function () {
    await vscode.commands.executeCommand('brandsafe.showCorrectionDiff', { generationId: config.correctedId });
    const corrected = await waitFor(
      () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'brandsafe' && d.uri.path.startsWith(`/generations/${config.correctedId}/corrections/`)),
      'the corrected code as a brandsafe: document',
    );
    assert.match(corrected.getText(), /hero-unknown/);
    const found = await waitFor(
      () => vscode.languages.getDiagnostics(corrected.uri).find((d) => d.source === 'brandsafe' && String(d.code && d.code.value) === 'brand/unapproved-selector'),
      'an unapproved-selector diagnostic on the read-only corrected code',
    );
    assert.match(found.message, /hero-unknown/);
    await screenshot('correction-diff');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reports exactly what failed for a tampered receipt', async function () {
    const events = await getJson('/api/v1/audit/events?type=generation.transitioned', config.reviewerToken);
    const event = events.items.find((e) => e.payload.transitionId === approvalTransitionId);
    const receipt = await getJson(`/api/v1/audit/receipts/${event.id}`, config.reviewerToken);
    const tampered = JSON.parse(JSON.stringify(receipt));
    tampered.event.payload.note = 'approved without review';
    const file = vscode.Uri.joinPath(folder, 'tampered-receipt.json');
    fs.writeFileSync(file.fsPath, JSON.stringify(tampered, null, 2));
    const bad = await vscode.commands.executeCommand('brandsafe.verifyReceiptFile', file);
    assert.equal(bad.ok, false);
    assert.deepEqual([...new Set(bad.failures.map((f) => f.check))], ['canonical-bytes']);
    const proofTampered = JSON.parse(JSON.stringify(receipt));
    proofTampered.inclusionProof[0] = proofTampered.inclusionProof[0].replace(/^./, (c) => (c === '0' ? '1' : '0'));
    fs.writeFileSync(file.fsPath, JSON.stringify(proofTampered));
    const badProof = await vscode.commands.executeCommand('brandsafe.verifyReceiptFile', file);
    assert.equal(badProof.ok, false);
    assert.ok(badProof.failures.some((f) => f.check === 'inclusion-proof'), JSON.stringify(badProof.failures));
    // The output channel names each failed check (the notification says the same).
    await vscode.commands.executeCommand('brandsafe.showOutput');
    await screenshot('tampered-receipt');
    fs.writeFileSync(file.fsPath, JSON.stringify(receipt));
    const good = await vscode.commands.executeCommand('brandsafe.verifyReceiptFile', file);
    assert.equal(good.ok, true);
  });

  it('signs out', async function () {
    await vscode.commands.executeCommand('brandsafe.signOut');
    assert.equal(api.cloud.me(), undefined);
  });
});

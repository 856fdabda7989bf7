import assert from 'node:assert/strict';
import { editorCallback, editorHandBack } from '../editor-callback.js';

describe('editorCallback', () => {
  it('accepts the extension URI handler under every editor scheme', () => {
    assert.equal(editorCallback('vscode://brandsafe.brandsafe/auth'), 'vscode://brandsafe.brandsafe/auth');
    assert.equal(editorCallback('vscode-insiders://BrandSafe.BrandSafe/auth'), 'vscode-insiders://brandsafe.brandsafe/auth');
    assert.equal(editorCallback('code-oss://brandsafe.brandsafe/auth'), 'code-oss://brandsafe.brandsafe/auth');
  });

  it('refuses web sites, other extensions, other paths, credentials, queries and garbage', () => {
    for (const bad of [
      undefined,
      '',
      'https://evil.example/auth',
      'http://brandsafe.brandsafe/auth',
      'javascript:alert(1)',
      'vscode://other.extension/auth',
      'vscode://brandsafe.brandsafe/other',
      'vscode://user:pw@brandsafe.brandsafe/auth',
      'vscode://brandsafe.brandsafe/auth?token=planted',
      'vscode://brandsafe.brandsafe/auth#x',
      'not a url',
      `vscode://brandsafe.brandsafe/auth${'x'.repeat(300)}`,
    ]) {
      assert.equal(editorCallback(bad), undefined, String(bad));
    }
  });

  it('puts the token in the query, encoded', () => {
    assert.equal(editorHandBack('vscode://brandsafe.brandsafe/auth', 'bsp_a+b/c'), 'vscode://brandsafe.brandsafe/auth?token=bsp_a%2Bb%2Fc');
  });
});

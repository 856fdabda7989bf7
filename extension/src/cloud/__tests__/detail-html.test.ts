import assert from 'node:assert/strict';
import type { GenerationDetail } from '../api-types';
import { detailHtml } from '../detail-html';

const generation: GenerationDetail = {
  id: 'g1',
  brandId: 'b1',
  authorId: 'u1',
  status: 'APPROVED',
  testType: 'banner',
  description: '<img src=x onerror=alert(1)> banner',
  templateId: 'hero-banner',
  pageType: 'home',
  provider: 'template',
  findings: [],
  confidence: 0.85,
  createdAt: '2026-11-24T15:00:00Z',
  updatedAt: '2026-11-24T15:00:00Z',
  code: '',
  parameters: {},
  transitions: [
    { id: 't1', from: 'GENERATED', to: 'QA_REVIEW', actorId: 'u1', note: null, overrideReason: null, createdAt: '2026-11-24T15:01:00Z' },
    { id: 't2', from: 'QA_REVIEW', to: 'APPROVED', actorId: 'u2', note: '"ok" </script>', overrideReason: null, createdAt: '2026-11-24T15:02:00Z' },
  ],
  corrections: [],
  allowedTransitions: ['DEPLOYED'],
};

describe('detailHtml', () => {
  const html = detailHtml(
    { generation, brand: 'Northwind', names: new Map([['u2', 'reviewer@northwind.example']]), results: new Map([['t2', { ok: false, text: 'FAILED: leaf-hash: differs' }]]) },
    'https://webview.example',
    'N0nce',
  );

  it('sets a strict CSP that allows only its nonce for styles and scripts', () => {
    assert.match(html, /default-src 'none'; img-src https:\/\/webview\.example; style-src 'nonce-N0nce'; script-src 'nonce-N0nce';/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="N0nce">/);
  });

  it('escapes every server string', () => {
    assert.ok(!html.includes('<img src=x'));
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; banner/);
    assert.match(html, /&quot;ok&quot; &lt;\/script&gt;/);
  });

  it('lists each transition with a Verify action and the known result', () => {
    assert.match(html, /data-verify="t1"/);
    assert.match(html, /data-verify="t2"/);
    assert.match(html, /reviewer@northwind\.example/);
    assert.match(html, /class="bad">✗ FAILED: leaf-hash: differs/);
  });

  it('uses VS Code theme colours, not fixed ones', () => {
    assert.match(html, /var\(--vscode-foreground\)/);
    assert.ok(!/#[0-9a-f]{6}/i.test(html.replace(/<script[\s\S]*<\/script>/, '')));
  });
});

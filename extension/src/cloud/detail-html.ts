/**
 * The detail webview's HTML: a strict Content-Security-Policy (nothing but this nonce'd style and
 * script; no remote content), VS Code theme colours through its CSS variables, every server
 * string escaped. No `vscode` import, so it is unit-tested.
 */
import type { GenerationDetail } from './api-types';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface DetailView {
  generation: GenerationDetail;
  brand: string;
  names: ReadonlyMap<string, string>;
  /** Verification lines already known, by transition id ("verified: …" / "FAILED: …"). */
  results: ReadonlyMap<string, { ok: boolean; text: string }>;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px; }
h1 { font-size: 1.3em; margin: 12px 0 4px; }
.meta { color: var(--vscode-descriptionForeground); margin-bottom: 12px; }
ul.transitions { list-style: none; padding: 0; margin: 0; }
li.transition { padding: 8px 0; border-bottom: 1px solid var(--vscode-panel-border); }
.note { margin: 4px 0; font-style: italic; }
.verify { margin-top: 6px; display: flex; gap: 8px; align-items: baseline; }
.verify span { overflow-wrap: anywhere; }
h2 { font-size: 1.1em; margin: 16px 0 4px; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
.ok { color: var(--vscode-testing-iconPassed); }
.bad { color: var(--vscode-errorForeground); }
.status { font-weight: 600; }
code { font-family: var(--vscode-editor-font-family); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.querySelectorAll('button[data-verify]').forEach((b) => b.addEventListener('click', () => {
  const cell = document.getElementById('r-' + b.dataset.verify);
  cell.textContent = 'verifying…'; cell.className = '';
  vscode.postMessage({ type: 'verify', transitionId: b.dataset.verify });
}));
document.querySelectorAll('button[data-open]').forEach((b) => b.addEventListener('click', () => vscode.postMessage({ type: b.dataset.open })));
window.addEventListener('message', (e) => {
  const m = e.data;
  if (m.type !== 'verified') return;
  const cell = document.getElementById('r-' + m.transitionId);
  if (cell) { cell.textContent = (m.ok ? '✓ ' : '✗ ') + m.text; cell.className = m.ok ? 'ok' : 'bad'; }
});
`;

/** The page for one generation. `cspSource` is the webview's own source, `nonce` fresh per render. */
export function detailHtml(view: DetailView, cspSource: string, nonce: string): string {
  const g = view.generation;
  const name = (id: string | null) => (id ? escapeHtml(view.names.get(id) ?? id.slice(0, 8)) : 'system');
  const rows = g.transitions
    .map((t) => {
      const r = view.results.get(t.id);
      return `<li class="transition">
  <div><span class="status">${escapeHtml(t.from)} → ${escapeHtml(t.to)}</span> · ${name(t.actorId)} · ${escapeHtml(new Date(t.createdAt).toLocaleString())}</div>
  ${t.note ? `<div class="note">“${escapeHtml(t.note)}”</div>` : ''}
  <div class="verify"><button data-verify="${escapeHtml(t.id)}">Verify</button>
  <span id="r-${escapeHtml(t.id)}" class="${r ? (r.ok ? 'ok' : 'bad') : ''}">${r ? `${r.ok ? '✓' : '✗'} ${escapeHtml(r.text)}` : ''}</span></div>
</li>`;
    })
    .join('\n');
  const errors = g.findings.filter((f) => f.severity === 'error').length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${STYLE}</style>
<title>${escapeHtml(g.description)}</title>
</head>
<body>
<h1>${escapeHtml(g.description)}</h1>
<div class="meta">${escapeHtml(g.status)} · brand ${escapeHtml(view.brand)} · ${escapeHtml(g.templateId ?? g.testType)} · by ${name(g.authorId)} ·
confidence ${Math.round(g.confidence * 100)}% · ${g.findings.length} findings (${errors} errors) · <code>${escapeHtml(g.id)}</code></div>
<p><button data-open="openCode">Open code</button>${g.corrections.length > 0 ? ' <button data-open="openDiff">Diff against correction</button>' : ''}</p>
<h2>Transitions</h2>
${g.transitions.length === 0 ? '<p>None yet: the code has not been submitted.</p>' : `<ul class="transitions">\n${rows}\n</ul>`}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

/** Members and invitations, API tokens, and brands. */
import { editorHandBack } from '../editor-callback.js';
import { TOKEN_SCOPES, WORKSPACE_ROLES } from '@brandsafe/db';
import { html } from 'hono/html';
import { csrfField, page, when, type Flash, type HeaderUser, type Html } from './layout.js';

export interface Member { userId: string; email: string; role: string; createdAt: string }
export interface Invitation { id: string; email: string; role: string; status: string; createdAt: string; expiresAt: string }
export interface Token { id: string; name: string; prefix: string; scopes: string[]; createdAt: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null }
export interface Brand { id: string; name: string; latestVersion: string | null; createdAt: string; updatedAt: string }
export interface BrandProblem { kind: string; severity: string; message: string; line: number; column: number; focusNode?: string; path?: string }
export interface BrandVersion { version: string; problems: BrandProblem[]; createdAt: string }

const roleSelect = (id: string, selected = 'editor') =>
  html`<select id="${id}" name="role">${WORKSPACE_ROLES.map((r) => html`<option value="${r}"${r === selected ? html` selected` : ''}>${r}</option>`)}</select>`;

export function membersPage(user: HeaderUser, members: Member[], invitations: Invitation[], flash: Flash[]): Html {
  return page(
    { title: 'Members', user, current: '/portal/members', flash },
    html`<h1>Members</h1><div class="table-wrap"><table><thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Since</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead><tbody>
${members.map((m) => html`<tr><td>${m.email}</td><td><form class="inline" method="post" action="/portal/members/${m.userId}/role">${csrfField(user.csrf)}<label class="sr-only" for="role-${m.userId}">Role of ${m.email}</label>${roleSelect(`role-${m.userId}`, m.role)} <button type="submit" class="secondary">Change</button></form></td><td>${when(m.createdAt)}</td>
<td><form class="inline" method="post" action="/portal/members/${m.userId}/remove" data-confirm="Remove ${m.email} from the workspace?">${csrfField(user.csrf)}<button type="submit" class="danger">Remove</button></form></td></tr>`)}
</tbody></table></div>
<h2>Invitations</h2><div class="table-wrap"><table><thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead><tbody>
${invitations.length === 0 ? html`<tr><td colspan="5" class="muted">No invitations.</td></tr>` : ''}
${invitations.map((i) => html`<tr data-invitation="${i.email}"><td>${i.email}</td><td>${i.role}</td><td>${i.status}</td><td>${when(i.expiresAt)}</td><td>${i.status === 'pending' ? html`<form class="inline" method="post" action="/portal/invitations/${i.id}/revoke">${csrfField(user.csrf)}<button type="submit" class="danger">Revoke</button></form>` : ''}</td></tr>`)}
</tbody></table></div>
<section class="card"><h2>Invite a member</h2><form method="post" action="/portal/invitations">${csrfField(user.csrf)}
<label for="invite-email">Email</label><input id="invite-email" name="email" type="email" required>
<label for="invite-role">Role</label>${roleSelect('invite-role')}<br><button type="submit">Send invitation</button></form></section>`,
  );
}


/** `editor`: the extension's URI handler when the page was opened from VS Code (see editor-callback.ts). */
export function tokensPage(user: HeaderUser, tokens: Token[], flash: Flash[], created?: { name: string; token: string }, editor?: string): Html {
  return page(
    { title: 'API tokens', user, current: '/portal/tokens', flash },
    html`<h1>API tokens</h1>
${created ? html`<section class="card flash ok" aria-labelledby="new-token-h"><h2 id="new-token-h">Token “${created.name}” created</h2><p>Copy it now: it is shown only once.</p>
<code class="secret" id="new-token">${created.token}</code><button type="button" data-copy="new-token" hidden>Copy</button>
${editor ? html`<p><a class="button" id="open-in-editor" href="${editorHandBack(editor, created.token)}">Open in VS Code and sign in</a></p>` : ''}</section>` : ''}
${editor && !created ? html`<p class="card">VS Code asked for a token: create one below with the <strong>read</strong> scope (plus <strong>generate</strong> and <strong>review</strong> for generating and reviewing), then choose “Open in VS Code”.</p>` : ''}
<div class="table-wrap"><table><thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Scopes</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead><tbody>
${tokens.length === 0 ? html`<tr><td colspan="6" class="muted">No tokens yet.</td></tr>` : ''}
${tokens.map((t) => html`<tr data-token="${t.name}"><td>${t.name}</td><td><code>${t.prefix}…</code></td><td>${t.scopes.join(', ')}</td><td>${when(t.lastUsedAt)}</td><td>${t.revokedAt ? `revoked ${when(t.revokedAt)}` : t.expiresAt ? `expires ${when(t.expiresAt)}` : 'active'}</td>
<td>${t.revokedAt ? '' : html`<form class="inline" method="post" action="/portal/tokens/${t.id}/revoke" data-confirm="Revoke ${t.name}? Programs using it stop working.">${csrfField(user.csrf)}<button type="submit" class="danger">Revoke</button></form>`}</td></tr>`)}
</tbody></table></div>
<section class="card"><h2>Create a token</h2><form method="post" action="/portal/tokens">${csrfField(user.csrf)}${editor ? html`<input type="hidden" name="redirect_uri" value="${editor}">` : ''}
<label for="token-name">Name</label><input id="token-name" name="name" type="text" required maxlength="100">
<fieldset><legend>Scopes</legend>${TOKEN_SCOPES.map((s) => html`<label><input type="checkbox" name="scopes" value="${s}"${s === 'read' ? html` checked` : ''}> ${s}</label>`)}</fieldset>
<label for="token-days">Expires after (days, optional)</label><input id="token-days" name="expiresInDays" type="text" inputmode="numeric" pattern="[0-9]*">
<button type="submit">Create token</button></form></section>`,
  );
}

export function brandsPage(user: HeaderUser, brands: Brand[], flash: Flash[]): Html {
  return page(
    { title: 'Brands', user, current: '/portal/brands', flash },
    html`<h1>Brands</h1><div class="table-wrap"><table><thead><tr><th scope="col">Name</th><th scope="col">Version</th><th scope="col">Updated</th></tr></thead><tbody>
${brands.length === 0 ? html`<tr><td colspan="3" class="muted">No brands yet.</td></tr>` : ''}
${brands.map((b) => html`<tr><td><a href="/portal/brands/${b.id}">${b.name}</a></td><td>${b.latestVersion ?? '—'}</td><td>${when(b.updatedAt)}</td></tr>`)}</tbody></table></div>
<section class="card"><h2>New brand</h2><form method="post" action="/portal/brands">${csrfField(user.csrf)}<label for="brand-name">Name</label><input id="brand-name" name="name" type="text" required maxlength="100"><button type="submit">Create brand</button></form></section>`,
  );
}

function problemsTable(problems: BrandProblem[]): Html {
  if (problems.length === 0) return html`<p class="muted">No problems.</p>`;
  return html`<div class="table-wrap"><table aria-label="Validation results"><thead><tr><th scope="col">Line:column</th><th scope="col">Severity</th><th scope="col">Kind</th><th scope="col">Message</th></tr></thead><tbody>
${problems.map((p) => html`<tr class="problem-${p.severity}"><td><code>${p.line}:${p.column}</code></td><td>${p.severity}</td><td>${p.kind}</td><td>${p.message}${p.focusNode ? html`<br><span class="muted">${p.focusNode}${p.path ? ` · ${p.path}` : ''}</span>` : ''}</td></tr>`)}</tbody></table></div>`;
}

export function brandPage(user: HeaderUser, brand: Brand, versions: BrandVersion[], flash: Flash[], uploadProblems?: BrandProblem[], turtle = ''): Html {
  return page(
    { title: brand.name, user, current: '/portal/brands', flash },
    html`<h1>${brand.name}</h1><p>Current version: <strong>${brand.latestVersion ?? 'none'}</strong></p>
${uploadProblems ? html`<section class="card" aria-labelledby="results-h"><h2 id="results-h">SHACL validation results</h2>${problemsTable(uploadProblems)}</section>` : ''}
<section class="card"><h2>Upload the brand graph</h2><form method="post" action="/portal/brands/${brand.id}/graph" enctype="multipart/form-data">${csrfField(user.csrf)}
<label for="graph-file">Turtle file (.ttl)</label><input id="graph-file" name="file" type="file" accept=".ttl,text/turtle">
<label for="graph-text">or paste Turtle</label><textarea id="graph-text" name="turtle">${turtle}</textarea>
<button type="submit">Validate and upload</button></form></section>
<h2>Versions</h2><div class="table-wrap"><table><thead><tr><th scope="col">Version</th><th scope="col">Uploaded</th><th scope="col">Warnings</th></tr></thead><tbody>
${versions.length === 0 ? html`<tr><td colspan="3" class="muted">No versions yet.</td></tr>` : ''}
${versions.map((v) => html`<tr><td>${v.version}</td><td>${when(v.createdAt)}</td><td>${v.problems.length}</td></tr>`)}</tbody></table></div>`,
  );
}

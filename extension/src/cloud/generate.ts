/**
 * Inline generation: `brandsafe.generate` (test type + description) and
 * `brandsafe.generateFromTemplate` (template, then each typed parameter), with a cancellable
 * progress notification while the server works; the code lands at the cursor, or in a new editor
 * when no editable editor is active. Each command takes optional arguments so it can be driven
 * without the pickers (keybindings, other extensions, the end-to-end tests).
 */
import * as vscode from 'vscode';
import { ApiError, type ApiClient } from './api';
import type { BrandTemplate, GenerateRequest, Generation, TemplateParameter } from './api-types';
import type { BrandSync } from './brand-sync';
import { reportError, type Session } from './session';
import { parameterProblem, parameterValue, selectorChoices, testTypes } from './template-params';
import type { TrackedGenerations } from './tracked';

export interface GenerateHost {
  session: Session;
  brands: BrandSync;
  tracked: TrackedGenerations;
  output: vscode.LogOutputChannel;
  /** Called after the server's list of generations changed (the approval panel reloads). */
  changed(): void;
}

export interface GenerateArgs {
  templateId?: string;
  testType?: string;
  description?: string;
  pageType?: string;
  parameters?: Record<string, string | number | boolean>;
  /** Where the code goes; default: the cursor of an editable editor, else a new editor. */
  target?: 'cursor' | 'newEditor';
}

async function context(host: GenerateHost): Promise<{ client: ApiClient; brandId: string } | undefined> {
  const client = host.session.requireClient();
  if (!client) return undefined;
  const brand = host.brands.current ?? (await host.brands.pick());
  return brand ? { client, brandId: brand.brandId } : undefined;
}

async function askParameter(client: ApiClient, brandId: string, template: BrandTemplate, p: TemplateParameter): Promise<string | null> {
  const title = `${template.label ?? template.id}: ${p.name} (${p.type}${p.required ? '' : ', optional'})`;
  if (p.type === 'selector') {
    const choices = selectorChoices(await client.selectors(brandId), p, template);
    const picked = await vscode.window.showQuickPick(
      choices.map((s) => ({ label: s.css, description: s.label ?? s.id, detail: s.description, picked: s.css === p.default })),
      { title, placeHolder: p.description ?? 'An approved selector', ignoreFocusOut: true },
    );
    return picked ? picked.label : null;
  }
  if (p.type === 'boolean' || p.values) {
    const items = p.type === 'boolean' ? ['true', 'false'] : (p.values ?? []);
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: p.description, ignoreFocusOut: true });
    return picked ?? null;
  }
  const value = await vscode.window.showInputBox({
    title,
    prompt: p.description,
    ...(p.default !== undefined ? { value: String(p.default) } : {}),
    ignoreFocusOut: true,
    validateInput: (v) => parameterProblem(p, v),
  });
  return value ?? null;
}

/** Inserts the code and tracks it; returns the editor it went into. */
async function place(host: GenerateHost, generation: Generation, target: GenerateArgs['target']): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  const editable = active && ['file', 'untitled'].includes(active.document.uri.scheme);
  if (target !== 'newEditor' && editable) {
    const start = active.document.offsetAt(active.selection.start);
    await active.edit((b) => b.replace(active.selection, generation.code));
    host.tracked.track(active, generation, start, start + generation.code.length);
    return active;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'javascript', content: generation.code });
  const editor = await vscode.window.showTextDocument(document);
  host.tracked.track(editor, generation, 0, generation.code.length);
  return editor;
}

/** One request to the server under a cancellable progress notification. */
function request(client: ApiClient, req: GenerateRequest): Thenable<Generation> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `brandsafe: generating ${req.templateId ?? req.testType}…`, cancellable: true },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return client.generate(req, abort.signal);
    },
  );
}

/**
 * The parameter the server says is missing or invalid (422 naming `parameter` and the template it
 * chose), asked for with its type; undefined when the refusal is about something else.
 */
async function askMissing(client: ApiClient, brandId: string, error: unknown): Promise<{ template: BrandTemplate; name: string; value: string | number | boolean } | null | undefined> {
  if (!(error instanceof ApiError) || error.kind !== 'invalid' || !error.problem?.parameter || !error.problem.templateId) return undefined;
  const { parameter, templateId } = error.problem;
  const template = (await client.templates(brandId)).find((t) => t.id === templateId || templateId.endsWith(`#${t.id}`));
  const p = template?.parameters.find((x) => x.name === parameter);
  if (!template || !p) return undefined;
  void vscode.window.showInformationMessage(`brandsafe: the ${template.label ?? template.id} template needs ${p.name}: ${error.problem.detail ?? ''}`);
  const raw = await askParameter(client, brandId, template, p);
  if (raw === null) return null;
  const value = parameterValue(p, raw);
  return value === undefined ? undefined : { template, name: p.name, value };
}

async function run(host: GenerateHost, req: GenerateRequest, target: GenerateArgs['target'], client: ApiClient): Promise<Generation | undefined> {
  try {
    let generation: Generation | undefined;
    // A refused parameter is asked for and the request retried (bounded: each round fills one).
    for (let round = 0; !generation; round += 1) {
      try {
        generation = await request(client, req);
      } catch (error) {
        const filled = round < 20 ? await askMissing(client, req.brandId, error) : undefined;
        if (filled === null) return undefined;
        if (!filled) throw error;
        req = { ...req, templateId: filled.template.id, parameters: { ...req.parameters, [filled.name]: filled.value } };
      }
    }
    await place(host, generation, target);
    host.changed();
    const errors = generation.findings.filter((f) => f.severity === 'error').length;
    const summary = `generated ${generation.templateId ?? generation.testType} with confidence ${Math.round(generation.confidence * 100)}% and ${generation.findings.length} finding(s)${errors ? `, ${errors} error(s)` : ''}.`;
    host.output.info(`brandsafe: ${summary} (${generation.id})`);
    for (const f of generation.findings) host.output.info(`  ${f.severity} ${f.ruleId ?? ''} ${f.message}`);
    void vscode.window.showInformationMessage(`brandsafe: ${summary}`, 'Submit for Review').then((c) => {
      if (c) void vscode.commands.executeCommand('brandsafe.submitForReview');
    });
    return generation;
  } catch (error) {
    reportError(host.output, 'generation failed', error);
    return undefined;
  }
}

/** `brandsafe.generateFromTemplate`. */
export async function generateFromTemplate(host: GenerateHost, args: GenerateArgs = {}): Promise<Generation | undefined> {
  const ctx = await context(host);
  if (!ctx) return undefined;
  const { client, brandId } = ctx;
  let template: BrandTemplate | undefined;
  const parameters: Record<string, string | number | boolean> = { ...args.parameters };
  try {
    const templates = await client.templates(brandId);
    template = args.templateId ? templates.find((t) => t.id === args.templateId) : undefined;
    if (args.templateId && !template) throw new Error(`the brand has no template "${args.templateId}"`);
    if (!template) {
      const picked = await vscode.window.showQuickPick(
        templates.map((t) => ({ label: t.label ?? t.id, description: `${t.testType} · ${(t.pageTypes ?? []).join(', ')}`, detail: t.description, t })),
        { placeHolder: 'A template of the brand', matchOnDescription: true },
      );
      template = picked?.t;
    }
    if (!template) return undefined;
    for (const p of template.parameters) {
      if (p.name in parameters) continue;
      if (args.parameters && !p.required) continue; // driven by arguments: optional ones keep their default
      const raw = await askParameter(client, brandId, template, p);
      if (raw === null) return undefined;
      const value = parameterValue(p, raw);
      if (value !== undefined) parameters[p.name] = value;
    }
  } catch (error) {
    reportError(host.output, 'could not read the brand templates', error);
    return undefined;
  }
  const request: GenerateRequest = {
    brandId,
    testType: template.testType,
    templateId: template.id,
    description: args.description ?? template.label ?? template.id,
    parameters,
    ...(args.pageType ?? template.pageTypes?.[0] ? { pageType: args.pageType ?? template.pageTypes![0]! } : {}),
  };
  return run(host, request, args.target, client);
}

/** `brandsafe.generate`: a test type from the brand's templates and a free description. */
export async function generate(host: GenerateHost, args: GenerateArgs = {}): Promise<Generation | undefined> {
  const ctx = await context(host);
  if (!ctx) return undefined;
  let testType = args.testType;
  if (!testType) {
    try {
      const types = testTypes(await ctx.client.templates(ctx.brandId));
      testType = await vscode.window.showQuickPick(types, { placeHolder: 'The kind of test (from the brand’s templates)' });
    } catch (error) {
      reportError(host.output, 'could not read the brand templates', error);
      return undefined;
    }
  }
  if (!testType) return undefined;
  const description =
    args.description ??
    (await vscode.window.showInputBox({ prompt: `Describe the ${testType} variation`, placeHolder: 'Free shipping banner above the hero', ignoreFocusOut: true }));
  if (!description) return undefined;
  return run(host, { brandId: ctx.brandId, testType, description, ...(args.parameters ? { parameters: args.parameters } : {}) }, args.target, ctx.client);
}

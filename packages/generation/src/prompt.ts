/**
 * The prompt the Claude provider sends: a system prompt that carries the brand's approved
 * selectors (for the page type), its code rules and the templates that fit the request, and a
 * conversation in which every rejected attempt is answered with its findings as feedback.
 */
import type { Brand, CodeRule } from '@brandsafe/brand-kit';
import type { Finding } from '@brandsafe/rules';
import { rankTemplates } from './choose.js';
import { selectorsForPage } from './selector-param.js';
import type { Feedback, GenerationRequest } from './types.js';

/** How many of the best-fitting templates go into the prompt as examples. */
export const PROMPT_TEMPLATES = 3;

/** A turn of the Messages API conversation (text only). */
export interface PromptMessage {
  role: 'user' | 'assistant';
  content: string;
}

function ruleLine(r: CodeRule): string {
  const detail =
    r.kind === 'forbidden-call' ? `forbidden: ${(r.callees ?? []).join(', ')}`
    : r.kind === 'required-wrapper' ? `wrap DOM access in ${r.wrapper ?? '?'}`
    : r.kind === 'network-allowlist' ? `network only to: ${(r.allowedDomains ?? []).join(', ')}`
    : `at most ${r.maxBytes ?? '?'} bytes`;
  return `- [${r.severity}] ${r.id} (${r.kind}; ${detail}): ${r.message}`;
}

/** The system prompt for `request` against `brand`. */
export function systemPrompt(brand: Brand, request: GenerationRequest): string {
  const selectors = selectorsForPage(brand, request.pageType).filter((s) => s.stability !== 'deprecated');
  const templates = rankTemplates(brand.templates, request).slice(0, PROMPT_TEMPLATES);
  const lines = [
    `You write variation code for A/B tests on the sites of the brand "${brand.name}".`,
    'The code is plain browser JavaScript run on a live page; it may run more than once, so make it idempotent.',
    'Answer with the code only, in one ```javascript fenced block, with no explanation.',
    '',
    `Approved selectors${request.pageType === undefined ? '' : ` for page type "${request.pageType}"`} — use no other selector:`,
    ...(selectors.length > 0
      ? selectors.map((s) => `- ${s.css} (id ${s.id}, ${s.stability})${s.description ? `: ${s.description}` : ''}`)
      : ['- (none: do not query the DOM)']),
    '',
    'Brand code rules — the code is checked against them and rejected on any error:',
    ...(brand.rules.length > 0 ? brand.rules.map(ruleLine) : ['- (none beyond the built-in rule packs)']),
  ];
  if (brand.rulePacks.length > 0) lines.push(`Rule packs in force: ${brand.rulePacks.join(', ')}.`);
  if (templates.length > 0) {
    lines.push('', 'Proven templates of this brand for this kind of test ({{name}} marks a parameter):');
    for (const { template: t } of templates) {
      const params = t.parameters.map((p) => `${p.name}: ${p.type}${p.required ? '' : '?'}`).join(', ');
      lines.push('', `Template ${t.id} — ${t.label} (test type ${t.testType}; parameters ${params || 'none'})`, '```javascript', t.body, '```');
    }
  }
  return lines.join('\n');
}

/** The first user turn: the request itself. */
export function requestMessage(request: GenerationRequest): string {
  const lines = [`Test type: ${request.testType}`];
  if (request.pageType !== undefined) lines.push(`Page type: ${request.pageType}`);
  if (request.templateId !== undefined) lines.push(`Start from template: ${request.templateId}`);
  lines.push(`What the variation should do: ${request.description}`);
  if (request.parameters && Object.keys(request.parameters).length > 0) {
    lines.push(`Parameters (JSON): ${JSON.stringify(request.parameters)}`);
  }
  return lines.join('\n');
}

function findingLine(f: Finding): string {
  return `- ${f.severity} ${f.ruleId} at line ${f.range.start.line + 1}, column ${f.range.start.character + 1}: ${f.message}`;
}

/** The user turn that answers a rejected attempt with its findings. */
export function feedbackMessage(findings: readonly Finding[]): string {
  return [
    'The brand checker rejected that code with these findings:',
    ...findings.map(findingLine),
    'Fix every error and answer again with the whole corrected code only, in one ```javascript block.',
  ].join('\n');
}

/** The whole conversation: the request, then each earlier attempt and its feedback. */
export function conversation(request: GenerationRequest, history: readonly Feedback[]): PromptMessage[] {
  const messages: PromptMessage[] = [{ role: 'user', content: requestMessage(request) }];
  for (const h of history) {
    messages.push({ role: 'assistant', content: '```javascript\n' + h.code + '\n```' });
    messages.push({ role: 'user', content: feedbackMessage(h.findings) });
  }
  return messages;
}

/**
 * The code in a reply: the first fenced block tagged js/javascript/ts/typescript (or untagged),
 * else the whole reply when it has no fence at all. `undefined` when there is no code.
 */
export function extractCode(reply: string): string | undefined {
  const fence = /```[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)```/g;
  for (const m of reply.matchAll(fence)) {
    const lang = m[1]!.toLowerCase();
    if (['', 'js', 'javascript', 'ts', 'typescript', 'mjs'].includes(lang)) {
      const code = m[2]!.trim();
      if (code !== '') return code + '\n';
    }
  }
  if (reply.includes('```')) return undefined;
  const whole = reply.trim();
  return whole === '' ? undefined : whole + '\n';
}

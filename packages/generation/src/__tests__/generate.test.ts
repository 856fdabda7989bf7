import assert from 'node:assert/strict';
import { confidence, generate, GenerationError, isGenerationError, templateProvider, type ProgressEvent } from '../index.js';
import { makeBrand } from './__fixtures__/brand.js';
import { cookieCheck, patternCheck } from './support/checkers.js';
import { scriptedProvider } from './support/fake-provider.js';

const brand = makeBrand();
const bannerRequest = { testType: 'banner', description: 'Dismissible announcement', parameters: { target: '.hero', message: 'Free shipping' } };
const BAD = 'document.cookie = "a=1";\n';
const WARN = 'console.log(1);\n';
const GOOD = 'window.x = 1;\n';

describe('generate', () => {
  it('uses the template provider and returns checked code with its findings', async () => {
    const check = cookieCheck();
    const r = await generate(bannerRequest, { brand, provider: templateProvider, check });
    assert.equal(r.provider, 'template');
    assert.equal(r.templateId, 'banner-top');
    assert.match(r.code, /banner\.textContent = "Free shipping";/);
    assert.deepEqual(r.findings, []);
    assert.equal(r.attempts.length, 1);
    assert.equal(r.attempts[0]!.outcome, 'accepted');
    assert.equal(check.calls.length, 1);
    assert.equal(check.calls[0], r.code);
    assert.ok(r.confidence > 0.5 && r.confidence <= 1);
  });

  it('does not retry the deterministic template provider and keeps its error findings', async () => {
    const check = patternCheck([{ pattern: /'bs-banner'/, ruleId: 'brand/no-ids', severity: 'error' }]);
    const r = await generate(bannerRequest, { brand, provider: templateProvider, check });
    assert.equal(r.attempts.length, 1);
    assert.equal(r.attempts[0]!.outcome, 'rejected');
    assert.equal(r.findings.length, 2);
    assert.ok(r.confidence < 0.1);
  });

  it('throws the typed input error of the template provider (no retry, no fallback)', async () => {
    await assert.rejects(
      generate({ ...bannerRequest, parameters: { target: '.nope', message: 'x' } }, { brand, provider: templateProvider, check: cookieCheck() }),
      (e) => isGenerationError(e, 'UNAPPROVED_SELECTOR') && e.details.parameter === 'target',
    );
  });

  it('retries with the findings as feedback and accepts the healed code', async () => {
    const provider = scriptedProvider([BAD, GOOD]);
    const r = await generate(bannerRequest, { brand, provider, check: cookieCheck() });
    assert.equal(r.provider, 'claude');
    assert.equal(r.code, GOOD);
    assert.deepEqual(r.attempts.map((a) => a.outcome), ['rejected', 'accepted']);
    assert.equal(provider.inputs[0]!.history.length, 0);
    const fb = provider.inputs[1]!.history;
    assert.equal(fb.length, 1);
    assert.equal(fb[0]!.code, BAD);
    assert.equal(fb[0]!.findings[0]!.ruleId, 'brand/no-cookies');
    assert.equal(r.templateId, undefined);
  });

  it('retries at most twice, then falls back to the best template', async () => {
    const provider = scriptedProvider([BAD, BAD, BAD, GOOD]);
    const events: ProgressEvent[] = [];
    const r = await generate(bannerRequest, { brand, provider, check: cookieCheck(), onProgress: (e) => events.push(e) });
    assert.equal(provider.inputs.length, 3);
    assert.equal(provider.inputs[2]!.history.length, 2);
    assert.deepEqual(r.attempts.map((a) => [a.provider, a.outcome]), [
      ['claude', 'rejected'],
      ['claude', 'rejected'],
      ['claude', 'rejected'],
      ['template', 'accepted'],
    ]);
    assert.equal(r.provider, 'template');
    assert.equal(r.templateId, 'banner-top');
    assert.equal(r.code, r.attempts[3]!.code);
    assert.deepEqual(events.map((e) => e.type), [
      'attempt-start', 'attempt-end', 'attempt-start', 'attempt-end', 'attempt-start', 'attempt-end', 'fallback', 'attempt-start', 'attempt-end',
    ]);
    for (const a of r.attempts) assert.ok(a.durationMs >= 0);
  });

  it('treats provider failures as failed attempts and still falls back', async () => {
    const provider = scriptedProvider([new GenerationError('PROVIDER_FAILED', 'HTTP 529'), new Error('socket hang up'), WARN]);
    const r = await generate(bannerRequest, { brand, provider, check: cookieCheck() });
    assert.deepEqual(r.attempts.map((a) => a.outcome), ['failed', 'failed', 'accepted']);
    assert.equal(r.attempts[0]!.error?.code, 'PROVIDER_FAILED');
    assert.match(r.attempts[1]!.error!.message, /socket hang up/);
    assert.equal(r.code, WARN);
    assert.equal(r.findings[0]!.severity, 'warning');
  });

  it('keeps the attempt with the fewest errors when the fallback cannot render', async () => {
    const provider = scriptedProvider([BAD + BAD, BAD, BAD + BAD]);
    const request = { ...bannerRequest, parameters: { target: '.not-approved', message: 'x' } };
    const r = await generate(request, { brand, provider, check: cookieCheck() });
    assert.equal(r.attempts.length, 4);
    assert.equal(r.attempts[3]!.outcome, 'failed');
    assert.equal(r.attempts[3]!.error?.code, 'UNAPPROVED_SELECTOR');
    assert.equal(r.code, BAD);
    assert.equal(r.provider, 'claude');
  });

  it('throws PROVIDER_FAILED when no attempt produced code', async () => {
    const provider = scriptedProvider([new Error('down'), new Error('down'), new Error('down')]);
    await assert.rejects(
      generate({ testType: 'layout-swap', description: 'x' }, { brand, provider, check: cookieCheck() }),
      (e) => isGenerationError(e, 'PROVIDER_FAILED') && /NO_TEMPLATE|no template/.test(e.message),
    );
  });

  it('honours maxRetries below the cap', async () => {
    const provider = scriptedProvider([BAD, GOOD]);
    const r = await generate(bannerRequest, { brand, provider, check: cookieCheck(), maxRetries: 0 });
    assert.equal(provider.inputs.length, 1);
    assert.equal(r.provider, 'template');
  });

  it('stops with ABORTED when the signal fires, without falling back', async () => {
    const controller = new AbortController();
    const provider = scriptedProvider([BAD, GOOD]);
    const check = cookieCheck();
    const run = generate(bannerRequest, {
      brand,
      provider,
      check: (i, o) => {
        controller.abort(new Error('user cancelled'));
        return check(i, o);
      },
      signal: controller.signal,
    });
    await assert.rejects(run, (e) => isGenerationError(e, 'ABORTED') && (e.cause as Error).message === 'user cancelled');
    assert.equal(provider.inputs.length, 1);
  });

  it('wraps a throwing checker in CHECK_FAILED with the cause kept', async () => {
    const boom = new Error('parser exploded');
    await assert.rejects(
      generate(bannerRequest, { brand, provider: templateProvider, check: () => { throw boom; } }),
      (e) => isGenerationError(e, 'CHECK_FAILED') && e.cause === boom,
    );
  });

  it('passes the page type to the checker', async () => {
    let seen: string | undefined;
    await generate({ testType: 'cta-change', description: '', pageType: 'product-detail', parameters: { button: 'add-to-cart', label: 'Go' } }, {
      brand,
      provider: templateProvider,
      check: (_i, o) => ((seen = o.pageType), { findings: [], skipped: [] }),
    });
    assert.equal(seen, 'product-detail');
  });
});

describe('confidence', () => {
  const f = (severity: 'error' | 'warning' | 'info') => ({ ruleId: 'a/b', severity, message: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  it('follows the documented formula', () => {
    assert.equal(confidence('template', 1, []), 1);
    assert.equal(confidence('template', 0.6, [f('warning')]), 0.72);
    assert.equal(confidence('claude', 1, []), 0.8);
    assert.equal(confidence('claude', 0, [f('error'), f('info')]), 0.1);
    assert.equal(confidence('template', 2, []), 1);
  });
});

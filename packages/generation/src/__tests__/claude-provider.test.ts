import assert from 'node:assert/strict';
import {
  createClaudeProvider,
  DEFAULT_CLAUDE_MODEL,
  extractCode,
  generate,
  isGenerationError,
  providerFromEnv,
  templateProvider,
} from '../index.js';
import { startFakeAnthropic, type FakeAnthropic } from '../testing/index.js';
import { makeBrand } from './__fixtures__/brand.js';
import { cookieCheck } from './support/checkers.js';

const brand = makeBrand();
const request = {
  testType: 'cta-change',
  description: 'Make the add to cart label more urgent',
  pageType: 'product-detail',
  parameters: { label: 'Buy now' },
};
const fenced = (code: string) => `Here you go:\n\`\`\`javascript\n${code}\n\`\`\`\n`;
const GOOD = "window.optimizely.get('utils').waitForElement('#add-to-cart').then(function (el) { el.textContent = 'Buy now'; });";
const BAD = 'document.cookie = "seen=1";';

function systemText(system: unknown): string {
  return typeof system === 'string' ? system : (system as { text: string }[]).map((b) => b.text).join('\n');
}

describe('Claude provider (against a local Messages API)', () => {
  let fake: FakeAnthropic;
  beforeEach(async () => {
    fake = await startFakeAnthropic();
  });
  afterEach(() => fake.close());

  const provider = (extra: Parameters<typeof createClaudeProvider>[0] = {}) =>
    createClaudeProvider({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0, env: {}, ...extra });

  it('sends the model, a system prompt with the approved selectors, rules and templates, and the request', async () => {
    fake.reply(fenced(GOOD));
    const c = await provider().generate({ brand, request, history: [] });
    assert.equal(c.code, GOOD + '\n');
    assert.equal(fake.requests.length, 1);
    const sent = fake.requests[0]!;
    assert.equal(sent.path, '/v1/messages');
    assert.equal(sent.apiKey, 'sk-test');
    assert.ok(sent.headers['anthropic-version']);
    assert.equal(sent.body?.model, DEFAULT_CLAUDE_MODEL);
    assert.equal(sent.body?.max_tokens, 2048);
    const system = systemText(sent.body?.system);
    for (const approved of ['#add-to-cart', '.product-price', '.hero', 'header > nav']) assert.ok(system.includes(approved), approved);
    assert.ok(!system.includes('.checkout-button'), 'selectors of other page types stay out');
    assert.ok(!system.includes('.hero-legacy'), 'deprecated selectors stay out');
    assert.match(system, /no-cookies .*document\.cookie/);
    assert.match(system, /Template cta-text/);
    assert.match(system, /code only/);
    assert.deepEqual(sent.body?.messages?.map((m) => m.role), ['user']);
    const user = sent.body!.messages![0]!.content as string;
    assert.match(user, /Test type: cta-change/);
    assert.match(user, /Page type: product-detail/);
    assert.match(user, /more urgent/);
    assert.match(user, /"label":"Buy now"/);
  });

  it('uses the configured model, from the option or ANTHROPIC_MODEL', async () => {
    fake.reply(GOOD, GOOD);
    await provider({ model: 'claude-haiku-4-5' }).generate({ brand, request, history: [] });
    await provider({ env: { ANTHROPIC_MODEL: 'claude-opus-4-6' } }).generate({ brand, request, history: [] });
    assert.deepEqual(fake.requests.map((r) => r.body?.model), ['claude-haiku-4-5', 'claude-opus-4-6']);
  });

  it('heals through generate: the retry carries the rejected code and its findings', async () => {
    fake.reply(fenced(BAD), fenced(GOOD));
    const r = await generate(request, { brand, provider: provider(), check: cookieCheck() });
    assert.equal(r.provider, 'claude');
    assert.deepEqual(r.attempts.map((a) => a.outcome), ['rejected', 'accepted']);
    assert.equal(r.code, GOOD + '\n');
    const retry = fake.requests[1]!.body!.messages!;
    assert.deepEqual(retry.map((m) => m.role), ['user', 'assistant', 'user']);
    assert.ok((retry[1]!.content as string).includes(BAD));
    assert.match(retry[2]!.content as string, /error brand\/no-cookies at line 1, column 1: brand\/no-cookies matched document\.cookie/);
    assert.equal(systemText(fake.requests[1]!.body?.system), systemText(fake.requests[0]!.body?.system));
  });

  it('falls back to the template after three rejected replies', async () => {
    fake.reply(BAD, BAD, BAD);
    const r = await generate({ ...request, parameters: { button: '#add-to-cart', label: 'Buy now' } }, {
      brand,
      provider: provider(),
      check: cookieCheck(),
    });
    assert.equal(fake.requests.length, 3);
    assert.equal(fake.requests[2]!.body!.messages!.length, 5);
    assert.equal(r.provider, 'template');
    assert.equal(r.templateId, 'cta-text');
    assert.equal(r.attempts.length, 4);
  });

  it('retries after an HTTP error with the same conversation, then heals', async () => {
    fake.reply({ status: 529, errorType: 'overloaded_error', message: 'Overloaded' }, fenced(BAD), fenced(GOOD));
    const r = await generate(request, { brand, provider: provider(), check: cookieCheck() });
    assert.deepEqual(r.attempts.map((a) => a.outcome), ['failed', 'rejected', 'accepted']);
    assert.match(r.attempts[0]!.error!.message, /HTTP 529/);
    assert.deepEqual(fake.requests.map((q) => q.body!.messages!.length), [1, 1, 3]);
  });

  it('turns HTTP errors, empty and truncated replies into PROVIDER_FAILED', async () => {
    fake.reply({ status: 400, errorType: 'invalid_request_error', message: 'bad model' }, 'Sorry, ```python\nprint(1)\n```', { text: '```js\nlet a', stopReason: 'max_tokens' });
    const p = provider();
    for (const why of [/HTTP 400.*bad model/, /no code/, /cut off/]) {
      await assert.rejects(p.generate({ brand, request, history: [] }), (e) => isGenerationError(e, 'PROVIDER_FAILED') && why.test(e.message));
    }
  });

  it('answers ABORTED when the signal is aborted during the request', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await assert.rejects(provider().generate({ brand, request, history: [], signal: controller.signal }), (e) => isGenerationError(e, 'ABORTED'));
  });

  it('is chosen by providerFromEnv when ANTHROPIC_API_KEY is set, honouring ANTHROPIC_BASE_URL', async () => {
    assert.equal(providerFromEnv({}), templateProvider);
    const p = providerFromEnv({ ANTHROPIC_API_KEY: 'sk-env', ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_MODEL: 'claude-haiku-4-5' });
    assert.equal(p.name, 'claude');
    fake.reply(GOOD);
    await p.generate({ brand, request, history: [] });
    assert.equal(fake.requests[0]!.apiKey, 'sk-env');
    assert.equal(fake.requests[0]!.body?.model, 'claude-haiku-4-5');
    assert.equal(providerFromEnv({ ANTHROPIC_API_KEY: 'sk-env', ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_MODEL: 'claude-haiku-4-5' }), p, 'client reused');
    assert.notEqual(providerFromEnv({ ANTHROPIC_API_KEY: 'sk-other', ANTHROPIC_BASE_URL: fake.url }), p);
  });
});

describe('extractCode', () => {
  it('takes the first js/javascript/ts or untagged fence', () => {
    assert.equal(extractCode('```css\na{}\n```\n```js\nx();\n```'), 'x();\n');
    assert.equal(extractCode('```\ny();\n```'), 'y();\n');
  });
  it('takes a reply without fences as code, and refuses an empty or fence-only-other-language reply', () => {
    assert.equal(extractCode('  z();  '), 'z();\n');
    assert.equal(extractCode('   '), undefined);
    assert.equal(extractCode('```python\nprint(1)\n```'), undefined);
  });
});

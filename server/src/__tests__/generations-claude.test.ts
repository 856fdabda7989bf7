import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { startFakeAnthropic, type FakeAnthropic } from '@brandsafe/generation/testing';
import { BANNER, generateAs, openSeeded, type Seeded } from './generations-fixture.js';

/** Clean Northwind variation code (what the free-shipping template renders). */
const CLEAN = [
  '(function () {',
  "  var utils = window.optimizely.get('utils');",
  "  utils.waitForElement('.announcement-bar__message').then(function (el) {",
  "    if (el.getAttribute('data-bs-variation') === 'free-shipping-message') return;",
  "    el.setAttribute('data-bs-variation', 'free-shipping-message');",
  '    el.textContent = "Free shipping today";',
  '  });',
  '})();',
].join('\n');
const fence = (code: string) => `Here is the variation:\n\n\`\`\`js\n${code}\n\`\`\``;

for (const dialect of DIALECTS) {
  describe(`generations with the Claude provider (${dialect})`, () => {
    let s: Seeded;
    let fake: FakeAnthropic;
    const saved = { key: process.env.ANTHROPIC_API_KEY, url: process.env.ANTHROPIC_BASE_URL };
    before(async function () {
      this.timeout(60_000);
      fake = await startFakeAnthropic();
      // The provider is chosen from the environment when the app is built (DESIGN.md).
      process.env.ANTHROPIC_API_KEY = 'sk-ant-test';
      process.env.ANTHROPIC_BASE_URL = fake.url;
      try {
        s = await openSeeded(dialect);
      } finally {
        restore();
      }
    });
    function restore(): void {
      for (const [name, value] of [['ANTHROPIC_API_KEY', saved.key], ['ANTHROPIC_BASE_URL', saved.url]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    after(async () => {
      await s.t.destroy();
      await fake.close();
    });

    it('uses Claude when ANTHROPIC_API_KEY is set, retrying with the findings as feedback', async () => {
      fake.reply(fence("eval('1');\ndocument.querySelector('.not-approved').remove();"), fence(CLEAN));
      const before = fake.requests.length;
      const g = await generateAs(s, s.tokens.editor, BANNER);
      assert.equal(g.provider, 'claude');
      assert.equal(g.code.trim(), CLEAN);
      assert.deepEqual(g.findings, []);
      assert.deepEqual(g.attempts.map((a: { provider: string; outcome: string }) => [a.provider, a.outcome]), [['claude', 'rejected'], ['claude', 'accepted']]);
      assert.ok(g.confidence > 0 && g.confidence <= 0.8);
      const sent = fake.requests.slice(before);
      assert.equal(sent.length, 2);
      assert.equal(sent[0]!.apiKey, 'sk-ant-test');
      assert.match(JSON.stringify(sent[0]!.body?.system), /announcement-bar__message/, 'the prompt carries approved selectors');
      assert.match(JSON.stringify(sent[1]!.body?.messages), /eval/, 'the retry carries the findings');
      const row = await s.t.db.selectFrom('generations').selectAll().where('id', '=', g.id).executeTakeFirstOrThrow();
      assert.equal((row.attempts as unknown[]).length, 2);
    });

    it('falls back to the best template when Claude keeps failing', async () => {
      fake.reply({ status: 400, message: 'bad' }, { status: 400, message: 'bad' }, { status: 400, message: 'bad' });
      const g = await generateAs(s, s.tokens.editor, BANNER);
      assert.equal(g.provider, 'template');
      assert.equal(g.attempts.at(-1).provider, 'template');
      assert.ok(g.attempts.slice(0, -1).every((a: { outcome: string }) => a.outcome === 'failed'));
    });
  });
}

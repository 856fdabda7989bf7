import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';

describe('loadConfig', () => {
  it('applies the documented defaults for the embedded database', () => {
    const r = loadConfig({});
    assert.ok(r.ok);
    assert.equal(r.config.port, 8787);
    assert.equal(r.config.host, '127.0.0.1');
    assert.equal(r.config.dataDir, resolve('.brandsafe/data'));
    assert.equal(r.config.databaseUrl, undefined);
    assert.equal(r.config.seedDemo, true);
    assert.equal(r.config.publicUrl, 'http://127.0.0.1:8787');
  });

  it('does not seed demo data into PostgreSQL unless asked', () => {
    const r = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x' });
    assert.ok(r.ok);
    assert.equal(r.config.seedDemo, false);
    const asked = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', SEED_DEMO: 'true' });
    assert.ok(asked.ok && asked.config.seedDemo);
  });

  it('accepts PostgreSQL URLs the way libpq reads them, Unix sockets included, and names what is wrong with others', () => {
    for (const url of ['postgresql://postgres@/test?host=/var/run/postgresql', 'postgresql:///test?host=/var/run/postgresql', 'postgres://u:p%40ss@[::1]:5432/x']) {
      const r = loadConfig({ DATABASE_URL: url });
      assert.ok(r.ok, `${url}: ${r.ok ? '' : r.problems.join('; ')}`);
    }
    const problem = (url: string) => {
      const r = loadConfig({ DATABASE_URL: url });
      assert.ok(!r.ok, url);
      return r.problems.join('\n');
    };
    assert.match(problem('mysql://u@db/x'), /^DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/ \(got mysql:\/\/\)/);
    assert.match(problem('db:5432/x'), /^DATABASE_URL is not a URL/);
    assert.match(problem('postgres://u@db:54x2/x'), /^DATABASE_URL /);
  });

  it('reports every problem, one line each', () => {
    const r = loadConfig({ PORT: '99999', DATABASE_URL: 'not a url', LOG_LEVEL: 'chatty', SMTP_URL: 'smtp://mail', TRUST_PROXY: 'maybe' });
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.equal(r.problems.length, 5);
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'SMTP_FROM', 'TRUST_PROXY']) {
      assert.ok(r.problems.some((p) => p.startsWith(name)), name);
    }
  });

  it('reports malformed Stripe variables with the other problems', () => {
    const r = loadConfig({ PORT: 'x', STRIPE_SECRET_KEY: 'pk_live_oops', STRIPE_WEBHOOK_SECRET: 'secret', STRIPE_PRICE_STARTER: 'starter' });
    assert.ok(!r.ok);
    assert.equal(r.problems.length, 4);
    for (const name of ['PORT', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_STARTER']) {
      assert.ok(r.problems.some((p) => p.startsWith(name)), name);
    }
  });

  it('accepts billing left unconfigured or configured well', () => {
    assert.ok(loadConfig({ STRIPE_WEBHOOK_SECRET: 'ignored without a key' }).ok);
    assert.ok(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc', STRIPE_PRICE_PROFESSIONAL: 'price_pro' }).ok);
  });
});

describe('loadConfig WORKERS', () => {
  it('runs one process by default, N or one per CPU on PostgreSQL', () => {
    const one = loadConfig({});
    assert.ok(one.ok && one.config.workers === 1);
    const two = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', WORKERS: '2' });
    assert.ok(two.ok && two.config.workers === 2);
    const auto = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', WORKERS: 'auto' });
    assert.ok(auto.ok && auto.config.workers >= 1);
  });

  it('refuses several workers on the embedded database, and malformed counts', () => {
    const embedded = loadConfig({ WORKERS: '2' });
    assert.ok(!embedded.ok);
    assert.match(embedded.problems.join('\n'), /WORKERS above 1 needs DATABASE_URL/);
    const bad = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', WORKERS: 'many' });
    assert.ok(!bad.ok);
    assert.match(bad.problems.join('\n'), /WORKERS must be a whole number from 1 to 64/);
  });
});

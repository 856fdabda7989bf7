/**
 * The server process: `node --import tsx --conditions source server/src/main.ts`.
 *
 * Validates the configuration (one line per problem, exit code 2), opens the database (PGlite in
 * DATA_DIR, or PostgreSQL at DATABASE_URL), applies migrations, seeds the demo once, serves the
 * API and prints how to sign in. SIGTERM/SIGINT stop accepting connections, let requests in
 * flight finish, then close the pool (issue 4 §1).
 */
import { mkdir } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { createDatabase, migrateToLatest } from '@brandsafe/db';
import pino from 'pino';
import { createApp } from './app.js';
import { lockDataDir } from './data-dir-lock.js';
import { startAuditLog } from './audit/start.js';
import { loadConfig, type ServerConfig } from './config.js';
import { outboxOnly, smtpDispatcher } from './mail/dispatcher.js';
import { seedDemo, type DemoSeed } from './seed.js';

const SHUTDOWN_GRACE_MS = 10_000;

function banner(config: ServerConfig, url: string, demo: DemoSeed | undefined): string {
  const lines = [``, `brandsafe API listening on ${url}`, `  docs:     ${url}/api/docs`, `  openapi:  ${url}/api/openapi.json`];
  lines.push(`  database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`);
  if (demo) {
    lines.push(``, `Demo workspace "Northwind"${demo.created ? ' (seeded now)' : ''} — sign in with password "${demo.password}" as:`);
    for (const u of demo.users) lines.push(`  ${u.role.padEnd(9)} ${u.email}`);
    if (demo.brand && 'error' in demo.brand) lines.push(`  (example brand not seeded: ${demo.brand.error})`);
    else if (demo.brand) lines.push(`  brand Northwind ${demo.brand.version} (${demo.brand.id})`);
    lines.push(``, `Demo API token (owner; read, generate, review; replaced at every start):`, `  ${demo.apiToken}`);
    lines.push(`  curl -H 'Authorization: Bearer ${demo.apiToken}' ${url}/api/v1/brands`);
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const result = loadConfig(process.env);
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(`brandsafe: configuration: ${p}\n`);
    process.exit(2);
  }
  const config = result.config;
  const logger = pino({ level: config.logLevel, base: { service: 'brandsafe-api' } });
  let unlock = async () => {};
  if (!config.databaseUrl) {
    await mkdir(config.dataDir, { recursive: true });
    unlock = await lockDataDir(config.dataDir);
  }
  const conn = await createDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  const applied = await migrateToLatest(conn.db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  const demo = config.seedDemo ? await seedDemo(conn.db) : undefined;
  const auditLog = await startAuditLog(conn.db, { env: process.env, dataDir: config.dataDir, publicUrl: config.publicUrl, logger });
  const emails = config.smtp
    ? smtpDispatcher(conn.db, logger, config.smtp.url, config.smtp.from)
    : outboxOnly(logger, config.development);
  const app = createApp({
    db: conn.db,
    ping: conn.ping,
    logger,
    processMetrics: true,
    emails,
    options: {
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy,
      ...(config.bodyLimitBytes ? { bodyLimitBytes: config.bodyLimitBytes } : {}),
    },
  });

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    process.stdout.write(banner(config, `http://${host}:${info.port}`, demo));
    logger.info({ port: info.port, host: info.address }, 'listening');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      logger.warn('requests still open after the grace period; closing anyway');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(async () => {
      await auditLog.stop();
      await conn.close();
      await unlock();
      logger.info('stopped');
      process.exit(0);
    });
    // Keep-alive connections with no request in flight would hold close() open.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`brandsafe: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

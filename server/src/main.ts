/**
 * The server process: `node --import tsx --conditions source server/src/main.ts`.
 *
 * Validates the configuration (one line per problem, exit code 2), opens the database (PGlite in
 * DATA_DIR, or PostgreSQL at DATABASE_URL), applies migrations, seeds the demo once, serves the
 * API and prints how to sign in. SIGTERM/SIGINT stop accepting connections, let requests in
 * flight finish, then close the pool (issue 4 §1).
 *
 * With WORKERS=N (PostgreSQL only) this process does the one-time work (migrations, seed, the
 * audit log's integrator) and N worker processes (node:cluster) serve the API on the shared
 * port; a worker that dies is replaced; SIGTERM drains every worker, then stops.
 */
import cluster from 'node:cluster';
import { mkdir } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { createDatabase, migrateToLatest, type DatabaseConnection } from '@brandsafe/db';
import pino, { type Logger } from 'pino';
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

/** The API for this process, on an open database (the same in a single process and a worker). */
function apiFor(config: ServerConfig, conn: DatabaseConnection, logger: Logger) {
  const emails = config.smtp
    ? smtpDispatcher(conn.db, logger, config.smtp.url, config.smtp.from)
    : outboxOnly(logger, config.development);
  return createApp({
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
}

type Server = ReturnType<typeof serve>;

/** Stops accepting connections; once requests in flight finished, runs `done` and exits. */
function drain(server: Server, logger: Logger, done: () => Promise<void>): void {
  const force = setTimeout(() => {
    logger.warn('requests still open after the grace period; closing anyway');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  server.close(() => {
    void done().then(() => process.exit(0));
  });
  // Keep-alive connections with no request in flight would hold close() open.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}

const urlOf = (info: { address: string; family: string; port: number }) => `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`;

/** A cluster worker: serves the API; the primary already migrated and seeded. */
async function worker(config: ServerConfig, logger: Logger): Promise<void> {
  const conn = await createDatabase({ url: config.databaseUrl });
  const app = apiFor(config, conn, logger);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    process.send?.({ listening: { address: info.address, family: info.family, port: info.port } });
  });
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    drain(server, logger, () => conn.close());
  });
  // Ctrl-C reaches the whole process group: the primary decides when workers stop.
  process.on('SIGINT', () => undefined);
}

/** Forks the workers, prints the banner once all listen, replaces a worker that dies. */
function primary(config: ServerConfig, logger: Logger, demo: DemoSeed | undefined, finish: () => Promise<void>): void {
  let listening = 0;
  let stopping = false;
  const fork = () =>
    cluster.fork().on('message', (m: { listening?: { address: string; family: string; port: number } }) => {
      if (!m.listening || ++listening !== config.workers) return;
      process.stdout.write(banner(config, urlOf(m.listening), demo));
      logger.info({ port: m.listening.port, host: m.listening.address, workers: config.workers }, 'listening');
    });
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    logger.error({ worker: w.id, code, signal }, 'worker exited; starting another');
    fork();
  });
  for (let i = 0; i < config.workers; i++) fork();
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining the workers');
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(workers.map((w) => new Promise((resolve) => {
      w.once('exit', resolve);
      w.process.kill('SIGTERM');
    })));
    await finish();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function main(): Promise<void> {
  const result = loadConfig(process.env);
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(`brandsafe: configuration: ${p}\n`);
    process.exit(2);
  }
  const config = result.config;
  const logger = pino({ level: config.logLevel, base: { service: 'brandsafe-api', ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}) } });
  if (cluster.isWorker) return worker(config, logger);
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
  const finish = async () => {
    await auditLog.stop();
    await conn.close();
    await unlock();
    logger.info('stopped');
  };
  if (config.workers > 1) return primary(config, logger, demo, finish);

  const app = apiFor(config, conn, logger);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    process.stdout.write(banner(config, urlOf(info), demo));
    logger.info({ port: info.port, host: info.address }, 'listening');
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    drain(server, logger, finish);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`brandsafe: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

/**
 * Server configuration from the environment, validated at start: every problem is reported
 * (one clear line each), not just the first, so one restart fixes them all — the billing
 * variables (STRIPE_*, see packages/billing/README.md) included.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { billingConfigProblems } from '@brandsafe/billing';
import { databaseUrlProblem } from '@brandsafe/db';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  development: boolean;
  publicUrl: string;
  smtp?: { url: string; from: string };
  trustProxy: boolean;
  bodyLimitBytes?: number;
  /** Seed the demo workspace: default on for the embedded database, off with DATABASE_URL. */
  seedDemo: boolean;
  /** Server processes sharing the port (WORKERS, `auto` = one per CPU; PostgreSQL only). */
  workers: number;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const BOOL: Record<string, boolean> = { '1': true, true: true, yes: true, '0': false, false: false, no: false };

/** Reads and validates the configuration; `env` is usually `process.env`. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const problems: string[] = [];
  const str = (name: string) => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };
  const bool = (name: string, fallback: boolean) => {
    const v = str(name);
    if (v === undefined) return fallback;
    const b = BOOL[v.toLowerCase()];
    if (b === undefined) problems.push(`${name} must be true or false (got ${JSON.stringify(v)})`);
    return b ?? fallback;
  };
  const int = (name: string, fallback: number | undefined, min: number, max: number) => {
    const v = str(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)})`);
      return fallback;
    }
    return n;
  };

  const port = int('PORT', 8787, 0, 65535) ?? 8787;
  const host = str('HOST') ?? '127.0.0.1';
  const databaseUrl = str('DATABASE_URL');
  if (databaseUrl !== undefined) {
    const problem = databaseUrlProblem(databaseUrl);
    if (problem) problems.push(problem);
  }
  const logLevel = (str('LOG_LEVEL') ?? 'info') as ServerConfig['logLevel'];
  if (!LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(logLevel)})`);
  const nodeEnv = str('NODE_ENV') ?? 'development';
  const publicUrl = str('PUBLIC_URL') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  try {
    new URL(publicUrl);
  } catch {
    problems.push(`PUBLIC_URL is not a URL (got ${JSON.stringify(publicUrl)})`);
  }
  const smtpUrl = str('SMTP_URL');
  const smtpFrom = str('SMTP_FROM');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');
  if (smtpUrl && !smtpFrom) problems.push('SMTP_FROM is required when SMTP_URL is set (the sender address)');
  const bodyLimitBytes = int('BODY_LIMIT_BYTES', undefined, 1024, 100 * 1024 * 1024);
  const trustProxy = bool('TRUST_PROXY', false);
  const seedDemo = bool('SEED_DEMO', databaseUrl === undefined);
  const workers = str('WORKERS') === 'auto' ? availableParallelism() : (int('WORKERS', 1, 1, 64) ?? 1);
  if (workers > 1 && databaseUrl === undefined) {
    problems.push('WORKERS above 1 needs DATABASE_URL: the embedded database (PGlite) lives in one process');
  }
  // The STRIPE_* variables are read where billing is built (billing/services.ts); checking them
  // here reports a malformed one at start-up with the rest, not at the first checkout (issue 6 §2).
  problems.push(...billingConfigProblems(env));

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      port,
      host,
      dataDir: resolve(str('DATA_DIR') ?? '.brandsafe/data'),
      ...(databaseUrl ? { databaseUrl } : {}),
      logLevel,
      development: nodeEnv !== 'production',
      publicUrl,
      ...(smtpUrl && smtpFrom ? { smtp: { url: smtpUrl, from: smtpFrom } } : {}),
      trustProxy,
      ...(bodyLimitBytes ? { bodyLimitBytes } : {}),
      seedDemo,
      workers,
    },
  };
}

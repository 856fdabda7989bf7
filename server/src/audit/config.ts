/**
 * The audit log's configuration (issue 5 §2): the signing key, the log origin and the
 * integrator's thresholds, from the environment.
 *
 * - `AUDIT_SIGNING_KEY`: the Ed25519 private key as PKCS #8 PEM (literal `\n` accepted, as
 *   environment variables often carry one line), or
 * - `AUDIT_SIGNING_KEY_FILE`: a path to that PEM; default `<DATA_DIR>/audit-log-key.pem`.
 *   When neither exists the key is generated into that file (mode 0600) with a warning: the
 *   embedded default must work with nothing configured, and a production operator must learn
 *   that every process has to share one key.
 * - `AUDIT_LOG_ORIGIN`: the checkpoint origin / key name (default `<PUBLIC_URL host>/audit/v1`).
 * - `AUDIT_HEAD_EVERY`, `AUDIT_HEAD_INTERVAL_MS`, `AUDIT_BATCH_SIZE`, `AUDIT_POLL_MS`,
 *   `AUDIT_TAMPER_CHECK_SECONDS` (0 disables the periodic tamper check).
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  checkKeyName,
  exportPrivateKeyPem,
  generateLogKeyPair,
  importPrivateKeyPem,
  logId,
  publicKeyOf,
} from '@brandsafe/audit';
import type { Logger } from 'pino';
import type { IntegratorOptions, LogSigner } from './integrator.js';

export interface AuditSettings {
  signer: LogSigner;
  integrator: IntegratorOptions;
  /** Seconds between background tamper checks; 0 = never. */
  tamperCheckSeconds: number;
  /** Where the key came from, for the start-up log line. */
  keySource: 'env' | 'file' | 'generated';
  keyFile?: string;
}

/** A configuration problem: one clear line, like server/src/config.ts reports. */
export class AuditConfigError extends Error {
  override readonly name = 'AuditConfigError';
}

function int(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const v = env[name]?.trim();
  if (!v) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new AuditConfigError(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)})`);
  return n;
}

/** Loads (or, the first time, generates) the signing key and reads the thresholds. */
export async function loadAuditSettings(
  env: Record<string, string | undefined>,
  context: { dataDir: string; publicUrl: string; logger?: Logger },
): Promise<AuditSettings> {
  const origin = env.AUDIT_LOG_ORIGIN?.trim() || `${new URL(context.publicUrl).hostname}/audit/v1`;
  try {
    checkKeyName(origin);
  } catch (cause) {
    throw new AuditConfigError(`AUDIT_LOG_ORIGIN must be one line without spaces or "+" (got ${JSON.stringify(origin)})`, { cause });
  }
  const integrator: IntegratorOptions = {
    batchSize: int(env, 'AUDIT_BATCH_SIZE', 2000, 1, 100_000),
    headEvery: int(env, 'AUDIT_HEAD_EVERY', 10_000, 1, 10_000_000),
    headIntervalMs: int(env, 'AUDIT_HEAD_INTERVAL_MS', 500, 0, 86_400_000),
    pollMs: int(env, 'AUDIT_POLL_MS', 200, 10, 60_000),
  };
  const tamperCheckSeconds = int(env, 'AUDIT_TAMPER_CHECK_SECONDS', 3600, 0, 30 * 86_400);

  let pem = env.AUDIT_SIGNING_KEY?.trim();
  let keySource: AuditSettings['keySource'] = 'env';
  const keyFile = resolve(env.AUDIT_SIGNING_KEY_FILE?.trim() || join(context.dataDir, 'audit-log-key.pem'));
  if (!pem) {
    if (existsSync(keyFile)) {
      pem = await readFile(keyFile, 'utf8');
      keySource = 'file';
    } else {
      pem = exportPrivateKeyPem(generateLogKeyPair().privateKey);
      await mkdir(dirname(keyFile), { recursive: true });
      await writeFile(keyFile, pem, { mode: 0o600, flag: 'wx' });
      await chmod(keyFile, 0o600);
      keySource = 'generated';
      context.logger?.warn(
        { keyFile },
        'audit log: generated a new signing key; keep this file safe and give every API process the same key (AUDIT_SIGNING_KEY) — checkpoints signed with a lost key cannot be re-verified',
      );
    }
  }
  let privateKey;
  try {
    privateKey = importPrivateKeyPem(pem.replaceAll('\\n', '\n'));
  } catch (cause) {
    throw new AuditConfigError(`${keySource === 'env' ? 'AUDIT_SIGNING_KEY' : keyFile} is not an Ed25519 private key in PKCS #8 PEM`, { cause });
  }
  const publicKey = publicKeyOf(privateKey);
  return {
    signer: { origin, privateKey, publicKey, logId: logId(publicKey) },
    integrator,
    tamperCheckSeconds,
    keySource,
    ...(keySource === 'env' ? {} : { keyFile }),
  };
}

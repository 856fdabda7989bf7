/**
 * `brandsafe audit monitor --url URL` (issue 5 §4): a transparency-log monitor in the manner of
 * CT monitors. Each poll fetches the newest checkpoint, verifies its signature with the pinned
 * key, and proves it consistent (RFC 9162 §2.1.4) with the last head it verified, which it keeps
 * in a state file. A bad signature, a smaller tree (rollback) or a proof that fails (fork) is an
 * alert: a message, exit code 1 and, with --webhook, a JSON POST. The state is only advanced
 * past verified heads, so a later run still compares against the last good one.
 */
import { importPublicKeyPem, isAuditError, toHex, verifyCheckpoint, verifyCheckpointConsistency, type Checkpoint } from '@brandsafe/audit';
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../errors.js';
import type { CliIo } from '../io.js';
import { readState, writeState, type MonitorState } from './audit-monitor-state.js';

export const AUDIT_HELP = `Usage: brandsafe audit monitor --url URL [--state FILE] [--key FILE] [--webhook URL] [--interval SECONDS]

Watches a brandsafe audit log: fetches its newest checkpoint, checks the signature, and checks
a consistency proof from the last verified checkpoint (kept in --state) to the new one.

Options:
  --url URL          the brandsafe server (e.g. https://brandsafe.example.com)
  --state FILE       where the last verified checkpoint is kept (default .brandsafe/audit-monitor.json)
  --key FILE         the log's public key PEM; default: the key pinned in the state file, else
                     fetched from /.well-known/brandsafe-log-key on first use
  --webhook URL      POST a JSON alert here on a fork, rollback or bad signature
  --interval SECONDS keep polling every SECONDS until an alert (default: check once)
  -h, --help         show this help

Exit codes: 0 consistent; 1 ALERT (fork, rollback, bad signature, key changed); 2 usage
error or the log could not be reached.
`;

export type AlertKind = 'fork' | 'rollback' | 'bad-signature' | 'key-changed';

class Alert extends Error {
  constructor(
    readonly kind: AlertKind,
    message: string,
    readonly current?: { treeSize: number; rootHash: string },
  ) {
    super(message);
  }
}

type Fetch = typeof globalThis.fetch;

async function getJson(fetchImpl: Fetch, url: string): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetchImpl(url, { headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new CliError('UNREADABLE', `Cannot reach ${url} (${(cause as Error).message}).`, { cause });
  }
  if (!res.ok) throw new CliError('UNREADABLE', `${url} answered HTTP ${res.status}.`);
  try {
    return (await res.json()) as Record<string, unknown>;
  } catch (cause) {
    throw new CliError('UNREADABLE', `${url} did not answer JSON.`, { cause });
  }
}

/** One poll: returns the message to print; throws Alert or CliError. */
async function poll(base: string, state: MonitorState, key: KeyObject, fetchImpl: Fetch): Promise<{ message: string; next: MonitorState }> {
  const cp = await getJson(fetchImpl, `${base}/api/v1/audit/checkpoint`);
  let checkpoint: Checkpoint;
  try {
    checkpoint = verifyCheckpoint(String(cp.note), key, state.origin).checkpoint;
  } catch (err) {
    throw new Alert('bad-signature', `the checkpoint does not verify with the pinned key: ${(err as Error).message}`);
  }
  const current = { treeSize: checkpoint.treeSize, rootHash: toHex(checkpoint.rootHash) };
  if (cp.treeSize !== current.treeSize || cp.rootHash !== current.rootHash) {
    throw new Alert('bad-signature', 'the checkpoint JSON says other than its signed note', current);
  }
  const previous = state.checkpoint;
  let message = `tree size ${current.treeSize} (first verified head)`;
  if (previous) {
    const older: Checkpoint = { origin: checkpoint.origin, treeSize: previous.treeSize, rootHash: Buffer.from(previous.rootHash, 'hex') };
    let proof: Uint8Array[] = [];
    if (current.treeSize > previous.treeSize) {
      const c = await getJson(fetchImpl, `${base}/api/v1/audit/consistency?first=${previous.treeSize}&second=${current.treeSize}`);
      proof = (Array.isArray(c.proof) ? c.proof : []).map((h) => Buffer.from(String(h), 'hex'));
    }
    try {
      verifyCheckpointConsistency(older, checkpoint, proof);
    } catch (err) {
      if (isAuditError(err, 'CHECKPOINT_ROLLBACK')) throw new Alert('rollback', err.message, current);
      throw new Alert('fork', (err as Error).message, current);
    }
    message = current.treeSize === previous.treeSize ? `tree size ${current.treeSize}, unchanged` : `tree size ${previous.treeSize} → ${current.treeSize}, consistent`;
  }
  const next: MonitorState = { ...state, origin: checkpoint.origin, checkpoint: { ...current, note: String(cp.note), verifiedAt: new Date().toISOString() } };
  return { message, next };
}

async function sendWebhook(fetchImpl: Fetch, url: string, body: unknown, io: CliIo): Promise<void> {
  try {
    const res = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) io.stderr.write(`brandsafe: the webhook answered HTTP ${res.status}.\n`);
  } catch (err) {
    io.stderr.write(`brandsafe: the webhook could not be reached (${(err as Error).message}).\n`);
  }
}

function importKey(pem: string, what: string): KeyObject {
  try {
    return importPublicKeyPem(pem);
  } catch (cause) {
    throw new CliError('USAGE', `${what} is not an Ed25519 public key PEM.`, { cause });
  }
}

/** Resolves the key: --key, else the pinned one, else the log's well-known key (first use). */
async function resolveKey(io: CliIo, base: string, keyFile: string | undefined, state: MonitorState, fetchImpl: Fetch): Promise<{ key: KeyObject; state: MonitorState }> {
  if (keyFile !== undefined) {
    let pem: string;
    try {
      pem = await readFile(resolve(io.cwd, keyFile), 'utf8');
    } catch (cause) {
      throw new CliError('UNREADABLE', `Cannot read the key file ${keyFile}.`, { cause });
    }
    const key = importKey(pem, keyFile);
    if (state.publicKey && state.publicKey.trim() !== pem.slice(pem.indexOf('-----BEGIN')).trim()) {
      throw new Alert('key-changed', `--key differs from the key pinned in the state file`);
    }
    return { key, state: { ...state, publicKey: pem.slice(pem.indexOf('-----BEGIN')) } };
  }
  if (state.publicKey) return { key: importKey(state.publicKey, 'the key pinned in the state file'), state };
  const k = await getJson(fetchImpl, `${base}/.well-known/brandsafe-log-key`);
  const key = importKey(String(k.publicKey), `the key at ${base}/.well-known/brandsafe-log-key`);
  io.stderr.write(`brandsafe: pinned the log key ${String(k.logId)} on first use; compare it with the one your provider publishes.\n`);
  return { key, state: { ...state, publicKey: String(k.publicKey), logId: String(k.logId) } };
}

/** The command, with the fetch implementation injectable for tests. */
export async function auditMonitor(args: readonly string[], io: CliIo, fetchImpl: Fetch = globalThis.fetch, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<number> {
  const { values, positionals } = parseCommandArgs('audit monitor', args, {
    url: { type: 'string' },
    state: { type: 'string' },
    key: { type: 'string' },
    webhook: { type: 'string' },
    interval: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(AUDIT_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new CliError('USAGE', `Unexpected argument "${positionals[0]}". Run "brandsafe audit monitor --help" for usage.`);
  if (!values.url || !/^https?:\/\//.test(values.url)) throw new CliError('USAGE', 'brandsafe audit monitor needs --url http(s)://your-brandsafe-server.');
  const interval = values.interval === undefined ? undefined : Number(values.interval);
  if (interval !== undefined && !(interval >= 1 && Number.isInteger(interval))) throw new CliError('USAGE', '--interval must be a whole number of seconds ≥ 1.');
  const base = values.url.replace(/\/+$/, '');
  const statePath = resolve(io.cwd, values.state ?? '.brandsafe/audit-monitor.json');
  let state = await readState(statePath, base);
  for (;;) {
    try {
      const resolved = await resolveKey(io, base, values.key, state, fetchImpl);
      const { message, next } = await poll(base, resolved.state, resolved.key, fetchImpl);
      state = next;
      await writeState(statePath, state);
      io.stdout.write(`brandsafe audit monitor: ${base}: ${message}\n`);
    } catch (err) {
      if (!(err instanceof Alert)) throw err;
      io.stderr.write(`brandsafe: ALERT ${err.kind}: ${base}: ${err.message}\n`);
      if (values.webhook) {
        await sendWebhook(fetchImpl, values.webhook, {
          alert: err.kind,
          url: base,
          origin: state.origin ?? null,
          logId: state.logId ?? null,
          message: err.message,
          previous: state.checkpoint ? { treeSize: state.checkpoint.treeSize, rootHash: state.checkpoint.rootHash } : null,
          current: err.current ?? null,
          at: new Date().toISOString(),
        }, io);
      }
      return EXIT_PROBLEMS;
    }
    if (interval === undefined) return EXIT_OK;
    await sleep(interval * 1000);
  }
}

/** `brandsafe audit <subcommand>`: only `monitor` for now. */
export async function auditCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'monitor') return auditMonitor(rest, io);
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout.write(AUDIT_HELP);
    return sub === undefined ? 2 : EXIT_OK;
  }
  throw new CliError('USAGE', `Unknown audit subcommand "${sub}". Run "brandsafe audit monitor --help".`);
}

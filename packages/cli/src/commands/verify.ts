/**
 * `brandsafe verify FILE... --key log-key.pem` (issue 5 §4): checks receipts (GET
 * /api/v1/audit/receipts/{id}) and compliance exports offline with the log's public key alone —
 * leaf bytes, leaf hash, inclusion proof, checkpoint signature and timestamp, log id — and prints
 * exactly which check failed. Exit 0 all verified, 1 a check failed, 2 usage (no key, unreadable
 * file).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { importPublicKeyPem, verifyReceipt } from '@brandsafe/audit';
import { parseCommandArgs } from '../args.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../errors.js';
import type { CliIo } from '../io.js';
import { isExport, verifyExport, type VerifyFailure } from './verify-export.js';

export const VERIFY_HELP = `Usage: brandsafe verify FILE... --key log-key.pem [--origin ORIGIN] [--format text|json]

Verifies audit receipts (from GET /api/v1/audit/receipts/{eventId}) and compliance exports
(GET /api/v1/audit/export) offline: the event's RFC 8785 bytes, the leaf hash, the RFC 9162
inclusion proof, the checkpoint's Ed25519 signature and timestamp, and the log id. For an
export also every checkpoint, the consistency proofs between them, and the date range.

Options:
  --key FILE       the log's public key (GET /.well-known/brandsafe-log-key); required for
                   receipts; for an export, without it the key inside the export is used
  --origin ORIGIN  insist on this log origin (checkpoint first line)
  --format NAME    text (default) or json
  -h, --help       show this help

Exit codes: 0 everything verified; 1 a check failed (each failure is printed with its
check); 2 usage error or unreadable file.
`;

interface FileResult {
  file: string;
  ok: boolean;
  kind: 'receipt' | 'export' | 'unknown';
  summary?: string;
  failures: VerifyFailure[];
}

async function readKey(io: CliIo, path: string): Promise<KeyObject> {
  let pem: string;
  try {
    pem = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (cause) {
    throw new CliError('UNREADABLE', `Cannot read the key file ${path} (${(cause as NodeJS.ErrnoException).code ?? cause}).`, { cause });
  }
  try {
    return importPublicKeyPem(pem);
  } catch (cause) {
    throw new CliError('USAGE', `${path} is not an Ed25519 public key PEM ("BEGIN PUBLIC KEY"): ${(cause as Error).message}.`, { cause });
  }
}

function verifyOne(file: string, value: unknown, key: KeyObject | undefined, origin: string | undefined): FileResult {
  if (isExport(value)) {
    let k = key;
    if (!k) {
      try {
        k = importPublicKeyPem(String(value.publicKey));
      } catch (err) {
        return { file, ok: false, kind: 'export', failures: [{ where: 'export', check: 'key', message: (err as Error).message }] };
      }
    }
    const { failures, summary } = verifyExport(origin ? { ...value, origin } : value, k, key !== undefined);
    const text = `${summary.receipts} receipt${summary.receipts === 1 ? '' : 's'} and ${summary.checkpoints} checkpoint${summary.checkpoints === 1 ? '' : 's'} of ${summary.origin} (tree size ${summary.treeSize})`;
    return { file, ok: failures.length === 0, kind: 'export', summary: text, failures };
  }
  if (!key) throw new CliError('USAGE', 'brandsafe verify needs --key log-key.pem for a receipt (GET /.well-known/brandsafe-log-key).');
  const v = verifyReceipt(value, key, origin ? { origin } : {});
  if (!v.ok) return { file, ok: false, kind: 'receipt', failures: v.failures.map((f) => ({ where: 'receipt', check: f.check, message: f.message })) };
  const id = (value as { event?: { id?: unknown } }).event?.id;
  const summary = `${typeof id === 'string' ? `event ${id} is ` : ''}leaf ${v.leafIndex} of ${v.origin} at tree size ${v.treeSize}, signed ${new Date(v.timestamp * 1000).toISOString()}`;
  return { file, ok: true, kind: 'receipt', summary, failures: [] };
}

export async function verifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('verify', args, {
    key: { type: 'string' },
    origin: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(VERIFY_HELP);
    return EXIT_OK;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CliError('USAGE', `--format must be text or json, got "${format}".`);
  if (positionals.length === 0) throw new CliError('USAGE', 'brandsafe verify needs a receipt or export file, e.g. "brandsafe verify receipt.json --key log-key.pem".');
  const key = values.key === undefined ? undefined : await readKey(io, values.key);
  const inputs: { file: string; text: string }[] = [];
  for (const file of positionals) {
    try {
      inputs.push({ file, text: await readFile(resolve(io.cwd, file), 'utf8') });
    } catch (cause) {
      throw new CliError('UNREADABLE', `Cannot read ${file} (${(cause as NodeJS.ErrnoException).code ?? cause}).`, { cause });
    }
  }
  const results: FileResult[] = [];
  for (const { file, text } of inputs) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      results.push({ file, ok: false, kind: 'unknown', failures: [{ where: 'file', check: 'receipt-format', message: `not JSON: ${(err as Error).message}` }] });
      continue;
    }
    results.push(verifyOne(file, value, key, values.origin));
  }
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const r of results) {
      if (r.ok) io.stdout.write(`${r.file}: verified: ${r.summary}\n`);
      for (const f of r.failures) io.stdout.write(`${r.file}: FAILED ${f.check}${f.where === 'receipt' || f.where === 'file' ? '' : ` in ${f.where}`}: ${f.message}\n`);
    }
    const bad = results.filter((r) => !r.ok).length;
    if (bad > 0) io.stderr.write(`brandsafe: ${bad} of ${results.length} file${results.length === 1 ? '' : 's'} failed verification.\n`);
    if (!key && results.some((r) => r.kind === 'export')) {
      io.stderr.write('brandsafe: note: verified with the key inside the export; pass --key to pin the log key you trust.\n');
    }
  }
  return results.every((r) => r.ok) ? EXIT_OK : EXIT_PROBLEMS;
}

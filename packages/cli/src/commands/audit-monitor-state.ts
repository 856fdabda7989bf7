/**
 * The monitor's memory between runs: the log it watches, the pinned key (trust on first use,
 * like SSH known_hosts) and the last checkpoint it verified. Written atomically (temp file and
 * rename) so a crash mid-write never leaves a state that forgets the last verified head.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError } from '../errors.js';

export interface MonitorState {
  version: 1;
  url: string;
  origin?: string;
  logId?: string;
  /** SPKI PEM of the pinned log key. */
  publicKey?: string;
  checkpoint?: { treeSize: number; rootHash: string; note: string; verifiedAt: string };
}

/** Reads the state for `url`; a missing file is a fresh state, a corrupt one a usage error. */
export async function readState(path: string, url: string): Promise<MonitorState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, url };
    throw new CliError('UNREADABLE', `Cannot read the state file ${path}.`, { cause: err });
  }
  let state: MonitorState;
  try {
    state = JSON.parse(text) as MonitorState;
  } catch (cause) {
    throw new CliError('USAGE', `The state file ${path} is not JSON; move it away to start over.`, { cause });
  }
  if (state.version !== 1 || typeof state.url !== 'string') throw new CliError('USAGE', `The state file ${path} is not a brandsafe monitor state.`);
  if (state.url !== url) throw new CliError('USAGE', `The state file ${path} watches ${state.url}, not ${url}; use another --state.`);
  return state;
}

export async function writeState(path: string, state: MonitorState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(tmp, path);
}

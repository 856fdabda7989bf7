import { open } from 'node:fs/promises';
import { CliError } from '../errors.js';

/** A file's text, or why it is not checked. */
export type SourceRead = { text: string } | { skip: string };

/**
 * Reads a file for checking, or says why it is skipped: larger than the limit (checked on the open
 * handle before reading, so a 2 GB log costs nothing) or binary (a NUL byte, git's heuristic).
 */
export async function readSource(path: string, maxFileSize: number): Promise<SourceRead> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw new CliError('UNREADABLE', `Cannot read ${path} (${(cause as NodeJS.ErrnoException).code ?? cause}).`, { cause });
  }
  try {
    const { size } = await handle.stat();
    if (size > maxFileSize) return { skip: `skipped: ${size} bytes is over the ${maxFileSize}-byte limit (--max-file-size)` };
    const bytes = await handle.readFile();
    if (bytes.includes(0)) return { skip: 'skipped: binary file' };
    // Editors drop the byte-order mark from the document text; dropping it here keeps the CLI's
    // columns equal to the editor's.
    const text = bytes.toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } finally {
    await handle.close();
  }
}

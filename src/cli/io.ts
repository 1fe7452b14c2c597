// SPDX-License-Identifier: MIT
/** Where the CLI's text goes, and the file operations it needs: reading inputs and writing outputs atomically. */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { invalidInput } from './errors.js';

/** The CLI's streams: results go to `out`, errors, warnings and progress to `err`. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when `err` is a terminal (progress is shown only then). */
  readonly errIsTty: boolean;
}

/** The process's own stdout and stderr. */
export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  errIsTty: process.stderr.isTTY,
};

/**
 * Reads an input file as UTF-8 text.
 * @throws CliError (exit 2) naming the file when it cannot be read.
 */
export async function readInputFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw invalidInput(`cannot read ${path}: ${reason}`);
  }
}

/**
 * Writes `text` to `path` atomically: to a temporary file in the same folder, then renamed over `path`, so that a
 * failure never leaves a half-written file behind (the temporary file is removed).
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

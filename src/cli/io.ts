// SPDX-License-Identifier: MIT
/** Where the CLI's text goes, and the file operations it needs: reading inputs and writing outputs atomically. */
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError, invalidInput } from './errors.js';

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
 * Ends the process quietly when the reader of `stream` goes away (`endotwin simulate … | head`): the rest of the
 * output has nowhere to go, which is not an error of ours. Other stream errors still surface.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

/** Largest input file the CLI reads, bytes (64 MiB): scenarios, trials and lab tables are far smaller. */
export const MAX_INPUT_FILE_BYTES = 64 * 1024 * 1024;

/** Line and column (1-based) of a character offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The text without a leading UTF-8 byte-order mark, or a CliError when it holds a NUL (not a text file). */
function checkedText(path: string, text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const nul = body.indexOf('\0');
  if (nul >= 0) {
    const { line, column } = lineAndColumn(body, nul);
    throw invalidInput(
      `cannot read ${path}: NUL character at line ${line}, column ${column}; input files must be text ` +
        '(NUL is not allowed in names or values)',
    );
  }
  return body;
}

/**
 * Reads an input file as UTF-8 text, without a leading byte-order mark.
 * @throws CliError (exit 2) naming the file when it cannot be read, is larger than
 *   {@link MAX_INPUT_FILE_BYTES}, or holds a NUL character.
 */
export async function readInputFile(path: string): Promise<string> {
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_INPUT_FILE_BYTES) {
      throw invalidInput(
        `cannot read ${path}: the file is ${size} bytes; input files may be at most ${MAX_INPUT_FILE_BYTES} bytes`,
      );
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw invalidInput(`cannot read ${path}: ${reason}`);
  }
  return checkedText(path, text);
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

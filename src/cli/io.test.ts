// SPDX-License-Identifier: MIT
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CliError, describeError } from './errors.js';
import { exitQuietlyOnClosedPipe, MAX_INPUT_FILE_BYTES, readInputFile, writeFileAtomic } from './io.js';
import { loadScenarioFile } from './scenario-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'endotwin-io-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes the whole text and leaves no temporary file', async () => {
    await writeFileAtomic(join(dir, 'out.json'), '{"a":1}\n');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('replaces an existing file in one step', async () => {
    writeFileSync(join(dir, 'out.json'), 'old');
    await writeFileAtomic(join(dir, 'out.json'), 'new');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('new');
  });

  it('removes its temporary file when the final rename fails', async () => {
    mkdirSync(join(dir, 'taken')); // renaming a file over a directory fails
    await expect(writeFileAtomic(join(dir, 'taken'), 'text')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(join(dir, 'taken'))).toEqual([]);
  });
});

describe('readInputFile', () => {
  it('names a missing file (exit 2)', async () => {
    const error = await readInputFile(join(dir, 'nope.yaml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(/cannot read .*nope\.yaml: no such file/);
  });
});

describe('readInputFile bounds its input', () => {
  it('refuses a file above the size cap, naming the file and the cap', async () => {
    const path = join(dir, 'huge.yaml');
    writeFileSync(path, '');
    truncateSync(path, MAX_INPUT_FILE_BYTES + 1); // sparse: costs no disk
    const error = await readInputFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toContain(`at most ${MAX_INPUT_FILE_BYTES} bytes`);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    writeFileSync(join(dir, 'bom.yaml'), '\uFEFFduration_days: 2\n');
    expect(await readInputFile(join(dir, 'bom.yaml'))).toBe('duration_days: 2\n');
  });

  it('refuses a NUL character with its line and column', async () => {
    writeFileSync(join(dir, 'nul.yaml'), 'duration_days: 2\nname: "a\u0000b"\n');
    await expect(readInputFile(join(dir, 'nul.yaml'))).rejects.toThrow(/NUL character at line 2, column 9/);
  });
});

describe('error messages quote input briefly and safely', () => {
  it('quotes at most about 80 characters of a huge value, with control characters escaped', async () => {
    const path = join(dir, 'long-name.json');
    writeFileSync(
      path,
      JSON.stringify({
        name: `\u001b[31m${'x'.repeat(100_000)}`,
        duration_days: 2,
        patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 },
      }),
    );
    const error = await loadScenarioFile(path).catch((e: unknown) => e);
    const { message, exitCode } = describeError(error);
    expect(exitCode).toBe(2);
    expect(message.length).toBeLessThan(400);
    expect(message).not.toContain('\u001b');
    expect(message).toContain('\\u001b[31m');
  });
});

describe('a closed output pipe (endotwin … | head)', () => {
  const pipeError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

  it('ends the process with its exit code so far instead of an unhandled EPIPE', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    try {
      const stream = new PassThrough();
      exitQuietlyOnClosedPipe(stream);
      stream.emit('error', pipeError('EPIPE'));
      expect(exit).toHaveBeenCalledWith(process.exitCode ?? 0);
    } finally {
      exit.mockRestore();
    }
  });

  it('still raises any other error of the stream', () => {
    const stream = new PassThrough();
    exitQuietlyOnClosedPipe(stream);
    expect(() => stream.emit('error', pipeError('ENOSPC'))).toThrow('ENOSPC');
  });
});

// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { progressLine, progressWanted } from './progress.js';

function io(tty: boolean): CliIo & { text: string } {
  const sink = {
    text: '',
    errIsTty: tty,
    out: () => undefined,
    err: (t: string) => {
      sink.text += t;
    },
  };
  return sink;
}

describe('progress line', () => {
  it('is shown on a terminal or with --progress, and silent otherwise', () => {
    expect(progressWanted(io(true), undefined)).toBe(true);
    expect(progressWanted(io(false), true)).toBe(true);
    expect(progressWanted(io(false), undefined)).toBe(false);
    const quiet = io(false);
    const line = progressLine(quiet, false);
    line.update('x');
    line.finish();
    expect(quiet.text).toBe('');
  });

  it('rewrites one line on a terminal and writes one line per update elsewhere', () => {
    const terminal = io(true);
    const live = progressLine(terminal, true);
    live.update('a');
    live.update('b');
    live.finish();
    expect(terminal.text).toBe('\r\u001b[2Ka\r\u001b[2Kb\n');
    const file = io(false);
    const logged = progressLine(file, true);
    logged.update('a');
    logged.update('b');
    logged.finish();
    expect(file.text).toBe('a\nb\n');
  });
});

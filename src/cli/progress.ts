// SPDX-License-Identifier: MIT
/**
 * A one-line progress display on stderr for the longer commands (validate, twin fit and predict): shown when
 * stderr is a terminal or `--progress` asks for it, silent otherwise so scripts and logs stay clean.
 */
import type { CliIo } from './io.js';

/** A progress line: `update` rewrites it, `finish` ends it. */
export interface ProgressLine {
  update(text: string): void;
  finish(): void;
}

/** Whether to show progress: on a terminal, or when `--progress` was given. */
export function progressWanted(io: CliIo, flag: boolean | undefined): boolean {
  return flag === true || io.errIsTty;
}

/**
 * A progress line on `io.err`. On a terminal it rewrites one line (`\r`); with `--progress` into a file or pipe
 * each update is its own line.
 */
export function progressLine(io: CliIo, enabled: boolean): ProgressLine {
  if (!enabled) return { update: () => undefined, finish: () => undefined };
  let shown = false;
  return {
    update(text) {
      shown = true;
      io.err(io.errIsTty ? `\r\u001b[2K${text}` : `${text}\n`);
    },
    finish() {
      if (shown && io.errIsTty) io.err('\n');
      shown = false;
    },
  };
}

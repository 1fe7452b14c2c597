// SPDX-License-Identifier: MIT
/** What every command receives: the streams, and a way to finish with an exit code other than 0. */
import type { ExitCodeValue } from './errors.js';
import type { CliIo } from './io.js';

/** Shared by the commands of one CLI run. */
export interface CommandContext {
  readonly io: CliIo;
  /** Sets the exit code of a command that completed but has a non-zero outcome (e.g. `check` → 3). */
  setExitCode(code: ExitCodeValue): void;
}

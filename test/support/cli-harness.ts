// SPDX-License-Identifier: MIT
/** Runs the `endotwin` command in-process with captured streams, for tests of CLI commands. */
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';

/** What a command printed and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `endotwin ...args`; stderr is not a terminal. */
export async function runCliCaptured(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false };
  const code = await runCli(['node', 'endotwin', ...args], io);
  return { code, out, err };
}

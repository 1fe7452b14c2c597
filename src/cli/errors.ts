// SPDX-License-Identifier: MIT
/** Exit codes of the `endotwin` command (SCENARIO.md, "The command line") and the errors that carry them. */
import { ScenarioError, escapeControls } from '../scenario/index.js';

/** Exit codes, exactly as SCENARIO.md defines them. */
export const ExitCode = {
  /** Done. */
  OK: 0,
  /** Anything else: a failure of ours or of the environment. */
  FAILURE: 1,
  /** Invalid input: the message names the field path, the value and what is allowed; nothing is written. */
  INVALID_INPUT: 2,
  /** Contraindicated: the screening is printed; `--research` runs it anyway. */
  CONTRAINDICATED: 3,
  /** A valid input that uses a feature endotwin does not support (e.g. an SBML package); the message names it. */
  UNSUPPORTED: 5,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI reports with a given exit code and a message for people. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** An invalid command-line value or input file (exit 2). */
export function invalidInput(message: string): CliError {
  return new CliError(message, ExitCode.INVALID_INPUT);
}

/** The message and exit code for any error that reaches the top of a command. */
export function describeError(error: unknown): { message: string; exitCode: ExitCodeValue } {
  const { message, exitCode } = rawDescription(error);
  // Messages quote input; no control character from a file reaches the terminal.
  return { message: escapeControls(message, '\n\t'), exitCode };
}

function rawDescription(error: unknown): { message: string; exitCode: ExitCodeValue } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof ScenarioError) {
    const lines = error.issues.map((issue) => `  ${issue.path || '(document)'}: ${issue.message}`);
    return { message: `invalid input:\n${lines.join('\n')}`, exitCode: ExitCode.INVALID_INPUT };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, exitCode: ExitCode.FAILURE };
}

// SPDX-License-Identifier: MIT
/**
 * The `endotwin` command: a thin adapter over the same functions the server calls. One file per command under
 * `commands/`; `runCli` maps every outcome to the exit codes of SCENARIO.md (0 done, 2 invalid input,
 * 3 contraindicated, 1 anything else), with errors on stderr and results on stdout.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerCheck } from './commands/check.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { registerHoma } from './commands/homa.js';
import { registerIgf1Sds } from './commands/igf1-sds.js';
import { registerModel } from './commands/model.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerSbml } from './commands/sbml.js';
import { registerNonmem } from './commands/nonmem.js';
import { registerServe } from './commands/serve.js';
import { registerSimulate } from './commands/simulate.js';
import { registerToken } from './commands/token.js';
import { registerTrial } from './commands/trial.js';
import { registerTwin } from './commands/twin.js';
import { registerValidate } from './commands/validate.js';
import { registerWorker } from './commands/worker.js';
import type { CommandContext } from './context.js';
import { ExitCode, describeError } from './errors.js';
import type { ExitCodeValue } from './errors.js';
import { processIo } from './io.js';
import type { CliIo } from './io.js';

/** The package version, read from package.json (two folders up from both src/cli and dist/cli). */
function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Builds the command tree; commands report through `context`. */
export function buildProgram(context: CommandContext): Command {
  const program = new Command('endotwin')
    .description(
      'Simulates the human GH axis, GH-axis peptide therapies, metabolism and the gonadal axis. Research and education software, not a medical device.',
    )
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => context.io.out(s), writeErr: (s) => context.io.err(s) })
    .showHelpAfterError('(endotwin --help lists the commands)');
  registerSimulate(program, context);
  registerCheck(program, context);
  registerHoma(program, context);
  registerIgf1Sds(program, context);
  registerAnalyze(program, context);
  registerDemo(program, context);
  registerValidate(program, context);
  registerServe(program, context);
  registerTrial(program, context);
  registerWorker(program, context);
  registerToken(program, context);
  registerTwin(program, context);
  registerModel(program, context);
  registerSensitivity(program, context);
  registerCalibrate(program, context);
  registerSbml(program, context);
  registerExport(program, context);
  registerNonmem(program, context);
  return program;
}

/**
 * Runs the CLI on `argv` (as `process.argv`: node, script, arguments…) and returns the exit code.
 * @example process.exitCode = await runCli(process.argv)
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<ExitCodeValue> {
  let exitCode: ExitCodeValue = ExitCode.OK;
  const context: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  try {
    await buildProgram(context).parseAsync([...argv]);
  } catch (error) {
    // Commander has already printed its message (unknown option, missing argument…); help and version exit 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.OK : ExitCode.INVALID_INPUT;
    const { message, exitCode: code } = describeError(error);
    io.err(`endotwin: ${message}\n`);
    return code;
  }
  return exitCode;
}

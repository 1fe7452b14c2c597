// SPDX-License-Identifier: MIT
/**
 * `endotwin validate --record-predictions [--only ID…]`: writes the model's prediction into every validation case
 * that has none yet, stamped with the commit (`git rev-parse HEAD`) that made it. Refuses when the model's source
 * has uncommitted changes, since the commit would then not name the model that predicted. Never rewrites a
 * recorded prediction.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../../simulate/index.js';
import { MODEL_NAME } from '../../physiology/model.js';
import { recordPredictions } from '../../validate/predictions.js';
import { runCase, VALIDATION_DIR } from '../../validate/run.js';
import type { CommandContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';

function git(args: readonly string[]): string {
  try {
    return execFileSync('git', args, {
      cwd: VALIDATION_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `--record-predictions needs the git checkout of the project: ${message}`,
      ExitCode.FAILURE,
    );
  }
}

/** The commit the model is at, after checking that its source matches that commit. */
function modelCommit(): string {
  const dirty = git(['status', '--porcelain', '--', '../src']).trim();
  if (dirty !== '') {
    throw new CliError(
      `the model's source has uncommitted changes, so no commit names the model that would predict:\n${dirty}`,
      ExitCode.INVALID_INPUT,
    );
  }
  return git(['rev-parse', 'HEAD']).trim();
}

/** Runs `--record-predictions`. */
export function runRecordPredictions(only: readonly string[] | undefined, context: CommandContext): void {
  const stamp = {
    at_commit: modelCommit(),
    date: new Date().toISOString().slice(0, 10),
    model_version: `${MODEL_NAME} (engine ${ENGINE_VERSION})`,
  };
  const done = recordPredictions(
    join(VALIDATION_DIR, 'cases'),
    (c) => {
      const outcome = runCase(c);
      return outcome.simulated === null
        ? { value: null, error: outcome.error ?? 'no value' }
        : { value: outcome.simulated };
    },
    stamp,
    only,
    (file) => context.io.err(`predicting ${file}\n`),
  );
  for (const d of done.filter((x) => x.action === 'recorded')) {
    context.io.out(`recorded ${d.id}: ${d.value === null ? 'no value' : d.value.toPrecision(4)}\n`);
  }
  const kept = done.filter((x) => x.action === 'kept').length;
  context.io.err(
    `${done.length - kept} prediction(s) recorded at ${stamp.at_commit}; ${kept} case(s) already had one (kept)\n`,
  );
}

// SPDX-License-Identifier: MIT
/**
 * Pre-registered predictions: when a validation case is added, the model's value for it is written into the case
 * file as a `predicted` block (the commit, date and model version that made it) before anything is changed for
 * that case. A recorded prediction is never rewritten; the report scores it against the published range apart
 * from the cases that were fitted.
 */
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../scenario/parse.js';
import { parseCase, type ValidationCase } from './cases.js';

/** A prediction as written into a case file. */
export interface PredictionBlock {
  readonly value: number | null;
  readonly at_commit: string;
  readonly date: string;
  readonly model_version: string;
  readonly error?: string;
}

/** Refusal to touch a case that already carries a prediction. */
export class PredictionExistsError extends Error {
  override name = 'PredictionExistsError';
}

/** Six significant digits: enough to compare, short enough to read. */
function roundValue(value: number): number {
  return Number(value.toPrecision(6));
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * Appends a `predicted` block to a case file's text, leaving every existing line (and comment) as it was.
 * @throws PredictionExistsError when the document already has a `predicted` key.
 */
export function appendPrediction(text: string, block: PredictionBlock): string {
  const doc = readDocument(text);
  if (typeof doc === 'object' && doc !== null && 'predicted' in doc) {
    throw new PredictionExistsError('the case already has a recorded prediction; it is never rewritten');
  }
  const value =
    block.value === null || !Number.isFinite(block.value) ? 'null' : String(roundValue(block.value));
  const lines = [
    'predicted:',
    `  value: ${value}`,
    `  at_commit: ${block.at_commit}`,
    `  date: ${yamlString(block.date)}`,
    `  model_version: ${yamlString(block.model_version)}`,
    ...(block.error === undefined ? [] : [`  error: ${yamlString(block.error)}`]),
  ];
  return `${text.endsWith('\n') ? text : `${text}\n`}${lines.join('\n')}\n`;
}

/** What `recordPredictions` did with one case file. */
export interface RecordedPrediction {
  readonly file: string;
  readonly id: string;
  /** `recorded` (a block was written) or `kept` (the file already had one and was left untouched). */
  readonly action: 'recorded' | 'kept';
  readonly value: number | null;
}

/** Everything a prediction needs besides the case: which commit and model made it, and on which day. */
export interface PredictionStamp {
  readonly at_commit: string;
  readonly date: string;
  readonly model_version: string;
}

/**
 * For every pre-registered case file in `dir` (or only the ids in `only`) without a `predicted` block, computes the
 * case's value with `predict` and appends the block. Files that already have one are never opened for writing; cases
 * of the other roles (fitted or older held-out cases) are not predictions and are skipped. Each file is
 * written whole (to a temporary file, then renamed) and re-checked first, so a failure leaves it as it was.
 */
export function recordPredictions(
  dir: string,
  predict: (c: ValidationCase) => { value: number | null; error?: string },
  stamp: PredictionStamp,
  only?: readonly string[],
  onCase?: (file: string) => void,
): RecordedPrediction[] {
  const done: RecordedPrediction[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  for (const file of files) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const c = parseCase(readDocument(text), file);
    if ((only && !only.includes(c.id)) || c.role !== 'pre-registered') continue;
    if (c.predicted !== undefined) {
      done.push({ file, id: c.id, action: 'kept', value: c.predicted.value });
      continue;
    }
    onCase?.(file);
    const outcome = predict(c);
    const next = appendPrediction(text, { ...stamp, ...outcome });
    parseCase(readDocument(next), file);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, next);
    renameSync(temporary, path);
    done.push({ file, id: c.id, action: 'recorded', value: outcome.value });
  }
  return done;
}

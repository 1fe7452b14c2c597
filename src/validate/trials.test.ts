// SPDX-License-Identifier: MIT
/**
 * The published trials of validation/trials/ (Khorram 1997, Newman 2015, Rudman 1990): every document is valid and
 * its figures name its own arms and endpoints; the report section puts each figure next to the simulated estimate.
 */
import { describe, expect, it } from 'vitest';
import { runTrialInProcess } from '../cohort/run.js';
import { loadValidationTrials, renderTrialsSection } from './trials.js';

describe('validation trials', () => {
  const trials = loadValidationTrials();

  it('holds Khorram 1997, Newman 2015 and Rudman 1990, each with a source and published figures', () => {
    expect(trials.map((t) => t.file)).toEqual(
      expect.arrayContaining(['khorram-1997.yaml', 'newman-2015-rhgh-ghd.yaml', 'rudman-1990.yaml']),
    );
    for (const { trial } of trials) {
      expect(trial.source).toBeTruthy();
      expect(trial.published?.figures.length).toBeGreaterThan(0);
    }
  });

  it('Rudman 1990 is a parallel trial of men with low IGF-1 (the lowest third for age)', () => {
    const rudman = trials.find((t) => t.file === 'rudman-1990.yaml')?.trial;
    expect(rudman?.design).toBe('parallel');
    expect(rudman?.population.sex.female).toBe(0);
    expect(rudman?.inclusion.igf1_sds?.max).toBe(-0.43);
  });

  it('the report section shows each published figure next to the simulated mean and CI', () => {
    const khorram = trials.find((t) => t.file === 'khorram-1997.yaml');
    if (!khorram) throw new Error('khorram-1997.yaml is missing');
    // A small, short version of the trial: the section's form, not the trial's numbers.
    const trial = { ...khorram.trial, duration_days: 14, population: { ...khorram.trial.population, n: 4 } };
    const result = runTrialInProcess(trial);
    const text = renderTrialsSection([{ file: khorram.file, trial, result, seconds: 0 }]);
    expect(text).toMatch(/^## Virtual trials/);
    expect(text).toMatch(/### Khorram 1997/);
    expect(text).toMatch(
      /\| igf1_change_pct \(%\) \| ghrh-analogue \| -?[\d.]+ \(-?[\d.]+ to -?[\d.]+\), n 4 \| IGF-1 roughly \+20–35 %/,
    );
    const failed = renderTrialsSection([{ file: 'x.yaml', trial, result: null, error: 'boom', seconds: 0 }]);
    expect(failed).toMatch(/\*\*Could not be run\*\*: boom\./);
  });
});

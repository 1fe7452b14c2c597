// SPDX-License-Identifier: MIT
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parameterRow } from '../estimate/parameters.js';
import { CALIBRATED_SOURCE, CALIBRATION_FILE } from '../physiology/calibrated-values.js';
import { loadCalibrationProblem } from './calibration-problem.js';
import { VALIDATION_DIR } from './run.js';

describe('the committed calibration', () => {
  const problem = loadCalibrationProblem(join(VALIDATION_DIR, 'calibration.yaml'));

  it('was fitted to the committed problem and case files (else re-run endotwin calibrate)', () => {
    expect(CALIBRATION_FILE.problem_sha256).toBe(problem.sha256);
    expect(CALIBRATION_FILE.cases_sha256).toEqual(problem.cases_sha256);
    expect(Object.keys(CALIBRATION_FILE.values)).toEqual(problem.parameters.map((q) => q.name));
  });

  it('gives every fitted parameter role calibrated, the calibrated value and the calibration as source', () => {
    for (const q of problem.parameters) {
      const row = parameterRow(q.name);
      expect(row).toMatchObject({ role: 'calibrated', source: CALIBRATED_SOURCE });
      expect(row.value).toBe(CALIBRATION_FILE.values[q.name]);
      expect(row.value).toBeGreaterThanOrEqual(q.bounds[0]);
      expect(row.value).toBeLessThanOrEqual(q.bounds[1]);
    }
  });
});

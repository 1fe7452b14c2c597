// SPDX-License-Identifier: MIT
// docs/model.md's generated parts are fresh: regenerating them from the model data (and, for the calibration part,
// from simulations of untreated adults and the validation cases) gives the file as committed.
// Fix a failure with `npx tsx scripts/model-doc.ts`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, regenerate } from '../scripts/model-doc.js';

describe('docs/model.md', () => {
  const committed = readFileSync(DOC, 'utf8');

  it('has a fresh reference part (sub-models, equations, parameters, covariates)', async () => {
    expect(await regenerate(committed, false)).toBe(committed);
  });

  it('has a fresh calibration part (untreated adults, validation cases)', { timeout: 600_000 }, async () => {
    expect(await regenerate(committed, true)).toBe(committed);
  });
});

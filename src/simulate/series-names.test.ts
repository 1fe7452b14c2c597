// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { modelDefinition } from '../physiology/model.js';
import { SERIES_NAMES } from '../scenario/vocabulary.js';
import { seriesNames } from './screening.js';

describe('series names', () => {
  it('the vocabulary lists exactly the full model outputs, in the model order', () => {
    const outputs = modelDefinition().subModels.flatMap((sm) => (sm.outputs ?? []).map((o) => o.name));
    expect([...SERIES_NAMES]).toEqual(outputs);
    expect(seriesNames()).toEqual(outputs);
  });
});

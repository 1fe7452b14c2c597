// SPDX-License-Identifier: MIT
/** POST /api/v1/sensitivity: local elasticities of a short run, and its limits and errors as 400s naming the field. */
import { describe, expect, it } from 'vitest';
import { inMemoryServer } from '../../../test/support/in-memory-server.js';

const scenario = {
  seed: 2,
  duration_days: 5,
  patient: { age_years: 40, sex: 'male', weight_kg: 80, height_cm: 178 },
  output: { series: [] },
};

const server = inMemoryServer();

const post = (payload: object) => server.app.inject({ method: 'POST', url: '/api/v1/sensitivity', payload });

describe('POST /api/v1/sensitivity', () => {
  it('returns one elasticity per output and parameter, with the signs of the model', async () => {
    const response = await post({
      scenario,
      outputs: ['igf1_ng_ml'],
      params: ['liver_gh_ec50', 'igf1_prod_max'],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ runs: number; entries: { parameter: string; value: number }[] }>();
    expect(body.runs).toBe(5);
    const value = (name: string) => body.entries.find((e) => e.parameter === name)?.value ?? NaN;
    expect(value('liver_gh_ec50')).toBeLessThan(0);
    expect(value('igf1_prod_max')).toBeGreaterThan(0);
  });

  it('reports its runs under the client’s progress token', async () => {
    const token = '7d1f6a2e-3b4c-4d5e-8f90-a1b2c3d4e5f6';
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/v1/sensitivity?progress=${token}`,
      payload: { scenario, outputs: ['igf1_ng_ml'], params: ['liver_gh_ec50'] },
    });
    expect(response.statusCode).toBe(200);
    const progress = await server.app.inject({ url: `/api/v1/progress/${token}` });
    const { runs } = response.json<{ runs: number }>();
    expect(progress.json()).toEqual({ phase: 'sensitivity', done: runs, total: runs, finished: true });
  });

  it('refuses an unknown parameter, an unknown output and too many simulations, naming the field', async () => {
    const unknown = await post({ scenario, outputs: ['igf1_ng_ml'], params: ['liver_gh_ec5'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('params[0]');
    const output = await post({ scenario, outputs: ['igf1'], params: ['liver_gh_ec50'] });
    expect(output.statusCode).toBe(400);
    expect(output.body).toContain('outputs[0]');
    const many = await post({ scenario, outputs: ['igf1_ng_ml'], params: 'all' });
    expect(many.statusCode).toBe(400);
    expect(many.body).toContain('at most 200');
  });
});

// SPDX-License-Identifier: MIT
/** POST /api/v1/runs?uncertainty=N: the result carries 5/50/95 % bands over N draws; bad requests name the field. */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../scenario/index.js';
import { inMemoryServer } from '../../../test/support/in-memory-server.js';

/** Sermorelin has calibrated parameters with a posterior; rhGH has none. */
const SERMORELIN = { drug: 'sermorelin', dose: { amount: 300, unit: 'mcg' }, route: 'sc', at: 'bedtime' };
const RHGH = { drug: 'rhgh', dose: { amount: 0.2, unit: 'mg' }, route: 'sc', at: '22:00' };

const scenario = (variability: 'none' | 'typical', line: object = SERMORELIN) => ({
  name: 'bands',
  seed: 5,
  duration_days: 2,
  patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178, variability },
  regimen: [line],
  output: { series: [] },
});

const server = inMemoryServer({ workers: 1 });

const submit = (query: string, variability: 'none' | 'typical', line?: object) =>
  server.app.inject({ method: 'POST', url: `/api/v1/runs${query}`, payload: scenario(variability, line) });

describe('runs with uncertainty bands', () => {
  it('refuses draws outside 2–100 and a scenario with nothing to draw, naming uncertainty', async () => {
    for (const query of ['?uncertainty=1', '?uncertainty=101', '?uncertainty=many', '?uncertainty=2.5']) {
      const response = await submit(query, 'typical');
      expect(response.statusCode, query).toBe(400);
      expect(response.body, query).toMatch(/uncertainty/);
      expect(response.body, query).toMatch(/2 to 100/);
    }
    const none = await submit('?uncertainty=5', 'none', RHGH);
    expect(none.statusCode).toBe(400);
    expect(none.json<{ error: { message: string; path?: string } }>().error).toMatchObject({
      path: 'uncertainty',
      message: expect.stringContaining('nothing to draw') as unknown,
    });
  });

  it('accepts a patient without variability when the scenario has calibrated parameters to draw', async () => {
    const submitted = await submit('?uncertainty=2', 'none');
    expect(submitted.statusCode, submitted.body).toBe(202);
    const { id } = submitted.json<{ id: string }>();
    await server.app.inject({ method: 'POST', url: `/api/v1/runs/${id}/cancel` });
  });

  it('adds bands of every daily field and endpoint, the run between the 5th and 95th percentiles', async () => {
    const submitted = await submit('?uncertainty=4', 'typical');
    expect(submitted.statusCode, submitted.body).toBe(202);
    const { id } = submitted.json<{ id: string }>();
    let status = '';
    for (let i = 0; i < 600 && status !== 'done' && status !== 'failed'; i++) {
      const view = (await server.app.inject({ url: `/api/v1/runs/${id}` })).json<{
        status: string;
        uncertainty_draws?: number;
        error?: string;
      }>();
      status = view.status;
      expect(view.uncertainty_draws).toBe(4);
      if (status !== 'done') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe('done');
    const result = (await server.app.inject({ url: `/api/v1/runs/${id}/result` })).json<Result>();
    const igf1 = result.bands?.igf1_ng_ml;
    expect(igf1?.p05).toHaveLength(2);
    expect(igf1?.p95).toHaveLength(2);
    for (let d = 0; d < 2; d++) {
      expect(igf1?.p05[d] ?? NaN).toBeLessThanOrEqual(igf1?.p50[d] ?? NaN);
      expect(igf1?.p50[d] ?? NaN).toBeLessThanOrEqual(igf1?.p95[d] ?? NaN);
    }
    expect(Object.keys(result.endpoint_bands ?? {})).toContain('igf1_change_pct');
  });
});

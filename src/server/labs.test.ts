// SPDX-License-Identifier: MIT
// Labs are checked when a patient is stored: a wrong unit is a 400 naming labs[i].unit, and nothing is stored.
import { describe, expect, it } from 'vitest';
import { inMemoryServer } from '../../test/support/in-memory-server.js';

const patient = { age_years: 62, sex: 'male', weight_kg: 88, height_cm: 178 };

describe('POST /api/v1/patients checks the labs it stores', () => {
  const server = inMemoryServer({ workers: 1 });

  const post = (labs: unknown[]) =>
    server.app.inject({ method: 'POST', url: '/api/v1/patients', payload: { name: 'A', patient, labs } });

  it('refuses an unknown unit and an unknown analyte, naming each lab, and stores nothing', async () => {
    const response = await post([
      { drawn_at: '2026-03-01', analyte: 'igf1_ng_ml', value: 120, unit: 'ng/mL' },
      { drawn_at: '2026-03-01', analyte: 'igf1_ng_ml', value: 120, unit: 'mg/dL' },
      { drawn_at: '2026-03-01', analyte: 'cholesterol', value: 180, unit: 'mg/dL' },
    ]);
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { path: string; issues: { path: string; message: string }[] } }>();
    expect(body.error.issues.map((i) => i.path)).toEqual(['labs[1].unit', 'labs[2].analyte']);
    expect(body.error.issues[0].message).toMatch(/unknown unit 'mg\/dL'.*allowed: .*ng\/mL/);
    const list = await server.app.inject({ method: 'GET', url: '/api/v1/patients' });
    expect(list.json<{ patients: unknown[] }>().patients).toEqual([]);
  });

  it('stores labs in any accepted unit as sent', async () => {
    const labs = [{ drawn_at: '2026-03-01', analyte: 'igf1_ng_ml', value: 15.7, unit: 'nmol/L' }];
    const response = await post(labs);
    expect(response.statusCode).toBe(201);
    expect(response.json<{ labs: unknown[] }>().labs).toEqual(labs);
  });
});

// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { compileModel } from '../engine/compile.js';
import { integrate } from '../engine/integrate.js';
import { ArraySink } from '../engine/sinks.js';
import type { CompiledModel, SubModel, TimedEvent } from '../engine/types.js';
import { doseEvents } from './drug-model.js';
import type { DrugModel } from './drug-model.js';
import { ipamorelin } from './ipamorelin.js';
import { compiledModel, DRUG_MODELS } from './model.js';
import { sermorelin } from './sermorelin.js';

const WEIGHT = 75;
const body: SubModel = {
  name: 'body',
  description: 'body weight only',
  parameters: [
    {
      name: 'body_weight_kg',
      value: WEIGHT,
      unit: 'kg',
      description: 'w',
      source: 'test',
      evidence: 'strong',
    },
  ],
};

/** A model of one drug alone (its PK does not depend on the physiology). */
function alone(drug: DrugModel): CompiledModel {
  return compileModel({ name: 'pk-only', subModels: [body, drug.subModel] });
}

function param(model: CompiledModel, name: string): number {
  return model.defaultParameters()[model.parameterIndex(name)];
}

/** Samples output `name` every `every` minutes over [0, t1] after `events`. */
function run(model: CompiledModel, events: TimedEvent[], name: string, t1: number, every = 1): Float64Array {
  const sink = new ArraySink(model.outputNames);
  integrate({
    model,
    t0: 0,
    t1,
    events,
    sink,
    sampleEvery: every,
    solver: 'dopri5',
    options: { rtol: 1e-10, atol: 1e-12 },
  });
  return sink.column(name).slice();
}

describe('drug pharmacokinetics against closed forms', () => {
  it('sermorelin IV bolus: C(t) = D/V·exp(−ln2·t/11.5) (Geref label t½)', () => {
    const model = alone(sermorelin);
    const v = param(model, 'sermorelin_vd_l_kg') * WEIGHT;
    const events = doseEvents(
      { t_min: 0, drug: 'sermorelin', amount_mcg: 100, route: 'iv', over_min: 0, line: 0 },
      { bolusState: model.stateIndex('sermorelin_central'), infusionInput: undefined, bolusFactor: 1 },
    );
    const c = run(model, events, 'sermorelin_ng_ml', 60);
    for (const t of [0, 11, 23, 60])
      expect(c[t]).toBeCloseTo((100 / v) * Math.exp((-Math.LN2 * t) / 11.5), 9);
  });

  it('sermorelin SC bolus follows the Bateman function with F = 6 %', () => {
    const model = alone(sermorelin);
    const v = param(model, 'sermorelin_vd_l_kg') * WEIGHT;
    const ka = param(model, 'sermorelin_ka_sc');
    const ke = param(model, 'sermorelin_k_elim');
    const f = param(model, 'sermorelin_f_sc');
    const events = doseEvents(
      { t_min: 0, drug: 'sermorelin', amount_mcg: 300, route: 'sc', over_min: 0, line: 0 },
      { bolusState: model.stateIndex('sermorelin_depot_sc'), infusionInput: undefined, bolusFactor: f },
    );
    const c = run(model, events, 'sermorelin_ng_ml', 120);
    const bateman = (t: number) =>
      ((f * 300 * ka) / (v * (ka - ke))) * (Math.exp(-ke * t) - Math.exp(-ka * t));
    for (const t of [5, 9, 30, 120]) expect(c[t]).toBeCloseTo(bateman(t), 9);
    // tmax 5–20 min (label)
    const tmax = c.indexOf(Math.max(...c));
    expect(tmax).toBeGreaterThanOrEqual(5);
    expect(tmax).toBeLessThanOrEqual(20);
  });

  it('an IV infusion reaches the closed-form level and stops at its end (ipamorelin, Gobburu 1999)', () => {
    const model = alone(ipamorelin);
    const v = param(model, 'ipamorelin_vd_l_kg') * WEIGHT;
    const ke = param(model, 'ipamorelin_k_elim');
    const events = doseEvents(
      { t_min: 0, drug: 'ipamorelin', amount_mcg: 1500, route: 'iv', over_min: 15, line: 0 },
      {
        bolusState: model.stateIndex('ipamorelin_central'),
        infusionInput: model.inputIndex('ipamorelin_infusion_iv'),
        bolusFactor: 1,
      },
    );
    const c = run(model, events, 'ipamorelin_ng_ml', 255);
    const rate = 100;
    const atEnd = (rate / (ke * v)) * (1 - Math.exp(-ke * 15));
    expect(c[15]).toBeCloseTo(atEnd, 7);
    expect(c[255]).toBeCloseTo(atEnd * Math.exp(-ke * 240), 7);
    // CL = k·V = 0.078 L/h/kg (Gobburu 1999), within rounding of t½ = 2 h
    expect((ke * 60 * v) / WEIGHT).toBeCloseTo(0.0762, 3);
  });

  it('rhGH SC: two transit depots give the gamma absorption F·D·ka²·t·e^(−ka·t), tmax ≈ 4 h', () => {
    const model = compiledModel(['rhgh']);
    const ka = param(model, 'rhgh_ka_sc');
    const f = param(model, 'rhgh_f_sc');
    const events: TimedEvent[] = [
      { t: 0, target: 'state', index: model.stateIndex('rhgh_depot_sc'), op: 'add', value: 1000 * f },
    ];
    const inflow = run(model, events, 'rhgh_absorption_ug_min', 600, 10);
    for (const t of [60, 240, 600])
      expect(inflow[t / 10]).toBeCloseTo(f * 1000 * ka * ka * t * Math.exp(-ka * t), 8);
    expect(inflow.indexOf(Math.max(...inflow)) * 10).toBe(240);
  });

  it('every modelled drug names real states and inputs for each of its routes', () => {
    const model = compiledModel(Object.keys(DRUG_MODELS) as (keyof typeof DRUG_MODELS)[]);
    for (const drug of Object.values(DRUG_MODELS)) {
      for (const route of Object.values(drug?.routes ?? {})) {
        expect(() => model.stateIndex(route.bolusState)).not.toThrow();
        if (route.infusionInput) expect(() => model.inputIndex(route.infusionInput as string)).not.toThrow();
        if (route.bioavailabilityParameter)
          expect(() => model.parameterIndex(route.bioavailabilityParameter as string)).not.toThrow();
      }
    }
  });
});

describe('dose events', () => {
  const slots = { bolusState: 4, infusionInput: 2, bolusFactor: 0.5 };
  it('a bolus is one add of amount × bioavailability', () => {
    expect(
      doseEvents(
        { t_min: 30, drug: 'ipamorelin', amount_mcg: 200, route: 'sc', over_min: 0, line: 0 },
        slots,
      ),
    ).toEqual([{ t: 30, target: 'state', index: 4, op: 'add', value: 100 }]);
  });

  it('an infusion adds its rate at the start and removes it at the end', () => {
    expect(
      doseEvents(
        { t_min: 30, drug: 'ipamorelin', amount_mcg: 200, route: 'iv', over_min: 20, line: 0 },
        slots,
      ),
    ).toEqual([
      { t: 30, target: 'input', index: 2, op: 'add', value: 10 },
      { t: 50, target: 'input', index: 2, op: 'add', value: -10 },
    ]);
  });

  it('refuses an infusion on a route without an infusion input', () => {
    expect(() =>
      doseEvents(
        { t_min: 0, drug: 'mk677', amount_mcg: 1, route: 'oral', over_min: 5, line: 0 },
        { ...slots, infusionInput: undefined },
      ),
    ).toThrow(/cannot be infused/);
  });
});

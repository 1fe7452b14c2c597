// SPDX-License-Identifier: MIT
// `endotwin twin fit` and `endotwin twin predict` in-process with captured streams.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOINC_SYSTEM, UCUM_SYSTEM } from '../../analysis/fhir.js';
import type { TwinFit, TwinPrediction } from '../../twin/index.js';
import type { CliIo } from '../io.js';
import { runCli } from '../program.js';

const folder = mkdtempSync(join(tmpdir(), 'endotwin-twin-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false };
  const code = await runCli(['node', 'endotwin', ...args], io);
  return { code, out, err };
}

const patient = '{ age_years: 62, sex: male, weight_kg: 88, height_cm: 178 }';
const history = write(
  'history.yaml',
  `name: history\nseed: 11\nduration_days: 28\npatient: ${patient}\nregimen: ["sermorelin 500 mcg sc at bedtime daily"]\n`,
);
const future = write(
  'future.yaml',
  `name: future\nseed: 11\nduration_days: 42\npatient: ${patient}\n` +
    'regimen: ["sermorelin 500 mcg sc at bedtime daily x4w then 300 mcg sc at bedtime 5on2off x2w"]\n',
);
// The same three labs in conventional units (CSV) and in SI units (FHIR): IGF-1 15.72 nmol/L = 120 ng/mL.
const csv = write(
  'labs.csv',
  `date,lab,value,unit\n2024-03-01,igf1,120,ng/mL\n2024-03-01,glucose_fasting,99,mg/dL\n2024-03-29,igf1,${19.1 / 0.131},ng/mL\n`,
);

function observation(loinc: string, date: string, value: number, unit: string): unknown {
  return {
    resource: {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: LOINC_SYSTEM, code: loinc }] },
      effectiveDateTime: date,
      valueQuantity: { value, unit, system: UCUM_SYSTEM, code: unit },
    },
  };
}
const bundle = (entries: unknown[]) =>
  JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: entries });
const fhir = write(
  'labs.json',
  bundle([
    observation('2484-4', '2024-03-01', 120 * 0.131, 'nmol/L'),
    observation('1558-6', '2024-03-01', 5.5, 'mmol/L'),
    observation('2484-4', '2024-03-29', 19.1, 'nmol/L'),
  ]),
);

describe('endotwin twin fit', () => {
  it('fits from CSV and from the equivalent FHIR bundle in other units to the same twin', async () => {
    const fromCsv = await run('twin', 'fit', '--scenario', history, '--labs', csv, '--json');
    const fromFhir = await run('twin', 'fit', '--scenario', history, '--labs', fhir, '--json');
    expect([fromCsv.code, fromCsv.err]).toEqual([0, '']);
    expect(fromFhir.code).toBe(0);
    const a = JSON.parse(fromCsv.out) as TwinFit;
    const b = JSON.parse(fromFhir.out) as TwinFit;
    expect(a.parameters.map((p) => p.name)).toEqual(['igf1_prod_scale', 'sermorelin_ec50_ng_ml']);
    expect(a.residuals.map((r) => [r.day, r.lab])).toEqual([
      [0, 'igf1'],
      [0, 'glucose_fasting'],
      [28, 'igf1'],
    ]);
    a.parameters.forEach((p, i) => expect(b.parameters[i].estimate).toBeCloseTo(p.estimate, 6));
  });

  it('prints a table for people with the intervals and the not-a-clinical-tool notice', async () => {
    const r = await run('twin', 'fit', '--scenario', history, '--labs', csv);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/igf1_prod_scale\s+1\.000\s+\d/);
    expect(r.out).toMatch(/95 % interval/);
    expect(r.out).toMatch(/not a clinical tool/);
  });

  it('exits 2 naming the entry and field of a malformed bundle, and prints no fit', async () => {
    const bad = write(
      'bad.json',
      bundle([
        observation('2484-4', '2024-03-01', 15, 'mg'),
        observation('9999-9', '2024-03-02', 1, 'ng/mL'),
      ]),
    );
    const r = await run('twin', 'fit', '--scenario', history, '--labs', bad);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/entry\[0\]\.resource\.valueQuantity\.code: unknown unit 'mg' for IGF-1/);
    expect(r.err).toMatch(/entry\[1\]\.resource\.code/);
  });

  it('exits 2 naming a lab after the end of the history', async () => {
    const late = write(
      'late.csv',
      'date,lab,value,unit\n2024-03-01,igf1,120,ng/mL\n2024-05-01,igf1,150,ng/mL\n',
    );
    const r = await run('twin', 'fit', '--scenario', history, '--labs', late);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /labs\[1\]\.day: must be a whole day from 0 to the scenario's duration_days \(28\), got 61/,
    );
  });
});

describe('endotwin twin predict', () => {
  /** `twin predict` of the test history, labs and future, then `extra`. */
  const predict = (...extra: string[]) =>
    run('twin', 'predict', '--scenario', history, '--labs', csv, '--future', future, ...extra);

  it('shows progress on stderr with --progress: the fit simulations, then each draw', async () => {
    const r = await predict(
      '--draws',
      '2',
      '--format',
      'csv',
      '--out',
      join(folder, 'progress.csv'),
      '--progress',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^fitting the twin: simulation 1\n/);
    expect(r.err).toContain('predicting: draw 1 of 2\npredicting: draw 2 of 2\n');
  });

  it('writes the daily prediction table with medians and 90 % bounds to --out', async () => {
    const out = join(folder, 'prediction.csv');
    const r = await predict('--draws', '3', '--format', 'csv', '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('predicting:'); // no progress off a terminal unless asked
    const [header, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(header.split(',').slice(0, 4)).toEqual([
      'day',
      'gh_mean_ug_l_median',
      'gh_mean_ug_l_p05',
      'gh_mean_ug_l_p95',
    ]);
    expect(header).toContain('igf1_ng_ml_p95');
    expect(rows).toHaveLength(42); // days 0–41
  });

  it('prints { fit, prediction } as JSON', async () => {
    const r = await predict('--draws', '2');
    expect(r.code).toBe(0);
    const { fit, prediction } = JSON.parse(r.out) as { fit: TwinFit; prediction: TwinPrediction };
    expect(fit.schema).toBe('endotwin/twin-fit/v1');
    expect(prediction.draws).toBe(2);
    expect(prediction.daily[41].day).toBe(41);
  });

  it('exits 2 on a bad --draws or a future of another patient', async () => {
    const draws = await run(
      'twin',
      'predict',
      '--scenario',
      history,
      '--labs',
      csv,
      '--future',
      future,
      '--draws',
      '0',
    );
    expect([draws.code, draws.err]).toEqual([
      2,
      'endotwin: --draws must be a number from 1 to 2000, got 0\n',
    ]);
    const other = write('other.yaml', `name: other\nseed: 12\nduration_days: 42\npatient: ${patient}\n`);
    const r = await run('twin', 'predict', '--scenario', history, '--labs', csv, '--future', other);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/future\.seed: must be the fitted history's seed \(11\)/);
  });

  /** `twin predict` of the test history and labs without `--future`, then `extra`. */
  const predictAfter = (...extra: string[]) =>
    run('twin', 'predict', '--scenario', history, '--labs', csv, ...extra);

  it('--future-days continues the history, as the API future_days does; with --future-regimen it equals the whole future', async () => {
    const continued = await predictAfter(
      '--draws',
      '2',
      '--future-days',
      '14',
      '--future-regimen',
      'sermorelin 300 mcg sc at bedtime 5on2off x2w',
    );
    const whole = await predict('--draws', '2');
    expect([continued.code, whole.code]).toEqual([0, 0]);
    const prediction = (out: string) => (JSON.parse(out) as { prediction: TwinPrediction }).prediction;
    // The same course, scenario and all, but for the name: the continued history keeps the history's.
    const named = (p: TwinPrediction, name: string) => ({ ...p, scenario: { ...p.scenario, name } });
    expect(named(prediction(continued.out), 'course')).toEqual(named(prediction(whole.out), 'course'));
    const carriedOn = await predictAfter('--draws', '2', '--future-days', '7');
    expect(carriedOn.code).toBe(0);
    expect(prediction(carriedOn.out).daily).toHaveLength(35); // days 0–34
  });

  it('exits 2 on --future with --future-days, future days out of range, or a bad --future-regimen', async () => {
    const both = await predict('--future-days', '14');
    expect([both.code, both.err]).toEqual([
      2,
      'endotwin: give either --future or --future-days/--future-regimen, not both\n',
    ]);
    const zero = await predictAfter('--future-days', '0');
    expect([zero.code, zero.err]).toEqual([
      2,
      'endotwin: --future-days must be a number from 1 to 365 days, got 0\n',
    ]);
    const bad = await predictAfter('--future-regimen', 'sermorelin 300 mcg sc at 7pm');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--future-regimen: .*invalid time '7pm'/);
  });
});

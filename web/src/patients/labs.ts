// SPDX-License-Identifier: MIT
/**
 * The patient page's pure parts: reading pasted lab CSV (`date,lab,value,unit`) into the API's imported labs, and
 * the chart of the twin's predicted IGF-1 (median and 90 % band) with the patient's measured IGF-1 as points.
 */
import type { ImportedLab, PatientPrediction } from '../api/patients.js';
import type { ChartSpec } from '../plots/spec.js';
import { PALETTE } from '../plots/spec.js';

/** Labs read from CSV text, and every line that could not be read (1-based line numbers). */
export interface LabCsv {
  readonly labs: ImportedLab[];
  readonly errors: string[];
}

/**
 * Reads `date,lab,value,unit` lines (an optional header line starting with `date`; blank lines skipped). The
 * server checks the analyte, unit and date; this only checks the shape and that the value is a number.
 * @example parseLabCsv('2026-03-02,igf1_ng_ml,120,ng/mL').labs[0].value // 120
 */
export function parseLabCsv(text: string): LabCsv {
  const labs: ImportedLab[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || (i === 0 && /^date\s*,/i.test(line))) return;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 4) {
      errors.push(`line ${i + 1}: expected 4 fields date,lab,value,unit, got ${cells.length}`);
      return;
    }
    const [drawn_at, analyte, valueText, unit] = cells;
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value)) {
      errors.push(`line ${i + 1}: value must be a number, got '${valueText}'`);
      return;
    }
    labs.push({ drawn_at, analyte, value, unit });
  });
  return { labs, errors };
}

/** The measured IGF-1 (ng/mL, as the fit converted it) on each predicted day, the mean of same-day draws. */
function measuredIgf1(prediction: PatientPrediction, days: readonly number[]): (number | null)[] {
  const byDay = new Map<number, number[]>();
  for (const r of prediction.fit.residuals) {
    if (r.lab !== 'igf1') continue;
    byDay.set(r.day, [...(byDay.get(r.day) ?? []), r.observed]);
  }
  return days.map((d) => {
    const values = byDay.get(d);
    return values ? values.reduce((s, v) => s + v, 0) / values.length : null;
  });
}

/**
 * The IGF-1 chart: 90 % band (p05–p95) and median of the twin's prediction over days, the measured values as
 * points, and a marker where the history ends and the prediction begins.
 */
export function predictionChart(prediction: PatientPrediction, patientName: string): ChartSpec {
  const days = prediction.daily.map((row) => row.day ?? 0);
  const column = (name: string): (number | null)[] => prediction.daily.map((row) => row[name] ?? null);
  const percent = Math.round(prediction.level * 100);
  return {
    id: 'patient-igf1-prediction',
    title: `IGF-1: ${patientName}'s labs against the twin`,
    subtitle:
      `Median and ${percent} % interval of a new morning measurement (${prediction.draws} parameter draws); ` +
      'days after the marker are predicted. Model output, not dosing advice.',
    x: days,
    xLabel: 'Day',
    xFormat: 'day',
    yLabel: 'IGF-1 (ng/mL)',
    series: [
      {
        label: `${percent} % upper (ng/mL)`,
        values: column('igf1_ng_ml_p95'),
        color: PALETTE[5],
        width: 1,
        quantity: 'igf1',
      },
      {
        label: `${percent} % lower (ng/mL)`,
        values: column('igf1_ng_ml_p05'),
        color: PALETTE[5],
        width: 1,
        quantity: 'igf1',
      },
      {
        label: 'Twin median IGF-1 (ng/mL)',
        values: column('igf1_ng_ml_median'),
        color: PALETTE[0],
        quantity: 'igf1',
      },
      {
        label: 'Measured IGF-1 (ng/mL)',
        values: measuredIgf1(prediction, days),
        color: PALETTE[1],
        style: 'points',
        quantity: 'igf1',
      },
    ],
    bands: [{ upper: 0, lower: 1, fill: 'rgba(86, 180, 233, 0.25)' }],
    markers: [{ x: prediction.history_days, label: 'prediction starts', color: '#555555' }],
  };
}

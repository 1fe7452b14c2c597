// SPDX-License-Identifier: MIT
/**
 * One simulated scenario (a patient's course, a twin's prediction) as a NONMEM-style dataset: subject 1, the doses
 * the run gave (titrated ones included, from the result's events) and every monitoring lab as an observation at
 * its draw time, with the patient's covariates.
 */
import { isDrugName, type Route } from '../../physiology/drug-catalog.js';
import { ROUTES } from '../../physiology/drug-catalog.js';
import { clockToMinutes } from '../../protocol/clock.js';
import type { Result } from '../../scenario/result.js';
import {
  doseRow,
  observationRow,
  type Covariates,
  type NonmemDataset,
  type ObservationCode,
} from './dataset.js';
import { SEX_CODES } from './columns.js';

/** The monitoring labs a result can hold, as DVIDs 1, 2, … in this order. */
const LAB_OBSERVATIONS: readonly Omit<ObservationCode, 'dvid'>[] = [
  { name: 'igf1_ng_ml', unit: 'ng/mL', description: 'serum IGF-1 at the draw' },
  { name: 'igf1_sds', unit: '1', description: 'IGF-1 SDS for age and sex at the draw' },
  { name: 'glucose_fasting_mg_dl', unit: 'mg/dL', description: 'fasting plasma glucose' },
  { name: 'insulin_fasting_uU_ml', unit: 'uU/mL', description: 'fasting serum insulin' },
  { name: 'homa_ir', unit: '1', description: 'HOMA1-IR from the fasting glucose and insulin' },
  { name: 'lh_iu_l', unit: 'IU/L', description: 'serum LH at the draw' },
  { name: 'fsh_iu_l', unit: 'IU/L', description: 'serum FSH at the draw' },
  { name: 'testosterone_total_ng_dl', unit: 'ng/dL', description: 'total testosterone at the draw (men)' },
  { name: 'cortisol_ug_dl', unit: 'ug/dL', description: 'serum cortisol at the draw' },
  { name: 'prolactin_ng_ml', unit: 'ng/mL', description: 'serum prolactin at the draw' },
].map((o) => ({ ...o, description: `${o.description} (monitoring lab; fasting labs at the fasting draw)` }));

const isRoute = (route: string): route is Route => (ROUTES as readonly string[]).includes(route);

/** The NONMEM-style dataset of one simulated scenario: its doses and its monitoring labs. */
export function scenarioNonmemDataset(result: Result): NonmemDataset {
  const { scenario } = result;
  const pt = scenario.patient;
  const covariates: Covariates = {
    ID: 1,
    ARM: 1,
    PATIENT: 0,
    SEX: SEX_CODES[pt.sex],
    AGE: pt.age_years,
    WT: pt.weight_kg,
    HT: pt.height_cm,
    BMI: pt.weight_kg / (pt.height_cm / 100) ** 2,
    BFAT: pt.body_fat_pct ?? null,
    VFAT: pt.visceral_fat_cm2 ?? null,
    BIGF1: pt.labs.igf1_ng_ml ?? null,
  };
  const doses = result.events.flatMap((e) => {
    if (e.kind !== 'dose') return [];
    if (!isDrugName(e.drug) || !isRoute(e.route))
      throw new Error(`dose event of unknown ${e.drug}/${e.route}`);
    return [doseRow(covariates, { ...e, drug: e.drug, route: e.route, over_min: e.over_min ?? 0 })];
  });
  const observations = LAB_OBSERVATIONS.map((o, i) => ({ ...o, dvid: i + 1 }));
  const labs = result.labs.flatMap((row) =>
    observations.flatMap((o) => {
      const value = row[o.name];
      if (typeof value !== 'number') return [];
      return [observationRow(covariates, row.day * 24 + clockToMinutes(row.time) / 60, o.dvid, value)];
    }),
  );
  const rows = [...doses, ...labs].sort(
    (a, b) => (a.TIME ?? 0) - (b.TIME ?? 0) || (a.EVID ?? 0) - (b.EVID ?? 0),
  );
  return {
    rows,
    observations,
    arms: [scenario.name],
    skipped: [],
    source:
      `scenario "${scenario.name}" (seed ${result.engine.seed}), ${result.engine.model}, ` +
      `endotwin ${result.engine.version}`,
  };
}

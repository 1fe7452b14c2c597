// SPDX-License-Identifier: MIT
/** The result's endpoints: the last day compared with day 0 (null where a value is missing, e.g. testosterone in women). */
import type { DailyRow, Endpoints } from '../scenario/result.js';
import { round } from './settings.js';

/** Relative change (%) from `first` to `last`; null when either is missing or the baseline is 0. */
function changePct(last: number | null, first: number | null): number | null {
  if (last === null || first === null || first === 0) return null;
  return round((last / first - 1) * 100);
}

/** Difference `last − first`; null when either is missing. */
function change(last: number | null, first: number | null): number | null {
  if (last === null || first === null) return null;
  return round(last - first);
}

/** Endpoints of a run from its daily rows. */
export function endpointsOf(rows: readonly DailyRow[]): Endpoints {
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    igf1_change_pct: changePct(last.igf1_ng_ml, first.igf1_ng_ml),
    gh_mean_change_pct: changePct(last.gh_mean_ug_l, first.gh_mean_ug_l),
    lean_mass_change_kg: change(last.lean_mass_kg, first.lean_mass_kg),
    fat_mass_change_kg: change(last.fat_mass_kg, first.fat_mass_kg),
    visceral_fat_change_pct: changePct(last.visceral_fat_cm2, first.visceral_fat_cm2),
    homa_ir_change_pct: changePct(last.homa_ir, first.homa_ir),
    glucose_fasting_change_mg_dl: change(last.glucose_fasting_mg_dl, first.glucose_fasting_mg_dl),
    testosterone_change_pct: changePct(last.testosterone_mean_ng_dl, first.testosterone_mean_ng_dl),
  };
}

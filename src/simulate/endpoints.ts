// SPDX-License-Identifier: MIT
/** The result's endpoints: the last day compared with day 0. */
import type { DailyRow, Endpoints } from '../scenario/result.js';
import { round } from './settings.js';

/** Relative change (%) from `first` to `last`; null when either is missing or the baseline is 0. */
function changePct(last: number | null, first: number | null): number | null {
  if (last === null || first === null || first === 0) return null;
  return round((last / first - 1) * 100);
}

/** Endpoints of a run from its daily rows. */
export function endpointsOf(rows: readonly DailyRow[]): Endpoints {
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    igf1_change_pct: changePct(last.igf1_ng_ml, first.igf1_ng_ml),
    gh_mean_change_pct: changePct(last.gh_mean_ug_l, first.gh_mean_ug_l),
    lean_mass_change_kg: null,
    fat_mass_change_kg: null,
    visceral_fat_change_pct: null,
    homa_ir_change_pct: null,
    glucose_fasting_change_mg_dl: null,
    testosterone_change_pct: null,
  };
}

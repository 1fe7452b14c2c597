// SPDX-License-Identifier: MIT
/**
 * Conventional and SI units of the quantities the result reports, with the factor between them and its source.
 * Zod-free and import-free, so the library (`analysis/units.ts`) and the web app's unit toggle share one table.
 *
 * Sources:
 * - IGF-1, glucose and insulin: Baker et al., Arch Neurol 2012 (PMC3764914), table footnote: 1 ng/mL IGF-1 =
 *   0.131 nmol/L, 1 mmol/L glucose = 18 mg/dL, 1 µU/mL insulin = 6.945 pmol/L.
 * - Steroids: from the molar mass of the molecular formula (standard atomic weights): testosterone C19H28O2
 *   288.4 g/mol, cortisol C21H30O5 362.46 g/mol, estradiol C18H24O2 272.38 g/mol. 1 ng/dL = 10 ng/L, so
 *   nmol/L per ng/dL = 10 / M; 1 µg/dL = 10⁴ ng/L, so nmol/L per µg/dL = 10⁴ / M; pmol/L per pg/mL = 10³ / M.
 *   The testosterone factor agrees with Veldhuis et al. 1987 (910 ng/dL = 31.5 nmol/L, physiology.md).
 * - Prolactin and GH: ng/mL and µg/L are the same mass concentration; the SI unit is µg/L (factor 1). The
 *   international-unit forms (mIU/L) depend on the reference preparation and are not used.
 */

/** The unit systems a reader can choose. */
export const UNIT_SYSTEMS = ['conventional', 'si'] as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

/** One quantity in both systems: a value in SI = value in conventional × `siPerConventional`. */
export interface UnitConversion {
  readonly conventional: string;
  readonly si: string;
  readonly siPerConventional: number;
  /** Where the factor comes from. */
  readonly source: string;
}

const BAKER_2012 = 'Baker et al., Arch Neurol 2012 (PMC3764914), table footnote';

/** Molar masses, g/mol, from the molecular formula. */
export const TESTOSTERONE_G_PER_MOL = 288.4;
export const CORTISOL_G_PER_MOL = 362.46;
export const ESTRADIOL_G_PER_MOL = 272.38;

/** Every quantity whose SI unit differs from its conventional one, or whose SI name differs (µg/L). */
export const UNIT_CONVERSIONS = {
  igf1: { conventional: 'ng/mL', si: 'nmol/L', siPerConventional: 0.131, source: BAKER_2012 },
  glucose: { conventional: 'mg/dL', si: 'mmol/L', siPerConventional: 1 / 18, source: BAKER_2012 },
  insulin: { conventional: 'µU/mL', si: 'pmol/L', siPerConventional: 6.945, source: BAKER_2012 },
  testosterone: {
    conventional: 'ng/dL',
    si: 'nmol/L',
    // 10 / 288.4, written as 1 / 28.84 so the library's ng/dL per nmol/L stays exactly 28.84.
    siPerConventional: 1 / 28.84,
    source: 'molar mass 288.4 g/mol (C19H28O2)',
  },
  free_testosterone: {
    conventional: 'pg/mL',
    si: 'pmol/L',
    siPerConventional: 1000 / TESTOSTERONE_G_PER_MOL,
    source: 'molar mass 288.4 g/mol (C19H28O2)',
  },
  cortisol: {
    conventional: 'µg/dL',
    si: 'nmol/L',
    siPerConventional: 10_000 / CORTISOL_G_PER_MOL,
    source: 'molar mass 362.46 g/mol (C21H30O5)',
  },
  estradiol: {
    conventional: 'pg/mL',
    si: 'pmol/L',
    siPerConventional: 1000 / ESTRADIOL_G_PER_MOL,
    source: 'molar mass 272.38 g/mol (C18H24O2)',
  },
  prolactin: {
    conventional: 'ng/mL',
    si: 'µg/L',
    siPerConventional: 1,
    source: 'same mass concentration (1 ng/mL = 1 µg/L)',
  },
} as const satisfies Record<string, UnitConversion>;

/** A quantity with a conversion. */
export type ConvertedQuantity = keyof typeof UNIT_CONVERSIONS;

/**
 * Field, series and lab names of the contract → their quantity, matched on the name's start (longest first, so
 * `free_testosterone_…` is not read as testosterone). Names not listed (GH, LH, FSH, FFA, masses…) have the same
 * unit in both systems.
 */
const NAME_PREFIXES: readonly (readonly [string, ConvertedQuantity])[] = [
  ['free_testosterone', 'free_testosterone'],
  ['testosterone', 'testosterone'],
  ['igf1', 'igf1'],
  ['glucose_fasting', 'glucose'],
  ['glucose_mg_dl', 'glucose'],
  ['glucose', 'glucose'],
  ['insulin_fasting', 'insulin'],
  ['insulin_uU_ml', 'insulin'],
  ['insulin', 'insulin'],
  ['cortisol', 'cortisol'],
  ['estradiol', 'estradiol'],
  ['prolactin', 'prolactin'],
];

/** Suffixes that name a concentration in the conventional unit of the quantities above. */
const CONCENTRATION_SUFFIXES = ['_ng_ml', '_mg_dl', '_uu_ml', '_ng_dl', '_pg_ml', '_ug_dl'];

/**
 * The quantity of a result field, series, lab or endpoint name, when it is a concentration with an SI unit of its
 * own: `glucose_fasting_mg_dl` → glucose, `igf1` (a lab) → igf1, `igf1_sds` or `insulin_sensitivity_si` → none.
 * An endpoint in a concentration (`glucose_fasting_change_mg_dl`) counts; percent changes do not.
 */
export function quantityOfName(name: string): ConvertedQuantity | undefined {
  const lower = name.toLowerCase();
  const isLabName = !lower.includes('_') || /^(glucose|insulin)_fasting$|^testosterone_total$/.test(lower);
  if (!isLabName && !CONCENTRATION_SUFFIXES.some((s) => lower.endsWith(s))) return undefined;
  const found = NAME_PREFIXES.find(([prefix]) => lower.startsWith(prefix.toLowerCase()));
  return found?.[1];
}

/** The unit of a quantity in a system. */
export function unitIn(quantity: ConvertedQuantity, system: UnitSystem): string {
  const c = UNIT_CONVERSIONS[quantity];
  return system === 'si' ? c.si : c.conventional;
}

/** A value given in the quantity's conventional unit, in `system`. */
export function convertValue(quantity: ConvertedQuantity, value: number, system: UnitSystem): number {
  return system === 'si' ? value * UNIT_CONVERSIONS[quantity].siPerConventional : value;
}

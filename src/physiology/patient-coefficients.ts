// SPDX-License-Identifier: MIT
/**
 * The coefficients of the covariate relations of `patient.ts` as named parameters: a snake-case name with the
 * prefix `patient_` (`amplitudePerYear` → `patient_amplitude_per_year`), unit, source and evidence level. The
 * record is typed by the keys of {@link COEFFICIENTS}, so a coefficient added there without its entry here fails
 * the type check. A scenario may override them like any model parameter (`parameters:` in the scenario).
 */
import type { EvidenceLevel } from '../engine/types.js';
import { COEFFICIENTS } from './patient.js';

/** One of the covariate coefficients. */
export type CoefficientKey = keyof typeof COEFFICIENTS;

/** Unit, source and evidence of one coefficient. */
export interface CoefficientInfo {
  readonly unit: string;
  readonly description: string;
  readonly source: string;
  readonly evidence: EvidenceLevel;
}

const SIZE_CALIBRATED =
  'calibrated: size set so that GH production and IGF-1 at 25 and 62 y and the GHRH test of Ghigo 1994 match ' +
  'docs/model.md; direction from the source of the relation';

/** Every coefficient's unit, description, source and evidence level. */
export const COEFFICIENT_INFO: Readonly<Record<CoefficientKey, CoefficientInfo>> = {
  amplitudePerYear: {
    unit: '1/yr',
    description: 'relative fall of GHRH burst amplitude per year above 25',
    source: `${SIZE_CALIBRATED} (Iranmanesh 1991)`,
    evidence: 'weak',
  },
  amplitudePerFatPct: {
    unit: '1/%',
    description: 'relative fall of GHRH burst amplitude per body-fat % above the sex reference',
    source: `${SIZE_CALIBRATED} (Veldhuis 1995: burst mass r = −0.62 with % fat)`,
    evidence: 'weak',
  },
  frequencyPerYear: {
    unit: '1/yr',
    description: 'fall of GHRH burst frequency per year above 25 (fraction)',
    source: `${SIZE_CALIBRATED} (Iranmanesh 1991)`,
    evidence: 'weak',
  },
  frequencyPerFatPct: {
    unit: '1/%',
    description: 'fall of GHRH burst frequency per body-fat % above the sex reference (fraction)',
    source: `${SIZE_CALIBRATED} (Iranmanesh 1991)`,
    evidence: 'weak',
  },
  frequencyFloor: {
    unit: '1',
    description: 'lowest multiplier of GHRH burst frequency',
    source: 'assumption: keeps a few bursts a day in the oldest and most obese patients',
    evidence: 'weak',
  },
  somatostatinPerYear: {
    unit: '1/yr',
    description: 'rise of basal somatostatin tone per year above 25',
    source: `${SIZE_CALIBRATED}; the age term carries most of the somatopause`,
    evidence: 'weak',
  },
  somatostatinPerVisceralCm2: {
    unit: '1/cm2',
    description: 'rise of basal somatostatin tone per cm² of visceral fat above the sex reference',
    source: `${SIZE_CALIBRATED} (Veldhuis & Bowers 2009; Clasey 2001)`,
    evidence: 'weak',
  },
  clearancePerFatPct: {
    unit: '1/%',
    description: 'rise of GH clearance per body-fat % above the sex reference',
    source: 'Langendonk: GH clearance +33–51 % in obese vs lean women about 15 fat-% apart',
    evidence: 'moderate',
  },
  oestrogenFrequency: {
    unit: '1',
    description: 'rise of GHRH burst frequency at full oestrogen factor',
    source: 'Winer 1990, Engström 1999 (more frequent pulses in women); size calibrated',
    evidence: 'weak',
  },
  oestrogenTonic: {
    unit: '1',
    description: 'rise of tonic GHRH at full oestrogen factor',
    source: 'Engström 1999 (higher interpulse GH in women); size calibrated',
    evidence: 'weak',
  },
  oestrogenAmplitude: {
    unit: '1',
    description: 'rise of GHRH burst amplitude at full oestrogen factor',
    source: 'Roelfsema 2016 (sex difference before 50); size calibrated',
    evidence: 'weak',
  },
  oestrogenLiverEc50: {
    unit: '1',
    description:
      'rise of the hepatic GH EC50 at full oestrogen factor (oestrogen blunts hepatic GH signalling)',
    source: 'calibrated: women’s IGF-1 not higher than men’s (reference table); mechanism recalled',
    evidence: 'weak',
  },
  femaleProlactin: {
    unit: '1',
    description: 'prolactin multiplier in women',
    source: 'textbook reference ranges (recalled)',
    evidence: 'weak',
  },
  ghDeficiencyPool: {
    unit: '1',
    description: 'releasable GH pool multiplier with organic GH deficiency',
    source: 'assumption: severe GHD keeps about 10–15 % of somatotroph capacity (Chapman 1997)',
    evidence: 'weak',
  },
  siPerVisceralCm2: {
    unit: '1/cm2',
    description: 'relative fall of insulin sensitivity per cm² of visceral fat above the sex reference',
    source: 'calibrated to minimal-model ranges (physiology.md §6); direction from Clasey 2001',
    evidence: 'weak',
  },
  siPerFatPct: {
    unit: '1/%',
    description: 'relative fall of insulin sensitivity per body-fat % above the sex reference',
    source: 'calibrated to minimal-model ranges (physiology.md §6: lean 4–8, obese 1–3 × 10⁻⁴)',
    evidence: 'weak',
  },
  siPerYear: {
    unit: '1/yr',
    description: 'relative fall of insulin sensitivity per year above 25',
    source: 'assumption (weak), calibrated with the two adiposity terms',
    evidence: 'weak',
  },
  diabetesSi: {
    unit: '1',
    description: 'insulin sensitivity multiplier with type 2 diabetes',
    source: 'assumption: hepatic and peripheral insulin resistance define type 2 diabetes (textbook)',
    evidence: 'weak',
  },
  diabetesBeta: {
    unit: '1',
    description: 'β-cell capacity multiplier with type 2 diabetes',
    source: 'assumption: β-cell failure defines type 2 diabetes (textbook); size weak',
    evidence: 'weak',
  },
  diabetesEgp: {
    unit: '1',
    description: 'hepatic glucose output multiplier with type 2 diabetes',
    source: 'assumption (textbook); size weak',
    evidence: 'weak',
  },
  diabetesFirstPhase: {
    unit: '1',
    description: 'dynamic (first-phase) insulin secretion multiplier with type 2 diabetes',
    source:
      'Dalla Man, Rizza & Cobelli 2007, Table 1: K = 0.99 (type 2 diabetes) against 2.30 pmol/kg per mg/dL ' +
      '(normal subjects)',
    evidence: 'moderate',
  },
  impairedGlucoseBeta: {
    unit: '1',
    description: 'β-cell capacity multiplier with impaired fasting glucose',
    source: 'assumption (textbook); size weak',
    evidence: 'weak',
  },
  betaPerYear: {
    unit: '1/yr',
    description: 'relative fall of β-cell capacity per year above 25',
    source: 'assumption (weak)',
    evidence: 'weak',
  },
  leydigPerYear: {
    unit: '1/yr',
    description: 'relative fall of Leydig output per year above 35 (men)',
    source: 'physiology.md §8: morning testosterone declines 0.2–2 %/yr after 40 (Luboshitzky 2003)',
    evidence: 'moderate',
  },
  leydigFloor: {
    unit: '1',
    description: 'lowest multiplier of Leydig output with age',
    source: 'assumption (weak)',
    evidence: 'weak',
  },
  hypogonadismLeydig: {
    unit: '1',
    description: 'Leydig output multiplier with (primary) hypogonadism',
    source: 'calibrated: morning testosterone below 300 ng/dL in a hypogonadal man',
    evidence: 'weak',
  },
  testosteroneCircYoung: {
    unit: '1',
    description: 'circadian amplitude of testosterone production at 35 y or younger',
    source: 'Brambilla 2009: T 20–25 % lower at 16:00 than 08:00 at 30–40 y (calibrated to it)',
    evidence: 'moderate',
  },
  testosteroneCircOld: {
    unit: '1',
    description: 'circadian amplitude of testosterone production at 75 y or older',
    source: 'Brambilla 2009: about 10 % lower at 16:00 than 08:00 at 70 y (calibrated to it)',
    evidence: 'moderate',
  },
  testosteroneSleepYoung: {
    unit: '1',
    description: 'sleep-linked rise of testosterone production at 35 y or younger',
    source: 'Luboshitzky 2003 (nocturnal rise); size calibrated',
    evidence: 'weak',
  },
  testosteroneSleepOld: {
    unit: '1',
    description: 'sleep-linked rise of testosterone production at 75 y or older',
    source: 'Luboshitzky 2003 (the nocturnal rise is smaller with age); size calibrated',
    evidence: 'weak',
  },
  inhibinPerYear: {
    unit: '1/yr',
    description: 'relative fall of inhibin B per year above 30 (men)',
    source: 'FSH rises with age in men as inhibin falls (textbook, recalled)',
    evidence: 'weak',
  },
  inhibinFloor: {
    unit: '1',
    description: 'lowest inhibin level with age (men)',
    source: 'assumption (weak)',
    evidence: 'weak',
  },
  femaleE2Norm: {
    unit: 'pg/mL',
    description: 'oestrogen feedback normaliser in women, so that premenopausal feedback is about 1.5–2',
    source: 'calibrated: premenopausal LH and FSH about 5–7 IU/L (textbook ranges, recalled)',
    evidence: 'weak',
  },
  femaleLh: {
    unit: '1',
    description: 'LH output of the female pituitary relative to the male one',
    source: 'calibrated: LH about 5–7 IU/L premenopausal, 25–40 IU/L postmenopausal (textbook, recalled)',
    evidence: 'weak',
  },
  femaleFsh: {
    unit: '1',
    description: 'FSH output of the female pituitary relative to the male one',
    source: 'calibrated: FSH about 5–7 IU/L premenopausal, 40–100 IU/L postmenopausal (textbook, recalled)',
    evidence: 'weak',
  },
  femaleSi: {
    unit: '1',
    description: 'insulin sensitivity of women relative to men of the same adiposity and age',
    source: 'women are more insulin-sensitive than men at equal adiposity (recalled); size calibrated',
    evidence: 'weak',
  },
};

/** The parameter name of a coefficient: `patient_` and its key in snake case. */
export function coefficientParamName(key: CoefficientKey): string {
  return `patient_${key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`;
}

/** Coefficient keys by parameter name. */
const KEY_BY_NAME: ReadonlyMap<string, CoefficientKey> = new Map(
  (Object.keys(COEFFICIENTS) as CoefficientKey[]).map((key) => [coefficientParamName(key), key]),
);

/** The coefficient key of a parameter name, or undefined when the name is not a coefficient's. */
export function coefficientKeyOf(name: string): CoefficientKey | undefined {
  return KEY_BY_NAME.get(name);
}

/** The coefficients with some replaced by name (`patient_…`); names of no coefficient are ignored. */
export function coefficientsWith(
  overrides: Readonly<Record<string, number>>,
): Readonly<Record<CoefficientKey, number>> {
  const out: Record<CoefficientKey, number> = { ...COEFFICIENTS };
  for (const [name, value] of Object.entries(overrides)) {
    const key = coefficientKeyOf(name);
    if (key !== undefined) out[key] = value;
  }
  return out;
}

// SPDX-License-Identifier: MIT
/**
 * What the scenario layer may know of each drug without running the model: its name, receptor class, the routes
 * it really has, unit conversions and a hard per-administration maximum used to reject impossible input. The
 * pharmacokinetics and pharmacodynamics live in each drug's own file of this folder.
 */

/** Every drug a regimen line may name. */
export const DRUG_NAMES = [
  'sermorelin',
  'cjc1295_dac',
  'cjc1295_nodac',
  'ipamorelin',
  'tesamorelin',
  'mk677',
  'rhgh',
  'hexarelin',
  'ghrp6',
  'testosterone_cypionate',
  'clomiphene',
  'hcg',
  'testosterone_enanthate',
] as const;

export type DrugName = (typeof DRUG_NAMES)[number];

/** Administration routes of the scenario contract. */
export const ROUTES = ['sc', 'iv', 'im', 'oral'] as const;
export type Route = (typeof ROUTES)[number];

/** The pharmacological class: which receptor or pathway a drug acts through. */
export type DrugClass =
  'ghrh_analogue' | 'ghs_agonist' | 'growth_hormone' | 'androgen' | 'serm' | 'gonadotropin';

/**
 * The receptor or pathway a drug acts on: the GHRH receptor, the GHS receptor, plasma GH itself (rhGH), the LH/hCG
 * receptor of Leydig cells, the hypothalamic oestrogen receptor (SERMs), or plasma testosterone itself.
 */
export type DrugTarget = 'ghrhr' | 'ghsr' | 'gh' | 'lhcgr' | 'estrogen_receptor' | 'testosterone';

/** Targets reached through a receptor load (concentration over EC50), as the shared PK sub-model builds them. */
export type ReceptorTarget = Exclude<DrugTarget, 'gh' | 'testosterone'>;

/** Static facts about a drug, with sources for the routes and maxima. */
export interface DrugInfo {
  readonly name: DrugName;
  readonly label: string;
  readonly drugClass: DrugClass;
  /** What the drug acts on; the model wires its load there, and everything else that asks reads it here. */
  readonly target: DrugTarget;
  readonly routes: readonly Route[];
  /** Micrograms per international unit, for drugs dosed in IU; absent where IU is not a unit of the drug. */
  readonly mcgPerIu?: number;
  /**
   * Largest single administration accepted, in micrograms. It is a guard against typing errors (mg for mcg), set
   * well above the largest dose given to humans in the cited studies; it is not a recommended or safe dose.
   */
  readonly hardMaxMcg: number;
  readonly maxSource: string;
}

/** The catalogue, one entry per drug. */
export const DRUGS: Readonly<Record<DrugName, DrugInfo>> = {
  sermorelin: {
    name: 'sermorelin',
    label: 'Sermorelin (GHRH 1-29)',
    drugClass: 'ghrh_analogue',
    target: 'ghrhr',
    routes: ['sc', 'iv'],
    hardMaxMcg: 5000,
    maxSource: 'Geref label: 2 mg SC in PK studies; Vittone 1997 used 2 mg SC nightly',
  },
  cjc1295_dac: {
    name: 'cjc1295_dac',
    label: 'CJC-1295 with DAC',
    drugClass: 'ghrh_analogue',
    target: 'ghrhr',
    routes: ['sc'],
    hardMaxMcg: 30000,
    maxSource: 'Teichman 2006 JCEM 91:799: single doses up to 125 µg/kg (≈12.5 mg at 100 kg)',
  },
  cjc1295_nodac: {
    name: 'cjc1295_nodac',
    label: 'CJC-1295 without DAC (modified GRF 1-29)',
    drugClass: 'ghrh_analogue',
    target: 'ghrhr',
    routes: ['sc'],
    hardMaxMcg: 2000,
    maxSource: 'no peer-reviewed human dose-ranging; set at about 20× the commonly quoted 100 µg dose',
  },
  ipamorelin: {
    name: 'ipamorelin',
    label: 'Ipamorelin',
    drugClass: 'ghs_agonist',
    target: 'ghsr',
    routes: ['sc', 'iv'],
    hardMaxMcg: 15000,
    maxSource: 'Gobburu 1999 Pharm Res 16:1412: up to 140 nmol/kg IV (≈100 µg/kg)',
  },
  tesamorelin: {
    name: 'tesamorelin',
    label: 'Tesamorelin',
    drugClass: 'ghrh_analogue',
    target: 'ghrhr',
    routes: ['sc'],
    hardMaxMcg: 5000,
    maxSource: 'Egrifta label: 2 mg SC daily; González-Sales 2015: 1–2 mg',
  },
  mk677: {
    name: 'mk677',
    label: 'MK-677 (ibutamoren)',
    drugClass: 'ghs_agonist',
    target: 'ghsr',
    routes: ['oral'],
    hardMaxMcg: 100000,
    maxSource: 'Chapman 1997 JCEM 82:3455: 50 mg/day orally',
  },
  rhgh: {
    name: 'rhgh',
    label: 'Recombinant human GH (somatropin)',
    drugClass: 'growth_hormone',
    target: 'gh',
    routes: ['sc', 'iv', 'im'],
    mcgPerIu: 1000 / 3,
    hardMaxMcg: 10000,
    maxSource: 'WHO IS 98/574: 1 mg = 3 IU; Rudman 1990: 0.03 mg/kg three times weekly (≈3 mg at 100 kg)',
  },
  hexarelin: {
    name: 'hexarelin',
    label: 'Hexarelin',
    drugClass: 'ghs_agonist',
    target: 'ghsr',
    routes: ['iv', 'sc'],
    hardMaxMcg: 2000,
    maxSource: 'Massoud 1996 JCEM 81:4338 and PubMed 7586608: up to 2 µg/kg IV',
  },
  ghrp6: {
    name: 'ghrp6',
    label: 'GHRP-6',
    drugClass: 'ghs_agonist',
    target: 'ghsr',
    routes: ['iv', 'sc', 'oral'],
    hardMaxMcg: 50000,
    maxSource: 'Ghigo 1994 EJE 131:499: 300 µg/kg orally',
  },
  testosterone_cypionate: {
    name: 'testosterone_cypionate',
    label: 'Testosterone cypionate',
    drugClass: 'androgen',
    target: 'testosterone',
    routes: ['im', 'sc'],
    hardMaxMcg: 1000000,
    maxSource: 'label: 50–400 mg every 2–4 weeks; 1 g is above any labelled dose',
  },
  testosterone_enanthate: {
    name: 'testosterone_enanthate',
    label: 'Testosterone enanthate',
    drugClass: 'androgen',
    target: 'testosterone',
    routes: ['im', 'sc'],
    hardMaxMcg: 1000000,
    maxSource: 'label: 50–400 mg every 2–4 weeks; Bhasin 1996 (NEJM 335:1) gave 600 mg weekly; 1 g guard',
  },
  clomiphene: {
    name: 'clomiphene',
    label: 'Clomiphene citrate',
    drugClass: 'serm',
    target: 'estrogen_receptor',
    routes: ['oral'],
    hardMaxMcg: 200000,
    maxSource: 'label: 50–150 mg/day; 200 mg guard',
  },
  hcg: {
    name: 'hcg',
    label: 'Human chorionic gonadotropin',
    drugClass: 'gonadotropin',
    target: 'lhcgr',
    routes: ['sc', 'im'],
    mcgPerIu: 0.1,
    hardMaxMcg: 1000,
    maxSource: 'urinary hCG ≈ 10,000 IU/mg (≈0.1 µg/IU); labelled single doses up to 10,000 IU',
  },
};

/** True when `name` is a drug of the catalogue. */
export function isDrugName(name: string): name is DrugName {
  return (DRUG_NAMES as readonly string[]).includes(name);
}

/** True when a drug acts on the GH axis through a receptor (GHRH or GHS receptor): its potency sets its effect. */
export function actsOnGhAxisReceptor(name: DrugName): boolean {
  const { target } = DRUGS[name];
  return target === 'ghrhr' || target === 'ghsr';
}

/** The receptor a drug's load acts on. @throws Error for a drug that acts without a receptor load (rhGH, esters). */
export function receptorTargetOf(name: DrugName): ReceptorTarget {
  const { target } = DRUGS[name];
  if (target === 'gh' || target === 'testosterone')
    throw new Error(`${name} acts on ${target} without a receptor load`);
  return target;
}

// SPDX-License-Identifier: MIT
/**
 * Contraindication screening of a scenario before it is simulated (MODEL.md, "Safety layer"). Each rule looks at
 * the patient and the drugs of the regimen and returns findings with a stable code, a severity and a message that
 * names the drug and the reason. Findings describe why a combination is flagged; they are never dosing advice.
 *
 * Sources: the seed texts list hypersensitivity, pregnancy, lactation and active malignancy as contraindications
 * of GH-axis peptides ("due to GH's potential to stimulate cell proliferation"); MODEL.md adds the glucose and
 * IGF-1 cautions; the off-target rises of hexarelin and GHRP-6 are from physiology.md (Massoud 1996 JCEM 81:4338;
 * PubMed 7586608; Endocrinology 1997).
 */
import { igf1Sds } from '../analysis/igf1-sds.js';
import { DRUGS } from '../physiology/drug-catalog.js';
import type { DrugClass, DrugName } from '../physiology/drug-catalog.js';
import type { Finding, Scenario, Screening, Severity } from '../scenario/index.js';
import { MIN_PER_DAY } from './clock.js';
import { RegimenError, expandRegimen } from './regimen.js';

/** Stable codes of the findings this module can produce. */
export const FINDING_CODES = [
  'CONTRAINDICATION_HYPERSENSITIVITY',
  'CONTRAINDICATION_PREGNANCY',
  'CONTRAINDICATION_LACTATION',
  'CONTRAINDICATION_ACTIVE_MALIGNANCY',
  'CONTRAINDICATION_DAILY_EXPOSURE_ABOVE_MAXIMUM',
  'CAUTION_MALIGNANCY_TESTOSTERONE_RAISING',
  'CAUTION_PREGNANCY_OUTSIDE_MODEL',
  'CAUTION_TYPE2_DIABETES',
  'CAUTION_IMPAIRED_FASTING_GLUCOSE',
  'CAUTION_FASTING_GLUCOSE_DIABETIC_RANGE',
  'CAUTION_IGF1_ABOVE_RANGE',
  'CAUTION_CORTISOL_PROLACTIN_RISE',
  'CAUTION_MK677_APPETITE_GLUCOSE',
  'CAUTION_TESTOSTERONE_IN_WOMAN',
  'INFO_IGF1_ABOVE_RANGE_UNTREATED',
  'INFO_GONADAL_DRUG_IN_WOMAN',
  'INFO_WEAK_EVIDENCE_CJC1295_NODAC',
  'INFO_OPTIONAL_EFFECT_SERMORELIN_GONADOTROPINS',
  'INFO_OPTIONAL_EFFECT_SKIN',
] as const;

/** A code of {@link FINDING_CODES}. */
export type FindingCode = (typeof FINDING_CODES)[number];

/** Drug classes that act on the GH axis (GHRH analogues, GH secretagogues, GH itself). */
export const GH_AXIS_CLASSES: readonly DrugClass[] = ['ghrh_analogue', 'ghs_agonist', 'growth_hormone'];

/** Fasting glucose (mg/dL) from which glucose is impaired (ADA) — MODEL.md's alert threshold. */
export const IMPAIRED_FASTING_GLUCOSE_MG_DL = 100;
/** Fasting glucose (mg/dL) from which glucose is in the diabetic range (ADA). */
export const DIABETIC_FASTING_GLUCOSE_MG_DL = 126;
/** IGF-1 SDS above which IGF-1 is above the age/sex range (the 97.5th percentile). */
export const IGF1_ABOVE_RANGE_SDS = 1.96;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, caution: 1, contraindicated: 2 };

function finding(code: FindingCode, severity: Severity, message: string): Finding {
  return { code, severity, message };
}

/** The distinct drugs of the regimen, in order of first appearance. */
function regimenDrugs(s: Scenario): DrugName[] {
  return [...new Set(s.regimen.map((line) => line.drug))];
}

function ghAxisDrugs(s: Scenario): DrugName[] {
  return regimenDrugs(s).filter((drug) => GH_AXIS_CLASSES.includes(DRUGS[drug].drugClass));
}

function label(drug: DrugName): string {
  return DRUGS[drug].label;
}

function list(drugs: readonly DrugName[]): string {
  return drugs.map(label).join(', ');
}

/** The singular or plural form of a verb for a list of drugs. */
function verb(drugs: readonly DrugName[], singular: string, plural: string): string {
  return drugs.length === 1 ? singular : plural;
}

function hasCondition(s: Scenario, condition: Scenario['patient']['conditions'][number]): boolean {
  return s.patient.conditions.includes(condition);
}

// ---------------------------------------------------------------------------------------------------------------
// Contraindications.

function hypersensitivity(s: Scenario): Finding[] {
  const drugs = regimenDrugs(s);
  return s.patient.allergies
    .filter((drug) => drugs.includes(drug))
    .map((drug) =>
      finding(
        'CONTRAINDICATION_HYPERSENSITIVITY',
        'contraindicated',
        `${label(drug)} is in the regimen and the patient has a recorded hypersensitivity to it; hypersensitivity to ` +
          'a drug is a contraindication to that drug.',
      ),
    );
}

function pregnancyAndLactation(s: Scenario): Finding[] {
  const drugs = regimenDrugs(s);
  const findings: Finding[] = [];
  if (hasCondition(s, 'pregnancy')) {
    findings.push(
      drugs.length > 0
        ? finding(
            'CONTRAINDICATION_PREGNANCY',
            'contraindicated',
            `The regimen contains ${list(drugs)} and the patient is pregnant; pregnancy is a listed contraindication ` +
              'of these therapies, and the model does not represent the physiology of pregnancy.',
          )
        : finding(
            'CAUTION_PREGNANCY_OUTSIDE_MODEL',
            'caution',
            'The patient is pregnant; the model does not represent the hormonal physiology of pregnancy, so its ' +
              'results for this patient are not meaningful.',
          ),
    );
  }
  if (hasCondition(s, 'lactation') && drugs.length > 0) {
    findings.push(
      finding(
        'CONTRAINDICATION_LACTATION',
        'contraindicated',
        `The regimen contains ${list(drugs)} and the patient is breastfeeding; lactation is a listed ` +
          'contraindication of these therapies.',
      ),
    );
  }
  return findings;
}

function malignancy(s: Scenario): Finding[] {
  if (!hasCondition(s, 'active_malignancy')) return [];
  const findings: Finding[] = [];
  const ghDrugs = ghAxisDrugs(s);
  if (ghDrugs.length > 0) {
    findings.push(
      finding(
        'CONTRAINDICATION_ACTIVE_MALIGNANCY',
        'contraindicated',
        `The regimen contains ${list(ghDrugs)}, which ${verb(ghDrugs, 'raises', 'raise')} GH and IGF-1, and the patient has an active ` +
          'malignancy; GH and IGF-1 stimulate cell proliferation, so active malignancy is a contraindication.',
      ),
    );
  }
  const raisers = regimenDrugs(s).filter((d) =>
    ['androgen', 'serm', 'gonadotropin'].includes(DRUGS[d].drugClass),
  );
  if (raisers.length > 0) {
    findings.push(
      finding(
        'CAUTION_MALIGNANCY_TESTOSTERONE_RAISING',
        'caution',
        `The regimen contains ${list(raisers)}, which ${verb(raisers, 'raises', 'raise')} testosterone, and the patient has an active malignancy; ` +
          'androgen-sensitive cancers (prostate, breast) are labelled contraindications and the type of malignancy ' +
          'is not recorded here.',
      ),
    );
  }
  return findings;
}

/** The largest amount (µg) each drug delivers on any one day, summed over every regimen line, with that day. */
function largestDailyAmounts(s: Scenario): Map<DrugName, { day: number; mcg: number }> {
  let doses;
  try {
    doses = expandRegimen(s);
  } catch (error) {
    // A regimen that does not expand is reported by the checks that expand it; nothing to sum here.
    if (error instanceof RegimenError) return new Map();
    throw error;
  }
  const perDrugDay = new Map<string, number>();
  for (const dose of doses) {
    const key = `${dose.drug}|${Math.floor(dose.t_min / MIN_PER_DAY)}`;
    perDrugDay.set(key, (perDrugDay.get(key) ?? 0) + dose.amount_mcg);
  }
  const largest = new Map<DrugName, { day: number; mcg: number }>();
  for (const [key, mcg] of perDrugDay) {
    const [drug, day] = key.split('|') as [DrugName, string];
    const seen = largest.get(drug);
    if (seen === undefined || mcg > seen.mcg) largest.set(drug, { day: Number(day), mcg });
  }
  return largest;
}

function formatMcg(mcg: number): string {
  return mcg >= 1000 ? `${Number((mcg / 1000).toPrecision(4))} mg` : `${Number(mcg.toPrecision(4))} µg`;
}

/**
 * The amount of a drug given in one day, over all regimen lines, against the drug's maximum daily exposure. The
 * maximum is the catalogue's hard maximum of one administration (`hardMaxMcg`, sources in `maxSource`): in the
 * studies it cites, nobody received more of a drug in a day than one such dose, so a day above it is outside all
 * cited human exposure (evidence: weak; a guard against input errors such as a line repeated, not a toxicity limit).
 */
function dailyExposure(s: Scenario): Finding[] {
  return [...largestDailyAmounts(s)].flatMap(([drug, { day, mcg }]) => {
    const max = DRUGS[drug].hardMaxMcg;
    if (mcg <= max) return [];
    return [
      finding(
        'CONTRAINDICATION_DAILY_EXPOSURE_ABOVE_MAXIMUM',
        'contraindicated',
        `${label(drug)}: the regimen lines together give ${formatMcg(mcg)} on day ${day}, above the maximum daily ` +
          `exposure of ${formatMcg(max)} (${DRUGS[drug].maxSource}).`,
      ),
    ];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Cautions.

function glucose(s: Scenario): Finding[] {
  const drugs = ghAxisDrugs(s);
  if (drugs.length === 0) return [];
  const because = `${list(drugs)} ${verb(drugs, 'raises', 'raise')} GH, and GH raises blood glucose (it opposes insulin)`;
  if (hasCondition(s, 'type2_diabetes')) {
    return [finding('CAUTION_TYPE2_DIABETES', 'caution', `The patient has type 2 diabetes; ${because}.`)];
  }
  const fasting = s.patient.labs.glucose_fasting_mg_dl;
  if (fasting !== undefined && fasting >= DIABETIC_FASTING_GLUCOSE_MG_DL) {
    return [
      finding(
        'CAUTION_FASTING_GLUCOSE_DIABETIC_RANGE',
        'caution',
        `Baseline fasting glucose is ${fasting} mg/dL, in the diabetic range (≥ ${DIABETIC_FASTING_GLUCOSE_MG_DL} ` +
          `mg/dL) though diabetes is not recorded; ${because}.`,
      ),
    ];
  }
  if (
    hasCondition(s, 'impaired_fasting_glucose') ||
    (fasting !== undefined && fasting >= IMPAIRED_FASTING_GLUCOSE_MG_DL)
  ) {
    const what =
      fasting !== undefined && fasting >= IMPAIRED_FASTING_GLUCOSE_MG_DL
        ? `Baseline fasting glucose is ${fasting} mg/dL (impaired: ≥ ${IMPAIRED_FASTING_GLUCOSE_MG_DL} mg/dL)`
        : 'The patient has impaired fasting glucose';
    return [finding('CAUTION_IMPAIRED_FASTING_GLUCOSE', 'caution', `${what}; ${because}.`)];
  }
  return [];
}

function igf1AboveRange(s: Scenario): Finding[] {
  const igf1 = s.patient.labs.igf1_ng_ml;
  if (igf1 === undefined) return [];
  const { sds, upper } = igf1Sds(s.patient.age_years, s.patient.sex, igf1);
  if (sds <= IGF1_ABOVE_RANGE_SDS) return [];
  const where =
    `Baseline IGF-1 is ${igf1} ng/mL (SDS ${sds.toFixed(2)}), above the 97.5th percentile for a ` +
    `${s.patient.age_years}-year-old ${s.patient.sex === 'male' ? 'man' : 'woman'} (${upper.toFixed(0)} ng/mL; ` +
    'the reference is assay-specific)';
  const drugs = ghAxisDrugs(s);
  return drugs.length > 0
    ? [
        finding(
          'CAUTION_IGF1_ABOVE_RANGE',
          'caution',
          `${where}; ${list(drugs)} ${verb(drugs, 'raises', 'raise')} IGF-1 further.`,
        ),
      ]
    : [finding('INFO_IGF1_ABOVE_RANGE_UNTREATED', 'info', `${where}.`)];
}

function offTargetHormones(s: Scenario): Finding[] {
  const drugs = regimenDrugs(s).filter((d) => d === 'hexarelin' || d === 'ghrp6');
  return drugs.map((drug) =>
    finding(
      'CAUTION_CORTISOL_PROLACTIN_RISE',
      'caution',
      `${label(drug)} is not selective for GH: it also raises ACTH/cortisol${drug === 'hexarelin' ? ' and prolactin' : ''} ` +
        (drug === 'hexarelin'
          ? '(Massoud 1996, JCEM 81:4338: prolactin up to +180 %, cortisol about +40 % at 0.5 µg/kg IV or more).'
          : '(small but significant ACTH and adrenal-steroid rises in humans).'),
    ),
  );
}

function mk677(s: Scenario): Finding[] {
  if (!regimenDrugs(s).includes('mk677')) return [];
  return [
    finding(
      'CAUTION_MK677_APPETITE_GLUCOSE',
      'caution',
      `${label('mk677')} is an oral ghrelin mimetic: it increases appetite, and the sustained GH elevation it causes ` +
        'raises fasting glucose and insulin within weeks (Nass 2008, Ann Intern Med 149:601, recalled).',
    ),
  ];
}

function sexSpecific(s: Scenario): Finding[] {
  if (s.patient.sex !== 'female') return [];
  const drugs = regimenDrugs(s);
  const findings: Finding[] = [];
  const androgens = drugs.filter((d) => DRUGS[d].drugClass === 'androgen');
  if (androgens.length > 0) {
    findings.push(
      finding(
        'CAUTION_TESTOSTERONE_IN_WOMAN',
        'caution',
        `${androgens.map(label).join(', ')} in a woman: androgen doses meant for men have virilising effects. The ` +
          "model's female gonadal axis is simplified (LH, FSH and estradiol): the dose lowers her LH and FSH through " +
          'aromatised estradiol, but testosterone itself is not reported for women.',
      ),
    );
  }
  const gonadal = drugs.filter((d) => d === 'clomiphene' || d === 'hcg');
  if (gonadal.length > 0) {
    findings.push(
      finding(
        'INFO_GONADAL_DRUG_IN_WOMAN',
        'info',
        `${list(gonadal)} in a woman: these act in the model on the male axis (clomiphene by blocking estradiol ` +
          'feedback on LH and FSH, hCG on Leydig cells); the female axis is simplified (LH, FSH and estradiol), so ' +
          'ovarian effects (ovulation induction, hyperstimulation) are not represented.',
      ),
    );
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------
// Evidence notes.

function weakEvidence(s: Scenario): Finding[] {
  const findings: Finding[] = [];
  if (regimenDrugs(s).includes('cjc1295_nodac')) {
    findings.push(
      finding(
        'INFO_WEAK_EVIDENCE_CJC1295_NODAC',
        'info',
        `${label('cjc1295_nodac')} has no peer-reviewed human pharmacokinetics; its parameters in the model are ` +
          'assumptions, so its results carry low confidence.',
      ),
    );
  }
  for (const effect of s.model.optional_effects) {
    findings.push(
      effect === 'sermorelin_gonadotropins'
        ? finding(
            'INFO_OPTIONAL_EFFECT_SERMORELIN_GONADOTROPINS',
            'info',
            'The optional effect of sermorelin on LH and FSH is switched on; its evidence is weak (it is off by default).',
          )
        : finding(
            'INFO_OPTIONAL_EFFECT_SKIN',
            'info',
            'The optional skin (dermal thickness) effect is switched on; its evidence is moderate (it is off by default).',
          ),
    );
  }
  return findings;
}

const RULES: readonly ((s: Scenario) => Finding[])[] = [
  hypersensitivity,
  pregnancyAndLactation,
  malignancy,
  dailyExposure,
  glucose,
  igf1AboveRange,
  offTargetHormones,
  mk677,
  sexSpecific,
  weakEvidence,
];

/** The worst severity of a list of findings as a screening status (`ok` when there are none or only info). */
export function screeningStatus(findings: readonly Finding[]): Screening['status'] {
  const worst = findings.reduce((max, f) => Math.max(max, SEVERITY_RANK[f.severity]), 0);
  return worst === 2 ? 'contraindicated' : worst === 1 ? 'caution' : 'ok';
}

/**
 * Screens a scenario: contraindications (hypersensitivity to a drug of the regimen, pregnancy, lactation, active
 * malignancy with a GH-axis drug, a day's amount of a drug over all lines above its maximum daily exposure), cautions (diabetes or impaired fasting glucose with a GH-axis drug, baseline
 * IGF-1 above the age/sex range, the cortisol/prolactin rises of hexarelin and GHRP-6, MK-677's appetite and
 * glucose effects, testosterone in a woman, …) and information notes (weak-evidence drugs and optional effects).
 * Findings are sorted from the most to the least severe; `status` is the worst severity (`ok` for info only).
 * @example screenScenario(scenario).status // 'contraindicated' for a pregnant patient on sermorelin
 */
export function screenScenario(scenario: Scenario): Screening {
  const findings = RULES.flatMap((rule) => rule(scenario)).sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  );
  return { status: screeningStatus(findings), findings };
}

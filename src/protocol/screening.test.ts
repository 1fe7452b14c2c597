// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { parseScenario } from './index.js';
import type { RegimenLineInput, ScenarioInput } from '../scenario/index.js';
import { FINDING_CODES, screenScenario, screeningStatus } from './screening.js';

type PatientInput = ScenarioInput['patient'];
type LineInput = RegimenLineInput;

const man: PatientInput = { age_years: 62, sex: 'male', weight_kg: 88, height_cm: 178 };
const woman: PatientInput = { age_years: 45, sex: 'female', weight_kg: 66, height_cm: 166 };

const line = (
  drug: LineInput['drug'],
  route: LineInput['route'] = 'sc',
  amount = 300,
  unit: LineInput['dose']['unit'] = 'mcg',
): LineInput => ({
  drug,
  dose: { amount, unit },
  route,
  at: 'bedtime',
});
const sermorelin = line('sermorelin');

function screen(patient: Partial<PatientInput>, regimen: LineInput[], extra: Partial<ScenarioInput> = {}) {
  return screenScenario(
    parseScenario({ duration_days: 14, patient: { ...man, ...patient }, regimen, ...extra }),
  );
}

const codes = (s: ReturnType<typeof screen>) => s.findings.map((f) => f.code);

describe('screenScenario', () => {
  it('finds nothing for a healthy man on sermorelin', () => {
    expect(screen({}, [sermorelin])).toEqual({ status: 'ok', findings: [] });
  });

  it('contraindicates a drug the patient is hypersensitive to, naming it', () => {
    const s = screen({ allergies: ['sermorelin', 'ipamorelin'] }, [sermorelin]);
    expect(s.status).toBe('contraindicated');
    expect(codes(s)).toEqual(['CONTRAINDICATION_HYPERSENSITIVITY']);
    expect(s.findings[0].message).toMatch(/Sermorelin \(GHRH 1-29\).*hypersensitivity/);
  });

  it('contraindicates any regimen in pregnancy and flags an untreated pregnant patient as outside the model', () => {
    const s = screen({ ...woman, conditions: ['pregnancy'] }, [sermorelin]);
    expect(s.status).toBe('contraindicated');
    expect(codes(s)).toEqual(['CONTRAINDICATION_PREGNANCY']);
    expect(s.findings[0].message).toMatch(/Sermorelin.*pregnant/);
    expect(screen({ ...woman, conditions: ['pregnancy'] }, [])).toEqual({
      status: 'caution',
      findings: [expect.objectContaining({ code: 'CAUTION_PREGNANCY_OUTSIDE_MODEL', severity: 'caution' })],
    });
  });

  it('contraindicates lactation with a regimen, not without', () => {
    expect(codes(screen({ ...woman, conditions: ['lactation'] }, [line('ipamorelin')]))).toEqual([
      'CONTRAINDICATION_LACTATION',
    ]);
    expect(screen({ ...woman, conditions: ['lactation'] }, []).findings).toEqual([]);
  });

  it('contraindicates active malignancy with a GH-axis drug; cautions with a testosterone-raising drug', () => {
    const gh = screen({ conditions: ['active_malignancy'] }, [line('rhgh', 'sc', 0.3, 'mg')]);
    expect(gh.status).toBe('contraindicated');
    expect(gh.findings[0]).toMatchObject({ code: 'CONTRAINDICATION_ACTIVE_MALIGNANCY' });
    expect(gh.findings[0].message).toMatch(/Recombinant human GH.*cell proliferation/);
    const t = screen({ conditions: ['active_malignancy'] }, [
      line('testosterone_cypionate', 'im', 100, 'mg'),
    ]);
    expect(t).toMatchObject({
      status: 'caution',
      findings: [{ code: 'CAUTION_MALIGNANCY_TESTOSTERONE_RAISING' }],
    });
    expect(screen({ conditions: ['active_malignancy'] }, []).findings).toEqual([]);
  });

  it('cautions type 2 diabetes with a GH-axis drug because GH raises glucose', () => {
    const s = screen({ conditions: ['type2_diabetes'] }, [line('tesamorelin', 'sc', 2, 'mg')]);
    expect(s).toMatchObject({
      status: 'caution',
      findings: [{ code: 'CAUTION_TYPE2_DIABETES', severity: 'caution' }],
    });
    expect(s.findings[0].message).toMatch(/Tesamorelin raises GH, and GH raises blood glucose/);
    expect(
      screen({ conditions: ['type2_diabetes'] }, [line('clomiphene', 'oral', 25, 'mg')]).findings,
    ).toEqual([]);
  });

  it('cautions impaired fasting glucose from the condition or a baseline ≥ 100 mg/dL, and the diabetic range from 126', () => {
    expect(codes(screen({ conditions: ['impaired_fasting_glucose'] }, [sermorelin]))).toEqual([
      'CAUTION_IMPAIRED_FASTING_GLUCOSE',
    ]);
    const ifg = screen({ labs: { glucose_fasting_mg_dl: 100 } }, [sermorelin]);
    expect(codes(ifg)).toEqual(['CAUTION_IMPAIRED_FASTING_GLUCOSE']);
    expect(ifg.findings[0].message).toMatch(/100 mg\/dL/);
    expect(screen({ labs: { glucose_fasting_mg_dl: 99 } }, [sermorelin]).findings).toEqual([]);
    expect(codes(screen({ labs: { glucose_fasting_mg_dl: 130 } }, [sermorelin]))).toEqual([
      'CAUTION_FASTING_GLUCOSE_DIABETIC_RANGE',
    ]);
  });

  it('cautions a baseline IGF-1 above the 97.5th percentile (SDS > 1.96) with a GH-axis drug', () => {
    // Man of 62: the 97.5th percentile is 210.2 ng/mL (igf1-sds tests).
    const above = screen({ labs: { igf1_ng_ml: 215 } }, [sermorelin]);
    expect(codes(above)).toEqual(['CAUTION_IGF1_ABOVE_RANGE']);
    expect(above.findings[0].message).toMatch(/215 ng\/mL \(SDS 2\.0\d\).*210 ng\/mL/);
    expect(screen({ labs: { igf1_ng_ml: 205 } }, [sermorelin]).findings).toEqual([]);
    expect(screen({ labs: { igf1_ng_ml: 215 } }, [])).toMatchObject({
      status: 'ok',
      findings: [{ code: 'INFO_IGF1_ABOVE_RANGE_UNTREATED', severity: 'info' }],
    });
  });

  it('cautions the cortisol/prolactin rises of hexarelin and GHRP-6 but not ipamorelin', () => {
    const s = screen({}, [line('hexarelin', 'iv', 2, 'mcg_per_kg'), line('ghrp6', 'sc', 100)]);
    expect(codes(s)).toEqual(['CAUTION_CORTISOL_PROLACTIN_RISE', 'CAUTION_CORTISOL_PROLACTIN_RISE']);
    expect(s.findings[0].message).toMatch(/^Hexarelin .*cortisol and prolactin/);
    expect(s.findings[1].message).toMatch(/^GHRP-6 .*cortisol/);
    expect(screen({}, [line('ipamorelin')]).findings).toEqual([]);
  });

  it('cautions MK-677 for appetite and glucose', () => {
    expect(codes(screen({}, [line('mk677', 'oral', 25, 'mg')]))).toEqual(['CAUTION_MK677_APPETITE_GLUCOSE']);
  });

  it('cautions testosterone in a woman and notes the simplified female axis for clomiphene/hCG', () => {
    expect(codes(screen(woman, [line('testosterone_cypionate', 'im', 50, 'mg')]))).toEqual([
      'CAUTION_TESTOSTERONE_IN_WOMAN',
    ]);
    expect(screen(man, [line('testosterone_cypionate', 'im', 50, 'mg')]).findings).toEqual([]);
    expect(screen(woman, [line('hcg', 'sc', 1000, 'iu')])).toMatchObject({
      status: 'ok',
      findings: [{ code: 'INFO_GONADAL_DRUG_IN_WOMAN' }],
    });
  });

  it('notes weak-evidence drugs and optional effects as info', () => {
    const s = screen({}, [line('cjc1295_nodac', 'sc', 100)], {
      model: { optional_effects: ['sermorelin_gonadotropins', 'skin'] },
    });
    expect(s.status).toBe('ok');
    expect(codes(s)).toEqual([
      'INFO_WEAK_EVIDENCE_CJC1295_NODAC',
      'INFO_OPTIONAL_EFFECT_SERMORELIN_GONADOTROPINS',
      'INFO_OPTIONAL_EFFECT_SKIN',
    ]);
  });

  it('sorts findings from the worst and sets the status to the worst severity', () => {
    const s = screen({ conditions: ['type2_diabetes'], allergies: ['mk677'] }, [
      line('mk677', 'oral', 25, 'mg'),
      line('cjc1295_nodac', 'sc', 100),
    ]);
    expect(s.status).toBe('contraindicated');
    expect(s.findings.map((f) => f.severity)).toEqual(['contraindicated', 'caution', 'caution', 'info']);
  });

  it('uses only its declared codes and never phrases a message as dosing advice', () => {
    const s = screen(
      {
        ...woman,
        conditions: ['pregnancy', 'lactation', 'active_malignancy', 'type2_diabetes'],
        allergies: ['hexarelin'],
        labs: { igf1_ng_ml: 500 },
      },
      [
        line('hexarelin', 'iv', 1, 'mcg_per_kg'),
        line('mk677', 'oral', 10, 'mg'),
        line('testosterone_cypionate', 'im', 50, 'mg'),
        line('cjc1295_nodac', 'sc', 100),
      ],
      { model: { optional_effects: ['skin'] } },
    );
    for (const f of s.findings) {
      expect(FINDING_CODES).toContain(f.code);
      expect(f.message).not.toMatch(
        /\b(reduce|increase|lower|raise) the dose|should (take|use|inject)|recommended dose|titrate/i,
      );
    }
    expect(new Set(codes(s)).size).toBeGreaterThanOrEqual(10);
  });
});

describe('screeningStatus', () => {
  it('is ok for no findings or info only', () => {
    expect(screeningStatus([])).toBe('ok');
    expect(screeningStatus([{ code: 'X', severity: 'info', message: '' }])).toBe('ok');
    expect(
      screeningStatus([
        { code: 'X', severity: 'info', message: '' },
        { code: 'Y', severity: 'caution', message: '' },
      ]),
    ).toBe('caution');
  });
});

describe('daily exposure over all regimen lines', () => {
  const rhgh = (amountMg: number, at = '08:00'): LineInput => ({
    drug: 'rhgh',
    dose: { amount: amountMg, unit: 'mg' },
    route: 'sc',
    at,
  });

  it('sums a drug over repeated lines and contraindicates a day above its maximum', () => {
    // 11 × 1 mg = 11 mg on each day, above rhGH's 10 mg maximum; each line alone is allowed.
    const s = screen(
      {},
      Array.from({ length: 11 }, () => rhgh(1)),
    );
    expect(s.status).toBe('contraindicated');
    const f = s.findings.find((x) => x.code === 'CONTRAINDICATION_DAILY_EXPOSURE_ABOVE_MAXIMUM');
    expect(f?.message).toContain('11 mg on day 0');
    expect(f?.message).toContain('10 mg');
  });

  it('sums lines at different times of the same day', () => {
    const s = screen({}, [rhgh(6, '08:00'), rhgh(6, '20:00')]);
    expect(codes(s)).toContain('CONTRAINDICATION_DAILY_EXPOSURE_ABOVE_MAXIMUM');
  });

  it('passes a day at or below the maximum', () => {
    expect(codes(screen({}, [rhgh(5, '08:00'), rhgh(5, '20:00')]))).not.toContain(
      'CONTRAINDICATION_DAILY_EXPOSURE_ABOVE_MAXIMUM',
    );
  });
});

describe('regimen and series limits', () => {
  it('refuses more regimen lines than the cap, naming the field and the cap', () => {
    const lines = Array.from({ length: 16_000 }, () => 'rhgh 1 mg sc at 08:00');
    expect(() => parseScenario({ duration_days: 14, patient: man, regimen: lines })).toThrow(
      /regimen: at most 100 regimen lines/,
    );
  });

  it('refuses a series named twice', () => {
    expect(() =>
      parseScenario({
        duration_days: 14,
        patient: man,
        output: { series: ['gh_ug_l', 'igf1_ng_ml', 'gh_ug_l'] },
      }),
    ).toThrow(/output.series: each series may be named once; 'gh_ug_l'/);
  });
});

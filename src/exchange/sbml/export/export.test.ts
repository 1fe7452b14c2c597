// SPDX-License-Identifier: MIT
/**
 * The SBML export: contents (every declaration with its unit, notes and provenance), the scenario's events, and
 * libSBML's verdict through `scripts/validate-sbml.pl` (Debian package libsbml5-perl; skipped with a message when
 * missing, a failure under CI=true).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planModel } from '../../../engine/compile.js';
import { modelDefinition } from '../../../physiology/model.js';
import { expandRegimen } from '../../../protocol/regimen.js';
import { parse as parseYaml } from 'yaml';
import { ScenarioError, type Scenario, type ScenarioInput } from '../../../scenario/index.js';
import { parseScenario } from '../../../protocol/index.js';
import { scenarioSbml, untreatedModelSbml, writeSbml } from './index.js';

const root = new URL('../../../../', import.meta.url).pathname;
const validator = join(root, 'scripts/validate-sbml.pl');
const dir = mkdtempSync(join(tmpdir(), 'endotwin-sbml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasLibSbml = spawnSync('perl', ['-MLibSBML', '-e1']).status === 0;
if (!hasLibSbml && process.env.CI === 'true') {
  throw new Error('Perl LibSBML is missing under CI=true: install the Debian package libsbml5-perl');
}
if (!hasLibSbml) console.warn('skipping the libSBML validation: install the Debian package libsbml5-perl');

interface Verdict {
  readonly status: number | null;
  readonly errors: number;
  readonly warnings: number;
  readonly unitWarnings: number;
  readonly output: string;
}

function validate(xml: string, name: string): Verdict {
  const file = join(dir, name);
  writeFileSync(file, xml);
  const run = spawnSync('perl', [validator, file], { encoding: 'utf8' });
  const m = /summary: (\d+) error\(s\), (\d+) warning\(s\) \((\d+) unit-consistency\)/.exec(run.stdout);
  if (m === null) throw new Error(`validator gave no summary: ${run.stdout}${run.stderr}`);
  return {
    status: run.status,
    errors: Number(m[1]),
    warnings: Number(m[2]),
    unitWarnings: Number(m[3]),
    output: run.stdout,
  };
}

/** examples/sermorelin-nightly.yaml cut to four weeks (the same inputs, a smaller file for the validator). */
function fourWeeksOfSermorelin(): Scenario {
  const input = parseYaml(
    readFileSync(join(root, 'examples/sermorelin-nightly.yaml'), 'utf8'),
  ) as ScenarioInput;
  return parseScenario({
    ...input,
    duration_days: 28,
    regimen: input.regimen?.map((line) => (typeof line === 'string' ? line : { ...line, end_day: 28 })),
    monitoring: { ...input.monitoring, at_days: [0, 28] },
  });
}

const scenario = fourWeeksOfSermorelin();
const untreated = untreatedModelSbml();
const treated = scenarioSbml(scenario);

describe('the untreated model as SBML', () => {
  const plan = planModel(modelDefinition([], []));

  it('declares every state, parameter, input, assignment and output under its own name, with a unit', () => {
    const names = [
      ...plan.states.map((s) => s.name),
      ...plan.parameters.map((p) => p.name),
      ...plan.inputs.map((u) => u.name),
      ...plan.assignments.map((a) => a.name),
      ...plan.outputs.map((o) => o.name),
    ];
    for (const name of names)
      expect(untreated, name).toMatch(new RegExp(`<parameter id="${name}" [^>]*units="`));
    expect(untreated).toContain('<parameter id="igf1_ng_ml" name="igf1_ng_ml"');
    expect(untreated.match(/<rateRule /g)).toHaveLength(plan.states.length);
    expect(untreated.match(/<assignmentRule /g)).toHaveLength(plan.assignments.length + plan.outputs.length);
  });

  it('keeps each parameter’s description, source and evidence level', () => {
    for (const p of plan.parameters) {
      const element = new RegExp(
        `<parameter id="${p.name}" [^>]*sboTerm="SBO:0000002">(.*?)</parameter>`,
      ).exec(untreated);
      expect(element, p.name).not.toBeNull();
      expect(element![1]).toContain(`evidence="${p.evidence}"`);
      expect(element![1]).toMatch(/source="[^"]+"/);
      expect(element![1]).toContain('<notes>');
    }
  });

  it('runs in minutes', () => {
    expect(untreated).toContain('timeUnits="min"');
    expect(untreated).toMatch(
      /<unitDefinition id="min" name="min"><listOfUnits><unit kind="second" exponent="1" scale="0" multiplier="60"\/>/,
    );
  });
});

describe('a scenario as SBML', () => {
  it('turns every dose into an event on the drug’s depot at its time', () => {
    const doses = expandRegimen(scenario);
    const doseEvents = [
      ...treated.matchAll(/<event id="[^"]*" name="[^"]*dose: sermorelin 300 mcg sc[^"]*"/g),
    ];
    expect(doseEvents).toHaveLength(doses.length);
    const first = new RegExp(
      `<event [^>]*dose: sermorelin[^>]*>.*?<cn sbml:units="min">${doses[0].t_min}</cn>.*?</event>`,
    ).exec(treated);
    expect(first).not.toBeNull();
  });

  it('includes sleep, meals and the seeded GHRH pulses as events from day 0', () => {
    expect(treated).toMatch(/name="sleep onset/);
    expect(treated).toMatch(/name="meal"/);
    expect(treated).toMatch(/name="GHRH pulse"/);
    const times = [...treated.matchAll(/<trigger [^>]*>.*?<cn sbml:units="min">([^<]+)<\/cn>/g)].map((m) =>
      Number(m[1]),
    );
    expect(Math.min(...times)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...times)).toBeLessThanOrEqual(scenario.duration_days * 1440 + 8 * 60);
    expect(new Set(times).size).toBe(times.length); // one event per time
  });

  it('refuses a titrated scenario, naming the field', () => {
    const titrated = parseScenario({
      duration_days: 28,
      patient: { age_years: 40, sex: 'male', weight_kg: 80, height_cm: 180 },
      regimen: [{ drug: 'rhgh', dose: { amount: 200, unit: 'mcg' }, route: 'sc', at: '22:00' }],
      titration: {
        drug: 'rhgh',
        target_igf1_sds: [0, 1],
        every_days: 14,
        step: { amount: 100, unit: 'mcg' },
        max: { amount: 1000, unit: 'mcg' },
      },
    });
    expect(() => scenarioSbml(titrated)).toThrow(ScenarioError);
    expect(() => scenarioSbml(titrated)).toThrow(/titration/);
  });
});

describe.skipIf(!hasLibSbml)('libSBML validation (scripts/validate-sbml.pl)', () => {
  it('finds no error and no unit-consistency warning in the untreated model', () => {
    const verdict = validate(untreated, 'untreated.xml');
    expect(verdict.output).toContain('summary: 0 error(s), 0 warning(s)');
    expect(verdict.status).toBe(0);
  });

  it('finds no error and no unit-consistency warning in the full model (every drug and optional effect)', () => {
    const verdict = validate(writeSbml({ plan: planModel(modelDefinition()) }), 'full.xml');
    expect(verdict.output).toContain('summary: 0 error(s), 0 warning(s)');
    expect(verdict.status).toBe(0);
  });

  it('finds no error and no unit-consistency warning in a scenario’s run', () => {
    const verdict = validate(treated, 'sermorelin-four-weeks.xml');
    expect(verdict.output).toContain('summary: 0 error(s), 0 warning(s)');
    expect(verdict.status).toBe(0);
  });

  it('reports a unit inconsistency put in on purpose', () => {
    const broken = untreated.replace(
      '<ci>igf1_pit_k</ci><ci>igf1</ci>',
      '<ci>igf1_pit_k</ci><ci>gh_vd_l</ci>',
    );
    expect(broken).not.toBe(untreated);
    const verdict = validate(broken, 'broken-units.xml');
    expect(verdict.unitWarnings).toBeGreaterThan(0);
  });

  it('exits non-zero on an error', () => {
    const broken = untreated.replace(/<parameter id="igf1_ng_ml" /, '<parameter ');
    const verdict = validate(broken, 'broken-id.xml');
    expect(verdict.errors).toBeGreaterThan(0);
    expect(verdict.status).toBe(1);
  });
});

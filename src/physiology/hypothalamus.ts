// SPDX-License-Identifier: MIT
/**
 * Hypothalamus: the GHRH pulse generator, somatostatin tone and ghrelin.
 *
 * GHRH reaches the pituitary as discrete pulses. Their times and amplitudes are drawn before integration (seeded,
 * or on a regular grid in deterministic mode) and enter as `add` events on the portal GHRH state, which is
 * expressed in multiples of the GHRH receptor's EC50 so that the somatotroph reads it directly as a receptor load.
 * A small tonic release between pulses sets the interpulse (trough) secretion. Pulse mass rises in slow-wave
 * sleep (the sleep-onset burst is the largest of the day in men; Van Cauter & Plat 1996), with fasting (Hartman
 * 1992) and during exercise above the lactate threshold (Pritzlaff 1999).
 *
 * Somatostatin is a tone (1 = daytime tone of a young lean man): circadian, higher by day, lowered in sleep, and
 * raised by GH (short loop) and IGF-1 (long loop). Ghrelin rises with fasting and falls after meals; it is a modest
 * driver of the GHS receptor (Farhy, Bowers & Veldhuis 2007 use it as a constant tone).
 */
import { meanOneLognormal } from '../engine/random.js';
import type { CompiledModel, SubModel, TimedEvent } from '../engine/types.js';
import type { LifestyleChange } from './clock-lifestyle.js';
import { SWS_PROFILE } from './clock-lifestyle.js';
import { input, param, rateFromHalfLife, state } from './declare.js';

/** The hypothalamus sub-model. */
export const hypothalamus: SubModel = {
  name: 'hypothalamus',
  description: 'GHRH pulse generator (pulses are events), tonic GHRH, somatostatin tone and ghrelin.',
  states: [
    state('ghrh', '1', 'portal GHRH at the pituitary, in multiples of the GHRH-receptor EC50', 0.005),
    state('somatostatin', '1', 'hypothalamic somatostatin tone (1 = daytime tone of a young lean man)', 1),
    state('ghrelin', 'pg/mL', 'plasma acyl-ghrelin', 40),
  ],
  inputs: [input('ghrh_infusion', '1/min', 'exogenous GHRH delivered straight to the portal state (tests)')],
  parameters: [
    // Portal GHRH
    param(
      'ghrh_k_clear',
      rateFromHalfLife(10),
      '1/min',
      'effective disappearance of portal GHRH at the somatotroph (half-life 10 min)',
      'calibrated: gives secretory bursts of 20–30 min half-width as in deconvolution (Hartman 1992; burst ' +
        'FWHM recalled); Farhy 2007 uses 40/h for hypothalamic GHRH, made slower here to avoid a needlessly ' +
        'stiff state',
      'weak',
    ),
    param(
      'ghrh_tonic',
      0.0001,
      '1/min',
      'tonic (interpulse) GHRH release, receptor units per minute',
      'calibrated: interpulse GH of a young man ≈ 0.03–0.1 µg/L with sensitive assays (Winer 1990)',
      'weak',
    ),
    param(
      'ghrh_srif_k',
      2,
      '1',
      'somatostatin tone halving tonic hypothalamic GHRH release (somatostatin inhibits GHRH neurons)',
      'structure from Farhy, Bowers & Veldhuis 2007 (t4, n4); value calibrated',
      'weak',
    ),
    param(
      'ghrh_ghs_gain',
      2000,
      '1',
      'rise of tonic GHRH release at full GHS-receptor drive of the GHRH neurons (GHS evokes GHRH release)',
      'structure: Farhy, Bowers & Veldhuis 2007 (F2 term); GHRPs act mainly in the hypothalamus (Popovic 1995 JCEM ' +
        '80:942: GHRP-6 blocked by hypothalamopituitary disconnection). The gain multiplies the small tonic release ' +
        '(1e-4/min), so a GHRP bolus evokes a GHRH discharge of about half the GHRH-receptor EC50. Value weak, chosen ' +
        'with ghs_ghrh_amplification to keep the calibrated GHRP peaks (Massoud 1996, Ghigo 1994, Gobburu 1999); ' +
        'left to `endotwin calibrate`',
      'weak',
    ),
    param(
      'ghrh_exercise_gain',
      0.02,
      '1/min',
      'extra GHRH release per lactate-threshold multiple of exercise intensity above the threshold below',
      'calibrated: Pritzlaff 1999 (integrated GH over exercise and recovery rising linearly with intensity, ' +
        'by burst mass, 250 → 452 µg·L⁻¹·min at 1.0 × LT, 713 at 1.75 × LT)',
      'moderate',
    ),
    param(
      'ghrh_exercise_threshold_lt',
      0.25,
      '1',
      'exercise intensity (× lactate threshold) below which GH does not rise',
      'Pritzlaff 1999: 0.25 × LT no rise (203 vs 250 µg·L⁻¹·min)',
      'moderate',
    ),
    // Pulse generator (read by generateGhrhPulses before integration)
    param(
      'ghrh_pulses_per_day',
      14,
      '1/d',
      'mean frequency of GHRH pulses (spontaneous secretory bursts) in the fed state',
      'Hartman 1992: 14 ± 2.3 GH secretory bursts/24 h in young fed men (deconvolution of 5-min samples)',
      'strong',
    ),
    param(
      'ghrh_interval_shape',
      3,
      '1',
      'shape of the gamma distribution of inter-pulse intervals (1 = Poisson, larger = more regular)',
      'calibrated: bursts in volleys every ≈ 143 min with ≈ 44 min within volleys (Hartman 1992)',
      'weak',
    ),
    param(
      'ghrh_refractory_min',
      25,
      'min',
      'shortest interval between two spontaneous pulses',
      'calibrated: intra-volley interval 44 ± 2 min (Hartman 1992)',
      'weak',
    ),
    param(
      'ghrh_pulse_amplitude',
      0.14,
      '1',
      'mean amplitude of a spontaneous daytime GHRH pulse (receptor units)',
      'calibrated: 6.3 µg/Lv per burst and 0.24 mg/m²/day in young fed men (Hartman 1992)',
      'weak',
    ),
    param(
      'ghrh_pulse_cv',
      0.5,
      '1',
      'coefficient of variation of pulse amplitudes (log-normal)',
      'calibrated: burst masses vary several-fold within a day (Hartman 1992)',
      'weak',
    ),
    param(
      'sleep_onset_pulse_amplitude',
      3.5,
      '1',
      'amplitude of the sleep-onset GHRH pulse at full slow-wave-sleep capacity',
      'calibrated: the sleep-onset burst is the largest of the day in men, ≈ 50–70 % of daily GH around sleep ' +
        'onset in young men (Van Cauter & Plat 1996; share recalled)',
      'moderate',
    ),
    param(
      'sleep_onset_delay_min',
      25,
      'min',
      'delay from lights-off to the sleep-onset pulse (first slow-wave-sleep episode)',
      'Van Cauter & Plat 1996: the pulse accompanies the first SWS episode (timing recalled)',
      'moderate',
    ),
    param(
      'sleep_onset_base',
      0.4,
      '1',
      'part of the sleep-onset pulse that does not depend on slow-wave sleep',
      'calibrated: aged men keep a smaller sleep-onset pulse with little SWS: first-3-h GH 5.0 vs 21 ng·h/mL ' +
        'with SWS 9.9 vs 22.8 % (sleep study in young and aged men, physiology.md §1)',
      'moderate',
    ),
    param(
      'sws_capacity',
      1,
      '1',
      'the patient’s slow-wave sleep relative to young men (18.9 % of sleep at 16–25 y)',
      'Van Cauter, Leproult & Plat 2000 (set from age by patient.ts)',
      'strong',
    ),
    param(
      'sws_pulse_gain',
      2,
      '1',
      'relative rise of spontaneous pulse amplitude at full slow-wave-sleep drive',
      'Van Cauter & Plat 1996: ≈ 70 % of sleep GH pulses coincide with SWS in men; value calibrated',
      'weak',
    ),
    param(
      'fasting_frequency_gain',
      1.29,
      '1',
      'relative rise of pulse frequency during a prolonged fast',
      'Hartman 1992: GH secretory bursts 14 ± 2.3 (fed) → 32 ± 2.4 per 24 h on day 2 of a fast (32/14 − 1)',
      'moderate',
    ),
    param(
      'fasting_amplitude_gain',
      0.75,
      '1',
      'relative rise of pulse amplitude during a prolonged fast',
      'Hartman 1992: GH burst mass 6.3 → 11 µg/Lv on day 2 of a fast (11/6.3 − 1)',
      'moderate',
    ),
    // Somatostatin
    param(
      'srif_k',
      rateFromHalfLife(10),
      '1/min',
      'first-order approach of somatostatin tone to its target (half-time 10 min)',
      'calibrated: an effective hypothalamic time constant (plasma somatostatin half-life is 1–3 min); slower ' +
        'than Farhy 2007 (25/h) to keep the system non-stiff',
      'weak',
    ),
    param(
      'srif_basal',
      1,
      '1',
      'basal daytime somatostatin tone before feedback (raised by age and visceral fat in patient.ts)',
      'reference value by definition',
      'moderate',
    ),
    param(
      'srif_circ_amp',
      0.25,
      '1',
      'relative amplitude of the circadian somatostatin rhythm (higher by day)',
      'calibrated: daytime GH pulses smaller than nocturnal ones at equal GHRH drive (Van Cauter & Plat 1996)',
      'weak',
    ),
    param(
      'srif_circ_peak_h',
      8,
      'h',
      'hours after waking at which the circadian somatostatin tone peaks',
      'assumption: afternoon peak, opposite to the nocturnal GH maximum',
      'weak',
    ),
    param(
      'srif_sleep_drop',
      0.35,
      '1',
      'relative fall of somatostatin tone while asleep',
      'calibrated: somatostatin withdrawal in sleep (Van Cauter & Plat 1996, mechanism)',
      'weak',
    ),
    param(
      'srif_gh_gain',
      0.6,
      '1',
      'rise of somatostatin tone at saturating plasma GH (short-loop auto-feedback)',
      'structure from Farhy 2007 (kr4·H(GH; t5, n5)); value calibrated',
      'weak',
    ),
    param(
      'srif_gh_k',
      8,
      'ug/L',
      'plasma GH giving half of the GH-induced somatostatin rise',
      'Farhy 2007: t5 = 10 ng/mL; rounded down',
      'moderate',
    ),
    param(
      'srif_igf1_gain',
      0.35,
      '1',
      'somatostatin tone added per reference IGF-1 (long-loop feedback)',
      'calibrated: rhGH suppresses endogenous GH secretion through IGF-1 and GH feedback',
      'weak',
    ),
    param(
      'srif_igf1_ref',
      200,
      'ng/mL',
      'IGF-1 concentration defining the unit of the IGF-1 feedback term',
      'reference value by definition (IGF-1 of a young adult)',
      'moderate',
    ),
    // Ghrelin
    param(
      'ghrelin_k',
      rateFromHalfLife(30),
      '1/min',
      'first-order approach of plasma acyl-ghrelin to its target (half-life 30 min)',
      'physiology.md §2 (acyl-ghrelin t½ on the order of 10–30 min, recalled)',
      'weak',
    ),
    param(
      'ghrelin_basal_pg_ml',
      60,
      'pg/mL',
      'acyl-ghrelin with an empty gut',
      'physiology.md §2: acyl-ghrelin circulates at tens of pg/mL (recalled)',
      'weak',
    ),
    param(
      'ghrelin_meal_suppression',
      0.5,
      '1',
      'largest relative fall of ghrelin in the fed state',
      'physiology.md §2: ghrelin falls after meals (size recalled)',
      'weak',
    ),
    param(
      'ghrelin_fasting_gain',
      0.5,
      '1',
      'relative rise of ghrelin during a prolonged fast',
      'physiology.md §2: ghrelin rises with fasting (size recalled)',
      'weak',
    ),
    param(
      'ghrelin_ec50_pg_ml',
      100000,
      'pg/mL',
      'acyl-ghrelin concentration half-activating the GHS receptor',
      'calibrated: endogenous ghrelin is a modest GH driver; set so that its load (≈ 6·10⁻⁴) keeps interpulse GH ' +
        'low (Winer 1990). This is ≈ 30 nM, far above the in-vitro EC50 of ghrelin (≈ 0.3–3 nM): the model ' +
        'gives fasting-related GH changes to the pulse generator rather than to ghrelin',
      'weak',
    ),
  ],
  assignments: [
    {
      name: 'srif_circadian',
      expr: '1 + srif_circ_amp * cos(circadian_rad - 2 * pi * srif_circ_peak_h / 24)',
      unit: '1',
      description: 'circadian factor of somatostatin tone',
    },
    {
      name: 'srif_target',
      expr:
        'srif_basal * srif_circadian * (1 - srif_sleep_drop * asleep) + ' +
        'srif_gh_gain * gh * gh / (srif_gh_k * srif_gh_k + gh * gh) + srif_igf1_gain * igf1 / srif_igf1_ref',
      unit: '1',
      description: 'somatostatin tone the hypothalamus is moving towards',
    },
    {
      name: 'ghrh_exercise_drive',
      expr: 'ghrh_exercise_gain * max(exercise_lt - ghrh_exercise_threshold_lt, 0)',
      unit: '1/min',
      description: 'GHRH release added by exercise above the threshold',
    },
    {
      name: 'ghrh_release',
      expr:
        'ghrh_tonic * ghrh_srif_k * ghrh_srif_k / (ghrh_srif_k * ghrh_srif_k + somatostatin * somatostatin) * ' +
        '(1 + ghrh_ghs_gain * ghsr_hypothalamic_drive) + ' +
        'ghrh_exercise_drive + ghrh_infusion',
      unit: '1/min',
      description: 'continuous GHRH release (pulses are added by events)',
    },
    {
      name: 'ghrelin_target',
      expr: 'ghrelin_basal_pg_ml * (1 + ghrelin_fasting_gain * fasting) * (1 - ghrelin_meal_suppression * fed_signal)',
      unit: 'pg/mL',
      description: 'acyl-ghrelin the stomach is moving towards',
    },
    {
      name: 'ghrelin_ghsr_load',
      expr: 'ghrelin / ghrelin_ec50_pg_ml',
      unit: '1',
      description: 'endogenous ghrelin as a GHS-receptor load (concentration over EC50)',
    },
  ],
  rates: [
    { state: 'ghrh', expr: 'ghrh_release - ghrh_k_clear * ghrh' },
    { state: 'somatostatin', expr: 'srif_k * (srif_target - somatostatin)' },
    { state: 'ghrelin', expr: 'ghrelin_k * (ghrelin_target - ghrelin)' },
  ],
  outputs: [
    { name: 'somatostatin_tone', expr: 'somatostatin', unit: '1', description: 'somatostatin tone' },
    { name: 'ghrelin_pg_ml', expr: 'ghrelin', unit: 'pg/mL', description: 'plasma acyl-ghrelin' },
    { name: 'ghrh_portal', expr: 'ghrh', unit: '1', description: 'portal GHRH (receptor units)' },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Pulse generator

/** What the pulse generator reads from the parameter vector. */
export interface PulseGeneratorSettings {
  readonly pulsesPerDay: number;
  readonly intervalShape: number;
  readonly refractoryMin: number;
  readonly amplitude: number;
  readonly amplitudeCv: number;
  readonly sleepOnsetAmplitude: number;
  readonly sleepOnsetDelayMin: number;
  readonly sleepOnsetBase: number;
  readonly swsCapacity: number;
  readonly swsPulseGain: number;
  readonly fastingFrequencyGain: number;
  readonly fastingAmplitudeGain: number;
}

/** Reads the pulse-generator settings of a parameter vector `p` of `model`. */
export function pulseSettings(model: CompiledModel, p: Float64Array): PulseGeneratorSettings {
  const v = (name: string): number => p[model.parameterIndex(name)];
  return {
    pulsesPerDay: v('ghrh_pulses_per_day'),
    intervalShape: v('ghrh_interval_shape'),
    refractoryMin: v('ghrh_refractory_min'),
    amplitude: v('ghrh_pulse_amplitude'),
    amplitudeCv: v('ghrh_pulse_cv'),
    sleepOnsetAmplitude: v('sleep_onset_pulse_amplitude'),
    sleepOnsetDelayMin: v('sleep_onset_delay_min'),
    sleepOnsetBase: v('sleep_onset_base'),
    swsCapacity: v('sws_capacity'),
    swsPulseGain: v('sws_pulse_gain'),
    fastingFrequencyGain: v('fasting_frequency_gain'),
    fastingAmplitudeGain: v('fasting_amplitude_gain'),
  };
}

/** A source of uniform random numbers in [0, 1); `null` asks for the deterministic pattern. */
export type UniformSource = (() => number) | null;

/** One GHRH pulse: its time (min) and amplitude (receptor units). */
export interface GhrhPulse {
  readonly t_min: number;
  readonly amplitude: number;
  readonly kind: 'spontaneous' | 'sleep_onset';
}

/** A night: sleep from `from` to `to` (minutes), with its SWS multiplier. */
interface Interval {
  readonly from: number;
  readonly to: number;
}

interface Night extends Interval {
  readonly quality: number;
}

/** Nights and fasts of a lifestyle schedule (sorted changes), periods open at the end closed at +∞. */
function periodsOf(changes: readonly LifestyleChange[]): { nights: Night[]; fasts: Interval[] } {
  const nights: Night[] = [];
  const fasts: Interval[] = [];
  let sleepFrom: number | undefined;
  let quality = 1;
  let fastFrom: number | undefined;
  for (const c of changes) {
    if (c.kind === 'sleep_start') {
      sleepFrom = c.t_min;
      quality = c.quality;
    } else if (c.kind === 'sleep_end' && sleepFrom !== undefined) {
      nights.push({ from: sleepFrom, to: c.t_min, quality });
      sleepFrom = undefined;
    } else if (c.kind === 'fast_start') fastFrom = c.t_min;
    else if (c.kind === 'fast_end' && fastFrom !== undefined) {
      fasts.push({ from: fastFrom, to: c.t_min });
      fastFrom = undefined;
    }
  }
  if (sleepFrom !== undefined) nights.push({ from: sleepFrom, to: Infinity, quality });
  if (fastFrom !== undefined) fasts.push({ from: fastFrom, to: Infinity });
  return { nights, fasts };
}

/**
 * Looks up periods for increasing times in amortised O(1): the pulse generator asks in time order, so a cursor
 * moves forward through the sorted periods instead of searching from the start each time.
 */
class PeriodCursor<T extends Interval> {
  private i = 0;
  constructor(private readonly periods: readonly T[]) {}

  /** The period containing t (t must not decrease between calls), or undefined. */
  at(t: number): T | undefined {
    while (this.i < this.periods.length && this.periods[this.i].to <= t) this.i++;
    const p = this.periods[this.i];
    return p !== undefined && t >= p.from ? p : undefined;
  }
}

/** SWS drive (profile × night quality) at time t within `night` (0 when there is no night). */
function swsDrive(t: number, night: Night | undefined): number {
  if (!night) return 0;
  let drive = 0;
  for (const [after, level] of SWS_PROFILE) if (t - night.from >= after) drive = level;
  return drive * night.quality;
}

/** A log-normal multiplier of mean 1 and coefficient of variation `cv` (exactly 1 in deterministic mode). */
export function lognormalFactor(cv: number, uniform: UniformSource): number {
  return uniform === null || cv <= 0 ? 1 : meanOneLognormal(cv, uniform);
}

/** A gamma interval of integer shape `k` and mean `mean` (sum of k exponentials), or the mean itself. */
export function gammaInterval(mean: number, shape: number, uniform: UniformSource): number {
  if (uniform === null) return mean;
  const k = Math.max(1, Math.round(shape));
  let sum = 0;
  for (let i = 0; i < k; i++) sum -= Math.log(1 - uniform());
  return (sum * mean) / k;
}

/**
 * GHRH pulse times and amplitudes over `[fromMin, toMin)`, drawn before integration.
 *
 * Spontaneous pulses form a renewal process with gamma-distributed intervals (mean 1440 / pulsesPerDay, faster
 * during a fast), never closer than the refractory interval; their amplitudes are log-normal around the mean,
 * raised by the slow-wave-sleep drive of the moment and by fasting. Each night adds a sleep-onset pulse
 * `sleepOnsetDelayMin` after lights-off whose amplitude is `sleepOnsetAmplitude × (base + (1 − base) × SWS
 * capacity × night quality)`; the spontaneous process restarts from it. With `uniform === null` the pattern is
 * deterministic: regular intervals and mean amplitudes.
 *
 * @param changes - the lifestyle schedule (sorted), for sleep and fasting periods.
 */
export function generateGhrhPulses(
  settings: PulseGeneratorSettings,
  changes: readonly LifestyleChange[],
  fromMin: number,
  toMin: number,
  uniform: UniformSource,
): GhrhPulse[] {
  const { nights, fasts } = periodsOf(changes);
  const nightAt = new PeriodCursor(nights);
  const fastAt = new PeriodCursor(fasts);
  const onsets = nights
    .map((n) => ({ t: n.from + settings.sleepOnsetDelayMin, night: n }))
    .filter((o) => o.t < o.night.to && o.t >= fromMin && o.t < toMin);
  const pulses: GhrhPulse[] = [];
  const meanInterval = (t: number): number =>
    1440 / (settings.pulsesPerDay * (fastAt.at(t) ? 1 + settings.fastingFrequencyGain : 1));
  const nextInterval = (t: number): number =>
    Math.max(settings.refractoryMin, gammaInterval(meanInterval(t), settings.intervalShape, uniform));
  let onsetIndex = 0;
  let t = fromMin + (uniform === null ? meanInterval(fromMin) / 2 : uniform() * meanInterval(fromMin));
  while (t < toMin || onsetIndex < onsets.length) {
    const onset = onsets[onsetIndex];
    if (onset !== undefined && onset.t <= t + settings.refractoryMin) {
      const capacity = settings.sleepOnsetBase + (1 - settings.sleepOnsetBase) * settings.swsCapacity;
      const amplitude =
        settings.sleepOnsetAmplitude *
        capacity *
        onset.night.quality *
        lognormalFactor(settings.amplitudeCv, uniform);
      pulses.push({ t_min: onset.t, amplitude, kind: 'sleep_onset' });
      onsetIndex++;
      t = onset.t + nextInterval(onset.t);
      continue;
    }
    if (t >= toMin) break;
    const sws = swsDrive(t, nightAt.at(t)) * settings.swsCapacity;
    const fasting = fastAt.at(t) ? settings.fastingAmplitudeGain : 0;
    const amplitude =
      settings.amplitude *
      (1 + settings.swsPulseGain * sws) *
      (1 + fasting) *
      lognormalFactor(settings.amplitudeCv, uniform);
    pulses.push({ t_min: t, amplitude, kind: 'spontaneous' });
    t += nextInterval(t);
  }
  return pulses;
}

/** The pulses as `add` events on the portal GHRH state. */
export function ghrhPulseEvents(pulses: readonly GhrhPulse[], ghrhStateIndex: number): TimedEvent[] {
  return pulses.map((pulse) => ({
    t: pulse.t_min,
    target: 'state',
    index: ghrhStateIndex,
    op: 'add',
    value: pulse.amplitude,
  }));
}

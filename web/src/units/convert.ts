// SPDX-License-Identifier: MIT
/**
 * The SI-unit toggle's conversions, applied where values meet the reader: chart specs (and so axes, tooltips and
 * every chart export, which all read the spec), table cells and endpoint values. The factors come from the one
 * shared table with its sources, `src/scenario/lab-units.ts`.
 */
import { UNIT_CONVERSIONS, convertValue, quantityOfName, unitIn } from '../../../src/scenario/vocabulary.js';
import type { ConvertedQuantity, UnitSystem } from '../../../src/scenario/vocabulary.js';
import type { ChartSpec, SeriesSpec } from '../plots/spec.js';

/** `{ quantity }` of a contract name when it has an SI unit of its own, else `{}`: spread it into a series. */
export function quantityField(name: string): { quantity?: ConvertedQuantity } {
  const quantity = quantityOfName(name);
  return quantity ? { quantity } : {};
}

/** `text` with every `(conventional unit)` of the quantities written in `system`'s unit. */
export function unitTextIn(
  text: string,
  quantities: readonly ConvertedQuantity[],
  system: UnitSystem,
): string {
  if (system === 'conventional') return text;
  return [...new Set(quantities)].reduce(
    (t, q) => t.split(`(${UNIT_CONVERSIONS[q].conventional})`).join(`(${unitIn(q, system)})`),
    text,
  );
}

function seriesIn(series: SeriesSpec, system: UnitSystem): SeriesSpec {
  const { quantity } = series;
  if (quantity === undefined) return series;
  return {
    ...series,
    label: unitTextIn(series.label, [quantity], system),
    values: series.values.map((v) => (v === null ? null : convertValue(quantity, v, system))),
  };
}

function quantitiesOn(spec: ChartSpec, axis: 'left' | 'right'): ConvertedQuantity[] {
  return spec.series.flatMap((s) =>
    s.quantity !== undefined && (s.axis ?? 'left') === axis ? [s.quantity] : [],
  );
}

/**
 * A chart spec in a unit system: the values of series with a quantity converted, and the units in their labels
 * and on the axes they are read against. The conventional system returns the spec itself.
 */
export function specInUnits(spec: ChartSpec, system: UnitSystem): ChartSpec {
  if (system === 'conventional' || !spec.series.some((s) => s.quantity !== undefined)) return spec;
  return {
    ...spec,
    yLabel: unitTextIn(spec.yLabel, quantitiesOn(spec, 'left'), system),
    ...(spec.y2Label !== undefined
      ? { y2Label: unitTextIn(spec.y2Label, quantitiesOn(spec, 'right'), system) }
      : {}),
    series: spec.series.map((s) => seriesIn(s, system)),
  };
}

/** A value of a contract field, lab or endpoint (`glucose_fasting_mg_dl`) in `system`; other names unchanged. */
export function valueIn(name: string, value: number, system: UnitSystem): number {
  const quantity = quantityOfName(name);
  return quantity === undefined ? value : convertValue(quantity, value, system);
}

/** The unit a contract name's values are shown in, or `fallback` (its conventional unit) when it has no SI one. */
export function unitOfName(name: string, fallback: string, system: UnitSystem): string {
  const quantity = quantityOfName(name);
  return quantity === undefined ? fallback : unitIn(quantity, system);
}

/** The label of a contract name (`Fasting glucose change (mg/dL)`) with its unit in `system`. */
export function labelIn(name: string, label: string, system: UnitSystem): string {
  const quantity = quantityOfName(name);
  return quantity === undefined ? label : unitTextIn(label, [quantity], system);
}

// SPDX-License-Identifier: MIT
/** A chart in one sentence, as its text alternative: the x range and, per series, where it starts, ends and spans. */
import type { ChartSpec } from './spec.js';
import { formatNumber, formatX } from './ticks.js';

const MAX_SERIES = 4;

function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

/**
 * `IGF-1 over the days, day 0 to 13. IGF-1 (ng/mL): 98 at the start, 180 at the end, range 98–181.` For a
 * timeline, how many points each row has. Up to four series are described; the rest are counted.
 */
export function chartSummary(spec: ChartSpec): string {
  if (spec.x.length === 0) return `${spec.title}: no data.`;
  const first = formatX(spec.x[0], spec.xFormat);
  const last = formatX(spec.x[spec.x.length - 1], spec.xFormat);
  const parts = [
    `${spec.title}. ${spec.xLabel[0].toUpperCase()}${spec.xLabel.slice(1)}: ${first} to ${last}.`,
  ];
  for (const s of spec.series.slice(0, MAX_SERIES)) {
    const values = present(s.values);
    if (values.length === 0) {
      parts.push(`${s.label}: no values.`);
    } else if (spec.categories) {
      parts.push(`${s.label}: ${values.length} event${values.length === 1 ? '' : 's'}.`);
    } else if (values.every((v) => v === values[0])) {
      parts.push(`${s.label}: ${formatNumber(values[0], 3)} throughout.`);
    } else {
      const min = Math.min(...values);
      const max = Math.max(...values);
      parts.push(
        `${s.label}: ${formatNumber(values[0], 3)} at the start, ${formatNumber(values[values.length - 1], 3)} ` +
          `at the end, range ${formatNumber(min, 3)}–${formatNumber(max, 3)}.`,
      );
    }
  }
  const rest = spec.series.length - MAX_SERIES;
  if (rest > 0) parts.push(`And ${rest} more series.`);
  return parts.join(' ');
}

// SPDX-License-Identifier: MIT
/** Any 24-hour window of the sampled series: a day and a start hour, or the whole sampled window. */
import type { ReactNode } from 'react';
import { hourlyWindowStarts } from '../results/charts.js';
import type { ProfileWindow } from '../results/charts.js';
import type { Result } from '../api/types.js';
import { clockLabel } from '../plots/ticks.js';

const MIN_PER_DAY = 1440;
const WHOLE = 'all';

/** Two selects (day, start time); the start times offered are those whose 24 hours were all sampled. */
export function ProfileWindowPicker(props: {
  result: Result;
  value: ProfileWindow;
  onChange: (window: ProfileWindow) => void;
}): ReactNode {
  const starts = hourlyWindowStarts(props.result);
  if (starts.length === 0) return null;
  const day = props.value === WHOLE ? WHOLE : Math.floor(props.value.startMin / MIN_PER_DAY);
  const hour = props.value === WHOLE ? null : Math.floor((props.value.startMin % MIN_PER_DAY) / 60);
  const hours = starts.find((s) => s.day === day)?.hours ?? [];
  const pick = (nextDay: number, preferredHour: number | null): void => {
    const offered = starts.find((s) => s.day === nextDay)?.hours ?? [];
    const h = preferredHour !== null && offered.includes(preferredHour) ? preferredHour : offered[0];
    if (h !== undefined) props.onChange({ startMin: nextDay * MIN_PER_DAY + h * 60 });
  };
  return (
    <div className="window-picker" role="group" aria-label="24 hours shown">
      <label className="inline-field">
        24 hours from day{' '}
        <select
          value={String(day)}
          onChange={(event) => {
            const v = event.target.value;
            if (v === WHOLE) props.onChange(WHOLE);
            else pick(Number(v), hour ?? 12);
          }}
        >
          {starts.map((s) => (
            <option key={s.day} value={String(s.day)}>
              {s.day}
            </option>
          ))}
          <option value={WHOLE}>the whole sampled window</option>
        </select>
      </label>
      {day !== WHOLE ? (
        <label className="inline-field">
          at{' '}
          <select value={String(hour)} onChange={(event) => pick(day, Number(event.target.value))}>
            {hours.map((h) => (
              <option key={h} value={String(h)}>
                {clockLabel(h)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}

// SPDX-License-Identifier: MIT
/** The menu choosing which 24 hours of the sampled series a GH profile shows. */
import type { ReactNode } from 'react';
import { windowValue } from '../results/charts.js';
import type { ProfileOption, ProfileWindow } from '../results/charts.js';

/** A labelled `<select>` of profile windows; nothing when there is only one choice. */
export function WindowSelect(props: {
  label: string;
  options: readonly ProfileOption[];
  value: ProfileWindow;
  onChange: (window: ProfileWindow) => void;
}): ReactNode {
  if (props.options.length <= 1) return null;
  return (
    <label className="inline-field">
      {props.label}{' '}
      <select
        value={windowValue(props.value)}
        onChange={(event) => {
          const chosen = props.options.find((o) => o.value === event.target.value);
          if (chosen) props.onChange(chosen.window);
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

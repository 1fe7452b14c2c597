// SPDX-License-Identifier: MIT
/** A determinate progress bar (runs, trials, predictions). */
import type { ReactNode } from 'react';

/** A progress bar for a fraction 0..1. */
export function ProgressBar({ value, label }: { value: number; label: string }): ReactNode {
  const pct = Math.round(Math.min(Math.max(value, 0), 1) * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div className="progress-fill" style={{ width: `${pct}%` }} />
      <span className="progress-text">{pct}%</span>
    </div>
  );
}

// SPDX-License-Identifier: MIT
/** The benchmark's result rows, as JSON for machines and as an aligned table for people. */

/** One row of `npm run bench -- --json`. Times are medians in milliseconds; errors are scaled max errors. */
export interface BenchRow {
  readonly case: string;
  readonly ours_ms: number;
  readonly peer: string | null;
  readonly peer_ms: number | null;
  /** ours_ms / peer_ms: below 1 means ours is faster. */
  readonly ratio: number | null;
  readonly error_ours: number | null;
  readonly error_peer: number | null;
}

/** Details shown to people only (the JSON keeps to the seven fields of BenchRow). */
export interface RowDetails {
  /** e.g. `dopri5 rtol=1e-6`. */
  readonly ours: string;
  /** e.g. `rtol=3e-7`, or empty when there is no peer. */
  readonly peerSetting: string;
  /** e.g. `12.3k / 20.1k` steps of ours and of the peer. */
  readonly steps: string;
  /** Ratio of median CPU times (ours / peer), a cross-check of the wall-time ratio on a loaded machine. */
  readonly cpuRatio: number | null;
}

const fmtMs = (ms: number | null): string => (ms === null ? '–' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const fmtErr = (e: number | null): string => (e === null ? '–' : e.toExponential(1));
const fmtRatio = (r: number | null): string => (r === null ? '–' : r.toFixed(2));

/** A number of steps as `812`, `12.3k` or `1.20M`. */
export function formatCount(n: number): string {
  if (n < 1e4) return String(n);
  return n < 1e6 ? `${(n / 1e3).toFixed(1)}k` : `${(n / 1e6).toFixed(2)}M`;
}

/** Renders the rows as a Markdown table (also readable in a terminal). */
export function formatTable(rows: readonly BenchRow[], details: readonly RowDetails[]): string {
  const header = [
    'case',
    'ours',
    'ours ms',
    'peer',
    'peer setting',
    'peer ms',
    'ratio',
    'cpu ratio',
    'err ours',
    'err peer',
    'steps ours / peer',
  ];
  const body = rows.map((r, i) => [
    r.case,
    details[i]?.ours ?? '',
    fmtMs(r.ours_ms),
    r.peer ?? '–',
    details[i]?.peerSetting ?? '',
    fmtMs(r.peer_ms),
    fmtRatio(r.ratio),
    fmtRatio(details[i]?.cpuRatio ?? null),
    fmtErr(r.error_ours),
    fmtErr(r.error_peer),
    details[i]?.steps ?? '',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((x, c) => x.padEnd(widths[c])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

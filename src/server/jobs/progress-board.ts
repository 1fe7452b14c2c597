// SPDX-License-Identifier: MIT
/**
 * Progress of long requests that answer when they are done (a twin fit, a prediction): the client names the
 * request with a random token (`?progress=<uuid>`) and polls `GET /progress/{token}` while it waits. Kept in
 * memory, bounded in size, each entry dropped a minute after its last report.
 */

/** What a long request reports: its phase, and steps done of a total when the total is known. */
export interface ProgressReport {
  /** e.g. `fit`, `predict`. */
  readonly phase: string;
  readonly done: number;
  /** `null` when the number of steps is not known in advance (a fit stops when it converges). */
  readonly total: number | null;
  /** `true` once the request has answered. */
  readonly finished: boolean;
}

/** Most tokens tracked at once; the oldest goes first. */
export const MAX_TRACKED = 1000;
/** How long a report stays after its last update, ms. */
export const KEEP_MS = 60_000;

/** In-memory progress by token. */
export class ProgressBoard {
  private readonly entries = new Map<string, { report: ProgressReport; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a report (a new token is added, the oldest dropped past {@link MAX_TRACKED}). */
  report(token: string, report: ProgressReport): void {
    this.prune();
    this.entries.delete(token); // re-inserted last: the map's order is the age order
    this.entries.set(token, { report, at: this.now() });
    if (this.entries.size > MAX_TRACKED) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** Marks a token's request as answered (its last report kept, `finished` set). */
  finish(token: string): void {
    const entry = this.entries.get(token);
    if (entry) this.report(token, { ...entry.report, finished: true });
  }

  /** The latest report of a token, or `undefined` when none (unknown, or expired). */
  get(token: string): ProgressReport | undefined {
    this.prune();
    return this.entries.get(token)?.report;
  }

  private prune(): void {
    const limit = this.now() - KEEP_MS;
    for (const [token, entry] of this.entries) {
      if (entry.at >= limit) break; // oldest first: the rest are newer
      this.entries.delete(token);
    }
  }
}

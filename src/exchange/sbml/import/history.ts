// SPDX-License-Identifier: MIT
/**
 * The states' past, for SBML's delay(): each accepted step's end point and slope, in growable flat arrays, read
 * back by cubic Hermite interpolation (third order, like the solvers' own dense output).
 */

/** Recorded (t, y, dy/dt) points in time order; several points may share a time (before and after an event). */
export class StateHistory {
  private times = new Float64Array(64);
  private ys: Float64Array;
  private slopes: Float64Array;
  private count = 0;

  constructor(private readonly n: number) {
    this.ys = new Float64Array(64 * n);
    this.slopes = new Float64Array(64 * n);
  }

  /** Time of the first point, or NaN when empty. */
  get start(): number {
    return this.count === 0 ? NaN : this.times[0];
  }

  get size(): number {
    return this.count;
  }

  /** Appends a point (t must not precede the last one). */
  record(t: number, y: Float64Array, slope: Float64Array): void {
    if (this.count === this.times.length) this.grow();
    const { n } = this;
    this.times[this.count] = t;
    this.ys.set(y.subarray(0, n), this.count * n);
    this.slopes.set(slope.subarray(0, n), this.count * n);
    this.count++;
  }

  /** Forgets the points after time t (a step cut short by an event). */
  truncateAfter(t: number): void {
    while (this.count > 0 && this.times[this.count - 1] > t) this.count--;
  }

  /** Writes the states at time `at` into `out`; before the first point, the first point; after the last, a tangent. */
  at(at: number, out: Float64Array): void {
    const { n, times, ys, slopes } = this;
    // Last index whose time is <= at (binary search).
    let lo = 0;
    let hi = this.count - 1;
    if (at <= times[0]) {
      for (let s = 0; s < n; s++) out[s] = ys[s];
      return;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    const i = lo;
    const a = i * n;
    if (i === this.count - 1) {
      const dt = at - times[i];
      for (let s = 0; s < n; s++) out[s] = ys[a + s] + dt * slopes[a + s];
      return;
    }
    const b = a + n;
    const h = times[i + 1] - times[i];
    const u = (at - times[i]) / h;
    const u2 = u * u;
    const u3 = u2 * u;
    const h00 = 2 * u3 - 3 * u2 + 1;
    const h10 = u3 - 2 * u2 + u;
    const h01 = -2 * u3 + 3 * u2;
    const h11 = u3 - u2;
    for (let s = 0; s < n; s++) {
      out[s] = h00 * ys[a + s] + h10 * h * slopes[a + s] + h01 * ys[b + s] + h11 * h * slopes[b + s];
    }
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const ys = new Float64Array(capacity * this.n);
    ys.set(this.ys);
    const slopes = new Float64Array(capacity * this.n);
    slopes.set(this.slopes);
    this.times = times;
    this.ys = ys;
    this.slopes = slopes;
  }
}

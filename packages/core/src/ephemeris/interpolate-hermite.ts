/**
 * Cubic Hermite interpolation of an {@link Ephemeris} between grid samples, using the sampled
 * position and velocity at both ends of the bracketing step. Error (see
 * docs/design/ephemeris.md, measured in interpolate-hermite.test.ts): for step h the position
 * error is at most (h⁴/384)·max|r⁽⁴⁾| per component and the velocity error (√3/216)·h³·max|r⁽⁴⁾|
 * (Birkhoff & Priver 1967), plus terms from SGP4's velocity not being exactly dr/dt.
 * @module
 */
import type { Instant } from '../time/instant.js';
import type { Ephemeris } from './ephemeris.js';
import { EPHEMERIS_STATE_SIZE } from './ephemeris.js';

/**
 * Writes the interpolated TEME state of object `j` at `t` into `out[0..5]` (km, km/s) and
 * returns 0, or returns the non-zero SGP4 status of a bracketing sample (then `out` is NaN).
 * Throws RangeError when `t` is outside the grid or the grid has fewer than 2 samples.
 */
export function interpolateHermite(eph: Ephemeris, j: number, t: Instant, out: Float64Array): number {
  const { count, stepSec } = eph;
  if (count < 2) throw new RangeError('interpolateHermite: need at least 2 samples');
  if (!Number.isInteger(j) || j < 0 || j >= eph.noradIds.length)
    throw new RangeError(`object index ${String(j)} out of range`);
  const s = (t - eph.t0) / (1000 * stepSec);
  if (!(s >= 0 && s <= count - 1)) throw new RangeError(`t is outside the ephemeris grid (sample ${String(s)})`);
  const i = Math.min(Math.floor(s), count - 2);
  const u = s - i;
  const k0 = j * count + i;
  const st = (eph.status[k0] ?? 255) || (eph.status[k0 + 1] ?? 255);
  if (st !== 0) {
    out.fill(NaN, 0, 6);
    return st;
  }
  const a = k0 * EPHEMERIS_STATE_SIZE;
  const b = a + EPHEMERIS_STATE_SIZE;
  const d = eph.data;
  const u2 = u * u;
  const u3 = u2 * u;
  const h00 = 2 * u3 - 3 * u2 + 1;
  const h10 = (u3 - 2 * u2 + u) * stepSec;
  const h01 = -2 * u3 + 3 * u2;
  const h11 = (u3 - u2) * stepSec;
  const g00 = (6 * u2 - 6 * u) / stepSec;
  const g10 = 3 * u2 - 4 * u + 1;
  const g01 = -g00;
  const g11 = 3 * u2 - 2 * u;
  for (let c = 0; c < 3; c++) {
    const p0 = d[a + c] ?? NaN;
    const v0 = d[a + 3 + c] ?? NaN;
    const p1 = d[b + c] ?? NaN;
    const v1 = d[b + 3 + c] ?? NaN;
    out[c] = h00 * p0 + h10 * v0 + h01 * p1 + h11 * v1;
    out[3 + c] = g00 * p0 + g10 * v0 + g01 * p1 + g11 * v1;
  }
  return 0;
}

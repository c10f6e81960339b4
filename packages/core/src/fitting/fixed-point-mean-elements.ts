/**
 * Osculating state → SGP4 mean elements by fixed-point iteration, the method of Orekit's
 * `FixedPointTleGenerationAlgorithm` (facts only, no code): start with mean = osculating
 * equinoctial elements; repeatedly propagate the mean set with SGP4 to the state's time, take
 * the osculating equinoctial elements of that SGP4 state, and add the difference
 * (target − SGP4) to the mean elements, until the difference is below ε·(1 + |x|)
 * (ε = 1e-10, at most 100 iterations, as in Orekit's defaults). B* is held fixed.
 * The semi-major axis is carried through the iteration and turned into the TLE's mean motion by
 * Kepler's third law with SGP4's µ; the iteration corrects the difference between that and
 * SGP4's own (Kozai) mean-motion convention.
 * @module
 */
import type { Instant } from '../time/instant.js';
import { equinoctialFromState, wrapPi } from './osculating-elements.js';
import type { EquinoctialElements } from './osculating-elements.js';
import { meanElementsFromParameters, PARAMETER_COUNT } from './fit-parameters.js';
import type { Sgp4MeanElements } from './sgp4-mean-elements.js';
import { buildSatrec, propagateInto } from './sgp4-mean-elements.js';
import { WGS72_ZONAL } from './zonal-orbit-integrator.js';

const MU = WGS72_ZONAL.muKm3PerSec2;

export type FixedPointOutcome =
  | { readonly ok: true; readonly elements: Sgp4MeanElements; readonly iterations: number; readonly converged: boolean }
  | { readonly ok: false; readonly sgp4Error: number; readonly iterations: number };

/**
 * Mean elements at `epoch` whose SGP4 state at `tsinceMin` minutes from the epoch equals the
 * osculating state `target` ([x, y, z, vx, vy, vz], TEME, km, km/s).
 */
export function meanElementsFixedPoint(
  target: Float64Array,
  tsinceMin: number,
  epoch: Instant,
  bstarPerEarthRadii: number,
  maxIterations = 100,
  epsilon = 1e-10,
): FixedPointOutcome {
  const osc = equinoctialFromState(target, MU);
  // The mean longitude at the epoch: move the osculating λ back by n·tsince (two-body guess).
  const n0 = Math.sqrt(MU / osc.semiMajorAxisKm ** 3);
  let mean: EquinoctialElements = { ...osc, meanLongitudeRad: osc.meanLongitudeRad - n0 * tsinceMin * 60 };
  const state = new Float64Array(6);
  let elements = toMean(mean, bstarPerEarthRadii);
  for (let it = 1; it <= maxIterations; it++) {
    const satrec = buildSatrec(elements, epoch);
    if (typeof satrec === 'number') return { ok: false, sgp4Error: satrec, iterations: it };
    const e = propagateInto(satrec, tsinceMin, state, 0);
    if (e !== 0) return { ok: false, sgp4Error: e, iterations: it };
    let cur: EquinoctialElements;
    try {
      cur = equinoctialFromState(state, MU);
    } catch {
      return { ok: false, sgp4Error: 1, iterations: it };
    }
    const da = osc.semiMajorAxisKm - cur.semiMajorAxisKm;
    const dex = osc.ex - cur.ex;
    const dey = osc.ey - cur.ey;
    const dhx = osc.hx - cur.hx;
    const dhy = osc.hy - cur.hy;
    const dl = wrapPi(osc.meanLongitudeRad - cur.meanLongitudeRad);
    mean = {
      semiMajorAxisKm: mean.semiMajorAxisKm + da,
      ex: mean.ex + dex,
      ey: mean.ey + dey,
      hx: mean.hx + dhx,
      hy: mean.hy + dhy,
      meanLongitudeRad: mean.meanLongitudeRad + dl,
    };
    if (!(mean.semiMajorAxisKm > 0) || Math.hypot(mean.ex, mean.ey) >= 1)
      return { ok: false, sgp4Error: 1, iterations: it };
    elements = toMean(mean, bstarPerEarthRadii);
    const small =
      Math.abs(da) < epsilon * (1 + osc.semiMajorAxisKm) &&
      Math.hypot(dex, dey) < epsilon * (1 + Math.hypot(osc.ex, osc.ey)) &&
      Math.hypot(dhx, dhy) < epsilon * (1 + Math.hypot(osc.hx, osc.hy)) &&
      Math.abs(dl) < epsilon * Math.PI;
    if (small) return { ok: true, elements, iterations: it, converged: true };
  }
  return { ok: true, elements, iterations: maxIterations, converged: false };
}

function toMean(m: EquinoctialElements, bstar: number): Sgp4MeanElements {
  const p = new Float64Array(PARAMETER_COUNT);
  p.set([Math.sqrt(MU / m.semiMajorAxisKm ** 3), m.ex, m.ey, m.hx, m.hy, m.meanLongitudeRad, bstar]);
  return meanElementsFromParameters(p);
}

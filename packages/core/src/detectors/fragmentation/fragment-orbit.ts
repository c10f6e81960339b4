/**
 * The figures of one element set that the fragmentation detector works with: Brouwer mean
 * semi-major axis and node rate (as SGP4's initialisation recovers them), the SATCAT-style
 * apogee/perigee/period of a Gabbard diagram, and the published decay rate.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import { orbitSummary } from '../../elements/orbit-summary.js';
import { meanSemiMajorAxis, raanRateJ2 } from '../maneuver/index.js';

const SEC_PER_DAY = 86_400;
const TWO_PI = 2 * Math.PI;

/** Per-set figures; plain numbers with units in the names (a numeric kernel's input). */
export interface FragmentOrbit {
  readonly set: ElementSet;
  /** Epoch, ms since 1970 UTC. */
  readonly epochMs: number;
  /** Published (Kozai) mean motion, rev/day. */
  readonly meanMotionRevPerDay: number;
  /** Rate of the mean motion (twice the TLE's ṅ/2 field), rev/day². */
  readonly meanMotionRateRevPerDay2: number;
  readonly eccentricity: number;
  readonly inclinationRad: number;
  readonly raanRad: number;
  /** Brouwer mean semi-major axis, km. */
  readonly semiMajorAxisKm: number;
  readonly apogeeAltitudeKm: number;
  readonly perigeeAltitudeKm: number;
  readonly periodSec: number;
}

/** Figures of one set. */
export function fragmentOrbit(set: ElementSet): FragmentOrbit {
  const summary = orbitSummary(set);
  const { aKm } = meanSemiMajorAxis(set.meanMotionRadPerSec, set.eccentricity, set.inclinationRad);
  return {
    set,
    epochMs: set.epoch,
    meanMotionRevPerDay: (set.meanMotionRadPerSec * SEC_PER_DAY) / TWO_PI,
    meanMotionRateRevPerDay2: 2 * set.meanMotionDotRevPerDay2,
    eccentricity: set.eccentricity,
    inclinationRad: set.inclinationRad,
    raanRad: set.raanRad,
    semiMajorAxisKm: aKm,
    apogeeAltitudeKm: summary.apogeeAltitudeKm,
    perigeeAltitudeKm: summary.perigeeAltitudeKm,
    periodSec: summary.periodSec,
  };
}

/**
 * Largest change of mean motion (rev/day) the linear decay model is trusted to carry; beyond it
 * (pieces re-entering within weeks) the set's own mean motion is used and such pieces are left
 * out of the epoch fit by its own, stricter threshold.
 */
export const MAX_DECAY_CORRECTION_REV_PER_DAY = 1;

function decayCorrectable(o: FragmentOrbit, dtDays: number): boolean {
  return Math.abs(o.meanMotionRateRevPerDay2 * dtDays) <= MAX_DECAY_CORRECTION_REV_PER_DAY;
}

/**
 * Mean J2 node rate (rad/day) of the orbit averaged from its epoch back (or forward) to
 * `tMs`: the mean motion is carried linearly with the published decay rate to the midpoint of
 * the interval (a drag model good to first order over weeks, not years), then turned into a″ and
 * Ω̇ = −1.5 n J2 (Rₑ/p)² cos i.
 */
export function meanNodeRateRadPerDay(o: FragmentOrbit, tMs: number, withDrag: boolean): number {
  const dtDays = (tMs - o.epochMs) / (SEC_PER_DAY * 1000);
  if (withDrag && !decayCorrectable(o, dtDays)) return meanNodeRateRadPerDay(o, tMs, false);
  const nMid = o.meanMotionRevPerDay + (withDrag ? o.meanMotionRateRevPerDay2 * (dtDays / 2) : 0);
  const nRadPerSec = (nMid * TWO_PI) / SEC_PER_DAY;
  const { aKm, nBrouwerRadPerSec } = meanSemiMajorAxis(nRadPerSec, o.eccentricity, o.inclinationRad);
  return raanRateJ2(nBrouwerRadPerSec, aKm, o.eccentricity, o.inclinationRad) * SEC_PER_DAY;
}

/** Brouwer mean semi-major axis (km) carried with the published decay rate to `tMs`. */
export function semiMajorAxisAtKm(o: FragmentOrbit, tMs: number, withDrag: boolean): number {
  const dtDays = (tMs - o.epochMs) / (SEC_PER_DAY * 1000);
  if (withDrag && !decayCorrectable(o, dtDays)) return semiMajorAxisAtKm(o, tMs, false);
  const n = o.meanMotionRevPerDay + (withDrag ? o.meanMotionRateRevPerDay2 * dtDays : 0);
  return meanSemiMajorAxis((n * TWO_PI) / SEC_PER_DAY, o.eccentricity, o.inclinationRad).aKm;
}

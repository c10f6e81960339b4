/**
 * Along-track prediction residual between consecutive element sets: the previous set's mean
 * along-track angle carried to the next set's epoch with SGP4's secular J2 rates and the local
 * drag decay, compared with the next set's own angle. A burn changes the mean motion, so the
 * along-track position of the set after it departs from the prediction by ≈ 1.5·n·Δa·(t − t_burn)
 * — hundreds of metres for a Δa of a few metres after half a day (Jason-3: Δa ≈ 3 m per set gave
 * ≈ 0.4 km against ≈ 0.06 km noise), far more sensitive than the Δa of the mean elements alone.
 *
 * Why secular theory and not full SGP4 positions: over one interval (≈ 1 day) the difference
 * between the two is the short-periodic terms, which are the same function of the along-track
 * angle for both sets and cancel; the secular rates are those of SGP4's initialisation
 * (`sgp4init`: mdot, argpdot, nodedot to first order in J2; Hoots & Roehrich 1980). Building an
 * SGP4 record per set costs ≈ 0.15 ms (its epoch goes through text), ≈ 27 s for the 182,000 sets
 * of history-2026; this costs microseconds. SGP4's drag term needs B*, which the fits trade
 * against the mean motion (SARAL) or fix at 0 (CryoSat-2); the decay rate ṅ is instead taken
 * from the neighbouring sets (median rate of the Brouwer mean motion), the quantity the orbit
 * actually shows.
 * @module
 */
import { EARTH_RADIUS_KM, J2 } from './mean-semi-major-axis.js';

/** Mean elements of one set needed for the along-track angle. */
export interface AlongTrackElements {
  /** Brouwer mean motion n″, rad/s. */
  readonly nRadPerSec: number;
  /** Brouwer mean semi-major axis a″, km. */
  readonly aKm: number;
  readonly eccentricity: number;
  readonly inclinationRad: number;
  readonly raanRad: number;
  readonly argPerigeeRad: number;
  readonly meanAnomalyRad: number;
}

function wrapPi(x: number): number {
  let y = x % (2 * Math.PI);
  if (y > Math.PI) y -= 2 * Math.PI;
  if (y < -Math.PI) y += 2 * Math.PI;
  return y;
}

/**
 * Rate of the along-track angle L = M + ω + Ω·cos i (rad/s) from SGP4's secular J2 terms:
 * Ṁ = n″[1 + ¾J2(3cos²i − 1)/(a²β³)], ω̇ = −¾J2 n″(1 − 5cos²i)/(a²β⁴),
 * Ω̇ = −(3/2)J2 n″cos i/(a²β⁴), a in Earth radii, β² = 1 − e².
 */
export function alongTrackRate(el: AlongTrackElements): number {
  const cosi = Math.cos(el.inclinationRad);
  const beta2 = 1 - el.eccentricity * el.eccentricity;
  const beta = Math.sqrt(beta2);
  const aRe = el.aKm / EARTH_RADIUS_KM;
  const k = (J2 * el.nRadPerSec) / (aRe * aRe);
  const mdot = el.nRadPerSec + (0.75 * k * (3 * cosi * cosi - 1)) / (beta2 * beta);
  const argpdot = (-0.75 * k * (1 - 5 * cosi * cosi)) / (beta2 * beta2);
  const nodedot = (-1.5 * k * cosi) / (beta2 * beta2);
  return mdot + argpdot + nodedot * cosi;
}

/**
 * Along-track residual (km) of set `next` against the prediction from set `prev`:
 * a″·wrap(L_next − L_prev − L̇_prev·Δt − ½·ṅ·Δt²), Δt = tNext − tPrev in s, ṅ in rad/s².
 * Positive: the object is ahead of the prediction (it moves faster: a lowered orbit, or the
 * prediction's mean motion was too low).
 */
export function alongTrackResidualKm(
  prev: AlongTrackElements,
  next: AlongTrackElements,
  dtSec: number,
  nDotRadPerSec2: number,
): number {
  // Ω is published in [0, 2π): across its wrap Ω·cos i jumps by 2π·cos i, which is not a whole
  // turn of L (Jason-3 would show 19,680 km "residuals" = a·2π·cos 66°). The next set's node
  // is taken on the branch nearest the previous one.
  const raanNext = prev.raanRad + wrapPi(next.raanRad - prev.raanRad);
  const lPrev = prev.meanAnomalyRad + prev.argPerigeeRad + prev.raanRad * Math.cos(prev.inclinationRad);
  const lNext = next.meanAnomalyRad + next.argPerigeeRad + raanNext * Math.cos(next.inclinationRad);
  const predicted = lPrev + alongTrackRate(prev) * dtSec + 0.5 * nDotRadPerSec2 * dtSec * dtSec;
  return ((prev.aKm + next.aKm) / 2) * wrapPi(lNext - predicted);
}

/**
 * Uncertainty of a proximity measure from the ages of the element sets used.
 *
 * Model (a documented assumption, not a covariance): the 1-σ position error of an SGP4 state
 * from a set of age |Δt| days is σ = (σ0 + k·|Δt|) / w, with σ0 = 1 km and k = 2 km/day by
 * default — TLEs are "typically accurate to within a kilometer or two at the time of
 * generation" and the along-track error of a 400–550 km LEO object "grows at roughly 0.5–2 km
 * per day of TLE age" (orbitvein.com, "TLE freshness and pass prediction"; consistent with
 * Oltrogge & Ramrath, AMOS 2014). w is the weight of the source: 1 for official sets, 0.5 for
 * amateur sets (σ doubled: fewer, optical-only observations; our assumption). The range σ is
 * the root-sum-square of the two objects' σ (errors independent, full σ projected on the line of
 * sight: conservative). The relative-speed σ is 2·n·σ_range: a bounded relative orbit of size δr
 * has relative speeds up to 2nδr (Clohessy–Wiltshire), n the mean motion.
 * @module
 */

/** σ of one object's position, km, for a set `ageDays` from the instant, with source weight. */
export function positionSigmaKm(
  ageDays: number,
  sigmaAtEpochKm: number,
  growthKmPerDay: number,
  weight: number,
): number {
  if (!(weight > 0)) throw new RangeError(`weight must be > 0, got ${String(weight)}`);
  return (sigmaAtEpochKm + growthKmPerDay * Math.abs(ageDays)) / weight;
}

/** σ of a range between two objects, km: root-sum-square of their position σ. */
export function rangeSigmaKm(sigmaAKm: number, sigmaBKm: number): number {
  return Math.hypot(sigmaAKm, sigmaBKm);
}

/** σ of a relative speed, km/s, from the range σ and the mean motion (rad/s). */
export function relativeSpeedSigmaKmPerSec(rangeSigma: number, meanMotionRadPerSec: number): number {
  return 2 * meanMotionRadPerSec * rangeSigma;
}

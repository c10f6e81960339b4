/**
 * Thresholds, sampling and uncertainty model of the proximity (RPO) detector. Every value is
 * recorded in the `parameters` of each event it returns. Sources and reasons are in
 * docs/design/proximity-detector.md.
 * @module
 */

/** Parameters of {@link detectProximity}. */
export interface ProximityParameters {
  /** A sample is "near" when the range is below this, km. */
  readonly maxRangeKm: number;
  /** … and the relative speed below this, km/s (low speed at close range separates an inspection from a fly-by). */
  readonly maxRelativeSpeedKmPerSec: number;
  /** Sampling step of the scan, s (closest approaches are then refined by a root-find on Δr·Δv). */
  readonly stepSec: number;
  /** Element sets are re-chosen (nearest epoch) once per chunk of this length, s. */
  readonly chunkSec: number;
  /** Near samples separated by less than this belong to one episode, s (≈ 2 LEO revolutions). */
  readonly maxGapSec: number;
  /** An episode is kept when its near time is at least this long ("sustained"), s … */
  readonly minDurationSec: number;
  /** … or when it holds at least this many separate near closest approaches ("recurring"). */
  readonly minApproaches: number;
  /** Range below which an episode with a station is labelled a docking, km. */
  readonly dockingRangeKm: number;
  /** Only pairs whose owners differ (or are unknown) are examined. */
  readonly differentOwnersOnly: boolean;
  /** A set older (or younger) than this at a chunk's middle is not used, days. */
  readonly maxSetAgeDays: number;
  /** Prefilter: perigee/apogee shells must overlap within maxRangeKm + this margin, km (SGP4 short-period terms, decay). */
  readonly shellMarginKm: number;
  /** Position σ of a set at its epoch, km (uncertainty model σ = σ0 + k·|age|). */
  readonly sigmaAtEpochKm: number;
  /** Growth of the position σ with set age, km/day (the k above). */
  readonly sigmaGrowthKmPerDay: number;
  /** Weight of amateur (non-official) element sets: their σ is divided by it. */
  readonly amateurWeight: number;
  /** Approach manoeuvres are looked for in each history this far before an episode's end, days. */
  readonly maneuverLookbackDays: number;
  /** A pair that stays within range longer than this is not passing by (drift-by / formation boundary), days. */
  readonly passMaxDays: number;
  /** Separate encounters within range needed for "recurring" (co-orbital, formation). */
  readonly recurringEncounters: number;
  /** Largest gap between consecutive recurring encounters, days. */
  readonly recurrenceMaxGapDays: number;
  /** A manoeuvre in a is approach evidence only when the planes are crossed slower than this, km/s. */
  readonly approachMaxCrossingSpeedKmPerSec: number;
  /** Planes are "held" when the J2 node drift moves one across the other by less than maxRangeKm in this many days. */
  readonly planeHoldDays: number;
  /** Sun-synchronous band: J2 node rate within this of 360°/365.2422 d, deg/day (local-time drift < 5 h/year). */
  readonly sunSynchronousToleranceDegPerDay: number;
}

/**
 * Defaults: 50 km / 0.5 km/s (the bench's catalogue-wide screen), 60-s samples, 1-h set choice,
 * σ = 1 km + 2 km/day of age (upper end of the 0.5–2 km/day along-track growth quoted for LEO TLEs),
 * amateur sets weighted 0.5 (σ doubled). Assessment: approach manoeuvres looked for over 120 days
 * (an inspector's phasing takes weeks to months), a pass lasts < 1 day, recurrence = ≥ 3 passes
 * each ≤ 7 days after the last (the inspection preset's recurrence window).
 */
export const DEFAULT_PROXIMITY_PARAMETERS: ProximityParameters = {
  maxRangeKm: 50,
  maxRelativeSpeedKmPerSec: 0.5,
  stepSec: 60,
  chunkSec: 3600,
  maxGapSec: 3 * 3600,
  minDurationSec: 1800,
  minApproaches: 2,
  dockingRangeKm: 1,
  differentOwnersOnly: false,
  maxSetAgeDays: 10,
  shellMarginKm: 30,
  sigmaAtEpochKm: 1,
  sigmaGrowthKmPerDay: 2,
  amateurWeight: 0.5,
  maneuverLookbackDays: 120,
  passMaxDays: 1,
  recurringEncounters: 3,
  recurrenceMaxGapDays: 7,
  approachMaxCrossingSpeedKmPerSec: 0.2,
  planeHoldDays: 30,
  sunSynchronousToleranceDegPerDay: 0.2,
};

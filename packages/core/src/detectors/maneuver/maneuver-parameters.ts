/**
 * Thresholds and windows of the maneuver detector: one set of defaults for every object, LEO and
 * GEO. Why each has its value is in docs/design/maneuver-detector.md, "Parameters"; the
 * significance thresholds (`kSigma`, `kSigmaLevelStep`) are chosen by leave-one-satellite-out
 * cross-validation over the nine benchmark satellites (bench/maneuvers.ts).
 * @module
 */

/** Parameters of {@link detectManeuvers}; all are recorded in every event it returns. */
export interface ManeuverParameters {
  /** Sets whose epochs are closer than this are one fit published twice (or re-fitted); s. */
  readonly duplicateEpochSec: number;
  /** Neighbouring intervals on each side used for the local trend and noise. */
  readonly windowHalfWidth: number;
  /** A jump is significant when |residual| ≥ k·σ (σ = 1.4826·MAD of the neighbours). */
  readonly kSigma: number;
  /** Lower bound on the noise σ of along-track prediction residuals, km. */
  readonly minNoiseAlongTrackKm: number;
  /** Consecutive significant intervals in one direction spanning at most this are one burn, days. */
  readonly rampMaxDays: number;
  /** Level-step test: sets on each side of an interval in the least-squares step fit (0 = off). */
  readonly levelStepSets: number;
  /** Level-step test: a step is significant when it is ≥ this many σ (σ per object, see the note). */
  readonly kSigmaLevelStep: number;
  /**
   * Level-step test across a carry span: the sets published within this many days after the
   * interval are left out of the step fit (they may carry the burn in parts: each public set is
   * fitted to days of tracking), for carry spans `rampMaxDays`·2^k up to this; each span's step is
   * tested against its own per-object noise. Days (0 = the step between adjacent sets only).
   */
  readonly levelStepCarryDays: number;
  /**
   * The along-track prediction residual (interval j, or j and j+1) witnesses a level step when it
   * points the same way (a raise puts the object behind the prediction) at ≥ this many σ.
   */
  readonly kSigmaAlongTrackWitness: number;
  /**
   * A LOWERING level step is reported only when it is at least this many times the local decay of
   * a″ over the interval (at least one day) and the along-track residual witnesses it; a descent
   * below `loweringMinPerigeeKm` must be this many times faster than the decay before it; never
   * at GEO. Dimensionless (0 = raises only).
   */
  readonly loweringStepDragFactor: number;
  /**
   * B*-decorrelation of the a″ changes: neighbours beyond this many σ are left out of the
   * regression of the a″ residuals on the B* changes (0 = off).
   */
  readonly bstarDecorrelationClipSigma: number;
  /** Lower bound on the noise σ of semi-major-axis differences, km (guards against MAD = 0). */
  readonly minNoiseSemiMajorAxisKm: number;
  /** Lower bound on the noise σ of plane-angle differences, rad. */
  readonly minNoisePlaneRad: number;
  /** Events below this Δv are not reported, m/s. */
  readonly minDeltaVMps: number;
  /** Lower Δv floor for a raising level step that the along-track residual witnesses, m/s. */
  readonly minDeltaVAlongTrackMps: number;
  /** An interval longer than this cannot localise a burn; jumps across it are not reported, days. */
  readonly maxGapDays: number;
  /** Gaps up to this length give full confidence; confidence falls as √(this/gap) beyond, days. */
  readonly fullConfidenceGapDays: number;
  /** Continuous raising/lowering: minimum total change of mean semi-major axis, km. */
  readonly continuousMinChangeKm: number;
  /** Continuous raising/lowering: minimum number of intervals in the climb. */
  readonly continuousMinIntervals: number;
  /** Continuous raising/lowering: the largest single interval may carry at most this share. */
  readonly continuousMaxShare: number;
  /**
   * Continuous raising/lowering: a pause longer than this, shown by sets, ends the climb, days (a
   * raise across a data gap — no set in between, ≤ `maxGapDays` — goes on; an interval longer
   * than this does not count towards `continuousMinIntervals`). Also how long the level an
   * unresolved raise reaches must be held.
   */
  readonly continuousMaxStallDays: number;
  /**
   * A raise of at least `continuousMinChangeKm` that the sets do not resolve (fewer than
   * `continuousMinIntervals` intervals, or one carrying more than `continuousMaxShare`) is still
   * reported as orbit raising when at least this many following sets, spanning at least
   * `continuousMaxStallDays`, hold the level reached (0 = off; never at GEO).
   */
  readonly unresolvedRaiseMinHeldSets: number;
  /** ... and when the orbit is near-circular at both ends (eccentricity below this). */
  readonly unresolvedRaiseMaxEccentricity: number;
  /** Climbs separated by a pause up to this long, holding their level, form one campaign, days. */
  readonly campaignMaxPauseDays: number;
  /** Continuous lowering must exceed this mean rate, km/day. */
  readonly loweringMinRateKmPerDay: number;
  /**
   * Below this perigee height a continuous lowering must also beat the decay before it by
   * `loweringStepDragFactor` (drag lowers such orbits by km per day); km.
   */
  readonly loweringMinPerigeeKm: number;
  /** Station keeping: burns of an object whose mean a stays within this band, km. */
  readonly stationKeepingBandKm: number;
  /**
   * At GEO a climb or descent of a″ is reported only when its mean rate is at least this many
   * times the largest drift Earth's triaxiality can cause (≈ 0.13 km/day): slower ones are the
   * drift between east-west station-keeping burns, not thrust.
   */
  readonly geoDriftFactor: number;
  /**
   * At GEO, persistent steps of the inclination vector are reported as north-south station
   * keeping when the object is inclination-controlled: the 95th percentile of i over the history
   * below this, over a history longer than a free lunisolar drift (≥ 0.75°/yr) needs to cross the
   * disc of this radius. Degrees (0 = off).
   */
  readonly geoInclinationControlMaxDeg: number;
}

/** The defaults (one set for every object). */
export const DEFAULT_MANEUVER_PARAMETERS: ManeuverParameters = {
  duplicateEpochSec: 60,
  windowHalfWidth: 10,
  kSigma: 6,
  minNoiseAlongTrackKm: 0.01,
  rampMaxDays: 3,
  levelStepSets: 10,
  kSigmaLevelStep: 4,
  levelStepCarryDays: 12,
  kSigmaAlongTrackWitness: 3,
  loweringStepDragFactor: 10,
  bstarDecorrelationClipSigma: 4,
  minNoiseSemiMajorAxisKm: 0.001,
  minNoisePlaneRad: 2e-5,
  minDeltaVMps: 0.004,
  minDeltaVAlongTrackMps: 0.001,
  maxGapDays: 20,
  fullConfidenceGapDays: 3,
  continuousMinChangeKm: 5,
  continuousMinIntervals: 4,
  continuousMaxShare: 0.6,
  continuousMaxStallDays: 3,
  unresolvedRaiseMinHeldSets: 2,
  unresolvedRaiseMaxEccentricity: 0.05,
  campaignMaxPauseDays: 30,
  loweringMinRateKmPerDay: 1.5,
  loweringMinPerigeeKm: 350,
  stationKeepingBandKm: 15,
  geoDriftFactor: 3,
  geoInclinationControlMaxDeg: 0.5,
};

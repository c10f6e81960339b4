/**
 * Thresholds and windows of the maneuver detector. One set of defaults serves every LEO object
 * (tuned on the dpshorten benchmark, see docs/design/maneuver-detector.md); GEO objects use the
 * same jump rule with the GEO-specific labels.
 * @module
 */

/** Parameters of {@link detectManeuvers}; all are recorded in every event it returns. */
export interface ManeuverParameters {
  /**
   * At GEO a climb or descent of a″ is reported only when its mean rate is at least this many
   * times the largest drift Earth's triaxiality can cause (≈ 0.13 km/day): slower ones are the
   * drift between east-west station-keeping burns, not thrust.
   */
  readonly geoDriftFactor: number;
  /** Sets whose epochs are closer than this are one fit published twice (or re-fitted); s. */
  readonly duplicateEpochSec: number;
  /** Neighbouring intervals on each side used for the local trend and noise. */
  readonly windowHalfWidth: number;
  /** A jump is significant when |residual| ≥ k·σ (σ = 1.4826·MAD of the neighbours). */
  readonly kSigma: number;
  /** An interval is also significant when its along-track prediction residual is ≥ this many σ. */
  readonly kSigmaAlongTrack: number;
  /** The along-track test also needs the a″ residual in the same direction at ≥ this many σ. */
  readonly kSigmaAlongTrackConfirm: number;
  /** Lower bound on the noise σ of along-track prediction residuals, km. */
  readonly minNoiseAlongTrackKm: number;
  /** Consecutive significant intervals in one direction spanning at most this are one burn, days. */
  readonly rampMaxDays: number;
  /** Level-step test: sets on each side of an interval in the least-squares step fit (0 = off). */
  readonly levelStepSets: number;
  /** Level-step test: a raise is significant when the fitted step is ≥ this many σ. */
  readonly kSigmaLevelStep: number;
  /**
   * Level-step test, v1.5: a LOWERING step is reported only when it is at least this many times
   * the local decay of a″ over the interval (the neighbours' median rate × the interval, at least
   * one day) — drag would have to be this many times stronger for a day to do it — and the
   * along-track residual agrees at ≥ `kSigmaTwoWitnessAlongTrack` σ (0 = raises only; never at
   * GEO). Dimensionless.
   */
  readonly loweringStepDragFactor: number;
  /**
   * Two-witness test (v1.3): a raise is reported when the a″ change summed over one or two
   * consecutive intervals is ≥ this many σ (0 = off) ...
   */
  readonly kSigmaTwoWitnessSemiMajorAxis: number;
  /** ... and the along-track prediction residual over the same intervals agrees at ≥ this many σ. */
  readonly kSigmaTwoWitnessAlongTrack: number;
  /**
   * ... over a span (first to last set) of at least this, days: the along-track witness of a
   * burn grows as 1.5·n·Δa·(t − t_burn), so over a few hours it is no larger than the
   * fit-to-fit scatter of objects published several times a day.
   */
  readonly twoWitnessMinSpanDays: number;
  /**
   * B*-decorrelation of the a″ changes (v1.3): neighbours beyond this many σ are left out of the
   * regression of the a″ residuals on the B* changes (0 = off). See the design note.
   */
  readonly bstarDecorrelationClipSigma: number;
  /** Also test the change over two consecutive intervals (a burn split over two fits). */
  readonly twoStepTest: boolean;
  /** Lower bound on the noise σ of semi-major-axis differences, km (guards against MAD = 0). */
  readonly minNoiseSemiMajorAxisKm: number;
  /** Lower bound on the noise σ of plane-angle differences, rad. */
  readonly minNoisePlaneRad: number;
  /** Events below this Δv are not reported, m/s. */
  readonly minDeltaVMps: number;
  /**
   * Lower Δv floor for events that the along-track prediction residual shows at
   * ≥ `kSigmaAlongTrack` σ with the a″ change agreeing (a second, independent witness), m/s.
   */
  readonly minDeltaVAlongTrackMps: number;
  /** The lower along-track floor applies only to raising burns (drag cannot raise a mean orbit). */
  readonly alongTrackFloorRaisingOnly: boolean;
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
   * Continuous raising/lowering: a pause longer than this, shown by sets, ends the climb, days
   * (v1.4: a raise across a data gap — no set in between, ≤ `maxGapDays` — goes on; an interval
   * longer than this does not count towards `continuousMinIntervals`). Also how long the level an
   * unresolved raise reaches must be held.
   */
  readonly continuousMaxStallDays: number;
  /**
   * A raise of at least `continuousMinChangeKm` that the sets do not resolve (fewer than
   * `continuousMinIntervals` intervals, or one carrying more than `continuousMaxShare`) is still
   * reported as orbit raising when at least this many following sets, spanning at least
   * `continuousMaxStallDays`, hold the level reached (0 = off; never at GEO, where E-W station
   * keeping moves a by several km). v1.4.
   */
  readonly unresolvedRaiseMinHeldSets: number;
  /**
   * ... and when the orbit is near-circular at both ends (eccentricity below this): the levels
   * are then circular orbits, and the spiral and transfer Δv between them agree. v1.4.
   */
  readonly unresolvedRaiseMaxEccentricity: number;
  /** Climbs separated by a pause up to this long, holding their level, form one campaign, days. */
  readonly campaignMaxPauseDays: number;
  /** Continuous lowering must exceed this mean rate (drag alone is slower above the floor), km/day. */
  readonly loweringMinRateKmPerDay: number;
  /** Continuous lowering is only claimed with perigee height above this (below, drag dominates), km. */
  readonly loweringMinPerigeeKm: number;
  /** Station keeping: burns of an object whose mean a stays within this band, km. */
  readonly stationKeepingBandKm: number;
}

/** The defaults (one set for every LEO satellite of the benchmark). */
export const DEFAULT_MANEUVER_PARAMETERS: ManeuverParameters = {
  duplicateEpochSec: 60,
  windowHalfWidth: 10,
  kSigma: 5,
  kSigmaAlongTrack: 7,
  kSigmaAlongTrackConfirm: 3,
  minNoiseAlongTrackKm: 0.01,
  rampMaxDays: 3,
  twoStepTest: false,
  bstarDecorrelationClipSigma: 4,
  kSigmaTwoWitnessSemiMajorAxis: 2.5,
  kSigmaTwoWitnessAlongTrack: 5,
  twoWitnessMinSpanDays: 0.75,
  levelStepSets: 10,
  kSigmaLevelStep: 5,
  loweringStepDragFactor: 10,
  minNoiseSemiMajorAxisKm: 0.001,
  minNoisePlaneRad: 2e-5,
  minDeltaVMps: 0.004,
  minDeltaVAlongTrackMps: 0.001,
  alongTrackFloorRaisingOnly: true,
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
};

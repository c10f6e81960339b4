/**
 * Thresholds and windows of the release detector. Every value is recorded in each event it
 * returns. Sources of the class thresholds are in docs/design/release-detector.md.
 * @module
 */

/** Parameters of {@link detectReleases}. */
export interface ReleaseParameters {
  /** Element sets of the newcomer used as child sets (its first ones). */
  readonly childSetsUsed: number;
  /** Longest back-propagation searched before the newcomer's first set, days. */
  readonly maxLookbackDays: number;
  /** Shortest back-propagation searched (used when the revolution number says less), days. */
  readonly minLookbackDays: number;
  /** Added to the lookback implied by the revolution number at epoch, days. */
  readonly revPriorMarginDays: number;
  /**
   * Coarse scan step, s, on an absolute time grid shared by all pairs (positions are cached per
   * object). 900 s ≈ 1/6 of a LEO period; finer gains nothing, the fine scan follows.
   */
  readonly coarseStepSec: number;
  /** Each coarse minimum is searched again over ±1 coarse step with a step this many times finer. */
  readonly fineScanFactor: number;
  /** Local minima of the coarse scan refined per pair. */
  readonly minimaRefined: number;
  /** Parent sets farther than this from the separation epoch are not paired (unless none is nearer), days. */
  readonly maxParentSetAgeDays: number;
  /** Accepted distance at separation: base, km … */
  readonly maxDistanceBaseKm: number;
  /** … plus this much per day between the separation and the child's first set, km/day. */
  readonly maxDistanceGrowthKmPerDay: number;
  /** Relative speeds above this are a chance crossing of unrelated orbits, m/s. */
  readonly maxDeltaVMps: number;
  /** Siblings of one launch faster than this relative to each other were not deployed together, m/s. */
  readonly maxSiblingDeltaVMps: number;
  /** Coarse filter (other launches): largest angle between the orbit planes, deg. */
  readonly maxPlaneAngleDeg: number;
  /** Coarse filter (other launches): sampling of the plane angle over the window, days. */
  readonly planeSampleDays: number;
  /** Coarse filter (other launches): margin on the radius ranges [perigee, apogee], km. */
  readonly radiusMarginKm: number;
  /** A candidate is a parent only if it was in orbit this long before the separation, s. */
  readonly parentPrecedenceSec: number;
  /**
   * An object of the child's own launch (not a rocket body or known carrier) can be its parent
   * only for a separation later than this after the launch, days: a launcher's deployment
   * sequence ends within hours of liftoff (multi-burn upper stages: a few hours), so objects
   * separating in the first days are co-passengers. 2 days covers that and the one-revolution
   * uncertainty of a launch time taken from revolution counts.
   */
  readonly deploymentPhaseDays: number;
  /**
   * Floor of the epoch σ growing with the square of the lag (child's first set − separation), as
   * the along-track error of a back-propagated set with a mis-estimated drag term does, s/day².
   * Calibrated on the one real case with a published release time (TEN-KOH 2: 2.2 h error at a
   * 7.6-day lag, ≈ 410 km): 135 s/day². A single-case calibration; see the design note.
   */
  readonly epochSigmaSecPerLagDay2: number;
  /** Class limit: deployment up to this Δv, m/s. */
  readonly deploymentMaxMps: number;
  /** Class limit: high-speed release from this Δv on, m/s (ejection in between). */
  readonly highSpeedMinMps: number;
  /**
   * A deployment group needs this many members (reference included), or every newcomer of the
   * launch when it has fewer: two of many satellites that manoeuvred before being catalogued can
   * meet by chance.
   */
  readonly minGroupSize: number;
  /** Siblings whose pair epoch lies farther than this from the group median form no group, s. */
  readonly groupEpochToleranceSec: number;
  /**
   * Along-track convergence (launches the pair method cannot group): a rise of an object's mean
   * semi-major axis above its running minimum by more than this ends its manoeuvre-free sets, km.
   * Drag only lowers it; 0.3 km is above the set-to-set scatter of the mean motion of the
   * constellation batches examined and below one set interval of their orbit raising.
   */
  readonly manoeuvreRiseKm: number;
  /** Along-track convergence: a member's own crossing is searched this far around the common epoch, days. */
  readonly convergenceCrossingSearchDays: number;
  /**
   * Along-track convergence: a common epoch farther than this from the start of the members'
   * revolution count (≈ launch) is not the deployment — the arcs of objects that phase together
   * after a manoeuvre converge at the manoeuvre too — and is reported, not emitted, days.
   */
  readonly maxConvergenceFromCountStartDays: number;
  /**
   * The count starts of a launch's newcomers (first sets) agree within this for the count to gate
   * a convergence, s. Counts of deployments catalogued within a day agree within 2 h here (one or
   * two revolutions: 2026-052 1.7 h, 2026-076 1.7 h); counts that disagree by days (2026-095:
   * 53 h, 2026-098: 97 h; the launch order of the COSPAR numbers puts both launches days after
   * their median count start) are not a launch time.
   */
  readonly maxCountStartRangeSec: number;
}

/** The defaults. */
export const DEFAULT_RELEASE_PARAMETERS: ReleaseParameters = {
  childSetsUsed: 3,
  maxLookbackDays: 30,
  minLookbackDays: 1,
  revPriorMarginDays: 1,
  coarseStepSec: 900,
  fineScanFactor: 8,
  minimaRefined: 12,
  maxParentSetAgeDays: 10,
  maxDistanceBaseKm: 10,
  maxDistanceGrowthKmPerDay: 5,
  maxDeltaVMps: 500,
  maxSiblingDeltaVMps: 20,
  maxPlaneAngleDeg: 3,
  planeSampleDays: 0.25,
  radiusMarginKm: 30,
  parentPrecedenceSec: 3600,
  deploymentPhaseDays: 2,
  epochSigmaSecPerLagDay2: 135,
  deploymentMaxMps: 5,
  highSpeedMinMps: 50,
  minGroupSize: 3,
  groupEpochToleranceSec: 6 * 3600,
  manoeuvreRiseKm: 0.3,
  convergenceCrossingSearchDays: 2,
  maxConvergenceFromCountStartDays: 1,
  maxCountStartRangeSec: 3 * 3600,
};

/**
 * Thresholds of the fragmentation detector. Every value is recorded in the parameters of every
 * event it returns, so that an evidence bundle can recompute the event.
 * @module
 */

/** Parameters of {@link detectFragmentations}. */
export interface FragmentationParameters {
  /** A launch needs at least this many new (or, without a `before` snapshot, debris) pieces. */
  readonly minFragments: number;
  /** Step of the altitude grid on which the Gabbard pinch is searched, km. */
  readonly pinchGridStepKm: number;
  /** Regression outliers: residuals beyond this many robust σ (1.4826·MAD) are dropped. */
  readonly outlierSigma: number;
  /** Fragments whose decay rate implies a change of mean motion larger than this between the
   * breakup and their epoch are left out of the epoch fit (their node rate is too uncertain), rev/day. */
  readonly maxMeanMotionChangeRevPerDay: number;
  /** Number of delete-a-group jackknife groups used for the epoch σ. */
  readonly jackknifeGroups: number;
  /** Fragments with perigee below this altitude are left out (re-entering; elements unreliable), km. */
  readonly minPerigeeKm: number;
  /** A burst is reported only when its epoch fit has a σ below this, days; larger σ means the new
   * pieces do not converge on one recent epoch (e.g. old debris catalogued late). */
  readonly maxEpochSigmaDays: number;
  /** Without a `before` snapshot, a launch is a debris cloud only if its debris pieces span at
   * least this along-track Δv (robust σ), m/s — a deployment of payloads in one orbit does not. */
  readonly minCloudDeltaVSpreadMps: number;
}

/** Defaults (chosen and justified in docs/design/fragmentation-detector.md). */
export const DEFAULT_FRAGMENTATION_PARAMETERS: FragmentationParameters = Object.freeze({
  minFragments: 10,
  pinchGridStepKm: 1,
  outlierSigma: 4,
  maxMeanMotionChangeRevPerDay: 0.5,
  jackknifeGroups: 10,
  minPerigeeKm: 150,
  minCloudDeltaVSpreadMps: 5,
  maxEpochSigmaDays: 10,
});

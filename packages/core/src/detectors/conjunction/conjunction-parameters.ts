/**
 * The parameters a conjunction event is computed with, and the name and version under which
 * screening stores its events (part of every stored event's fingerprint).
 * @module
 */

/** Detector name of conjunction events (`orbwatch screen`). */
export const CONJUNCTION_DETECTOR = 'screen';
/** Version of the conjunction-event computation (refinement, Pc, measures). */
export const CONJUNCTION_DETECTOR_VERSION = '1.0.0';

/** Name of the covariance model the Pc uses (docs/accuracy.md §5, `defaultTleCovarianceRtnKm2`). */
export const DEFAULT_TLE_COVARIANCE_MODEL = 'orbwatch-default-tle-rtn-1';

export interface ConjunctionParameters {
  /** Approaches with miss distance strictly below this are reported, km. */
  readonly thresholdKm: number;
  /**
   * Combined hard-body radius of the two objects, km. The default, 10 m (5 m + 5 m), is an
   * assumption, not a measurement: element sets say nothing of size, and SATCAT gives at most
   * a radar cross-section class. It is the radius Orekit's Patera test uses on the ION SCV-8 vs
   * Starlink-1233 CDM (fixtures/ccsds). Alfano's maximum Pc scales with R².
   */
  readonly hardBodyRadiusKm: number;
  /**
   * Below this relative speed no Pc is given (null, with a note): the short-term encounter
   * model (straight-line relative motion, constant covariance) does not hold for slow,
   * co-orbital encounters. 10 m/s is the cut SOCRATES-comparison work applies to the same end.
   */
  readonly minRelativeSpeedForPcKmPerSec: number;
  /** Time tolerance of the TCA root, ms. */
  readonly tcaToleranceMs: number;
  /** Covariance model used for the Pc (see {@link DEFAULT_TLE_COVARIANCE_MODEL}). */
  readonly covarianceModel: string;
}

export const DEFAULT_CONJUNCTION_PARAMETERS: ConjunctionParameters = {
  thresholdKm: 5,
  hardBodyRadiusKm: 0.01,
  minRelativeSpeedForPcKmPerSec: 0.01,
  tcaToleranceMs: 0.001,
  covarianceModel: DEFAULT_TLE_COVARIANCE_MODEL,
};

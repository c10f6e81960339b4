/**
 * Why an SGP4 initialisation or propagation gave no state. Every satellite.js error number has
 * its own code; orbwatch's own sanity checks add the rest. Tests assert these codes, never
 * message text.
 * @module
 */

/** Failure codes of {@link createSgp4Propagator} and {@link propagateTeme}. */
export const Sgp4FailureCode = {
  /** satellite.js error 1: mean eccentricity out of range 0 ≤ e < 1 (at epoch or after drag/lunisolar terms). */
  SGP4_ECCENTRICITY: 'SGP4_ECCENTRICITY',
  /** satellite.js error 2: mean motion has fallen below zero. */
  SGP4_MEAN_MOTION: 'SGP4_MEAN_MOTION',
  /** satellite.js error 3: perturbed (osculating-ish) eccentricity out of range 0 ≤ e ≤ 1. */
  SGP4_PERTURBED_ECCENTRICITY: 'SGP4_PERTURBED_ECCENTRICITY',
  /** satellite.js error 4: semi-latus rectum below zero. */
  SGP4_SEMI_LATUS_RECTUM: 'SGP4_SEMI_LATUS_RECTUM',
  /** SGP4 error 5 (epoch elements sub-orbital). Commented out in Vallado's code since 2006; kept for completeness. */
  SGP4_SUBORBITAL: 'SGP4_SUBORBITAL',
  /**
   * satellite.js error 6 (radius below one Earth radius), or orbwatch's drag check: the SGP4 drag
   * polynomial `tempa = 1 − C1·t − D2·t² − …` has reached zero, past which SGP4 squares it back to
   * a positive semi-major axis and returns a fictitious high orbit with no error.
   */
  SGP4_DECAYED: 'SGP4_DECAYED',
  /** satellite.js reported an error number orbwatch does not know. */
  SGP4_UNKNOWN_ERROR: 'SGP4_UNKNOWN_ERROR',
  /** satellite.js returned a state with a NaN or infinite component and no error number. */
  SGP4_NON_FINITE: 'SGP4_NON_FINITE',
  /** The element set carries a non-finite or impossible field (checked before SGP4 sees it). */
  ELEMENTS_INVALID: 'ELEMENTS_INVALID',
  /** The element set was fitted for another theory (SGP4-XP, SGP…): SGP4 must not propagate it. */
  ELEMENTS_UNSUPPORTED_THEORY: 'ELEMENTS_UNSUPPORTED_THEORY',
  /** The requested time is further from the set's epoch than the regime's age limit. */
  ELEMENTS_TOO_OLD: 'ELEMENTS_TOO_OLD',
  /** The state lies below the WGS-84 ellipsoid (geodetic height < 0 km). */
  STATE_BELOW_SURFACE: 'STATE_BELOW_SURFACE',
  /** The state's radius is outside [0.8 × perigee radius, 1.2 × apogee radius] of the set's mean orbit. */
  STATE_OFF_ORBIT: 'STATE_OFF_ORBIT',
} as const;
export type Sgp4FailureCode = (typeof Sgp4FailureCode)[keyof typeof Sgp4FailureCode];

/** Warnings attached to a successful propagation: the state is returned but deserves care. */
export const Sgp4WarningCode = {
  /** Geodetic height below 100 km: re-entry is minutes away and SGP4's drag model is not valid there. */
  ALTITUDE_BELOW_100_KM: 'ALTITUDE_BELOW_100_KM',
  /** The time is beyond the regime's default age limit, accepted because the caller asked for it. */
  ELEMENTS_STALE: 'ELEMENTS_STALE',
} as const;
export type Sgp4WarningCode = (typeof Sgp4WarningCode)[keyof typeof Sgp4WarningCode];

/** The satellite.js `satrec.error` number to orbwatch's code (0 is no error and has none). */
export function sgp4ErrorCode(error: number): Sgp4FailureCode {
  switch (error) {
    case 1:
      return Sgp4FailureCode.SGP4_ECCENTRICITY;
    case 2:
      return Sgp4FailureCode.SGP4_MEAN_MOTION;
    case 3:
      return Sgp4FailureCode.SGP4_PERTURBED_ECCENTRICITY;
    case 4:
      return Sgp4FailureCode.SGP4_SEMI_LATUS_RECTUM;
    case 5:
      return Sgp4FailureCode.SGP4_SUBORBITAL;
    case 6:
      return Sgp4FailureCode.SGP4_DECAYED;
    default:
      return Sgp4FailureCode.SGP4_UNKNOWN_ERROR;
  }
}

const SGP4_MESSAGES: Readonly<Record<number, string>> = {
  1: 'mean eccentricity out of range 0 ≤ e < 1',
  2: 'mean motion fell below zero',
  3: 'perturbed eccentricity out of range 0 ≤ e ≤ 1',
  4: 'semi-latus rectum fell below zero',
  5: 'epoch elements are sub-orbital',
  6: 'the orbit has decayed (radius below one Earth radius)',
};

/** A short English description of a satellite.js error number, for messages only. */
export function sgp4ErrorMessage(error: number): string {
  return SGP4_MESSAGES[error] ?? `unknown SGP4 error ${String(error)}`;
}

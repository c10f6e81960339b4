/**
 * Reference frames: TEME (SGP4 output) ↔ TOD ↔ MOD ↔ GCRF and TEME ↔ PEF ↔ ITRF with the
 * IAU-76/80 (FK5) reduction in Vallado's conventions, WGS-84 geodetic coordinates, and RIC
 * relative motion. `StateVector`, `Frame` and `Vec3` are exported by core's root index from
 * `state-vector.ts`. Design notes: `docs/design/frames.md`.
 * @module
 */
export type { EarthOrientation } from './earth-orientation.js';
export { RAD_PER_ARCSEC, ZERO_EOP } from './earth-orientation.js';
export type { FrameTime } from './frame-time.js';
export {
  DAYS_PER_JULIAN_CENTURY,
  TT_MINUS_TAI_SEC,
  frameTimeOf,
  ttCenturiesSinceJ2000,
  ttMinusUtcSec,
  ut1DaysSinceJ2000,
} from './frame-time.js';
export type { DelaunayArguments, Nutation1980 } from './iau80.js';
export {
  EARTH_ROTATION_RAD_PER_SEC,
  delaunayArguments1980,
  earthRotationRate,
  geometricEquationOfEquinoxes,
  gmst1982,
  kinematicEquinoxTerms,
  meanObliquity1980,
  nutation1980,
  polarMotionMatrix1980,
  precessionMatrix1976,
} from './iau80.js';
export type { Mat3, V3 } from './mat3.js';
export { convertPv, convertState, convertStateAt, stateVector } from './convert-state.js';
export {
  gcrfToMod,
  gcrfToTeme,
  itrfToPef,
  itrfToTeme,
  modToGcrf,
  modToTod,
  pefToItrf,
  pefToTeme,
  pefToTod,
  temeToGcrf,
  temeToItrf,
  temeToPef,
  temeToTod,
  todToMod,
  todToPef,
  todToTeme,
} from './named-conversions.js';
export type { FramedPosition, Geodetic } from './geodetic.js';
export { WGS84_A_KM, WGS84_B_KM, WGS84_F, geodeticToItrf, itrfToGeodetic } from './geodetic.js';
export type { QuasiInertialFrame, RicState } from './ric.js';
export { fromRic, ricVectorToInertial, toRic } from './ric.js';

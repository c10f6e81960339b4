/**
 * Named frame conversions (thin wrappers over {@link convertState}), one per edge of the frame
 * graph plus the TEME↔ITRF and TEME↔GCRF shortcuts. All take and return km and km/s, keep the
 * state's instant `t` (UTC) and default the Earth orientation to `ZERO_EOP`.
 * @module
 */
import type { EarthOrientation } from './earth-orientation.js';
import { convertState } from './convert-state.js';
import type { StateVector } from './state-vector.js';

/**
 * TEME (SGP4 output) to ITRF (Earth-fixed): GMST (IAU-82, from UT1) plus the kinematic terms of the equation of the equinoxes, Earth rotation ω×r (with LOD), then polar motion.
 * @param s state in TEME (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in ITRF
 */
export function temeToItrf(s: StateVector<'TEME'>, eop?: EarthOrientation): StateVector<'ITRF'> {
  return convertState(s, 'ITRF', eop);
}

/**
 * ITRF to TEME; the inverse of {@link temeToItrf} (round trip ≤ 1e-9 km).
 * @param s state in ITRF (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in TEME
 */
export function itrfToTeme(s: StateVector<'ITRF'>, eop?: EarthOrientation): StateVector<'TEME'> {
  return convertState(s, 'TEME', eop);
}

/**
 * TEME to GCRF (in Vallado's IAU-76/FK5 sense: J2000 mean equator and equinox, with δΔψ/δΔε applied): TEME → TOD by the geometric equation of the equinoxes Δψ·cos ε̄, TOD → MOD by IAU-80 nutation (106 terms), MOD → GCRF by IAU-76 precession. Needs only TT and δΔψ, δΔε.
 * @param s state in TEME (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in GCRF
 */
export function temeToGcrf(s: StateVector<'TEME'>, eop?: EarthOrientation): StateVector<'GCRF'> {
  return convertState(s, 'GCRF', eop);
}

/**
 * GCRF to TEME; the inverse of {@link temeToGcrf}.
 * @param s state in GCRF (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in TEME
 */
export function gcrfToTeme(s: StateVector<'GCRF'>, eop?: EarthOrientation): StateVector<'TEME'> {
  return convertState(s, 'TEME', eop);
}

/**
 * TEME to PEF (pseudo-Earth-fixed: no polar motion): rotation by GMST + kinematic terms and ω×r.
 * @param s state in TEME (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in PEF
 */
export function temeToPef(s: StateVector<'TEME'>, eop?: EarthOrientation): StateVector<'PEF'> {
  return convertState(s, 'PEF', eop);
}

/**
 * PEF to TEME; the inverse of {@link temeToPef}.
 * @param s state in PEF (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in TEME
 */
export function pefToTeme(s: StateVector<'PEF'>, eop?: EarthOrientation): StateVector<'TEME'> {
  return convertState(s, 'TEME', eop);
}

/**
 * PEF to ITRF: polar motion (x_p, y_p) only.
 * @param s state in PEF (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in ITRF
 */
export function pefToItrf(s: StateVector<'PEF'>, eop?: EarthOrientation): StateVector<'ITRF'> {
  return convertState(s, 'ITRF', eop);
}

/**
 * ITRF to PEF: polar motion (x_p, y_p) only.
 * @param s state in ITRF (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in PEF
 */
export function itrfToPef(s: StateVector<'ITRF'>, eop?: EarthOrientation): StateVector<'PEF'> {
  return convertState(s, 'PEF', eop);
}

/**
 * TEME to TOD (true equator, true equinox of date): rotation about z by the geometric equation of the equinoxes Δψ·cos ε̄ (Vallado's TEME convention; no kinematic terms).
 * @param s state in TEME (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in TOD
 */
export function temeToTod(s: StateVector<'TEME'>, eop?: EarthOrientation): StateVector<'TOD'> {
  return convertState(s, 'TOD', eop);
}

/**
 * TOD to TEME; the inverse of {@link temeToTod}.
 * @param s state in TOD (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in TEME
 */
export function todToTeme(s: StateVector<'TOD'>, eop?: EarthOrientation): StateVector<'TEME'> {
  return convertState(s, 'TEME', eop);
}

/**
 * TOD to MOD (mean equator, mean equinox of date): IAU-80 nutation.
 * @param s state in TOD (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in MOD
 */
export function todToMod(s: StateVector<'TOD'>, eop?: EarthOrientation): StateVector<'MOD'> {
  return convertState(s, 'MOD', eop);
}

/**
 * MOD to TOD: IAU-80 nutation.
 * @param s state in MOD (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in TOD
 */
export function modToTod(s: StateVector<'MOD'>, eop?: EarthOrientation): StateVector<'TOD'> {
  return convertState(s, 'TOD', eop);
}

/**
 * MOD to GCRF: IAU-76 precession.
 * @param s state in MOD (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in GCRF
 */
export function modToGcrf(s: StateVector<'MOD'>, eop?: EarthOrientation): StateVector<'GCRF'> {
  return convertState(s, 'GCRF', eop);
}

/**
 * GCRF to MOD: IAU-76 precession.
 * @param s state in GCRF (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in MOD
 */
export function gcrfToMod(s: StateVector<'GCRF'>, eop?: EarthOrientation): StateVector<'MOD'> {
  return convertState(s, 'MOD', eop);
}

/**
 * TOD to PEF: Greenwich apparent sidereal time (GMST + Δψ·cos ε̄ + kinematic terms) and ω×r.
 * @param s state in TOD (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in PEF
 */
export function todToPef(s: StateVector<'TOD'>, eop?: EarthOrientation): StateVector<'PEF'> {
  return convertState(s, 'PEF', eop);
}

/**
 * PEF to TOD; the inverse of {@link todToPef}.
 * @param s state in PEF (km, km/s) at UTC instant `s.t`
 * @param eop Earth orientation (default zero)
 * @returns the same state in TOD
 */
export function pefToTod(s: StateVector<'PEF'>, eop?: EarthOrientation): StateVector<'TOD'> {
  return convertState(s, 'TOD', eop);
}

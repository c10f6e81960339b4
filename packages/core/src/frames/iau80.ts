/**
 * IAU-1976 precession, IAU-1980 nutation, IAU-1982 Greenwich mean sidereal time and the
 * IAU-1980 polar-motion matrix: the FK5-based reduction that TEME is defined against
 * (Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., §3.7; Vallado et al.,
 * "Revisiting Spacetrack Report #3", AIAA 2006-6753, Appendix C). Plain-number kernels.
 * @module
 */
import type { Mat3 } from './mat3.js';
import { mul, rot3 } from './mat3.js';
import { NUT80_TERMS } from './nut80-table.js';

const TWO_PI = 2 * Math.PI;
const RAD_PER_DEG = Math.PI / 180;
const ARCSEC_PER_DEG = 3600;
const RAD_PER_ARCSEC = Math.PI / 648_000;
/** nut80.dat coefficients are in units of 1e-4 arcsec. */
const RAD_PER_NUT80_UNIT = 1e-4 * RAD_PER_ARCSEC;

/** Nominal Earth rotation rate, rad/s (IERS; Vallado's ω⊕ = 7.292115146706979e-5). */
export const EARTH_ROTATION_RAD_PER_SEC = 7.292115146706979e-5;

/** JD_UT1 2450449.5 (1997-01-01 0h UT1) as days since J2000: the kinematic terms start here. */
const KINEMATIC_TERMS_START_UT1_DAYS = 2_450_449.5 - 2_451_545.0;

/** Rotation of the axes by `angle` about x (Vallado's ROT1). */
function rot1(angle: number): Mat3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [1, 0, 0, 0, c, s, 0, -s, c];
}

/** Rotation of the axes by `angle` about y (Vallado's ROT2). */
function rot2(angle: number): Mat3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [c, 0, -s, 0, 1, 0, s, 0, c];
}

const mod2pi = (x: number): number => ((x % TWO_PI) + TWO_PI) % TWO_PI;

/** `(c3·T³ + c2·T² + c1·T)` arcsec plus `c0` degrees, as radians in [0, 2π). */
function delaunay(t: number, c0Deg: number, c1: number, c2: number, c3: number): number {
  return mod2pi(((((c3 * t + c2) * t + c1) * t) / ARCSEC_PER_DEG + c0Deg) * RAD_PER_DEG);
}

/** The five IAU-1980 Delaunay arguments (rad) at `ttCenturies` of TT since J2000. */
export interface DelaunayArguments {
  /** Mean anomaly of the Moon. */
  readonly l: number;
  /** Mean anomaly of the Sun. */
  readonly lPrime: number;
  /** Moon's mean argument of latitude. */
  readonly f: number;
  /** Mean elongation of the Moon from the Sun. */
  readonly d: number;
  /** Longitude of the Moon's mean ascending node. */
  readonly omega: number;
}

/** IAU-1980 Delaunay arguments (Vallado eq. 3-82), rad. */
export function delaunayArguments1980(ttCenturies: number): DelaunayArguments {
  const t = ttCenturies;
  return {
    l: delaunay(t, 134.96298139, 1_717_915_922.633, 31.31, 0.064),
    lPrime: delaunay(t, 357.52772333, 129_596_581.224, -0.577, -0.012),
    f: delaunay(t, 93.27191028, 1_739_527_263.137, -13.257, 0.011),
    d: delaunay(t, 297.85036306, 1_602_961_601.328, -6.891, 0.019),
    omega: delaunay(t, 125.04452222, -6_962_890.539, 7.455, 0.008),
  };
}

/** Mean obliquity of the ecliptic (IAU-1976/1980), rad. */
export function meanObliquity1980(ttCenturies: number): number {
  const t = ttCenturies;
  return (84_381.448 + t * (-46.815 + t * (-0.00059 + t * 0.001813))) * RAD_PER_ARCSEC;
}

/**
 * Precession matrix (IAU-1976, Lieske 1977) taking mean-of-date (MOD) coordinates to the
 * J2000 mean equator and equinox (FK5/GCRF in Vallado's usage): `P = ROT3(ζ)·ROT2(−θ)·ROT3(z)`.
 */
export function precessionMatrix1976(ttCenturies: number): Mat3 {
  const t = ttCenturies;
  const zeta = t * (2306.2181 + t * (0.30188 + t * 0.017998)) * RAD_PER_ARCSEC;
  const theta = t * (2004.3109 + t * (-0.42665 - t * 0.041833)) * RAD_PER_ARCSEC;
  const z = t * (2306.2181 + t * (1.09468 + t * 0.018203)) * RAD_PER_ARCSEC;
  return mul(mul(rot3(zeta), rot2(-theta)), rot3(z));
}

/** IAU-1980 nutation at one TT instant. */
export interface Nutation1980 {
  /** Nutation in longitude Δψ including the δΔψ correction, rad. */
  readonly dPsi: number;
  /** Nutation in obliquity Δε including the δΔε correction, rad. */
  readonly dEps: number;
  /** Mean obliquity ε̄, rad. */
  readonly meanEps: number;
  /** True obliquity ε = ε̄ + Δε, rad. */
  readonly trueEps: number;
  /** Longitude of the Moon's mean ascending node Ω, rad (for the kinematic terms). */
  readonly omega: number;
  /** Nutation matrix taking true-of-date (TOD) coordinates to MOD: `ROT1(−ε̄)·ROT3(Δψ)·ROT1(ε)`. */
  readonly todToMod: Mat3;
}

/**
 * IAU-1980 nutation from all 106 terms of {@link NUT80_TERMS}, with the IERS corrections δΔψ,
 * δΔε added to Δψ, Δε (as Vallado does: they then also enter the equation of the equinoxes).
 */
export function nutation1980(ttCenturies: number, ddPsiRad = 0, ddEpsRad = 0): Nutation1980 {
  const t = ttCenturies;
  const a = delaunayArguments1980(t);
  let psi = 0;
  let eps = 0;
  for (const [ml, mlp, mf, md, mo, A, B, C, D] of NUT80_TERMS) {
    const arg = ml * a.l + mlp * a.lPrime + mf * a.f + md * a.d + mo * a.omega;
    psi += (A + B * t) * Math.sin(arg);
    eps += (C + D * t) * Math.cos(arg);
  }
  const dPsi = psi * RAD_PER_NUT80_UNIT + ddPsiRad;
  const dEps = eps * RAD_PER_NUT80_UNIT + ddEpsRad;
  const meanEps = meanObliquity1980(t);
  const trueEps = meanEps + dEps;
  return {
    dPsi,
    dEps,
    meanEps,
    trueEps,
    omega: a.omega,
    todToMod: mul(mul(rot1(-meanEps), rot3(dPsi)), rot1(trueEps)),
  };
}

/**
 * Greenwich mean sidereal time, IAU-1982 (Aoki et al. 1982; Vallado eq. 3-45), rad in [0, 2π).
 * @param ut1DaysSinceJ2000 JD_UT1 − 2451545.0
 */
export function gmst1982(ut1DaysSinceJ2000: number): number {
  const t = ut1DaysSinceJ2000 / 36_525;
  // Seconds of sidereal time; 876600 h·T is the whole-turn part written out.
  const seconds = 67_310.54841 + (876_600 * 3600 + 8_640_184.812866) * t + 0.093104 * t * t - 6.2e-6 * t * t * t;
  return mod2pi((seconds * TWO_PI) / 86_400);
}

/**
 * The "kinematic" terms of the equation of the equinoxes (IERS Conventions 1996), rad:
 * 0.00264″·sin Ω + 0.000063″·sin 2Ω, applied from 1997-01-01 (JD_UT1 > 2450449.5) and zero
 * before, as in Vallado's `sidereal` and `teme2ecef`. At most 1.3e-8 rad (0.1 m at 8,000 km).
 */
export function kinematicEquinoxTerms(ut1DaysSinceJ2000: number, omega: number): number {
  if (!(ut1DaysSinceJ2000 > KINEMATIC_TERMS_START_UT1_DAYS)) return 0;
  return (0.00264 * Math.sin(omega) + 0.000063 * Math.sin(2 * omega)) * RAD_PER_ARCSEC;
}

/**
 * Geometric equation of the equinoxes Δψ·cos ε̄, rad: the angle from the TEME x-axis (the
 * "uniform" equinox) to the true equinox of date, and the part of GAST − GMST without the
 * kinematic terms.
 */
export function geometricEquationOfEquinoxes(n: Nutation1980): number {
  return n.dPsi * Math.cos(n.meanEps);
}

/**
 * Polar-motion matrix (IAU-1980 form, Vallado `polarm` with the 1980 option) taking ITRF
 * coordinates to PEF: `W = ROT1(y_p)·ROT2(x_p)` (small-angle-exact).
 */
export function polarMotionMatrix1980(xpRad: number, ypRad: number): Mat3 {
  return mul(rot1(ypRad), rot2(xpRad));
}

/** Earth rotation rate corrected for the excess length of day, rad/s: ω⊕·(1 − LOD/86400). */
export function earthRotationRate(lodSec: number): number {
  return EARTH_ROTATION_RAD_PER_SEC * (1 - lodSec / 86_400);
}

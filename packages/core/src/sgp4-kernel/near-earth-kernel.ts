/**
 * orbwatch's near-Earth SGP4 kernel: the propagation step of SGP4 (Hoots & Roehrich,
 * Spacetrack Report #3, 1980, with the corrections of Vallado, Crawford, Hujsak & Kelso,
 * "Revisiting Spacetrack Report #3", AIAA 2006-6753), WGS-72 constants, for objects whose
 * period is under 225 minutes (`method 'n'`).
 *
 * Layout: the per-object constants that SGP4 initialisation (`sgp4init`) produces are packed as
 * one record of {@link NE_STRIDE} float64 values per object in a `Float64Array` (transferable,
 * no objects on the hot path). {@link propagateNearEarthGrid} loads one record into locals once
 * and then steps through an evenly spaced time grid without allocating.
 *
 * The arithmetic is written in the same order as Vallado's reference `sgp4()` (and so as
 * satellite.js 7), so that results agree to the last bit with satellite.js's `sgp4(satrec, t)`
 * for the same `t` in minutes; the SGP4-VER reference suite and a catalog comparison test this.
 * @module
 */
import { J2, TWO_PI, VKM_PER_SEC, WGS72_EARTH_RADIUS_KM, X2O3, XKE } from './wgs72.js';

/**
 * The initialised SGP4 constants of one object, by their names in Vallado's `elsetrec` (and
 * satellite.js's `SatRec`, which satisfies this interface structurally). Angles rad, mean motion
 * rad/min, distances Earth radii, time minutes.
 */
export interface Sgp4InitialisedConstants {
  readonly method: 'n' | 'd';
  readonly isimp: number;
  readonly no: number;
  readonly ecco: number;
  readonly inclo: number;
  readonly nodeo: number;
  readonly argpo: number;
  readonly mo: number;
  readonly bstar: number;
  readonly mdot: number;
  readonly argpdot: number;
  readonly nodedot: number;
  readonly nodecf: number;
  readonly cc1: number;
  readonly cc4: number;
  readonly cc5: number;
  readonly t2cof: number;
  readonly t3cof: number;
  readonly t4cof: number;
  readonly t5cof: number;
  readonly omgcof: number;
  readonly eta: number;
  readonly xmcof: number;
  readonly delmo: number;
  readonly d2: number;
  readonly d3: number;
  readonly d4: number;
  readonly sinmao: number;
  readonly aycof: number;
  readonly xlcof: number;
  readonly con41: number;
  readonly x1mth2: number;
  readonly x7thm1: number;
}

const I_NO = 0;
const I_ECCO = 1;
const I_INCLO = 2;
const I_NODEO = 3;
const I_ARGPO = 4;
const I_MO = 5;
const I_BSTAR = 6;
const I_MDOT = 7;
const I_ARGPDOT = 8;
const I_NODEDOT = 9;
const I_NODECF = 10;
const I_CC1 = 11;
const I_BSTAR_CC4 = 12;
const I_BSTAR_CC5 = 13;
const I_T2COF = 14;
const I_T3COF = 15;
const I_T4COF = 16;
const I_T5COF = 17;
const I_OMGCOF = 18;
const I_ETA = 19;
const I_XMCOF = 20;
const I_DELMO = 21;
const I_D2 = 22;
const I_D3 = 23;
const I_D4 = 24;
const I_SINMAO = 25;
const I_AYCOF = 26;
const I_XLCOF = 27;
const I_CON41 = 28;
const I_X1MTH2 = 29;
const I_X7THM1 = 30;
const I_ISIMP = 31;
const I_SINIM = 32;
const I_COSIM = 33;

/** Number of float64 values per object record. */
export const NE_STRIDE = 34;

/** SGP4 error codes (Vallado's `error` field), as stored in an ephemeris status byte. */
export const SGP4_OK = 0;
/** Mean eccentricity out of range (e ≥ 1 or e < -0.001). */
export const SGP4_MEAN_ECCENTRICITY = 1;
/** Mean motion ≤ 0. */
export const SGP4_MEAN_MOTION = 2;
/** Perturbed eccentricity out of range (deep space only). */
export const SGP4_PERTURBED_ECCENTRICITY = 3;
/** Semi-latus rectum < 0. */
export const SGP4_SEMI_LATUS_RECTUM = 4;
/** Decayed: the osculating radius is below one Earth radius. */
export const SGP4_DECAYED = 6;

/**
 * Packs the initialised constants of a near-Earth object into `c` at record offset `offset`
 * (in float64 units). Throws RangeError for a deep-space object (programmer error: route those
 * to the deep-space path).
 */
export function packNearEarth(k: Sgp4InitialisedConstants, c: Float64Array, offset: number): void {
  if (k.method !== 'n') throw new RangeError('packNearEarth: deep-space object (method "d")');
  c[offset + I_NO] = k.no;
  c[offset + I_ECCO] = k.ecco;
  c[offset + I_INCLO] = k.inclo;
  c[offset + I_NODEO] = k.nodeo;
  c[offset + I_ARGPO] = k.argpo;
  c[offset + I_MO] = k.mo;
  c[offset + I_BSTAR] = k.bstar;
  c[offset + I_MDOT] = k.mdot;
  c[offset + I_ARGPDOT] = k.argpdot;
  c[offset + I_NODEDOT] = k.nodedot;
  c[offset + I_NODECF] = k.nodecf;
  c[offset + I_CC1] = k.cc1;
  // Same association as the reference: bstar * cc4 * t == (bstar * cc4) * t.
  c[offset + I_BSTAR_CC4] = k.bstar * k.cc4;
  c[offset + I_BSTAR_CC5] = k.bstar * k.cc5;
  c[offset + I_T2COF] = k.t2cof;
  c[offset + I_T3COF] = k.t3cof;
  c[offset + I_T4COF] = k.t4cof;
  c[offset + I_T5COF] = k.t5cof;
  c[offset + I_OMGCOF] = k.omgcof;
  c[offset + I_ETA] = k.eta;
  c[offset + I_XMCOF] = k.xmcof;
  c[offset + I_DELMO] = k.delmo;
  c[offset + I_D2] = k.d2;
  c[offset + I_D3] = k.d3;
  c[offset + I_D4] = k.d4;
  c[offset + I_SINMAO] = k.sinmao;
  c[offset + I_AYCOF] = k.aycof;
  c[offset + I_XLCOF] = k.xlcof;
  c[offset + I_CON41] = k.con41;
  c[offset + I_X1MTH2] = k.x1mth2;
  c[offset + I_X7THM1] = k.x7thm1;
  c[offset + I_ISIMP] = k.isimp;
  // Near Earth, the mean inclination never changes, so sin/cos are loop invariants.
  c[offset + I_SINIM] = Math.sin(k.inclo);
  c[offset + I_COSIM] = Math.cos(k.inclo);
}

/**
 * Propagates one near-Earth object over `count` times `tsince0 + i·dtMin` (minutes since the
 * element-set epoch). Writes x, y, z (km) and vx, vy, vz (km/s), TEME, at
 * `out[outOffset + 6i ..]` and the SGP4 status code at `status[statusOffset + i]`; a sample
 * with a non-zero code gets NaN in all six slots. Allocates nothing.
 */
export function propagateNearEarthGrid(
  c: Float64Array,
  offset: number,
  tsince0: number,
  dtMin: number,
  count: number,
  out: Float64Array,
  outOffset: number,
  status: Uint8Array,
  statusOffset: number,
): void {
  const no = c[offset + I_NO] ?? NaN;
  const ecco = c[offset + I_ECCO] ?? NaN;
  const inclo = c[offset + I_INCLO] ?? NaN;
  const nodeo = c[offset + I_NODEO] ?? NaN;
  const argpo = c[offset + I_ARGPO] ?? NaN;
  const mo = c[offset + I_MO] ?? NaN;
  const mdot = c[offset + I_MDOT] ?? NaN;
  const argpdot = c[offset + I_ARGPDOT] ?? NaN;
  const nodedot = c[offset + I_NODEDOT] ?? NaN;
  const nodecf = c[offset + I_NODECF] ?? NaN;
  const cc1 = c[offset + I_CC1] ?? NaN;
  const bstarCc4 = c[offset + I_BSTAR_CC4] ?? NaN;
  const bstarCc5 = c[offset + I_BSTAR_CC5] ?? NaN;
  const t2cof = c[offset + I_T2COF] ?? NaN;
  const t3cof = c[offset + I_T3COF] ?? NaN;
  const t4cof = c[offset + I_T4COF] ?? NaN;
  const t5cof = c[offset + I_T5COF] ?? NaN;
  const omgcof = c[offset + I_OMGCOF] ?? NaN;
  const eta = c[offset + I_ETA] ?? NaN;
  const xmcof = c[offset + I_XMCOF] ?? NaN;
  const delmo = c[offset + I_DELMO] ?? NaN;
  const d2 = c[offset + I_D2] ?? NaN;
  const d3 = c[offset + I_D3] ?? NaN;
  const d4 = c[offset + I_D4] ?? NaN;
  const sinmao = c[offset + I_SINMAO] ?? NaN;
  const aycof = c[offset + I_AYCOF] ?? NaN;
  const xlcof = c[offset + I_XLCOF] ?? NaN;
  const con41 = c[offset + I_CON41] ?? NaN;
  const x1mth2 = c[offset + I_X1MTH2] ?? NaN;
  const x7thm1 = c[offset + I_X7THM1] ?? NaN;
  const full = c[offset + I_ISIMP] !== 1;
  const sinip = c[offset + I_SINIM] ?? NaN;
  const cosip = c[offset + I_COSIM] ?? NaN;
  // Near Earth the mean motion entering this power is always `no`: a loop invariant (the
  // same float64 value the reference computes at every call).
  const aBase = (XKE / no) ** X2O3;

  for (let i = 0; i < count; i++) {
    const t = tsince0 + i * dtMin;
    const o = outOffset + 6 * i;
    const s = statusOffset + i;

    // ------- secular gravity and atmospheric drag -------
    const xmdf = mo + mdot * t;
    const argpdf = argpo + argpdot * t;
    const nodedf = nodeo + nodedot * t;
    let argpm = argpdf;
    let mm = xmdf;
    const t2 = t * t;
    let nodem = nodedf + nodecf * t2;
    let tempa = 1.0 - cc1 * t;
    let tempe = bstarCc4 * t;
    let templ = t2cof * t2;
    if (full) {
      const delomg = omgcof * t;
      const delmtemp = 1.0 + eta * Math.cos(xmdf);
      const delm = xmcof * (delmtemp * delmtemp * delmtemp - delmo);
      const temp = delomg + delm;
      mm = xmdf + temp;
      argpm = argpdf - temp;
      const t3 = t2 * t;
      const t4 = t3 * t;
      tempa = tempa - d2 * t2 - d3 * t3 - d4 * t4;
      tempe += bstarCc5 * (Math.sin(mm) - sinmao);
      templ = templ + t3cof * t3 + t4 * (t4cof + t * t5cof);
    }
    let em = ecco;
    if (no <= 0.0) {
      fail(out, o, status, s, SGP4_MEAN_MOTION);
      continue;
    }
    const am = aBase * tempa * tempa;
    const nm = XKE / am ** 1.5;
    em -= tempe;
    if (em >= 1.0 || em < -0.001) {
      fail(out, o, status, s, SGP4_MEAN_ECCENTRICITY);
      continue;
    }
    if (em < 1.0e-6) em = 1.0e-6;
    mm += no * templ;
    let xlm = mm + argpm + nodem;
    nodem %= TWO_PI;
    argpm %= TWO_PI;
    xlm %= TWO_PI;
    mm = (xlm - argpm - nodem) % TWO_PI;

    // ------- long-period periodics -------
    const ep = em;
    const axnl = ep * Math.cos(argpm);
    let temp = 1.0 / (am * (1.0 - ep * ep));
    const aynl = ep * Math.sin(argpm) + temp * aycof;
    const xl = mm + argpm + nodem + temp * xlcof * axnl;

    // ------- Kepler's equation -------
    const u = (xl - nodem) % TWO_PI;
    let eo1 = u;
    let tem5 = 9999.9;
    let ktr = 1;
    let sineo1 = 0;
    let coseo1 = 0;
    while (Math.abs(tem5) >= 1.0e-12 && ktr <= 10) {
      sineo1 = Math.sin(eo1);
      coseo1 = Math.cos(eo1);
      tem5 = 1.0 - coseo1 * axnl - sineo1 * aynl;
      tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5;
      if (Math.abs(tem5) >= 0.95) tem5 = tem5 > 0.0 ? 0.95 : -0.95;
      eo1 += tem5;
      ktr += 1;
    }

    // ------- short-period preliminary quantities -------
    const ecose = axnl * coseo1 + aynl * sineo1;
    const esine = axnl * sineo1 - aynl * coseo1;
    const el2 = axnl * axnl + aynl * aynl;
    const pl = am * (1.0 - el2);
    if (pl < 0.0) {
      fail(out, o, status, s, SGP4_SEMI_LATUS_RECTUM);
      continue;
    }
    const rl = am * (1.0 - ecose);
    const rdotl = (Math.sqrt(am) * esine) / rl;
    const rvdotl = Math.sqrt(pl) / rl;
    const betal = Math.sqrt(1.0 - el2);
    temp = esine / (1.0 + betal);
    const sinu = (am / rl) * (sineo1 - aynl - axnl * temp);
    const cosu = (am / rl) * (coseo1 - axnl + aynl * temp);
    let su = Math.atan2(sinu, cosu);
    const sin2u = (cosu + cosu) * sinu;
    const cos2u = 1.0 - 2.0 * sinu * sinu;
    temp = 1.0 / pl;
    const temp1 = 0.5 * J2 * temp;
    const temp2 = temp1 * temp;

    // ------- short-period periodics -------
    const mrt = rl * (1.0 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
    if (mrt < 1.0) {
      fail(out, o, status, s, SGP4_DECAYED);
      continue;
    }
    su -= 0.25 * temp2 * x7thm1 * sin2u;
    const xnode = nodem + 1.5 * temp2 * cosip * sin2u;
    const xinc = inclo + 1.5 * temp2 * cosip * sinip * cos2u;
    const mvt = rdotl - (nm * temp1 * x1mth2 * sin2u) / XKE;
    const rvdot = rvdotl + (nm * temp1 * (x1mth2 * cos2u + 1.5 * con41)) / XKE;

    // ------- orientation vectors -------
    const sinsu = Math.sin(su);
    const cossu = Math.cos(su);
    const snod = Math.sin(xnode);
    const cnod = Math.cos(xnode);
    const sini = Math.sin(xinc);
    const cosi = Math.cos(xinc);
    const xmx = -snod * cosi;
    const xmy = cnod * cosi;
    const ux = xmx * sinsu + cnod * cossu;
    const uy = xmy * sinsu + snod * cossu;
    const uz = sini * sinsu;
    const vx = xmx * cossu - cnod * sinsu;
    const vy = xmy * cossu - snod * sinsu;
    const vz = sini * cossu;

    out[o] = mrt * ux * WGS72_EARTH_RADIUS_KM;
    out[o + 1] = mrt * uy * WGS72_EARTH_RADIUS_KM;
    out[o + 2] = mrt * uz * WGS72_EARTH_RADIUS_KM;
    out[o + 3] = (mvt * ux + rvdot * vx) * VKM_PER_SEC;
    out[o + 4] = (mvt * uy + rvdot * vy) * VKM_PER_SEC;
    out[o + 5] = (mvt * uz + rvdot * vz) * VKM_PER_SEC;
    status[s] = SGP4_OK;
  }
}

function fail(out: Float64Array, o: number, status: Uint8Array, s: number, code: number): void {
  out[o] = NaN;
  out[o + 1] = NaN;
  out[o + 2] = NaN;
  out[o + 3] = NaN;
  out[o + 4] = NaN;
  out[o + 5] = NaN;
  status[s] = code;
}

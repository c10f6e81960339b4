/**
 * orbwatch's deep-space SGP4 kernel (SDP4: period ≥ 225 min, `method 'd'`): the propagation
 * step of Hoots & Roehrich (Spacetrack Report #3, 1980; deep-space theory of Hujsak 1979) with
 * the corrections of Vallado et al. (AIAA 2006-6753): secular lunar-solar rates and the
 * 12 h / 24 h resonance integrator (`dspace`), lunar-solar periodics (`dpper`), then the same
 * Kepler and short-period steps as near Earth. WGS-72.
 *
 * The constants come from SGP4 initialisation (`sgp4init`, `dscom`, `dsinit`), packed per object
 * in a `Float64Array` record of {@link DS_STRIDE} values. The resonance integrator takes fixed
 * 720-minute Euler-Maclaurin steps from the epoch; like Vallado's C++ (and unlike satellite.js,
 * which restarts from the epoch at every call) the integrator state (time, mean longitude,
 * mean motion) is kept between samples in a separate `Float64Array` of {@link DS_STATE_SIZE}
 * values per object, so a forward grid costs one step per 720 minutes instead of
 * t/720 steps per sample. The restart rule is Vallado's, and since the steps always start at
 * the epoch on the same 720-minute grid the numbers are identical to restarting every time.
 * @module
 */
import type { Sgp4InitialisedConstants } from './near-earth-kernel.js';
import {
  SGP4_DECAYED,
  SGP4_MEAN_ECCENTRICITY,
  SGP4_MEAN_MOTION,
  SGP4_OK,
  SGP4_PERTURBED_ECCENTRICITY,
  SGP4_SEMI_LATUS_RECTUM,
} from './near-earth-kernel.js';
import { J2, J3OJ2, TWO_PI, VKM_PER_SEC, WGS72_EARTH_RADIUS_KM, X2O3, XKE } from './wgs72.js';

/** Deep-space constants from `dscom`/`dsinit`, by their `elsetrec` names. */
export interface Sgp4DeepSpaceConstants extends Sgp4InitialisedConstants {
  readonly operationmode: 'a' | 'i';
  readonly irez: number;
  readonly d2201: number;
  readonly d2211: number;
  readonly d3210: number;
  readonly d3222: number;
  readonly d4410: number;
  readonly d4422: number;
  readonly d5220: number;
  readonly d5232: number;
  readonly d5421: number;
  readonly d5433: number;
  readonly dedt: number;
  readonly didt: number;
  readonly dmdt: number;
  readonly dnodt: number;
  readonly domdt: number;
  readonly del1: number;
  readonly del2: number;
  readonly del3: number;
  readonly xfact: number;
  readonly xlamo: number;
  readonly gsto: number;
  readonly e3: number;
  readonly ee2: number;
  readonly peo: number;
  readonly pgho: number;
  readonly pho: number;
  readonly pinco: number;
  readonly plo: number;
  readonly se2: number;
  readonly se3: number;
  readonly sgh2: number;
  readonly sgh3: number;
  readonly sgh4: number;
  readonly sh2: number;
  readonly sh3: number;
  readonly si2: number;
  readonly si3: number;
  readonly sl2: number;
  readonly sl3: number;
  readonly sl4: number;
  readonly xgh2: number;
  readonly xgh3: number;
  readonly xgh4: number;
  readonly xh2: number;
  readonly xh3: number;
  readonly xi2: number;
  readonly xi3: number;
  readonly xl2: number;
  readonly xl3: number;
  readonly xl4: number;
  readonly zmol: number;
  readonly zmos: number;
  readonly atime: number;
  readonly xli: number;
  readonly xni: number;
}

const FIELDS = [
  'no',
  'ecco',
  'inclo',
  'nodeo',
  'argpo',
  'mo',
  'mdot',
  'argpdot',
  'nodedot',
  'nodecf',
  'cc1',
  't2cof',
  'irez',
  'd2201',
  'd2211',
  'd3210',
  'd3222',
  'd4410',
  'd4422',
  'd5220',
  'd5232',
  'd5421',
  'd5433',
  'dedt',
  'didt',
  'dmdt',
  'dnodt',
  'domdt',
  'del1',
  'del2',
  'del3',
  'xfact',
  'xlamo',
  'gsto',
  'e3',
  'ee2',
  'peo',
  'pgho',
  'pho',
  'pinco',
  'plo',
  'se2',
  'se3',
  'sgh2',
  'sgh3',
  'sgh4',
  'sh2',
  'sh3',
  'si2',
  'si3',
  'sl2',
  'sl3',
  'sl4',
  'xgh2',
  'xgh3',
  'xgh4',
  'xh2',
  'xh3',
  'xi2',
  'xi3',
  'xl2',
  'xl3',
  'xl4',
  'zmol',
  'zmos',
] as const;

type Field = (typeof FIELDS)[number];
const IX = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;
const I_BSTAR_CC4 = FIELDS.length;
const I_AFSPC = FIELDS.length + 1;

/** Number of float64 values per deep-space object record. */
export const DS_STRIDE = FIELDS.length + 2;
/** Integrator state per object: atime (min), xli (rad), xni (rad/min). */
export const DS_STATE_SIZE = 3;

/**
 * Packs a deep-space object's constants into `c` at `offset` and its integrator state into
 * `state` at `stateOffset`. Throws RangeError for a near-Earth object.
 */
export function packDeepSpace(
  k: Sgp4DeepSpaceConstants,
  c: Float64Array,
  offset: number,
  state: Float64Array,
  stateOffset: number,
): void {
  if (k.method !== 'd') throw new RangeError('packDeepSpace: near-Earth object (method "n")');
  for (const f of FIELDS) c[offset + IX[f]] = k[f];
  c[offset + I_BSTAR_CC4] = k.bstar * k.cc4;
  c[offset + I_AFSPC] = k.operationmode === 'a' ? 1 : 0;
  state[stateOffset] = k.atime;
  state[stateOffset + 1] = k.xli;
  state[stateOffset + 2] = k.xni;
}

const ZNS = 1.19459e-5;
const ZES = 0.01675;
const ZNL = 1.5835218e-4;
const ZEL = 0.0549;
const FASX2 = 0.13130908;
const FASX4 = 2.8843198;
const FASX6 = 0.37448087;
const G22 = 5.7686396;
const G32 = 0.95240898;
const G44 = 1.8014998;
const G52 = 1.050833;
const G54 = 4.4108898;
/** Earth rotation, rad/min (Vallado writes 4.37526908801129966e-3; same float64). */
const RPTIM = 0.0043752690880113;
const STEPP = 720.0;
const STEPN = -720.0;
const STEP2 = 259200.0;
const TEMP4 = 1.5e-12;

/**
 * Propagates one deep-space object over `count` times `tsince0 + i·dtMin` (minutes since epoch);
 * output layout and status codes as in `propagateNearEarthGrid`. Updates the object's
 * integrator state in `state`. Allocates nothing.
 */
export function propagateDeepSpaceGrid(
  c: Float64Array,
  offset: number,
  state: Float64Array,
  stateOffset: number,
  tsince0: number,
  dtMin: number,
  count: number,
  out: Float64Array,
  outOffset: number,
  status: Uint8Array,
  statusOffset: number,
): void {
  const g = (f: Field): number => c[offset + IX[f]] ?? NaN;
  const no = g('no');
  const ecco = g('ecco');
  const inclo = g('inclo');
  const nodeo = g('nodeo');
  const argpo = g('argpo');
  const mo = g('mo');
  const mdot = g('mdot');
  const argpdot = g('argpdot');
  const nodedot = g('nodedot');
  const nodecf = g('nodecf');
  const cc1 = g('cc1');
  const t2cof = g('t2cof');
  const irez = g('irez');
  const d2201 = g('d2201');
  const d2211 = g('d2211');
  const d3210 = g('d3210');
  const d3222 = g('d3222');
  const d4410 = g('d4410');
  const d4422 = g('d4422');
  const d5220 = g('d5220');
  const d5232 = g('d5232');
  const d5421 = g('d5421');
  const d5433 = g('d5433');
  const dedt = g('dedt');
  const didt = g('didt');
  const dmdt = g('dmdt');
  const dnodt = g('dnodt');
  const domdt = g('domdt');
  const del1 = g('del1');
  const del2 = g('del2');
  const del3 = g('del3');
  const xfact = g('xfact');
  const xlamo = g('xlamo');
  const gsto = g('gsto');
  const e3 = g('e3');
  const ee2 = g('ee2');
  const peo = g('peo');
  const pgho = g('pgho');
  const pho = g('pho');
  const pinco = g('pinco');
  const plo = g('plo');
  const se2 = g('se2');
  const se3 = g('se3');
  const sgh2 = g('sgh2');
  const sgh3 = g('sgh3');
  const sgh4 = g('sgh4');
  const sh2 = g('sh2');
  const sh3 = g('sh3');
  const si2 = g('si2');
  const si3 = g('si3');
  const sl2 = g('sl2');
  const sl3 = g('sl3');
  const sl4 = g('sl4');
  const xgh2 = g('xgh2');
  const xgh3 = g('xgh3');
  const xgh4 = g('xgh4');
  const xh2 = g('xh2');
  const xh3 = g('xh3');
  const xi2 = g('xi2');
  const xi3 = g('xi3');
  const xl2 = g('xl2');
  const xl3 = g('xl3');
  const xl4 = g('xl4');
  const zmol = g('zmol');
  const zmos = g('zmos');
  const bstarCc4 = c[offset + I_BSTAR_CC4] ?? NaN;
  const afspc = c[offset + I_AFSPC] === 1;
  let atime = state[stateOffset] ?? NaN;
  let xli = state[stateOffset + 1] ?? NaN;
  let xni = state[stateOffset + 2] ?? NaN;

  for (let i = 0; i < count; i++) {
    const t = tsince0 + i * dtMin;
    const o = outOffset + 6 * i;
    const s = statusOffset + i;

    // ------- secular gravity and drag (isimp = 1 in deep space) -------
    const xmdf = mo + mdot * t;
    const argpdf = argpo + argpdot * t;
    const nodedf = nodeo + nodedot * t;
    let argpm = argpdf;
    let mm = xmdf;
    const t2 = t * t;
    let nodem = nodedf + nodecf * t2;
    const tempa = 1.0 - cc1 * t;
    const tempe = bstarCc4 * t;
    const templ = t2cof * t2;
    let nm = no;
    let em = ecco;
    let inclm = inclo;

    // ------- dspace: lunar-solar secular rates and resonances -------
    const theta = (gsto + t * RPTIM) % TWO_PI;
    em += dedt * t;
    inclm += didt * t;
    argpm += domdt * t;
    nodem += dnodt * t;
    mm += dmdt * t;
    if (irez !== 0) {
      if (atime === 0.0 || t * atime <= 0.0 || Math.abs(t) < Math.abs(atime)) {
        atime = 0.0;
        xni = no;
        xli = xlamo;
      }
      const delt = t > 0.0 ? STEPP : STEPN;
      let xndt = 0;
      let xldot = 0;
      let xnddt = 0;
      let ft = 0.0;
      for (;;) {
        if (irez !== 2) {
          xndt =
            del1 * Math.sin(xli - FASX2) + del2 * Math.sin(2.0 * (xli - FASX4)) + del3 * Math.sin(3.0 * (xli - FASX6));
          xldot = xni + xfact;
          xnddt =
            del1 * Math.cos(xli - FASX2) +
            2.0 * del2 * Math.cos(2.0 * (xli - FASX4)) +
            3.0 * del3 * Math.cos(3.0 * (xli - FASX6));
          xnddt *= xldot;
        } else {
          const xomi = argpo + argpdot * atime;
          const x2omi = xomi + xomi;
          const x2li = xli + xli;
          xndt =
            d2201 * Math.sin(x2omi + xli - G22) +
            d2211 * Math.sin(xli - G22) +
            d3210 * Math.sin(xomi + xli - G32) +
            d3222 * Math.sin(-xomi + xli - G32) +
            d4410 * Math.sin(x2omi + x2li - G44) +
            d4422 * Math.sin(x2li - G44) +
            d5220 * Math.sin(xomi + xli - G52) +
            d5232 * Math.sin(-xomi + xli - G52) +
            d5421 * Math.sin(xomi + x2li - G54) +
            d5433 * Math.sin(-xomi + x2li - G54);
          xldot = xni + xfact;
          xnddt =
            d2201 * Math.cos(x2omi + xli - G22) +
            d2211 * Math.cos(xli - G22) +
            d3210 * Math.cos(xomi + xli - G32) +
            d3222 * Math.cos(-xomi + xli - G32) +
            d5220 * Math.cos(xomi + xli - G52) +
            d5232 * Math.cos(-xomi + xli - G52) +
            2.0 *
              (d4410 * Math.cos(x2omi + x2li - G44) +
                d4422 * Math.cos(x2li - G44) +
                d5421 * Math.cos(xomi + x2li - G54) +
                d5433 * Math.cos(-xomi + x2li - G54));
          xnddt *= xldot;
        }
        if (Math.abs(t - atime) >= STEPP) {
          xli += xldot * delt + xndt * STEP2;
          xni += xndt * delt + xnddt * STEP2;
          atime += delt;
        } else {
          ft = t - atime;
          break;
        }
      }
      nm = xni + xndt * ft + xnddt * ft * ft * 0.5;
      const xl = xli + xldot * ft + xndt * ft * ft * 0.5;
      if (irez !== 1) {
        mm = xl - 2.0 * nodem + 2.0 * theta;
      } else {
        mm = xl - nodem - argpm + theta;
      }
      const dndt = nm - no;
      nm = no + dndt;
    }

    if (nm <= 0.0) {
      fail(out, o, status, s, SGP4_MEAN_MOTION);
      continue;
    }
    const am = (XKE / nm) ** X2O3 * tempa * tempa;
    nm = XKE / am ** 1.5;
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

    // ------- dpper: lunar-solar periodics -------
    let ep = em;
    let xincp = inclm;
    let argpp = argpm;
    let nodep = nodem;
    let mp = mm;
    {
      let zm = zmos + ZNS * t;
      let zf = zm + 2.0 * ZES * Math.sin(zm);
      let sinzf = Math.sin(zf);
      let f2 = 0.5 * sinzf * sinzf - 0.25;
      let f3 = -0.5 * sinzf * Math.cos(zf);
      const ses = se2 * f2 + se3 * f3;
      const sis = si2 * f2 + si3 * f3;
      const sls = sl2 * f2 + sl3 * f3 + sl4 * sinzf;
      const sghs = sgh2 * f2 + sgh3 * f3 + sgh4 * sinzf;
      const shs = sh2 * f2 + sh3 * f3;
      zm = zmol + ZNL * t;
      zf = zm + 2.0 * ZEL * Math.sin(zm);
      sinzf = Math.sin(zf);
      f2 = 0.5 * sinzf * sinzf - 0.25;
      f3 = -0.5 * sinzf * Math.cos(zf);
      const sel = ee2 * f2 + e3 * f3;
      const sil = xi2 * f2 + xi3 * f3;
      const sll = xl2 * f2 + xl3 * f3 + xl4 * sinzf;
      const sghl = xgh2 * f2 + xgh3 * f3 + xgh4 * sinzf;
      const shll = xh2 * f2 + xh3 * f3;
      let pe = ses + sel;
      let pinc = sis + sil;
      let pl = sls + sll;
      let pgh = sghs + sghl;
      let ph = shs + shll;
      pe -= peo;
      pinc -= pinco;
      pl -= plo;
      pgh -= pgho;
      ph -= pho;
      xincp += pinc;
      ep += pe;
      const sinip0 = Math.sin(xincp);
      const cosip0 = Math.cos(xincp);
      if (xincp >= 0.2) {
        ph /= sinip0;
        pgh -= cosip0 * ph;
        argpp += pgh;
        nodep += ph;
        mp += pl;
      } else {
        const sinop = Math.sin(nodep);
        const cosop = Math.cos(nodep);
        let alfdp = sinip0 * sinop;
        let betdp = sinip0 * cosop;
        const dalf = ph * cosop + pinc * cosip0 * sinop;
        const dbet = -ph * sinop + pinc * cosip0 * cosop;
        alfdp += dalf;
        betdp += dbet;
        nodep %= TWO_PI;
        if (nodep < 0.0 && afspc) nodep += TWO_PI;
        let xls = mp + argpp + cosip0 * nodep;
        const dls = pl + pgh - pinc * nodep * sinip0;
        xls += dls;
        const xnoh = nodep;
        nodep = Math.atan2(alfdp, betdp);
        if (nodep < 0.0 && afspc) nodep += TWO_PI;
        if (Math.abs(xnoh - nodep) > Math.PI) {
          if (nodep < xnoh) nodep += TWO_PI;
          else nodep -= TWO_PI;
        }
        mp += pl;
        argpp = xls - mp - cosip0 * nodep;
      }
    }
    if (xincp < 0.0) {
      xincp = -xincp;
      nodep += Math.PI;
      argpp -= Math.PI;
    }
    if (ep < 0.0 || ep > 1.0) {
      fail(out, o, status, s, SGP4_PERTURBED_ECCENTRICITY);
      continue;
    }

    // ------- long-period periodics -------
    const sinip = Math.sin(xincp);
    const cosip = Math.cos(xincp);
    const aycof = -0.5 * J3OJ2 * sinip;
    const xlcof =
      Math.abs(cosip + 1.0) > 1.5e-12
        ? (-0.25 * J3OJ2 * sinip * (3.0 + 5.0 * cosip)) / (1.0 + cosip)
        : (-0.25 * J3OJ2 * sinip * (3.0 + 5.0 * cosip)) / TEMP4;
    const axnl = ep * Math.cos(argpp);
    let temp = 1.0 / (am * (1.0 - ep * ep));
    const aynl = ep * Math.sin(argpp) + temp * aycof;
    const xl = mp + argpp + nodep + temp * xlcof * axnl;

    // ------- Kepler's equation -------
    const u = (xl - nodep) % TWO_PI;
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
    const cosisq = cosip * cosip;
    const con41 = 3.0 * cosisq - 1.0;
    const x1mth2 = 1.0 - cosisq;
    const x7thm1 = 7.0 * cosisq - 1.0;
    const mrt = rl * (1.0 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
    if (mrt < 1.0) {
      fail(out, o, status, s, SGP4_DECAYED);
      continue;
    }
    su -= 0.25 * temp2 * x7thm1 * sin2u;
    const xnode = nodep + 1.5 * temp2 * cosip * sin2u;
    const xinc = xincp + 1.5 * temp2 * cosip * sinip * cos2u;
    const mvt = rdotl - (nm * temp1 * x1mth2 * sin2u) / XKE;
    const rvdot = rvdotl + (nm * temp1 * (x1mth2 * cos2u + 1.5 * con41)) / XKE;

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
  state[stateOffset] = atime;
  state[stateOffset + 1] = xli;
  state[stateOffset + 2] = xni;
}

function fail(out: Float64Array, o: number, status: Uint8Array, s: number, code: number): void {
  out.fill(NaN, o, o + 6);
  status[s] = code;
}

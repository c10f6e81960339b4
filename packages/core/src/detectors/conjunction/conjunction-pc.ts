/**
 * Collision probability of a close approach found in element sets, which carry no covariance:
 * each object gets the documented default RTN covariance of its orbit regime at its set's age
 * at TCA (`defaultTleCovarianceRtnKm2`, docs/accuracy.md §5), and the encounter gives
 * - `pc`: Foster (1992) with those covariances — indicative only, since their size is a
 *   conservative reading of published TLE accuracy, not a fitted model;
 * - `pcMax`: Alfano's (2005) maximum over the covariance size, which depends only on the
 *   covariance's shape — what SOCRATES reports for element sets, and the defensible figure.
 * No Pc (null, with a note) for an encounter slower than the parameters allow (the short-term
 * encounter model does not hold) or whose geometry the encounter plane rejects.
 * @module
 */
import { defaultTleCovarianceRtnKm2 } from '../../conjunction/default-covariance.js';
import type { ObjectAtTca } from '../../conjunction/encounter-plane.js';
import { rtnCovarianceToInertial } from '../../conjunction/encounter-plane.js';
import { pcFromStates } from '../../conjunction/pc-from-states.js';
import { pcMaxAlfano2005 } from '../../conjunction/pc-max-alfano-2005.js';
import type { Mat3, V3 } from '../../frames/mat3.js';
import { apply, dot, norm } from '../../frames/mat3.js';
import type { OrbitRegime } from '../../propagation/orbit-regime.js';
import type { ConjunctionParameters } from './conjunction-parameters.js';

/** Names of the Pc methods, as stored with each conjunction. */
export const PC_METHOD = 'foster-1992';
export const PC_MAX_METHOD = 'alfano-2005-max';

/** One object at TCA as screening knows it: TEME state, orbit regime and element-set age. */
export interface ScreenedObjectAtTca {
  readonly stateTeme: readonly [number, number, number, number, number, number];
  readonly regime: OrbitRegime;
  /** TCA − element-set epoch, days. */
  readonly ageDays: number;
}

export interface ConjunctionPc {
  readonly pc: number | null;
  readonly pcMax: number | null;
  /** Why there is no Pc, or null. */
  readonly note: string | null;
  /** 1σ of the combined default covariance along the miss vector, km (NaN when undefined). */
  readonly missSigmaKm: number;
}

function atTca(o: ScreenedObjectAtTca): ObjectAtTca | null {
  const r: V3 = [o.stateTeme[0], o.stateTeme[1], o.stateTeme[2]];
  const v: V3 = [o.stateTeme[3], o.stateTeme[4], o.stateTeme[5]];
  const c = rtnCovarianceToInertial(r, v, defaultTleCovarianceRtnKm2(o.regime, o.ageDays));
  return c === null ? null : { rKm: r, vKmPerSec: v, covarianceKm2: c };
}

const addMat = (a: Mat3, b: Mat3): Mat3 => a.map((x, i) => x + (b[i] ?? 0)) as unknown as Mat3;

/** Pc, maximum Pc and the miss-direction σ of an approach (see the module comment). */
export function conjunctionPc(
  primary: ScreenedObjectAtTca,
  secondary: ScreenedObjectAtTca,
  parameters: Pick<ConjunctionParameters, 'hardBodyRadiusKm' | 'minRelativeSpeedForPcKmPerSec'>,
): ConjunctionPc {
  const a = atTca(primary);
  const b = atTca(secondary);
  if (a === null || b === null)
    return { pc: null, pcMax: null, note: 'degenerate state (no RTN frame)', missSigmaKm: NaN };
  const d: V3 = [b.rKm[0] - a.rKm[0], b.rKm[1] - a.rKm[1], b.rKm[2] - a.rKm[2]];
  const dn = norm(d);
  const c = addMat(a.covarianceKm2, b.covarianceKm2);
  const u: V3 = dn > 0 ? [d[0] / dn, d[1] / dn, d[2] / dn] : [NaN, NaN, NaN];
  const missSigmaKm = Math.sqrt(dot(u, apply(c, u)));
  const vRel = norm([
    b.vKmPerSec[0] - a.vKmPerSec[0],
    b.vKmPerSec[1] - a.vKmPerSec[1],
    b.vKmPerSec[2] - a.vKmPerSec[2],
  ]);
  if (!(vRel >= parameters.minRelativeSpeedForPcKmPerSec))
    return {
      pc: null,
      pcMax: null,
      note: `relative speed ${vRel.toFixed(4)} km/s is below ${String(parameters.minRelativeSpeedForPcKmPerSec)} km/s: the short-term encounter model does not hold`,
      missSigmaKm,
    };
  const r = pcFromStates(a, b, parameters.hardBodyRadiusKm, 'foster-1992');
  if (!r.ok) return { pc: null, pcMax: null, note: `no encounter plane: ${r.reason}`, missSigmaKm };
  const max = pcMaxAlfano2005(r.plane, parameters.hardBodyRadiusKm);
  return {
    pc: Number.isFinite(r.pc) ? r.pc : null,
    pcMax: Number.isFinite(max.pcMax) ? max.pcMax : null,
    note: Number.isFinite(r.pc) ? null : 'the Pc integral did not converge',
    missSigmaKm,
  };
}

/**
 * Collision probability from any CDM: each object's state at TCA (km, km/s, in its REF_FRAME)
 * and its RTN position covariance (CCSDS RTN: R along r, N along r×v, T = N×R) rotated into that
 * frame, then Foster (1992) or Chan (1997) in the encounter plane. Both states must be in one
 * non-rotating frame (EME2000 or GCRF): for an ITRF state the RTN axes built from Earth-fixed
 * velocity are not the inertial RTN axes the covariance was given in, so orbwatch declines
 * rather than returns a Pc tilted by up to the Earth-rotation angle between them.
 *
 * The hard-body radius is not a CDM 1.0 keyword; CARA and the Alfano test cases put it in a
 * comment (`COMMENT HBR = 10 [m]`), which {@link cdmHardBodyRadiusKm} reads.
 * @module
 */
import type { ObjectAtTca } from '../conjunction/encounter-plane.js';
import { encounterPlane, rtnCovarianceToInertial } from '../conjunction/encounter-plane.js';
import type { EncounterPlane } from '../conjunction/encounter-plane.js';
import { pcChan1997 } from '../conjunction/pc-chan-1997.js';
import type { PcResult } from '../conjunction/pc-foster-1992.js';
import type { PcMethod } from '../conjunction/pc-from-states.js';
import { pcFoster1992 } from '../conjunction/pc-foster-1992.js';
import type { V3 } from '../frames/mat3.js';
import { convertState, stateVector } from '../frames/convert-state.js';
import type { Instant } from '../time/instant.js';
import type { Cdm, CdmObject } from './cdm.js';

/** Inertial frames: the RTN axes may be built from the CDM state as given. */
const INERTIAL_FRAMES = new Set(['EME2000', 'GCRF', 'ICRF', 'J2000']);

export type CdmEncounterResult =
  | {
      readonly ok: true;
      readonly primary: ObjectAtTca;
      readonly secondary: ObjectAtTca;
      readonly plane: EncounterPlane;
    }
  | {
      readonly ok: false;
      readonly reason:
        | 'unknown-frame'
        | 'frames-differ'
        | 'degenerate-state'
        | 'zero-relative-velocity'
        | 'covariance-not-positive-definite'
        | 'not-finite';
    };

function atTca(o: CdmObject, tca: Instant): ObjectAtTca | null {
  let r: V3 = o.rKm;
  let v: V3 = o.vKmPerSec;
  if (o.refFrame === 'ITRF') {
    const g = convertState(stateVector('ITRF', tca, r, v), 'GCRF');
    r = [g.r.x, g.r.y, g.r.z];
    v = [g.v.x, g.v.y, g.v.z];
  }
  const cov = rtnCovarianceToInertial(r, v, o.positionCovarianceRtnKm2);
  return cov === null ? null : { rKm: r, vKmPerSec: v, covarianceKm2: cov };
}

/** The two objects at TCA in their common inertial frame, and the encounter plane. */
export function cdmEncounter(cdm: Cdm): CdmEncounterResult {
  const [o1, o2] = cdm.objects;
  if (o1.refFrame !== o2.refFrame) return { ok: false, reason: 'frames-differ' };
  if (!INERTIAL_FRAMES.has(o1.refFrame) && o1.refFrame !== 'ITRF') return { ok: false, reason: 'unknown-frame' };
  if (![...o1.rKm, ...o1.vKmPerSec, ...o2.rKm, ...o2.vKmPerSec, cdm.tca].every(Number.isFinite)) {
    return { ok: false, reason: 'not-finite' };
  }
  const primary = atTca(o1, cdm.tca);
  const secondary = atTca(o2, cdm.tca);
  if (primary === null || secondary === null) return { ok: false, reason: 'degenerate-state' };
  const plane = encounterPlane(primary, secondary);
  if (!plane.ok) return { ok: false, reason: plane.reason };
  return { ok: true, primary, secondary, plane: plane.plane };
}

/** 2D Pc of a CDM for a hard-body radius (km), by Foster (1992) unless Chan (1997) is asked for. */
export function cdmPc(
  cdm: Cdm,
  hardBodyRadiusKm: number,
  method: PcMethod = 'foster-1992',
):
  | (PcResult & { readonly ok: true; readonly method: PcMethod; readonly plane: EncounterPlane })
  | Extract<CdmEncounterResult, { ok: false }> {
  const enc = cdmEncounter(cdm);
  if (!enc.ok) return enc;
  const r =
    method === 'chan-1997' ? pcChan1997(enc.plane, hardBodyRadiusKm) : pcFoster1992(enc.plane, hardBodyRadiusKm);
  return { ok: true, method, plane: enc.plane, ...r };
}

const HBR_RE = /^HBR\s*=\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(?:\[\s*(m|km)\s*\])?\s*$/i;

/** The hard-body radius stated in a `COMMENT HBR = x [m]` line (metres unless `[km]`), in km. */
export function cdmHardBodyRadiusKm(cdm: Cdm): number | undefined {
  const all = [...cdm.blocks, ...cdm.objects.flatMap((o) => o.blocks)].flatMap((b) => b.comments);
  for (const c of all) {
    const m = HBR_RE.exec(c.trim());
    if (m !== null) return m[2]?.toLowerCase() === 'km' ? Number(m[1]) : Number(m[1]) / 1000;
  }
  return undefined;
}

/**
 * The 2D collision probability of two objects from their states and position covariances at
 * TCA (km, km/s, km², one non-rotating frame): the encounter plane, then Foster (1992) (default)
 * or Chan (1997). The result names its method, for the evidence a stored Pc must carry.
 * @module
 */
import type { EncounterPlane, EncounterPlaneResult, ObjectAtTca } from './encounter-plane.js';
import { encounterPlane } from './encounter-plane.js';
import { pcChan1997 } from './pc-chan-1997.js';
import type { PcResult } from './pc-foster-1992.js';
import { pcFoster1992 } from './pc-foster-1992.js';

/** The 2D Pc methods, named after their papers. */
export type PcMethod = 'foster-1992' | 'chan-1997';

/** A Pc with its method and encounter plane, or why there is none. */
export type PcFromStatesResult =
  | (PcResult & { readonly ok: true; readonly method: PcMethod; readonly plane: EncounterPlane })
  | Extract<EncounterPlaneResult, { ok: false }>;

/** Pc of an encounter at TCA for a combined hard-body radius (km). */
export function pcFromStates(
  primary: ObjectAtTca,
  secondary: ObjectAtTca,
  hardBodyRadiusKm: number,
  method: PcMethod = 'foster-1992',
): PcFromStatesResult {
  const p = encounterPlane(primary, secondary);
  if (!p.ok) return p;
  const r = method === 'chan-1997' ? pcChan1997(p.plane, hardBodyRadiusKm) : pcFoster1992(p.plane, hardBodyRadiusKm);
  return { ok: true, method, plane: p.plane, ...r };
}

/**
 * Where an event's objects are: each object's stored TLE records are decoded with core's
 * `tleFromRaw` and propagated with SGP4 (`propagateTeme`) in the browser, so moving the time
 * slider needs no request. At instant t an object uses its latest set with epoch ≤ t (its first
 * set before its history starts), as the detectors do. Output is TEME (km); the globe draws in
 * TEME and turns the Earth by GMST (gmst1982), which is the TEME→PEF rotation.
 * @module
 */
import {
  createSgp4Propagator,
  frameTimeOf,
  gmst1982,
  instant,
  propagateTeme,
  tleFromRaw,
  type Sgp4Propagator,
} from '@orbwatch/core';
import type { ElementSetDto } from '../api-types.js';

/** Gravitational parameter used for the period of the drawn orbit (WGS-72, as SGP4), km³/s². */
const MU_KM3_PER_S2 = 398_600.8;

export interface TrackSet {
  readonly epochMs: number;
  readonly propagator: Sgp4Propagator;
}

export interface ObjectTrack {
  readonly norad: number;
  readonly label: string;
  readonly role: string;
  /** Decoded sets, oldest first. */
  readonly sets: readonly TrackSet[];
}

export type Xyz = readonly [number, number, number];

/** Decodes the TLE records of one object; records that are not TLE text are left out. */
export function trackSets(records: readonly ElementSetDto[]): TrackSet[] {
  const out: TrackSet[] = [];
  for (const r of records) {
    if (r.raw === undefined) continue;
    const set = tleFromRaw(r.raw);
    if (set === undefined) continue;
    const p = createSgp4Propagator(set);
    if (p.ok) out.push({ epochMs: p.propagator.epoch, propagator: p.propagator });
  }
  return out.sort((a, b) => a.epochMs - b.epochMs);
}

/** The set in force at `tMs`: the latest with epoch ≤ t, else the first. */
export function setAt(sets: readonly TrackSet[], tMs: number): TrackSet | undefined {
  let chosen = sets[0];
  for (const s of sets) if (s.epochMs <= tMs) chosen = s;
  return chosen;
}

/** TEME position (km) and velocity (km/s) at `tMs`, or undefined when SGP4 fails there. */
export function stateAt(sets: readonly TrackSet[], tMs: number): { r: Xyz; v: Xyz } | undefined {
  const s = setAt(sets, tMs);
  return s === undefined ? undefined : stateOf(s, tMs);
}

function stateOf(s: TrackSet, tMs: number): { r: Xyz; v: Xyz } | undefined {
  // Stale sets are drawn (the page shows each set's age); only SGP4's own failures leave a gap.
  const result = propagateTeme(s.propagator, instant(tMs), { allowStale: true });
  if (!result.ok) return undefined;
  const { r, v } = result.state;
  return { r: [r.x, r.y, r.z], v: [v.x, v.y, v.z] };
}

/** Osculating period (s) from a TEME state by vis-viva; undefined for an unbound state. */
export function periodSec(r: Xyz, v: Xyz): number | undefined {
  const rn = Math.hypot(...r);
  const v2 = v[0] ** 2 + v[1] ** 2 + v[2] ** 2;
  const inverseA = 2 / rn - v2 / MU_KM3_PER_S2;
  if (!(inverseA > 0)) return undefined;
  return 2 * Math.PI * Math.sqrt(1 / inverseA ** 3 / MU_KM3_PER_S2);
}

/**
 * One revolution of the orbit around `tMs` (half before, half after), `samples` TEME points, all
 * from the set in force at `tMs` so that the drawn orbit is one set's.
 */
export function orbitAround(sets: readonly TrackSet[], tMs: number, samples = 180): Xyz[] {
  const set = setAt(sets, tMs);
  const now = set === undefined ? undefined : stateOf(set, tMs);
  if (set === undefined || now === undefined) return [];
  const period = periodSec(now.r, now.v) ?? 5400;
  const points: Xyz[] = [];
  for (let i = 0; i <= samples; i++) {
    const t = tMs + (i / samples - 0.5) * period * 1000;
    const s = stateOf(set, t);
    if (s !== undefined) points.push(s.r);
  }
  return points;
}

/** Greenwich mean sidereal time at `tMs` (rad): the angle the Earth is turned by in TEME. */
export function gmstRad(tMs: number): number {
  return gmst1982(frameTimeOf(instant(tMs)).ut1DaysSinceJ2000);
}

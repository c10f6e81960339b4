/**
 * Gabbard diagram data and its pinch point.
 *
 * A Gabbard diagram plots each fragment's apogee and perigee altitude against its orbital
 * period. Right after a breakup every fragment orbit passes through the breakup point, so every
 * fragment's [perigee, apogee] interval contains the breakup altitude: fragments thrown forward
 * (longer period) keep their perigee there and raise their apogee, those thrown backward keep
 * their apogee there and lower their perigee. The two branches form an "X" whose crossing (the
 * pinch point) lies on the circular-orbit line at the breakup altitude.
 *
 * Pinch estimate used here: the altitude contained in the most fragments' [perigee, apogee]
 * intervals (searched on a grid; the middle of the best plateau), with the period of a circular
 * orbit at that altitude. It needs no parent orbit and no branch fitting, and it says how well
 * the cloud still shares one altitude (`depthFraction`). Drag later lowers the apogees of the
 * cloud (most for the low-perigee, high area-to-mass pieces), so for old clouds the pinch moves
 * down and the depth falls: see docs/design/fragmentation-detector.md.
 * @module
 */
import type { NoradId } from '../../ids/norad-id.js';
import type { FragmentOrbit } from './fragment-orbit.js';
import {
  WGS72_EARTH_RADIUS_KM as EARTH_RADIUS_KM,
  WGS72_MU_KM3_PER_S2 as MU_KM3_PER_S2,
} from '../../sgp4-kernel/wgs72.js';

/** One fragment in a Gabbard diagram (SATCAT convention: altitudes above the WGS-72 equatorial radius). */
export interface GabbardPoint {
  readonly noradId: NoradId;
  /** Epoch of the element set, ms since 1970 UTC. */
  readonly epochMs: number;
  readonly periodMin: number;
  readonly apogeeKm: number;
  readonly perigeeKm: number;
}

/** The pinch point of a Gabbard diagram. */
export interface GabbardPinch {
  /** Altitude shared by the most fragment orbits, km. */
  readonly altitudeKm: number;
  /** Period of a circular orbit at that altitude, min. */
  readonly periodMin: number;
  /** Fragments whose [perigee, apogee] contains the pinch altitude. */
  readonly depth: number;
  /** depth / fragments. */
  readonly depthFraction: number;
  /** Altitude band over which the depth stays at its maximum, km. */
  readonly plateauLowKm: number;
  readonly plateauHighKm: number;
}

/** Gabbard points of the orbits (one per orbit, in input order). */
export function gabbardPoints(orbits: readonly FragmentOrbit[]): GabbardPoint[] {
  return orbits.map((o) => ({
    noradId: o.set.noradId,
    epochMs: o.epochMs,
    periodMin: o.periodSec / 60,
    apogeeKm: o.apogeeAltitudeKm,
    perigeeKm: o.perigeeAltitudeKm,
  }));
}

/** Period of a circular orbit at altitude h (above the WGS-72 equatorial radius), min. */
export function circularPeriodMin(altitudeKm: number): number {
  const r = EARTH_RADIUS_KM + altitudeKm;
  return (2 * Math.PI * Math.sqrt((r * r * r) / MU_KM3_PER_S2)) / 60;
}

/** The pinch point of the points, or undefined when there are none. */
export function gabbardPinch(points: readonly GabbardPoint[], gridStepKm: number): GabbardPinch | undefined {
  if (points.length === 0) return undefined;
  if (!(gridStepKm > 0)) throw new RangeError('gridStepKm must be positive');
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.perigeeKm);
    hi = Math.max(hi, p.apogeeKm);
  }
  const start = Math.floor(lo / gridStepKm) * gridStepKm;
  const cells = Math.max(1, Math.ceil((hi - start) / gridStepKm) + 1);
  // Difference array over the grid: +1 where an interval starts, −1 after it ends.
  const diff = new Int32Array(cells + 1);
  for (const p of points) {
    const a = Math.ceil((p.perigeeKm - start) / gridStepKm);
    const b = Math.floor((p.apogeeKm - start) / gridStepKm);
    if (b < a) continue;
    diff[a] = (diff[a] ?? 0) + 1;
    diff[b + 1] = (diff[b + 1] ?? 0) - 1;
  }
  let best = -1;
  let bestLo = 0;
  let bestHi = 0;
  let run = 0;
  let runStart = 0;
  for (let c = 0; c < cells; c++) {
    run += diff[c] ?? 0;
    if (run > best) {
      best = run;
      bestLo = c;
      bestHi = c;
      runStart = c;
    } else if (run === best && runStart === bestLo && c === bestHi + 1) {
      bestHi = c;
    }
  }
  const plateauLowKm = start + bestLo * gridStepKm;
  const plateauHighKm = start + bestHi * gridStepKm;
  const altitudeKm = (plateauLowKm + plateauHighKm) / 2;
  return {
    altitudeKm,
    periodMin: circularPeriodMin(altitudeKm),
    depth: best,
    depthFraction: best / points.length,
    plateauLowKm,
    plateauHighKm,
  };
}

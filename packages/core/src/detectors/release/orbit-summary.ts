/**
 * A cheap description of an element set's orbit for the release detector's coarse filter:
 * radius range, plane, and the plane's secular J2 drift.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import { J2, WGS72_EARTH_RADIUS_KM as RE, WGS72_MU_KM3_PER_S2 as MU } from '../../sgp4-kernel/wgs72.js';

/** Orbit of one set: radii in km, angles in rad, rates in rad/s; `epochMs` is the set's epoch. */
export interface OrbitSketch {
  readonly epochMs: number;
  readonly periodSec: number;
  readonly perigeeRadiusKm: number;
  readonly apogeeRadiusKm: number;
  readonly inclinationRad: number;
  readonly raanRad: number;
  /** Secular J2 node rate, rad/s. */
  readonly raanRateRadPerSec: number;
}

/** Sketch of one set (two-body a from the mean motion; J2 node rate). */
export function sketchOrbit(set: ElementSet): OrbitSketch {
  const n = set.meanMotionRadPerSec;
  const a = Math.cbrt(MU / (n * n));
  const e = set.eccentricity;
  const p = a * (1 - e * e);
  return {
    epochMs: set.epoch,
    periodSec: (2 * Math.PI) / n,
    perigeeRadiusKm: a * (1 - e),
    apogeeRadiusKm: a * (1 + e),
    inclinationRad: set.inclinationRad,
    raanRad: set.raanRad,
    raanRateRadPerSec: -1.5 * n * J2 * (RE / p) ** 2 * Math.cos(set.inclinationRad),
  };
}

/** Angle between the orbit planes of two sketches at instant `tMs` (node drift applied), rad. */
export function planeAngleAt(a: OrbitSketch, b: OrbitSketch, tMs: number): number {
  const oa = a.raanRad + (a.raanRateRadPerSec * (tMs - a.epochMs)) / 1000;
  const ob = b.raanRad + (b.raanRateRadPerSec * (tMs - b.epochMs)) / 1000;
  const c =
    Math.cos(a.inclinationRad) * Math.cos(b.inclinationRad) +
    Math.sin(a.inclinationRad) * Math.sin(b.inclinationRad) * Math.cos(oa - ob);
  return Math.acos(Math.min(1, Math.max(-1, c)));
}

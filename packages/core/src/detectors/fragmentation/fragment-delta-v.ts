/**
 * Each fragment's velocity change at the breakup, from its orbit relative to the parent's.
 *
 * Along-track: Δv_T ≈ v·Δa/(2a) (Gauss's equation for a tangential impulse on a near-circular
 * orbit), with both semi-major axes carried back to the breakup epoch with their published
 * decay rates. Cross-track: the angle θ between the fragment's and the parent's orbit planes at
 * the breakup epoch (Δi and sin i·ΔΩ, the fragment node carried back with its J2 rate) gives
 * |Δv_N| = 2v·sin(θ/2). The radial component changes only e and ω and is not recovered, so
 * |Δv| = √(Δv_T² + Δv_N²) is a lower bound.
 * @module
 */
import type { NoradId } from '../../ids/norad-id.js';
import type { FragmentOrbit } from './fragment-orbit.js';
import { meanNodeRateRadPerDay, semiMajorAxisAtKm } from './fragment-orbit.js';
import { median, quantile, robustSigma } from '../../stats/sample-stats.js';
import { WGS72_MU_KM3_PER_S2 as MU_KM3_PER_S2 } from '../../sgp4-kernel/wgs72.js';

const MS_PER_DAY = 86_400_000;
const TWO_PI = 2 * Math.PI;

/** The plane and size of the parent orbit at the breakup epoch. */
export interface ParentAtBreakup {
  readonly semiMajorAxisKm: number;
  readonly inclinationRad: number;
  readonly raanRad: number;
  /** Radius of the breakup point, km. */
  readonly breakupRadiusKm: number;
}

/** One fragment's Δv estimate, m/s. */
export interface FragmentDeltaV {
  readonly noradId: NoradId;
  readonly alongTrackMps: number;
  readonly crossTrackMps: number;
  readonly totalMps: number;
}

/** Summary of the fragments' Δv, m/s. */
export interface DeltaVSummary {
  /** √(σ_T² + rms_N²): robust σ of the along-track component and RMS of the cross-track one. */
  readonly spreadMps: number;
  readonly alongTrackSigmaMps: number;
  readonly crossTrackRmsMps: number;
  readonly medianMps: number;
  readonly p90Mps: number;
  readonly alongTrackMinMps: number;
  readonly alongTrackMaxMps: number;
}

function wrapPi(x: number): number {
  return x - TWO_PI * Math.round(x / TWO_PI);
}

/** Δv of each fragment relative to the parent at the breakup epoch `epochMs`. */
export function fragmentDeltaV(
  orbits: readonly FragmentOrbit[],
  parent: ParentAtBreakup,
  epochMs: number,
): FragmentDeltaV[] {
  const v = Math.sqrt(MU_KM3_PER_S2 * (2 / parent.breakupRadiusKm - 1 / parent.semiMajorAxisKm)) * 1000;
  const sinI = Math.sin(parent.inclinationRad);
  return orbits.map((o) => {
    const a = semiMajorAxisAtKm(o, epochMs, true);
    const along = (v * (a - parent.semiMajorAxisKm)) / (2 * parent.semiMajorAxisKm);
    const rate = meanNodeRateRadPerDay(o, epochMs, true);
    const node = o.raanRad - rate * ((o.epochMs - epochMs) / MS_PER_DAY);
    const dNode = wrapPi(node - parent.raanRad);
    const theta = Math.hypot(o.inclinationRad - parent.inclinationRad, sinI * dNode);
    const cross = 2 * v * Math.sin(theta / 2);
    return { noradId: o.set.noradId, alongTrackMps: along, crossTrackMps: cross, totalMps: Math.hypot(along, cross) };
  });
}

/** Summary figures of the Δv estimates. */
export function summarizeDeltaV(dv: readonly FragmentDeltaV[]): DeltaVSummary {
  const along = dv.map((d) => d.alongTrackMps);
  const cross = dv.map((d) => d.crossTrackMps);
  const total = dv.map((d) => d.totalMps);
  const alongTrackSigmaMps = robustSigma(along);
  const crossTrackRmsMps = Math.sqrt(cross.reduce((s, c) => s + c * c, 0) / Math.max(1, cross.length));
  return {
    spreadMps: Math.hypot(alongTrackSigmaMps, crossTrackRmsMps),
    alongTrackSigmaMps,
    crossTrackRmsMps,
    medianMps: median(total),
    p90Mps: quantile(total, 0.9),
    alongTrackMinMps: Math.min(...along),
    alongTrackMaxMps: Math.max(...along),
  };
}

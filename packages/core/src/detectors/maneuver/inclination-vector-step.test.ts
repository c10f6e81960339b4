import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../../elements/element-set.js';
import { noradId } from '../../ids/norad-id.js';
import { instant } from '../../time/instant.js';
import { DEFAULT_MANEUVER_PARAMETERS } from './maneuver-parameters.js';
import {
  chiSquare2,
  chiSquare2Threshold,
  equivalentNormalSigma,
  findInclinationVectorSteps,
  inclinationControl,
  inclinationVector,
  inclinationVectorReasons,
  inclinationVectorStepNoise,
  northSouthStationKeepingEvents,
} from './inclination-vector-step.js';
import { MU_KM3_PER_S2 } from './mean-semi-major-axis.js';

const DEG = Math.PI / 180;
const DAY = 86_400;
const A_GEO = 42_164.2;

/** A daily geostationary history: inclination vector drifting at `driftDegPerDay` along p, optional step at set `stepAt`. */
function geoSeries(
  n: number,
  opts: {
    i0Deg: number;
    driftDegPerDay: number;
    stepAt?: number;
    stepDeg?: readonly [number, number];
    noiseDeg?: number;
  },
) {
  const tSec = new Float64Array(n);
  const inc = new Float64Array(n);
  const raan = new Float64Array(n);
  const a = new Float64Array(n).fill(A_GEO);
  const sets: ElementSet[] = [];
  // Deterministic pseudo-noise (a fixed linear congruential sequence): reproducible, no seeds.
  let r = 12345;
  const rand = (): number => {
    r = (r * 1103515245 + 12345) % 2147483648;
    return r / 2147483648 - 0.5;
  };
  for (let k = 0; k < n; k++) {
    tSec[k] = k * DAY;
    let p = opts.i0Deg + opts.driftDegPerDay * k;
    let q = 0.02;
    if (opts.stepAt !== undefined && k >= opts.stepAt && opts.stepDeg !== undefined) {
      p += opts.stepDeg[0];
      q += opts.stepDeg[1];
    }
    p += (opts.noiseDeg ?? 0) * rand();
    q += (opts.noiseDeg ?? 0) * rand();
    // (p, q) = (i sin Ω, −i cos Ω) → i = |(p, q)|, Ω = atan2(p, −q).
    inc[k] = Math.hypot(p, q) * DEG;
    raan[k] = Math.atan2(p, -q);
    const epoch = instant(Date.UTC(2020, 0, 1) + k * DAY * 1000);
    sets.push({
      noradId: noradId(43226),
      epoch,
      epochText: String(k),
      inclinationRad: inc[k],
    } as unknown as ElementSet);
  }
  return { sets, tSec, a, inc, raan };
}

const facts = { usable: () => true, badFit: () => false, quiet: () => true };
const envelope = { norad: noradId(43226), detector: 'maneuver', detectorVersion: 'test', parameters: {} };

describe('inclination vector', () => {
  it('is (i sin Ω, −i cos Ω)', () => {
    const { p, q } = inclinationVector(Float64Array.from([0.1 * DEG]), Float64Array.from([90 * DEG]));
    expect(p[0]).toBeCloseTo(0.1 * DEG, 15);
    expect(q[0]).toBeCloseTo(0, 15);
  });
});

describe('χ² with 2 degrees of freedom at the significance of k σ', () => {
  it('matches −2 ln(erfc(k/√2)) (Python math.erfc: 40.087244 at 6σ, 28.743702 at 5σ, 6.180074 at 2σ)', () => {
    // erfc(6/√2) = 1.97317529e-9, the two-sided normal tail at 6σ; P(χ²₂ ≥ x) = e^(−x/2).
    expect(chiSquare2Threshold(6)).toBeCloseTo(40.087244, 5);
    expect(chiSquare2Threshold(5)).toBeCloseTo(28.743702, 5);
    expect(chiSquare2Threshold(2)).toBeCloseTo(6.180074, 5);
  });
  it('the equivalent normal σ inverts it', () => {
    expect(equivalentNormalSigma(chiSquare2Threshold(6))).toBeCloseTo(6, 6);
    expect(equivalentNormalSigma(chiSquare2Threshold(3.5))).toBeCloseTo(3.5, 6);
    expect(equivalentNormalSigma(0)).toBe(0);
  });
});

describe('χ² of a 2-D step with correlated noise', () => {
  it('is dᵀΣ⁻¹d', () => {
    // Uncorrelated: the sum of squares.
    expect(chiSquare2(3, 4, 1, 2, 0)).toBeCloseTo(9 + 4, 12);
    // Σ = [[1, 0.5], [0.5, 1]], d = (1, 1): Σ⁻¹ = [[1, −0.5], [−0.5, 1]] / 0.75 → (1 − 1 + 1)/0.75.
    expect(chiSquare2(1, 1, 1, 1, 0.5)).toBeCloseTo(4 / 3, 12);
    // Along the anti-correlated direction the same step is more significant: (1 + 1 + 1)/0.75.
    expect(chiSquare2(1, -1, 1, 1, 0.5)).toBeCloseTo(4, 12);
  });
  it('the per-history noise recovers σ and ρ of correlated steps', () => {
    // 400 daily sets; component noise built from two independent sequences so that the steps of q
    // share 60 % of those of p: σ_q = σ_p and ρ = 0.6 (steps are linear in the noise).
    const n = 400;
    let r = 987654;
    const rand = (): number => {
      r = (r * 1103515245 + 12345) % 2147483648;
      return r / 2147483648 - 0.5;
    };
    const t = Float64Array.from({ length: n }, (_, k) => k * DAY);
    const e1 = Array.from({ length: n }, rand);
    const e2 = Array.from({ length: n }, rand);
    const p = Float64Array.from(e1, (x) => 1e-5 * x);
    const q = Float64Array.from(e1, (x, k) => 1e-5 * (0.6 * x + 0.8 * (e2[k] ?? 0)));
    const noise = inclinationVectorStepNoise(t, p, q, 10, () => true, 1e-9);
    expect(noise.sigmaQ / noise.sigmaP).toBeGreaterThan(0.8);
    expect(noise.sigmaQ / noise.sigmaP).toBeLessThan(1.25);
    expect(noise.rho).toBeGreaterThan(0.45);
    expect(noise.rho).toBeLessThan(0.75);
    // Fewer than 20 quiet windows: the floor, no correlation.
    expect(inclinationVectorStepNoise(t, p, q, 10, () => false, 1e-9)).toEqual({ sigmaP: 1e-9, sigmaQ: 1e-9, rho: 0 });
  });
});

describe('inclination control', () => {
  it('an object held below the bound longer than a free drift needs to cross it is controlled', () => {
    // 2·0.5° / 0.75°/yr = 1.33 yr = 487 days.
    const n = 600;
    const t = Float64Array.from({ length: n }, (_, k) => k * DAY);
    const held = Float64Array.from({ length: n }, (_, k) => (0.05 + 0.1 * ((k % 120) / 120)) * DEG);
    const c = inclinationControl(t, held, 0.5);
    expect(c.minSpanDays).toBeCloseTo(487, 0);
    expect(c.controlled).toBe(true);
    // The same values over 400 days: a free drift could stay below 0.5° that long.
    expect(inclinationControl(t.subarray(0, 400), held.subarray(0, 400), 0.5).controlled).toBe(false);
  });
  it('an inclined object (Fengyun-2D/2E at 2–3°) or a freely drifting one is not', () => {
    const n = 900;
    const t = Float64Array.from({ length: n }, (_, k) => k * DAY);
    expect(inclinationControl(t, new Float64Array(n).fill(2.8 * DEG), 0.5).controlled).toBe(false);
    // A free drift at 0.75°/yr through zero: |i| grows to 0.92° at the ends.
    const drift = Float64Array.from({ length: n }, (_, k) => Math.abs(((k - n / 2) / 365.25) * 0.75) * DEG);
    expect(inclinationControl(t, drift, 0.5).controlled).toBe(false);
    expect(inclinationControl(t, new Float64Array(n), 0).controlled).toBe(false); // 0 = off
  });
});

describe('persistent steps of the inclination vector', () => {
  const p = DEFAULT_MANEUVER_PARAMETERS;
  it('finds a north-south burn on a drifting vector and gives Δv = 2v·sin(θ/2)', () => {
    // 600 daily sets, drift 0.0013°/day along p, noise ±0.0005°, a (−0.39°, −0.04°) step at set 300
    // (Fengyun-4A 2018-09-19/20: 0.396°, 21.3 m/s).
    const s = geoSeries(600, {
      i0Deg: 0.05,
      driftDegPerDay: 0.0013,
      stepAt: 300,
      stepDeg: [-0.39, -0.04],
      noiseDeg: 0.001,
    });
    const steps = findInclinationVectorSteps(s, [], facts, p);
    expect(steps.map((x) => x.j)).toEqual([299]);
    const ev = northSouthStationKeepingEvents(s, [], facts, p, 0.03, envelope);
    expect(ev).toHaveLength(1);
    const m = ev[0]!.measures;
    const theta = Math.hypot(0.39, 0.04) * DEG;
    const v = Math.sqrt(MU_KM3_PER_S2 / A_GEO) * 1000;
    expect(m['inclinationVectorStepDeg'] as number).toBeCloseTo(0.392, 2);
    expect(m['deltaVMps'] as number).toBeCloseTo(2 * v * Math.sin(theta / 2), 0); // ≈ 21.1 m/s
    expect(m['deltaVMps'] as number).toBeGreaterThan(20.5);
    expect(m['alongTrackDeltaVMps']).toBe(0);
    expect(m['kind']).toBe('station-keeping');
    expect(m['method']).toBe('inclination-vector-step');
    expect(m['inclinationVectorChiSquare'] as number).toBeGreaterThan(chiSquare2Threshold(p.kSigma));
    expect(ev[0]!.start).toBe(s.sets[299]!.epoch);
    expect(ev[0]!.end).toBe(s.sets[300]!.epoch);
    const reasons = inclinationVectorReasons(m);
    expect(reasons.map((r) => r.measure)).toEqual(['inclinationVectorChiSquare', 'inclination95Deg']);
    expect(reasons[0]!.threshold).toBeCloseTo(40.087, 3);
    expect(reasons[1]!.threshold).toBe(0.5);
  });

  it('reports nothing on a smooth drift with noise, nor where an event already covers the step', () => {
    const smooth = geoSeries(600, { i0Deg: 0.05, driftDegPerDay: 0.0013, noiseDeg: 0.001 });
    expect(findInclinationVectorSteps(smooth, [], facts, p)).toEqual([]);
    const s = geoSeries(600, {
      i0Deg: 0.05,
      driftDegPerDay: 0.0013,
      stepAt: 300,
      stepDeg: [-0.39, -0.04],
      noiseDeg: 0.001,
    });
    const covering = { start: s.sets[299]!.epoch, end: s.sets[300]!.epoch } as never;
    expect(findInclinationVectorSteps(s, [covering], facts, p)).toEqual([]);
    // A single bad fit (one set off by 0.05° and back) is no persistent step.
    const bad = geoSeries(600, { i0Deg: 0.05, driftDegPerDay: 0.0013, noiseDeg: 0.001 });
    bad.inc[300] = (bad.inc[300] ?? 0) + 0.05 * DEG;
    expect(findInclinationVectorSteps(bad, [], facts, p)).toEqual([]);
  });

  it('reports nothing for an object that is not inclination-controlled', () => {
    const s = geoSeries(600, { i0Deg: 2.5, driftDegPerDay: 0, stepAt: 300, stepDeg: [-0.39, -0.04], noiseDeg: 0.001 });
    expect(findInclinationVectorSteps(s, [], facts, p)).toHaveLength(1);
    expect(northSouthStationKeepingEvents(s, [], facts, p, 0.03, envelope)).toEqual([]);
  });
});

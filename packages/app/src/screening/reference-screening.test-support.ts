/**
 * A plain screening engine: every pair the mode asks for, an apogee/perigee filter (Hoots et
 * al. 1984) padded by 50 km for the difference between mean and osculating radii, SGP4 states
 * on a fixed grid (60 s), and every sign change of Δr·Δv from − to + refined to a closest
 * approach with core's root finder. With a 60 s grid a minimum can hide between samples only
 * if the relative motion turns twice within a minute, which no pair on distinct orbits does.
 * It is O(pairs × steps): for tests, small catalogues and checking a faster engine, not for the
 * full catalogue.
 * @module
 */
import type { CloseApproach, ScreeningRequest, ScreeningResult, Sgp4Propagator } from '@orbwatch/core';
import { createSgp4Propagator, instant, propagateTeme, refineClosestApproach, rtnRotation } from '@orbwatch/core';
import type { ScreeningEngine, ScreeningEngineInfo, ScreeningEngineOptions } from './screening-engine.js';

const STEP_MS = 60_000;
const RADIUS_PAD_KM = 50;
/** Fastest relative speed of two Earth orbiters, km/s (bounds the range change within a step). */
const MAX_RELATIVE_SPEED_KM_PER_SEC = 16;

export const REFERENCE_SCREENING_ENGINE: ScreeningEngineInfo = {
  name: 'orbwatch-reference-grid',
  version: '1.0.0',
  parameters: { stepSec: STEP_MS / 1000, radiusPadKm: RADIUS_PAD_KM },
};

interface Track {
  readonly index: number;
  readonly norad: number;
  readonly elementSetId: string;
  readonly p: Sgp4Propagator;
  /** x, y, z, vx, vy, vz per step. */
  readonly states: Float64Array;
}

/** Screens by brute force (see the module comment). */
export const referenceScreening: ScreeningEngine = (
  request: ScreeningRequest,
  options: ScreeningEngineOptions,
): Promise<ScreeningResult> => {
  const steps = Math.floor((request.endUtc - request.startUtc) / STEP_MS) + 1;
  const skipped: { norad: ScreeningRequest['objects'][number]['norad']; code: string }[] = [];
  // SGP4 for every object (cheap), the pairs and the apogee/perigee filter, then the grid for
  // the objects that some kept pair needs.
  const objects: { norad: number; elementSetId: string; p: Sgp4Propagator }[] = [];
  for (const o of request.objects) {
    const init = createSgp4Propagator(o.elementSet);
    if (init.ok) objects.push({ norad: Number(o.norad), elementSetId: o.elementSetId, p: init.propagator });
    else skipped.push({ norad: o.norad, code: init.code });
  }
  const primaries = request.mode.kind === 'all-vs-all' ? null : request.mode.primaries;
  const pad = request.thresholdKm + RADIUS_PAD_KM;
  let pairCount = 0;
  const candidates: [number, number][] = [];
  for (let i = 0; i < objects.length; i++)
    for (let j = i + 1; j < objects.length; j++) {
      const a = objects[i] as (typeof objects)[number];
      const b = objects[j] as (typeof objects)[number];
      const pair: [number, number] | null =
        primaries === null || primaries.has(a.norad) ? [i, j] : primaries.has(b.norad) ? [j, i] : null;
      if (pair === null) continue;
      pairCount++;
      if (Math.max(a.p.perigeeRadiusKm, b.p.perigeeRadiusKm) - Math.min(a.p.apogeeRadiusKm, b.p.apogeeRadiusKm) <= pad)
        candidates.push(pair);
    }
  const tracks = new Map<number, Track | null>();
  const track = (i: number): Track | null => {
    const known = tracks.get(i);
    if (known !== undefined) return known;
    const o = objects[i] as (typeof objects)[number];
    const states = new Float64Array(steps * 6);
    for (let k = 0; k < steps; k++) {
      const r = propagateTeme(o.p, instant(request.startUtc + k * STEP_MS), { allowStale: true });
      if (!r.ok) {
        skipped.push({ norad: o.p.elementSet.noradId, code: r.code });
        tracks.set(i, null);
        return null;
      }
      states.set([r.state.r.x, r.state.r.y, r.state.r.z, r.state.v.x, r.state.v.y, r.state.v.z], k * 6);
    }
    const t: Track = { index: i, norad: o.norad, elementSetId: o.elementSetId, p: o.p, states };
    tracks.set(i, t);
    return t;
  };
  const kept: [Track, Track][] = [];
  for (const [i, j] of candidates) {
    const a = track(i);
    const b = track(j);
    if (a !== null && b !== null) kept.push([a, b]);
  }
  const approaches: CloseApproach[] = [];
  const reach = MAX_RELATIVE_SPEED_KM_PER_SEC * (STEP_MS / 1000);
  kept.forEach(([a, b], n) => {
    const A = a.states;
    const B = b.states;
    let gPrev = NaN;
    let dPrev = NaN;
    for (let k = 0; k < steps; k++) {
      const o = k * 6;
      const dx = (B[o] as number) - (A[o] as number);
      const dy = (B[o + 1] as number) - (A[o + 1] as number);
      const dz = (B[o + 2] as number) - (A[o + 2] as number);
      const g =
        dx * ((B[o + 3] as number) - (A[o + 3] as number)) +
        dy * ((B[o + 4] as number) - (A[o + 4] as number)) +
        dz * ((B[o + 5] as number) - (A[o + 5] as number));
      const d = Math.hypot(dx, dy, dz);
      if (gPrev <= 0 && g > 0 && Math.min(dPrev, d) - reach < request.thresholdKm) {
        const t0 = instant(request.startUtc + (k - 1) * STEP_MS);
        const ca = refineClosestApproach(a.p, b.p, t0, instant(t0 + STEP_MS));
        if (ca !== undefined && ca.rangeKm < request.thresholdKm) {
          const s1 = [
            ca.stateA.r.x,
            ca.stateA.r.y,
            ca.stateA.r.z,
            ca.stateA.v.x,
            ca.stateA.v.y,
            ca.stateA.v.z,
          ] as const;
          const s2 = [
            ca.stateB.r.x,
            ca.stateB.r.y,
            ca.stateB.r.z,
            ca.stateB.v.x,
            ca.stateB.v.y,
            ca.stateB.v.z,
          ] as const;
          const m = rtnRotation([s1[0], s1[1], s1[2]], [s1[3], s1[4], s1[5]]);
          const dr = [s2[0] - s1[0], s2[1] - s1[1], s2[2] - s1[2]] as const;
          const ric = (row: number): number =>
            m === null
              ? NaN
              : (m[row * 3] as number) * dr[0] +
                (m[row * 3 + 1] as number) * dr[1] +
                (m[row * 3 + 2] as number) * dr[2];
          approaches.push({
            norad1: a.p.elementSet.noradId,
            norad2: b.p.elementSet.noradId,
            elementSetId1: a.elementSetId,
            elementSetId2: b.elementSetId,
            tcaUtc: ca.t,
            missDistanceKm: ca.rangeKm,
            relativeSpeedKmPerSec: ca.relativeSpeedKmPerSec,
            state1Teme: s1,
            state2Teme: s2,
            missRicKm: [ric(0), ric(1), ric(2)],
          });
        }
      }
      gPrev = g;
      dPrev = d;
    }
    options.onProgress?.({ stage: 'pairs', done: n + 1, total: kept.length });
  });
  return Promise.resolve({
    approaches,
    stages: [
      { stage: 'pairs', pairs: pairCount },
      { stage: 'apogee-perigee', pairs: kept.length },
      { stage: 'below-threshold', pairs: approaches.length },
    ],
    skipped,
  });
};

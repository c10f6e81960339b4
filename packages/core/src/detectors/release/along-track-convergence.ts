/**
 * Deployment groups of siblings first catalogued days after their launch (the "along-track
 * convergence" method of the release detector; docs/design/release-detector.md).
 *
 * Siblings released together from one carrier start at one point and then drift apart along the
 * track, each at a rate set by its own small change of semi-major axis (in-track Δv_t gives a
 * drift of −3·Δv_t per unit time, Clohessy–Wiltshire). Radial and cross-track offsets stay
 * bounded (they oscillate once per revolution), so the along-track positions are what tells the
 * separation epoch; the full |Δr| minimum that the pair method uses is spoiled, after days of
 * back-propagation, by radial/cross-track offsets of tens of km that SGP4 cannot bring back.
 *
 * Only each object's sets from before its own first manoeuvre are used (a rise of the mean
 * semi-major axis above its running minimum: drag only lowers it). An object whose second set is
 * already raised has no set known to be free of thrust and is left out.
 *
 * Method: every member's first pre-manoeuvre set is back-propagated (SGP4) on a grid of 1/8
 * revolution; the along-track arc to a common reference is averaged over one revolution (which
 * removes the once-per-revolution terms); the arcs converge where their robust spread (median
 * absolute deviation) about their median is smallest; each member's own epoch is where its arc
 * crosses the median's nearest that point, and the common epoch is the drift²-weighted mean of
 * these crossings. Sibling speeds come from the relative MEAN orbits at that
 * epoch, not from the back-propagated relative velocity (which a residual offset ρ would inflate
 * by n·ρ): in-track from the drift rates, cross-track from the plane angle, radial from the
 * eccentricity vectors.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import type { NoradId } from '../../ids/norad-id.js';
import { createSgp4Propagator } from '../../propagation/create-sgp4-propagator.js';
import { propagateTeme } from '../../propagation/propagate-teme.js';
import type { Sgp4Propagator } from '../../propagation/sgp4-propagator.js';
import { instant } from '../../time/instant.js';
import { median, sampleSd as sd } from '../../stats/sample-stats.js';
import { J2, WGS72_EARTH_RADIUS_KM as RE, WGS72_MU_KM3_PER_S2 as MU } from '../../sgp4-kernel/wgs72.js';

const MS_PER_DAY = 86_400_000;

/** Settings of {@link alongTrackConvergence} (taken from the release detector's parameters). */
export interface ConvergenceSettings {
  /** A rise of the mean semi-major axis above its running minimum by more than this is a manoeuvre, km. */
  readonly manoeuvreRiseKm: number;
  /** Accepted along-track offset from the group at the common epoch: base, km … */
  readonly maxOffsetBaseKm: number;
  /** … plus this much per day between the common epoch and the member's first set, km/day. */
  readonly maxOffsetGrowthKmPerDay: number;
  /** Members needed (or every usable object of a smaller launch). */
  readonly minGroupSize: number;
  /** A member's own crossing is searched this far around the common epoch, days. */
  readonly crossingSearchDays: number;
}

/** One object of the launch, with all its sets. */
export interface ConvergenceObject {
  readonly noradId: NoradId;
  /** Sets sorted by epoch (duplicates removed), as the detector prepared them. */
  readonly sets: readonly ElementSet[];
}

/** A member of a convergence group. */
export interface ConvergenceMember {
  readonly noradId: NoradId;
  /** The set back-propagated (its first) and how many leading sets precede its first manoeuvre. */
  readonly set: ElementSet;
  readonly preManoeuvreSets: number;
  /** Where its along-track arc crosses the group median nearest the common epoch; null if it does not. */
  readonly crossingEpochMs: number | null;
  /** Along-track offset from the group median at the common epoch (revolution-averaged), km. */
  readonly alongTrackOffsetKm: number;
  /** Revolution-averaged drift rate relative to the group median, km/day. */
  readonly driftKmPerDay: number;
}

/** Relative speed of two members from their mean orbits at the common epoch, m/s. */
export interface SiblingSpeed {
  readonly a: NoradId;
  readonly b: NoradId;
  readonly totalMps: number;
  readonly inTrackMps: number;
  readonly radialMps: number;
  readonly crossTrackMps: number;
}

/** Result of {@link alongTrackConvergence}. */
export interface ConvergenceGroup {
  /**
   * Common epoch: mean of the members' crossing epochs weighted by drift² (a crossing is uncertain
   * by the along-track error over |drift|; slow drifters date nothing), ms.
   */
  readonly epochMs: number;
  /** Where the robust spread of the along-track arcs is smallest, ms. */
  readonly minSpreadEpochMs: number;
  /** Drift²-weighted SD of the members' crossing epochs about the common epoch (the spread), s. */
  readonly epochSpreadSec: number;
  /** Unweighted sample SD and full range of the crossing epochs, s. */
  readonly epochSdSec: number;
  readonly epochRangeSec: number;
  /** Robust spread (1.4826 × median absolute deviation) of the along-track arcs at the common epoch, km. */
  readonly alongTrackSpreadKm: number;
  /**
   * 3-D check: median over the members of their closest distance (within ± half a revolution of
   * the common epoch) to the member whose along-track offset is the median, km. Along-track
   * convergence alone would also accept objects whose planes or radii differ.
   */
  readonly residualKm: number;
  readonly members: readonly ConvergenceMember[];
  /** Every pair of members. */
  readonly pairs: readonly SiblingSpeed[];
  /** Objects left out, and why. */
  readonly excluded: readonly {
    readonly noradId: NoradId;
    readonly reason: 'manoeuvring-at-first-set' | 'off-group';
  }[];
}

/** Two-body mean semi-major axis of a set, km. */
function semiMajorAxisKm(s: ElementSet): number {
  return Math.cbrt(MU / (s.meanMotionRadPerSec * s.meanMotionRadPerSec));
}

/**
 * Number of leading sets before the object's first manoeuvre: the first set whose semi-major axis
 * exceeds the running minimum of the earlier ones by more than `riseKm` ends the run (drag only
 * lowers the mean semi-major axis; orbit raising is what the constellations do first).
 */
export function preManoeuvreCount(sets: readonly ElementSet[], riseKm: number): number {
  let min = Infinity;
  for (let k = 0; k < sets.length; k++) {
    const s = sets[k];
    if (s === undefined) break;
    const a = semiMajorAxisKm(s);
    if (a - min > riseKm) return k;
    min = Math.min(min, a);
  }
  return sets.length;
}

interface Track {
  readonly obj: ConvergenceObject;
  readonly set: ElementSet;
  readonly prop: Sgp4Propagator;
  readonly pre: number;
  /** Revolution-averaged along-track arc relative to the reference, km, per grid point. */
  readonly arc: Float64Array;
}

const cross = (a: readonly number[], b: readonly number[]): number[] => [
  (a[1] ?? 0) * (b[2] ?? 0) - (a[2] ?? 0) * (b[1] ?? 0),
  (a[2] ?? 0) * (b[0] ?? 0) - (a[0] ?? 0) * (b[2] ?? 0),
  (a[0] ?? 0) * (b[1] ?? 0) - (a[1] ?? 0) * (b[0] ?? 0),
];
const dot = (a: readonly number[], b: readonly number[]): number =>
  (a[0] ?? 0) * (b[0] ?? 0) + (a[1] ?? 0) * (b[1] ?? 0) + (a[2] ?? 0) * (b[2] ?? 0);
const norm = (a: readonly number[]): number => Math.sqrt(dot(a, a));

function stateAt(p: Sgp4Propagator, t: number): { r: number[]; v: number[] } | undefined {
  const res = propagateTeme(p, instant(t), { allowStale: true });
  if (!res.ok) return undefined;
  const { r, v } = res.state;
  return { r: [r.x, r.y, r.z], v: [v.x, v.y, v.z] };
}

/** Mean eccentricity vector (e cos ω, e sin ω) of a set at instant t (J2 apsidal rotation), in its own node frame. */
function eccentricityVector(s: ElementSet, t: number): [number, number] {
  const n = s.meanMotionRadPerSec;
  const a = semiMajorAxisKm(s);
  const p = a * (1 - s.eccentricity * s.eccentricity);
  const ci = Math.cos(s.inclinationRad);
  const wDot = 0.75 * n * J2 * (RE / p) ** 2 * (5 * ci * ci - 1);
  const w = s.argPerigeeRad + (wDot * (t - s.epoch)) / 1000;
  return [s.eccentricity * Math.cos(w), s.eccentricity * Math.sin(w)];
}

/**
 * The deployment group of one launch's objects by along-track convergence over [tLo, tHi] (ms),
 * or undefined when fewer than the needed members converge.
 */
export function alongTrackConvergence(
  objects: readonly ConvergenceObject[],
  tLo: number,
  tHiIn: number,
  settings: ConvergenceSettings,
): ConvergenceGroup | undefined {
  let tHi = tHiIn;
  const excluded: { noradId: NoradId; reason: 'manoeuvring-at-first-set' | 'off-group' }[] = [];
  const usable: { obj: ConvergenceObject; set: ElementSet; prop: Sgp4Propagator; pre: number }[] = [];
  for (const obj of objects) {
    const pre = preManoeuvreCount(obj.sets, settings.manoeuvreRiseKm);
    const set = obj.sets[0];
    // One set followed at once by a raised one: no set is known to be free of thrust.
    if (set === undefined || (pre < 2 && obj.sets.length > 1)) {
      excluded.push({ noradId: obj.noradId, reason: 'manoeuvring-at-first-set' });
      continue;
    }
    const init = createSgp4Propagator(set);
    if (init.ok) usable.push({ obj, set, prop: init.propagator, pre });
  }
  const need = Math.min(settings.minGroupSize, objects.length);
  if (usable.length < Math.max(2, need)) return undefined;

  const ref = usable[0];
  if (ref === undefined) return undefined;
  // A separation precedes every member's first set: search up to the earliest of them.
  tHi = Math.min(tHi, ...usable.map((u) => u.set.epoch));
  const periodMs = (2 * Math.PI * 1000) / ref.set.meanMotionRadPerSec;
  const stepMs = periodMs / 8;
  const nGrid = Math.floor((tHi - tLo) / stepMs) + 1;
  if (nGrid < 16) return undefined;
  const times = Float64Array.from({ length: nGrid }, (_, k) => tHi - k * stepMs); // backwards from tHi

  // Raw along-track angle of each object from the reference, unwrapped along the grid, × radius.
  const raw = usable.map(() => new Float64Array(nGrid).fill(NaN));
  for (let k = 0; k < nGrid; k++) {
    const t = times[k] ?? 0;
    const r0 = stateAt(ref.prop, t);
    if (r0 === undefined) continue;
    const h = cross(r0.r, r0.v);
    const hn = norm(h);
    const rr = norm(r0.r);
    usable.forEach((u, i) => {
      const row = raw[i];
      if (row === undefined) return;
      const s = u === ref ? r0 : stateAt(u.prop, t);
      if (s === undefined) return;
      let ang = Math.atan2(dot(cross(r0.r, s.r), h) / hn, dot(r0.r, s.r));
      const prev = k > 0 ? (row[k - 1] ?? NaN) / rr : NaN;
      if (Number.isFinite(prev)) {
        while (ang - prev > Math.PI) ang -= 2 * Math.PI;
        while (ang - prev < -Math.PI) ang += 2 * Math.PI;
      }
      row[k] = ang * rr;
    });
  }
  // Average over one revolution (8 grid points): removes the once-per-revolution terms.
  const tracks: Track[] = usable.map((u, i) => {
    const row = raw[i] ?? new Float64Array(nGrid);
    const arc = new Float64Array(nGrid).fill(NaN);
    for (let k = 0; k + 8 <= nGrid; k++) {
      let sum = 0;
      for (let j = 0; j < 8; j++) sum += row[k + j] ?? NaN;
      arc[k + 4] = sum / 8;
    }
    return { ...u, arc };
  });

  // Robust spread of the arcs about their median at each grid point; the common epoch is its minimum.
  const medAt = new Float64Array(nGrid).fill(NaN);
  let bestK = -1;
  let bestSpread = Infinity;
  for (let k = 0; k < nGrid; k++) {
    const xs = tracks.map((tr) => tr.arc[k] ?? NaN).filter(Number.isFinite);
    if (xs.length < Math.max(2, need)) continue;
    const m = median(xs);
    medAt[k] = m;
    const mad = 1.4826 * median(xs.map((x) => Math.abs(x - m)));
    if (mad < bestSpread) {
      bestSpread = mad;
      bestK = k;
    }
  }
  // A minimum at either end of the window is no convergence (the arcs are still closing there).
  if (bestK < 0 || bestK <= 4 + 8 || bestK >= nGrid - 4 - 8) return undefined;
  const tStar = times[bestK] ?? 0;

  const members: ConvergenceMember[] = [];
  const memberTracks: Track[] = [];
  const searchSteps = Math.round((settings.crossingSearchDays * MS_PER_DAY) / stepMs);
  for (const tr of tracks) {
    const d = (k: number): number => (tr.arc[k] ?? NaN) - (medAt[k] ?? NaN);
    const off = d(bestK);
    const lagDays = (tr.set.epoch - tStar) / MS_PER_DAY;
    const tol = settings.maxOffsetBaseKm + settings.maxOffsetGrowthKmPerDay * Math.max(0, lagDays);
    // Drift relative to the median over ± half a day (a straight-line fit), km/day.
    const half = Math.max(1, Math.round((0.5 * MS_PER_DAY) / stepMs));
    const xs: number[] = [];
    const ys: number[] = [];
    for (let k = bestK - half; k <= bestK + half; k++) {
      const y = d(k);
      if (Number.isFinite(y)) {
        xs.push(((times[k] ?? 0) - tStar) / MS_PER_DAY);
        ys.push(y);
      }
    }
    const mx = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const my = ys.reduce((a, b) => a + b, 0) / Math.max(1, ys.length);
    let sxy = 0,
      sxx = 0;
    xs.forEach((x, j) => {
      sxy += (x - mx) * ((ys[j] ?? 0) - my);
      sxx += (x - mx) ** 2;
    });
    const drift = sxx > 0 ? sxy / sxx : 0;
    // Its own crossing of the median nearest the common epoch.
    let crossing: number | null = null;
    for (let j = 0; j <= searchSteps && crossing === null; j++) {
      for (const k of j === 0 ? [bestK] : [bestK - j, bestK + j]) {
        const y0 = d(k),
          y1 = d(k + 1);
        if (!Number.isFinite(y0) || !Number.isFinite(y1) || y0 === y1) continue;
        if (y0 === 0 || Math.sign(y0) !== Math.sign(y1)) {
          const f = y0 / (y0 - y1);
          crossing = (times[k] ?? 0) + f * ((times[k + 1] ?? 0) - (times[k] ?? 0));
          break;
        }
      }
    }
    if (!(Math.abs(off) <= tol)) {
      excluded.push({ noradId: tr.obj.noradId, reason: 'off-group' });
      continue;
    }
    members.push({
      noradId: tr.obj.noradId,
      set: tr.set,
      preManoeuvreSets: tr.pre,
      crossingEpochMs: crossing,
      alongTrackOffsetKm: off,
      driftKmPerDay: drift,
    });
    memberTracks.push(tr);
  }
  if (members.length < Math.max(2, need)) return undefined;

  const dated = members.filter((m) => m.crossingEpochMs !== null);
  const crossings = dated.map((m) => m.crossingEpochMs ?? 0);
  if (crossings.length < Math.max(2, need)) return undefined;
  // A member's crossing is uncertain by (along-track error) / |drift|: weight by drift².
  const weights = dated.map((m) => m.driftKmPerDay * m.driftKmPerDay);
  const wSum = weights.reduce((a, b) => a + b, 0);
  if (!(wSum > 0)) return undefined;
  const epochMs = crossings.reduce((a, t, i) => a + (weights[i] ?? 0) * t, 0) / wSum;
  const weightedSd = Math.sqrt(crossings.reduce((a, t, i) => a + (weights[i] ?? 0) * (t - epochMs) ** 2, 0) / wSum);

  // Sibling speeds from the relative mean orbits at the common epoch.
  const states = memberTracks.map((tr) => stateAt(tr.prop, epochMs));
  const pairs: SiblingSpeed[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const mi = members[i],
        mj = members[j],
        si = states[i],
        sj = states[j];
      if (mi === undefined || mj === undefined || si === undefined || sj === undefined) continue;
      const v = (norm(si.v) + norm(sj.v)) / 2; // km/s
      // In-track: an in-track Δv_t makes the along-track drift −3·Δv_t (CW).
      const inTrack = (-(mi.driftKmPerDay - mj.driftKmPerDay) / 3 / 86_400) * 1000;
      // Cross-track: a cross-track Δv_c tilts the plane by Δv_c / v.
      const hi = cross(si.r, si.v),
        hj = cross(sj.r, sj.v);
      const plane = Math.atan2(norm(cross(hi, hj)), dot(hi, hj));
      const crossTrack = plane * v * 1000;
      // Radial: |Δe|·v = √(Δv_r² + (2Δv_t)²) for near-circular orbits (Gauss).
      const ei = eccentricityVector(mi.set, epochMs),
        ej = eccentricityVector(mj.set, epochMs);
      const de = Math.hypot(ei[0] - ej[0], ei[1] - ej[1]) * v * 1000;
      const radial = Math.sqrt(Math.max(0, de * de - 4 * inTrack * inTrack));
      pairs.push({
        a: mi.noradId,
        b: mj.noradId,
        totalMps: Math.hypot(inTrack, radial, crossTrack),
        inTrackMps: inTrack,
        radialMps: radial,
        crossTrackMps: crossTrack,
      });
    }
  }
  const offsets = members.map((m) => m.alongTrackOffsetKm);
  const medOff = median(offsets);
  // The member nearest the median arc is the 3-D reference.
  let mid = 0;
  members.forEach((m, i) => {
    if (Math.abs(m.alongTrackOffsetKm - medOff) < Math.abs((members[mid]?.alongTrackOffsetKm ?? 0) - medOff)) mid = i;
  });
  const midProp = memberTracks[mid]?.prop;
  const closest = memberTracks.map((tr, i) => {
    if (i === mid || midProp === undefined) return 0;
    let best = Infinity;
    for (let j = -8; j <= 8; j++) {
      const t = epochMs + (j * periodMs) / 16;
      const a = stateAt(tr.prop, t),
        b = stateAt(midProp, t);
      if (a !== undefined && b !== undefined)
        best = Math.min(
          best,
          norm([(a.r[0] ?? 0) - (b.r[0] ?? 0), (a.r[1] ?? 0) - (b.r[1] ?? 0), (a.r[2] ?? 0) - (b.r[2] ?? 0)]),
        );
    }
    return best;
  });
  return {
    epochMs,
    minSpreadEpochMs: tStar,
    epochSpreadSec: weightedSd / 1000,
    epochSdSec: sd(crossings) / 1000,
    epochRangeSec: crossings.length > 0 ? (Math.max(...crossings) - Math.min(...crossings)) / 1000 : 0,
    alongTrackSpreadKm: 1.4826 * median(offsets.map((o) => Math.abs(o - medOff))),
    residualKm: median(closest.filter((_, i) => i !== mid)),
    members,
    pairs,
    excluded,
  };
}

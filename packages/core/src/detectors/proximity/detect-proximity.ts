/**
 * Proximity / rendezvous (RPO, "inspection") detection over many objects' element-set
 * histories (a pure function).
 *
 * Method (details, sources and limits in docs/design/proximity-detector.md):
 * 1. Set choice: the window is cut into chunks of `chunkSec`; in each chunk every object uses
 *    its set whose epoch is nearest the chunk's middle (within `maxSetAgeDays`).
 * 2. Prefilter (per chunk, only when the choice changed): pairs whose perigee–apogee shells
 *    overlap within `maxRangeKm + shellMarginKm` (a sweep over objects sorted by perigee) and
 *    whose orbit planes come close enough, over the rest of the window (J2 node drift), for the
 *    relative speed to be able to fall below `maxRelativeSpeedKmPerSec` (bound 2√(v_h1·v_h2)·sin(θ/2)).
 * 3. Scan: the objects of the candidate pairs are propagated on a `stepSec` grid (batch SGP4
 *    kernel); each pair's range, relative speed and g = Δr·Δv are evaluated at every sample.
 *    Samples with range < maxRangeKm and speed < maxRelativeSpeedKmPerSec are "near".
 * 4. Closest approaches: every sign change of g from − to + with a small enough range is
 *    refined by a root-find on g with direct SGP4 states ({@link refineClosestApproach}).
 * 5. Episodes: near samples closer than `maxGapSec` form one episode, kept when its near time
 *    ≥ `minDurationSec` (sustained) or it holds ≥ `minApproaches` near closest approaches
 *    (recurring over revolutions). Measures are computed on the episode with direct SGP4.
 * 6. Assessment ({@link assessProximity}): a label from the closed proximity vocabulary with
 *    reasons (drift 3/2·n·Δa ± σ against the pass threshold, recurrence of passes, launch,
 *    constellation, owners as facts); roles `chaser`/`target` only where one object's history
 *    shows an approach manoeuvre ({@link approachManeuvers}), otherwise both `participant`.
 * @module
 */
import type { SatRec } from 'satellite.js';
import type { ElementSet } from '../../elements/element-set.js';
import type { Ephemeris } from '../../ephemeris/ephemeris.js';
import { EPHEMERIS_STATE_SIZE } from '../../ephemeris/ephemeris.js';
import { prepareBatch } from '../../ephemeris/prepared-batch.js';
import { propagatePrepared } from '../../ephemeris/propagate-batch.js';
import { satrecFromElementSet } from '../../propagation/satrec-from-element-set.js';
import { toRic } from '../../frames/ric.js';
import { createSgp4Propagator } from '../../propagation/create-sgp4-propagator.js';
import type { Sgp4Propagator } from '../../propagation/sgp4-propagator.js';
import type { Instant } from '../../time/instant.js';
import { MS_PER_DAY, formatIso, instant } from '../../time/instant.js';
import { radToDeg } from '../../units/quantity.js';
import type { DetectedEvent, DetectorParameters, ElementSetRef, MeasureValue } from '../detected-event.js';
import type { ClosestApproach } from './closest-approach.js';
import { pairState, refineClosestApproach } from './closest-approach.js';
import {
  minWrappedNodeDifference,
  MU_KM3_PER_S2,
  nodeRateJ2,
  planeAngle,
  relativeSpeedLowerBound,
  wrapPi,
} from './orbit-geometry.js';
import { constellationFromName, isStation } from './proximity-context.js';
import { approachManeuvers } from './approach-evidence.js';
import { assessProximity } from './proximity-assessment.js';
import type {
  ApproachSample,
  ProximityApproach,
  ProximityEpisode,
  ProximityObject,
  ProximitySample,
} from './proximity-object.js';
import type { ProximityParameters } from './proximity-parameters.js';
import { DEFAULT_PROXIMITY_PARAMETERS } from './proximity-parameters.js';
import { positionSigmaKm, rangeSigmaKm, relativeSpeedSigmaKmPerSec } from './range-sigma.js';
import { median } from '../../stats/sample-stats.js';

export const PROXIMITY_DETECTOR = 'proximity';
export const PROXIMITY_DETECTOR_VERSION = '2.0.0';

/** Input of {@link detectProximity}. */
export interface ProximityInput {
  readonly objects: readonly ProximityObject[];
  /** Start of the search window (UTC). */
  readonly start: Instant;
  /** End of the search window (UTC). */
  readonly end: Instant;
  readonly parameters?: Partial<ProximityParameters>;
  /**
   * Work only on candidate pairs of this shard (pair (a, b) of object indices belongs to shard
   * (a·31 + b) mod count). Shards of one input partition its episodes exactly: running every
   * shard (e.g. one per worker thread) and concatenating gives the single-run result.
   */
  readonly shard?: { readonly index: number; readonly count: number };
}

/** Counters of the work done, for logs, benches and evidence. */
export interface ProximityDiagnostics {
  readonly objects: number;
  /** Element sets SGP4 could not initialise (skipped). */
  readonly setsRejected: number;
  readonly chunks: number;
  /** Pair tests made by the prefilter (shell sweep), summed over prefilter runs. */
  readonly pairTests: number;
  /** Candidate pairs after the prefilter, summed over chunks. */
  readonly candidatePairChunks: number;
  /** Distinct candidate pairs. */
  readonly candidatePairs: number;
  /** Object-samples propagated on the grid. */
  readonly statesPropagated: number;
  /** Closest approaches refined by root-finding. */
  readonly refinements: number;
  /** Pairs with at least one near sample. */
  readonly pairsNear: number;
}

/** Result of {@link detectProximity}. */
export interface ProximityDetection {
  readonly episodes: ProximityEpisode[];
  readonly diagnostics: ProximityDiagnostics;
}

interface SetInfo {
  readonly set: ElementSet;
  readonly prop: Sgp4Propagator;
  satrec: SatRec | undefined;
  readonly rpKm: number;
  readonly raKm: number;
  /** Lower bound of the horizontal speed (at apogee), km/s. */
  readonly vhMin: number;
  /** Upper bound of the speed (at perigee, +5 % for SGP4's periodic terms), km/s. */
  readonly vMax: number;
  readonly raanRate: number;
}

interface Obj {
  readonly input: ProximityObject;
  readonly sets: readonly SetInfo[];
  readonly epochs: Float64Array;
  readonly name: string | null;
  readonly constellation: string | null;
  readonly station: boolean;
}

interface RefinedApproach extends ClosestApproach {
  readonly setA: SetInfo;
  readonly setB: SetInfo;
}

interface Track {
  readonly a: number;
  readonly b: number;
  readonly nearT: number[];
  readonly approaches: RefinedApproach[];
}

const MS_PER_SEC = 1000;

/** Finds proximity episodes among `input.objects` in [start, end]. */
export function detectProximity(input: ProximityInput): ProximityDetection {
  const p: ProximityParameters = { ...DEFAULT_PROXIMITY_PARAMETERS, ...input.parameters };
  checkParameters(p);
  const { start, end, shard } = input;
  if (
    shard !== undefined &&
    !(
      Number.isInteger(shard.count) &&
      shard.count >= 1 &&
      Number.isInteger(shard.index) &&
      shard.index >= 0 &&
      shard.index < shard.count
    )
  ) {
    throw new RangeError('detectProximity: shard index must be an integer in [0, count)');
  }
  if (!(end > start)) throw new RangeError('detectProximity: end must be after start');

  let setsRejected = 0;
  const objs: Obj[] = input.objects.map((o) => {
    const sorted = [...o.sets].sort((x, y) => x.epoch - y.epoch);
    const infos: SetInfo[] = [];
    // Only sets that can be chosen inside the window (or for a docking approach) are initialised.
    const from = start - (p.maxSetAgeDays + APPROACH_LOOKBACK_DAYS) * MS_PER_DAY;
    const to = end + p.maxSetAgeDays * MS_PER_DAY;
    for (const s of sorted) {
      if (s.epoch < from || s.epoch > to) continue;
      const init = createSgp4Propagator(s);
      if (!init.ok) {
        setsRejected++;
        continue;
      }
      infos.push(setInfo(s, init.propagator));
    }
    const last = sorted[sorted.length - 1];
    const name = last?.name ?? null;
    return {
      input: o,
      sets: infos,
      epochs: Float64Array.from(infos.map((i) => i.set.epoch)),
      name,
      constellation: o.constellation ?? constellationFromName(name),
      station: isStation(o.noradId, name),
    };
  });

  const chunkMs = p.chunkSec * MS_PER_SEC;
  const stepMs = p.stepSec * MS_PER_SEC;
  const nChunks = Math.ceil((end - start) / chunkMs);
  const n = objs.length;
  const selection = new Int32Array(n).fill(-1);
  let pairs: Int32Array = new Int32Array(0);
  let pairTests = 0;
  let candidatePairChunks = 0;
  let statesPropagated = 0;
  let refinements = 0;
  const tracks = new Map<number, Track>();
  const seenPairs = new Set<number>();
  const nearRangePad = p.maxRelativeSpeedKmPerSec * p.stepSec + 1;
  let lastEph: Ephemeris | undefined;
  // A minimum is refined only if the relative speed at one of its bracketing samples is below
  // the threshold plus what the relative acceleration can change in one step: for objects within
  // d of each other it is at most the tidal 4·μ·d/r³ (r ≥ 6,500 km) — 0.08 km/s for 111 km, 120 s.
  const speedSlack = ((4 * MU_KM3_PER_S2 * (p.maxRangeKm + nearRangePad)) / 6500 ** 3) * p.stepSec;
  const speedLimit2 = (p.maxRelativeSpeedKmPerSec + speedSlack) ** 2;

  for (let c = 0; c < nChunks; c++) {
    const t0 = start + c * chunkMs;
    const t1 = Math.min(end, t0 + chunkMs);
    const count = Math.max(2, Math.round((t1 - t0) / stepMs) + 1);
    const mid = (t0 + t1) / 2;
    let changed = c === 0;
    for (let j = 0; j < n; j++) {
      const o = objs[j];
      if (o === undefined) continue;
      const k = nearestSet(o.epochs, mid, p.maxSetAgeDays * MS_PER_DAY);
      if (k !== selection[j]) {
        selection[j] = k;
        changed = true;
      }
    }
    if (changed) {
      const pf = prefilterPairs(objs, selection, t0, end, p);
      pairs = shard === undefined ? pf.pairs : shardPairs(pf.pairs, shard.index, shard.count);
      pairTests += pf.tests;
    }
    const nPairs = pairs.length / 2;
    if (nPairs === 0) continue;
    candidatePairChunks += nPairs;

    // Objects involved, in one batch.
    const slot = new Int32Array(n).fill(-1);
    const recs: SatRec[] = [];
    for (let q = 0; q < pairs.length; q++) {
      const j = pairs[q] ?? -1;
      if (slot[j] !== -1) continue;
      const info = objs[j]?.sets[selection[j] ?? -1];
      if (info === undefined) throw new Error('detectProximity: pair without a selected set');
      info.satrec ??= satrecFromElementSet(info.set);
      slot[j] = recs.length;
      recs.push(info.satrec);
    }
    // Reuse the previous chunk's arrays when the shape is the same (no per-chunk allocation).
    const eph = propagatePrepared(
      prepareBatch(recs),
      instant(t0),
      p.stepSec,
      count,
      lastEph !== undefined && lastEph.count === count && lastEph.noradIds.length === recs.length ? lastEph : undefined,
    );
    lastEph = eph;
    statesPropagated += recs.length * count;
    const { data, status } = eph;
    const lastChunk = c === nChunks - 1;
    const nearLimit = lastChunk ? count : count - 1;

    for (let q = 0; q < nPairs; q++) {
      const a = pairs[2 * q] ?? 0;
      const b = pairs[2 * q + 1] ?? 0;
      const key = a * n + b;
      seenPairs.add(key);
      const sa = slot[a] ?? 0;
      const sb = slot[b] ?? 0;
      const baseA = sa * count;
      const baseB = sb * count;
      let prevG = NaN;
      let prevD = NaN;
      let prevV2 = NaN;
      let track = tracks.get(key);
      // Skip-ahead: |Δv| ≤ vMax_a + vMax_b, so from a sample at range d no range below
      // maxRangeKm can occur for (d − maxRangeKm)/(vMax·step) − 1 more steps.
      const vStep =
        ((objs[a]?.sets[selection[a] ?? -1]?.vMax ?? Infinity) +
          (objs[b]?.sets[selection[b] ?? -1]?.vMax ?? Infinity)) *
        p.stepSec;
      for (let i = 0; i < count; i++) {
        if (status[baseA + i] !== 0 || status[baseB + i] !== 0) {
          prevG = NaN;
          continue;
        }
        const oa = (baseA + i) * EPHEMERIS_STATE_SIZE;
        const ob = (baseB + i) * EPHEMERIS_STATE_SIZE;
        const dx = (data[ob] ?? 0) - (data[oa] ?? 0);
        const dy = (data[ob + 1] ?? 0) - (data[oa + 1] ?? 0);
        const dz = (data[ob + 2] ?? 0) - (data[oa + 2] ?? 0);
        const d2 = dx * dx + dy * dy + dz * dz;
        const du = (data[ob + 3] ?? 0) - (data[oa + 3] ?? 0);
        const dv = (data[ob + 4] ?? 0) - (data[oa + 4] ?? 0);
        const dw = (data[ob + 5] ?? 0) - (data[oa + 5] ?? 0);
        const g = dx * du + dy * dv + dz * dw;
        const d = Math.sqrt(d2);
        const v2 = du * du + dv * dv + dw * dw;
        const skip = Math.floor((d - p.maxRangeKm) / vStep) - 1;
        if (skip >= 1) {
          // Nothing near and no minimum below maxRangeKm before sample i + skip: resume there.
          i += skip - 1;
          prevG = NaN;
          continue;
        }
        if (i < nearLimit && d < p.maxRangeKm) {
          if (v2 < p.maxRelativeSpeedKmPerSec * p.maxRelativeSpeedKmPerSec) {
            track ??= newTrack(tracks, key, a, b);
            track.nearT.push(t0 + i * stepMs);
          }
        }
        if (
          prevG < 0 &&
          g >= 0 &&
          Math.min(prevD, d) < p.maxRangeKm + nearRangePad &&
          Math.min(prevV2, v2) < speedLimit2
        ) {
          const setA = objs[a]?.sets[selection[a] ?? -1];
          const setB = objs[b]?.sets[selection[b] ?? -1];
          if (setA !== undefined && setB !== undefined) {
            refinements++;
            const ca = refineClosestApproach(
              setA.prop,
              setB.prop,
              instant(t0 + (i - 1) * stepMs),
              instant(t0 + i * stepMs),
            );
            if (
              ca !== undefined &&
              ca.rangeKm < p.maxRangeKm &&
              ca.relativeSpeedKmPerSec < p.maxRelativeSpeedKmPerSec
            ) {
              track ??= newTrack(tracks, key, a, b);
              track.approaches.push({ ...ca, setA, setB });
            }
          }
        }
        prevG = g;
        prevD = d;
        prevV2 = v2;
      }
    }
  }

  const episodes: ProximityEpisode[] = [];
  const ctx: EpisodeContext = { objs, p, start, end, chunkMs };
  for (const track of tracks.values()) {
    for (const group of groupEpisodes(track, p)) {
      const ep = buildEpisode(ctx, track, group);
      if (ep !== undefined) episodes.push(ep);
    }
  }
  episodes.sort(
    (x, y) =>
      x.event.start - y.event.start ||
      (x.event.objects[0]?.norad ?? 0) - (y.event.objects[0]?.norad ?? 0) ||
      (x.event.objects[1]?.norad ?? 0) - (y.event.objects[1]?.norad ?? 0),
  );
  return {
    episodes,
    diagnostics: {
      objects: n,
      setsRejected,
      chunks: nChunks,
      pairTests,
      candidatePairChunks,
      candidatePairs: seenPairs.size,
      statesPropagated,
      refinements,
      pairsNear: tracks.size,
    },
  };
}

function newTrack(tracks: Map<number, Track>, key: number, a: number, b: number): Track {
  const t: Track = { a, b, nearT: [], approaches: [] };
  tracks.set(key, t);
  return t;
}

function checkParameters(p: ProximityParameters): void {
  const positive: readonly (keyof ProximityParameters)[] = [
    'maxRangeKm',
    'maxRelativeSpeedKmPerSec',
    'stepSec',
    'chunkSec',
    'maxSetAgeDays',
    'amateurWeight',
    'maneuverLookbackDays',
    'passMaxDays',
    'recurrenceMaxGapDays',
    'approachMaxCrossingSpeedKmPerSec',
    'planeHoldDays',
    'sunSynchronousToleranceDegPerDay',
  ];
  for (const k of positive) {
    const v = p[k];
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))
      throw new RangeError(`proximity parameter ${k} must be a finite number > 0`);
  }
  if (p.chunkSec < p.stepSec) throw new RangeError('proximity parameter chunkSec must be ≥ stepSec');
  if (!(Number.isInteger(p.recurringEncounters) && p.recurringEncounters >= 2))
    throw new RangeError('proximity parameter recurringEncounters must be an integer ≥ 2');
}

function setInfo(set: ElementSet, prop: Sgp4Propagator): SetInfo {
  const a = prop.semiMajorAxisKm;
  const e = set.eccentricity;
  const h = Math.sqrt(398_600.4418 * a * (1 - e * e));
  return {
    set,
    prop,
    satrec: undefined,
    rpKm: prop.perigeeRadiusKm,
    raKm: prop.apogeeRadiusKm,
    vhMin: h / prop.apogeeRadiusKm,
    vMax: 1.05 * Math.sqrt(398_600.4418 * (2 / prop.perigeeRadiusKm - 1 / a)),
    raanRate: nodeRateJ2(set.meanMotionRadPerSec, a, e, set.inclinationRad),
  };
}

/** Index of the set with epoch nearest `t` within `maxAgeMs`, or −1. */
function nearestSet(epochs: Float64Array, t: number, maxAgeMs: number): number {
  let lo = 0;
  let hi = epochs.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if ((epochs[m] ?? 0) < t) lo = m + 1;
    else hi = m;
  }
  let best = -1;
  let bestAge = Infinity;
  for (const k of [lo - 1, lo]) {
    const e = epochs[k];
    if (e === undefined) continue;
    const age = Math.abs(t - e);
    if (age < bestAge) {
      bestAge = age;
      best = k;
    }
  }
  return bestAge <= maxAgeMs ? best : -1;
}

/**
 * Candidate pairs (object indices, a < b) for sets selected now, valid from `t0` to `tEnd`:
 * overlapping shells and planes close enough for a low relative speed.
 */
function prefilterPairs(
  objs: readonly Obj[],
  selection: Int32Array,
  t0: number,
  tEnd: number,
  p: ProximityParameters,
): { pairs: Int32Array; tests: number } {
  const active: number[] = [];
  for (let j = 0; j < objs.length; j++) if ((selection[j] ?? -1) >= 0) active.push(j);
  const info = (j: number): SetInfo => {
    const s = objs[j]?.sets[selection[j] ?? -1];
    if (s === undefined) throw new Error('prefilter: no set');
    return s;
  };
  active.sort((x, y) => info(x).rpKm - info(y).rpKm);
  const m = active.length;
  const rp = new Float64Array(m);
  const ra = new Float64Array(m);
  const inc = new Float64Array(m);
  const node0 = new Float64Array(m);
  const node1 = new Float64Array(m);
  const vh = new Float64Array(m);
  const owner: (string | undefined)[] = [];
  for (let k = 0; k < m; k++) {
    const s = info(active[k] ?? 0);
    rp[k] = s.rpKm;
    ra[k] = s.raKm;
    inc[k] = s.set.inclinationRad;
    node0[k] = s.set.raanRad + s.raanRate * ((t0 - s.set.epoch) / MS_PER_SEC);
    node1[k] = s.set.raanRad + s.raanRate * ((tEnd - s.set.epoch) / MS_PER_SEC);
    vh[k] = s.vhMin;
    owner.push(objs[active[k] ?? 0]?.input.owner);
  }
  const pad = p.maxRangeKm + p.shellMarginKm;
  const out: number[] = [];
  let tests = 0;
  for (let x = 0; x < m; x++) {
    const top = (ra[x] ?? 0) + pad;
    const ox = owner[x];
    for (let y = x + 1; y < m && (rp[y] ?? Infinity) <= top; y++) {
      tests++;
      if (p.differentOwnersOnly) {
        const oy = owner[y];
        if (ox !== undefined && oy !== undefined && ox === oy) continue;
      }
      const vx = vh[x] ?? 0;
      const vy = vh[y] ?? 0;
      // Objects up to `pad` km off the planes' line of intersection: slack v·pad/r.
      const slack = (Math.max(vx, vy) * pad) / Math.min(rp[x] ?? 1, rp[y] ?? 1);
      const vGeo = Math.sqrt(vx * vy);
      // Quick reject without trigonometry: θ ≥ |Δi| and sin(θ/2) ≥ θ/π (Jordan's inequality).
      if ((2 * vGeo * Math.abs((inc[x] ?? 0) - (inc[y] ?? 0))) / Math.PI > p.maxRelativeSpeedKmPerSec + slack) continue;
      const dn = minWrappedNodeDifference((node0[y] ?? 0) - (node0[x] ?? 0), (node1[y] ?? 0) - (node1[x] ?? 0));
      const theta = planeAngle(inc[x] ?? 0, 0, inc[y] ?? 0, dn);
      const bound = relativeSpeedLowerBound(theta, vx, vy);
      if (bound > p.maxRelativeSpeedKmPerSec + slack) continue;
      const ja = active[x] ?? 0;
      const jb = active[y] ?? 0;
      out.push(Math.min(ja, jb), Math.max(ja, jb));
    }
  }
  return { pairs: Int32Array.from(out), tests };
}

function shardPairs(pairs: Int32Array, index: number, count: number): Int32Array {
  const out: number[] = [];
  for (let q = 0; q + 1 < pairs.length; q += 2) {
    const a = pairs[q] ?? 0;
    const b = pairs[q + 1] ?? 0;
    if ((a * 31 + b) % count === index) out.push(a, b);
  }
  return Int32Array.from(out);
}

/** Near samples of a track grouped into episodes (gap > maxGapSec splits), kept by the rules. */
function groupEpisodes(
  track: Track,
  p: ProximityParameters,
): { start: number; end: number; nearCount: number; approaches: RefinedApproach[] }[] {
  const times = [...track.nearT, ...track.approaches.map((x) => x.t as number)].sort((x, y) => x - y);
  const groups: { start: number; end: number; nearCount: number; approaches: RefinedApproach[] }[] = [];
  const gapMs = p.maxGapSec * MS_PER_SEC;
  let cur: { start: number; end: number; nearCount: number; approaches: RefinedApproach[] } | undefined;
  for (const t of times) {
    if (cur === undefined || t - cur.end > gapMs) {
      cur = { start: t, end: t, nearCount: 0, approaches: [] };
      groups.push(cur);
    }
    cur.end = Math.max(cur.end, t);
  }
  for (const t of track.nearT) {
    const g = groups.find((x) => t >= x.start && t <= x.end);
    if (g !== undefined) g.nearCount++;
  }
  for (const ap of track.approaches) {
    const g = groups.find((x) => ap.t >= x.start && ap.t <= x.end);
    g?.approaches.push(ap);
  }
  return groups.filter((g) => g.nearCount * p.stepSec >= p.minDurationSec || g.approaches.length >= p.minApproaches);
}

interface EpisodeContext {
  readonly objs: readonly Obj[];
  readonly p: ProximityParameters;
  readonly start: Instant;
  readonly end: Instant;
  readonly chunkMs: number;
}

/** The set an object used at `t` (same rule as the scan: nearest epoch to the chunk's middle). */
function setAt(ctx: EpisodeContext, o: Obj, t: number): SetInfo | undefined {
  const c = Math.min(Math.floor((t - ctx.start) / ctx.chunkMs), Math.ceil((ctx.end - ctx.start) / ctx.chunkMs) - 1);
  const t0 = ctx.start + c * ctx.chunkMs;
  const t1 = Math.min(ctx.end, t0 + ctx.chunkMs);
  const k = nearestSet(o.epochs, (t0 + t1) / 2, ctx.p.maxSetAgeDays * MS_PER_DAY);
  return k < 0 ? undefined : o.sets[k];
}

/** How far before a docking episode the chaser's free-flight sets are examined, days. */
const APPROACH_LOOKBACK_DAYS = 4;

/**
 * The approach to a station, from the chaser's own sets (each evaluated at its epoch, where it
 * is best known; the target propagated with its nearest set): the free-flight sets before the
 * episode and the first set whose range is below the docking threshold. Docking happened between
 * the last free-flight epoch and that set's epoch (the bracket): element sets alone cannot date
 * it more finely, and a scan between them would only interpolate across the final burns.
 */
function dockingApproach(
  chaser: Obj,
  target: Obj,
  episodeStart: number,
  episodeEnd: number,
  p: ProximityParameters,
): { samples: ApproachSample[]; measures: Record<string, MeasureValue> } {
  const samples: ApproachSample[] = [];
  const from = episodeStart - APPROACH_LOOKBACK_DAYS * MS_PER_DAY;
  let lastFree: ApproachSample | undefined;
  let firstDocked: ApproachSample | undefined;
  for (const sc of chaser.sets) {
    const t = sc.set.epoch;
    if (t < from || t > episodeEnd) continue;
    const k = nearestSet(target.epochs, t, p.maxSetAgeDays * MS_PER_DAY);
    const st = target.sets[k];
    if (st === undefined) continue;
    const s = pairState(st.prop, sc.prop, instant(t));
    if (s === undefined) continue;
    const ra = s.a.r;
    const rb = s.b.r;
    const cosPhase =
      (ra.x * rb.x + ra.y * rb.y + ra.z * rb.z) / (Math.hypot(ra.x, ra.y, ra.z) * Math.hypot(rb.x, rb.y, rb.z));
    const ric = s.rangeKm > 0 ? toRic(s.b, s.a) : undefined;
    const phase = Math.acos(Math.min(1, Math.max(-1, cosPhase))) * ((ric?.r.y ?? 0) >= 0 ? 1 : -1);
    const sample: ApproachSample = {
      t: instant(t),
      rangeKm: s.rangeKm,
      relativeSpeedKmPerSec: s.relativeSpeedKmPerSec,
      phaseAngleDeg: radToDeg(phase),
      deltaSemiMajorAxisKm: sc.prop.semiMajorAxisKm - st.prop.semiMajorAxisKm,
      chaserEpochText: sc.set.epochText,
      targetEpochText: st.set.epochText,
    };
    samples.push(sample);
    if (s.rangeKm >= p.dockingRangeKm) {
      if (firstDocked === undefined) lastFree = sample;
    } else {
      firstDocked ??= sample;
    }
  }
  const first = samples.find((x) => x.rangeKm >= p.dockingRangeKm);
  const measures: Record<string, MeasureValue> = {
    approachStartUtc: first === undefined ? null : formatIso(first.t),
    dockingAfterUtc: lastFree === undefined ? null : formatIso(lastFree.t),
    dockingBeforeUtc: firstDocked === undefined ? null : formatIso(firstDocked.t),
    approachDurationMinSec: first !== undefined && lastFree !== undefined ? (lastFree.t - first.t) / MS_PER_SEC : null,
    approachDurationMaxSec:
      first !== undefined && firstDocked !== undefined ? (firstDocked.t - first.t) / MS_PER_SEC : null,
    approachFreeFlightSets: samples.filter(
      (x) => x.rangeKm >= p.dockingRangeKm && (firstDocked === undefined || x.t < firstDocked.t),
    ).length,
    lastFreeFlightRangeKm: lastFree?.rangeKm ?? null,
    lastFreeFlightRelativeSpeedKmPerSec: lastFree?.relativeSpeedKmPerSec ?? null,
    lastFreeFlightPhaseAngleDeg: lastFree?.phaseAngleDeg ?? null,
    lastFreeFlightDeltaSemiMajorAxisKm: lastFree?.deltaSemiMajorAxisKm ?? null,
  };
  return { samples, measures };
}

/** Largest number of profile samples kept per episode (longer episodes are sampled more coarsely). */
const MAX_PROFILE_SAMPLES = 5000;

function buildEpisode(
  ctx: EpisodeContext,
  track: Track,
  group: { start: number; end: number; nearCount: number; approaches: RefinedApproach[] },
): ProximityEpisode | undefined {
  const { objs, p } = ctx;
  const oa = objs[track.a];
  const ob = objs[track.b];
  if (oa === undefined || ob === undefined) return undefined;
  // Order: a station second; otherwise the later-catalogued object first. Roles come later,
  // from the assessment (first/second only with manoeuvre evidence).
  const aFirst = oa.station !== ob.station ? ob.station : oa.input.noradId > ob.input.noradId;
  const first = aFirst ? oa : ob;
  const second = aFirst ? ob : oa;
  // Approach manoeuvres in each history over the lookback before the episode's end.
  const lookbackFrom = group.end - p.maneuverLookbackDays * MS_PER_DAY;
  const evidence = (x: Obj, y: Obj) =>
    approachManeuvers(x.input.noradId, x.input.sets, y.input.sets, lookbackFrom, group.end);
  const mvFirst = evidence(first, second);
  const mvSecond = evidence(second, first);

  // Profile from start to end with direct SGP4 (same set rule as the scan).
  const span = group.end - group.start;
  const stepMs = Math.max(p.stepSec * MS_PER_SEC, Math.ceil(span / MAX_PROFILE_SAMPLES / 1000) * 1000);
  const profile: ProximitySample[] = [];
  const nearRanges: number[] = [];
  const inTrack: { t: number; y: number }[] = [];
  let minSample: { t: number; range: number; speed: number } | undefined;
  for (let t = group.start; t <= group.end + 1e-6; t += stepMs) {
    const sc = setAt(ctx, first, t);
    const st = setAt(ctx, second, t);
    if (sc === undefined || st === undefined) continue;
    const s = pairState(st.prop, sc.prop, instant(t));
    if (s === undefined) continue;
    profile.push({ t: instant(t), rangeKm: s.rangeKm, relativeSpeedKmPerSec: s.relativeSpeedKmPerSec });
    if (s.rangeKm < p.maxRangeKm && s.relativeSpeedKmPerSec < p.maxRelativeSpeedKmPerSec) nearRanges.push(s.rangeKm);
    if (minSample === undefined || s.rangeKm < minSample.range)
      minSample = { t, range: s.rangeKm, speed: s.relativeSpeedKmPerSec };
    if (s.rangeKm > 0) inTrack.push({ t, y: toRic(s.b, s.a).r.y });
  }
  // The minimum: the smallest refined approach, or a sample when smaller (set change, coincident sets).
  let minT: number;
  let minRange: number;
  let minSpeed: number;
  const bestApproach = group.approaches.reduce<RefinedApproach | undefined>(
    (x, y) => (x === undefined || y.rangeKm < x.rangeKm ? y : x),
    undefined,
  );
  if (bestApproach !== undefined && (minSample === undefined || bestApproach.rangeKm <= minSample.range)) {
    minT = bestApproach.t;
    minRange = bestApproach.rangeKm;
    minSpeed = bestApproach.relativeSpeedKmPerSec;
  } else if (minSample !== undefined) {
    minT = minSample.t;
    minRange = minSample.range;
    minSpeed = minSample.speed;
  } else {
    return undefined;
  }
  const sc = setAt(ctx, first, minT);
  const st = setAt(ctx, second, minT);
  if (sc === undefined || st === undefined) return undefined;
  const atMin = pairState(st.prop, sc.prop, instant(minT));
  if (atMin === undefined) return undefined;
  const ric = minRange > 0 ? toRic(atMin.b, atMin.a) : undefined;

  // Uncertainty from set ages.
  const ageC = (minT - sc.set.epoch) / MS_PER_DAY;
  const ageT = (minT - st.set.epoch) / MS_PER_DAY;
  const wC = first.input.amateur === true ? p.amateurWeight : 1;
  const wT = second.input.amateur === true ? p.amateurWeight : 1;
  const sigC = positionSigmaKm(ageC, p.sigmaAtEpochKm, p.sigmaGrowthKmPerDay, wC);
  const sigT = positionSigmaKm(ageT, p.sigmaAtEpochKm, p.sigmaGrowthKmPerDay, wT);
  const sigRange = rangeSigmaKm(sigC, sigT);
  const nT = st.set.meanMotionRadPerSec;
  const sigSpeed = relativeSpeedSigmaKmPerSec(sigRange, nT);

  // Co-planarity and period matching from the sets used at the minimum.
  const nodeC = sc.set.raanRad + sc.raanRate * ((minT - sc.set.epoch) / MS_PER_SEC);
  const nodeT = st.set.raanRad + st.raanRate * ((minT - st.set.epoch) / MS_PER_SEC);
  const dRaan = wrapPi(nodeC - nodeT);
  const plane = planeAngle(sc.set.inclinationRad, nodeC, st.set.inclinationRad, nodeT);
  const periodC = (2 * Math.PI) / sc.set.meanMotionRadPerSec;
  const periodT = (2 * Math.PI) / nT;
  const dA = sc.prop.semiMajorAxisKm - st.prop.semiMajorAxisKm;
  // Clohessy–Wiltshire secular along-track drift of the first relative to the second: −1.5·n·Δa.
  const driftFromElements = -1.5 * nT * dA * 86_400;
  const driftFitted = slopePerDay(inTrack);

  // Encounters: the pair's near times over the whole window, split where a gap exceeds half a
  // synodic period (a pair can only meet again after one) or two revolutions, whichever is longer.
  const synodicDays =
    Math.abs(driftFromElements) > 0 ? (2 * Math.PI * st.prop.semiMajorAxisKm) / Math.abs(driftFromElements) : Infinity;
  const allEncounters = encounters(track, Math.max(0.5 * synodicDays * MS_PER_DAY, 2 * periodT * MS_PER_SEC));
  const vCircular = Math.sqrt(MU_KM3_PER_S2 / st.prop.semiMajorAxisKm);
  const encounterTimes = encounterRun(allEncounters, group.start, group.end, p.recurrenceMaxGapDays * MS_PER_DAY);
  // σ of the drift: the model's along-track error growth k/w of each set is the error of the
  // along-track drift that set implies; independent, so root-sum-square.
  const driftSigma = Math.hypot(p.sigmaGrowthKmPerDay / wC, p.sigmaGrowthKmPerDay / wT);
  const launch = (o: Obj): string | null => {
    const c = o.input.sets[o.input.sets.length - 1]?.cosparId ?? null;
    return c === null || c.length < 8 ? null : c.slice(0, 8);
  };
  const coincident = minRange < 1e-3;
  const { assessment, roleA, roleB } = assessProximity(
    {
      noradA: first.input.noradId,
      noradB: second.input.noradId,
      nameA: first.name,
      nameB: second.name,
      stationA: first.station,
      stationB: second.station,
      ownerA: first.input.owner ?? null,
      ownerB: second.input.owner ?? null,
      ownerSource: first.input.ownerSource ?? second.input.ownerSource ?? null,
      constellationA: first.constellation,
      constellationB: second.constellation,
      launchA: launch(first),
      launchB: launch(second),
      minRangeKm: minRange,
      minRangeSigmaKm: sigRange,
      coincidentElementSets: coincident,
      driftKmPerDay: driftFromElements,
      driftSigmaKmPerDay: driftSigma,
      planeAngleDeg: radToDeg(plane),
      planeCrossingSpeedKmPerSec: relativeSpeedLowerBound(plane, vCircular, vCircular),
      nodeRateADegPerDay: radToDeg(sc.raanRate) * 86_400,
      nodeRateBDegPerDay: radToDeg(st.raanRate) * 86_400,
      inclinationBDeg: radToDeg(st.set.inclinationRad),
      semiMajorAxisBKm: st.prop.semiMajorAxisKm,
      rangeKm: p.maxRangeKm,
      dockingRangeKm: p.dockingRangeKm,
      encounterTimes,
      synodicPeriodDays: Number.isFinite(synodicDays) ? synodicDays : null,
      maneuversA: mvFirst,
      maneuversB: mvSecond,
    },
    p,
  );

  const measures: Record<string, MeasureValue> = {
    minRangeKm: minRange,
    minRangeUtc: formatIso(instant(minT)),
    minRangeSigmaKm: sigRange,
    relativeSpeedAtMinKmPerSec: minSpeed,
    relativeSpeedAtMinSigmaKmPerSec: sigSpeed,
    medianRangeKm: finiteOrNull(median(nearRanges.length > 0 ? nearRanges : profile.map((s) => s.rangeKm))),
    nearDurationSec: group.nearCount * p.stepSec,
    closeApproaches: group.approaches.length,
    radialKm: ric?.r.x ?? 0,
    inTrackKm: ric?.r.y ?? 0,
    crossTrackKm: ric?.r.z ?? 0,
    radialRateKmPerSec: ric?.v.x ?? 0,
    inTrackRateKmPerSec: ric?.v.y ?? 0,
    crossTrackRateKmPerSec: ric?.v.z ?? 0,
    position: ric === undefined ? 'coincident' : ric.r.y >= 0 ? 'leading' : 'trailing',
    driftRateFromElementsKmPerDay: driftFromElements,
    driftRateSigmaKmPerDay: driftSigma,
    driftRateFittedKmPerDay: finiteOrNull(driftFitted),
    passTimeSec: finiteOrNull((2 * p.maxRangeKm * 86_400) / Math.abs(driftFromElements)),
    synodicPeriodDays: finiteOrNull(synodicDays),
    encounters: encounterTimes.length,
    encounterTimesUtc: encounterTimes.map((t) => formatIso(instant(t))).join(' '),
    deltaSemiMajorAxisKm: dA,
    deltaInclinationDeg: radToDeg(sc.set.inclinationRad - st.set.inclinationRad),
    deltaRaanDeg: radToDeg(dRaan),
    planeAngleDeg: radToDeg(plane),
    nodeRateADegPerDay: radToDeg(sc.raanRate) * 86_400,
    nodeRateBDegPerDay: radToDeg(st.raanRate) * 86_400,
    periodAMin: periodC / 60,
    periodBMin: periodT / 60,
    periodDifferenceSec: periodC - periodT,
    setAgeADays: ageC,
    setAgeBDays: ageT,
    positionSigmaAKm: sigC,
    positionSigmaBKm: sigT,
    setWeightA: wC,
    setWeightB: wT,
    sigmaModel: `sigma = (${String(p.sigmaAtEpochKm)} km + ${String(p.sigmaGrowthKmPerDay)} km/day x |age|) / weight; range sigma = rss; speed sigma = 2 n sigma; drift sigma = rss of k/weight`,
    context: assessment.label,
    ownerA: first.input.owner ?? null,
    ownerB: second.input.owner ?? null,
    ownerSource: first.input.ownerSource ?? second.input.ownerSource ?? null,
    nameA: first.name,
    nameB: second.name,
    launchA: launch(first),
    launchB: launch(second),
    approachManeuvers: mvFirst.length + mvSecond.length,
    coincidentElementSets: coincident,
  };
  let approachProfile: ApproachSample[] = [];
  if (assessment.label === 'docking') {
    const ap = dockingApproach(first, second, group.start, group.end, p);
    approachProfile = ap.samples;
    Object.assign(measures, ap.measures);
  }

  const ref = (info: SetInfo, role: string, o: Obj): ElementSetRef => ({
    noradId: info.set.noradId,
    epoch: info.set.epoch,
    epochText: info.set.epochText,
    ...(o.input.source === undefined ? {} : { source: o.input.source }),
    role,
  });
  // The sets of the approach manoeuvres named in the reasons are evidence too.
  const mvRefs: ElementSetRef[] = [];
  for (const mv of [...mvFirst, ...mvSecond]) {
    const mover = mv.noradId === first.input.noradId ? first : second;
    for (const [epoch, epochText, role] of [
      [mv.beforeEpoch, mv.beforeEpochText, 'before-maneuver'],
      [mv.afterEpoch, mv.afterEpochText, 'after-maneuver'],
    ] as const) {
      mvRefs.push({
        noradId: mover.input.noradId,
        epoch: instant(epoch),
        epochText,
        ...(mover.input.source === undefined ? {} : { source: mover.input.source }),
        role,
      });
    }
  }
  const parameters: DetectorParameters = { ...p };
  const event: DetectedEvent = {
    kind: 'proximity',
    objects: [
      { norad: first.input.noradId, role: roleA },
      { norad: second.input.noradId, role: roleB },
    ],
    start: instant(group.start),
    end: instant(group.end),
    measures,
    elementSets: [ref(sc, roleA, first), ref(st, roleB, second), ...mvRefs],
    detector: PROXIMITY_DETECTOR,
    detectorVersion: PROXIMITY_DETECTOR_VERSION,
    parameters,
    assessment,
  };
  const approaches: ProximityApproach[] = group.approaches
    .map((x) => ({ t: x.t, rangeKm: x.rangeKm, relativeSpeedKmPerSec: x.relativeSpeedKmPerSec }))
    .sort((x, y) => x.t - y.t);
  return { event, profile, approaches, approachProfile };
}

/** The pair's separate encounters [first, last near time]: near times and approaches split at gaps > `splitMs`. */
function encounters(track: Track, splitMs: number): { start: number; end: number }[] {
  const times = [...track.nearT, ...track.approaches.map((x) => x.t as number)].sort((x, y) => x - y);
  const out: { start: number; end: number }[] = [];
  for (const t of times) {
    const last = out[out.length - 1];
    if (last !== undefined && t - last.end <= splitMs) last.end = t;
    else out.push({ start: t, end: t });
  }
  return out;
}

/**
 * Start times of the run of encounters (each starting at most maxGapMs after the previous one
 * ended) that overlaps [start, end].
 */
function encounterRun(
  list: readonly { start: number; end: number }[],
  start: number,
  end: number,
  maxGapMs: number,
): number[] {
  const runs: { start: number; end: number }[][] = [];
  for (const x of list) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last !== undefined && prev !== undefined && x.start - prev.end <= maxGapMs) last.push(x);
    else runs.push([x]);
  }
  const hit = runs.find((r) => (r[0]?.start ?? Infinity) <= end && (r[r.length - 1]?.end ?? -Infinity) >= start);
  return (hit ?? []).map((x) => x.start);
}

/** The number, or null when it is NaN or infinite (measures never carry NaN). */
function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Least-squares slope of y (km) against t (ms), km/day; NaN with fewer than 2 points. */
function slopePerDay(pts: readonly { t: number; y: number }[]): number {
  if (pts.length < 2) return NaN;
  let st = 0;
  let sy = 0;
  for (const q of pts) {
    st += q.t;
    sy += q.y;
  }
  const mt = st / pts.length;
  const my = sy / pts.length;
  let num = 0;
  let den = 0;
  for (const q of pts) {
    num += (q.t - mt) * (q.y - my);
    den += (q.t - mt) ** 2;
  }
  return den > 0 ? (num / den) * MS_PER_DAY : NaN;
}

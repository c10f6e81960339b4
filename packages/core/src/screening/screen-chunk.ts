/**
 * The close-approach search over one chunk of time (method and proof: docs/design/screening.md).
 *
 * 1. Knots: every object is propagated by the batch SGP4 kernel every `knotStepSec`; between
 *    knots its position is the cubic Hermite interpolant, within εⱼ of SGP4 (interpolation-bound.ts).
 * 2. Windows of `windowSec` (h) tile each knot interval. At each window's middle every object
 *    is placed in a spatial hash of cells 2·R_max wide; a pair is *within reach* when
 *    |Δr| < R = thr + ε₁ + ε₂ + (v₁ + v₂)·h/2 there (vᵢ: speed bounds). Any approach below thr
 *    inside the window lies within h/2 of its middle, so it cannot be missed by this test.
 * 3. Linear bound: with Δr, Δv at the middle and A = max |Δp''| of the pair's interpolants over
 *    the knot interval (exact: Δp'' is linear in time), |Δp(τ)| ≥ |Δr + Δv·τ| − ½A·τ². The pair
 *    is refined only if min over |τ| ≤ h/2 of that bound is below thr + ε₁ + ε₂.
 * 4. Refinement: a bracket of g = Δr·Δv (− → +) around the linear estimate with direct SGP4
 *    kernel states, then the shared root-finder ({@link rangeRateRoot}) to `rootToleranceSec`.
 *    The root is kept when its miss distance is below the threshold and it lies in [start, end].
 * @module
 */
import type { Ephemeris } from '../ephemeris/ephemeris.js';
import { propagatePrepared } from '../ephemeris/propagate-batch.js';
import { ROUTE_DEEP_SPACE } from '../ephemeris/prepared-batch.js';
import { sgp4ErrorCode } from '../propagation/sgp4-failure-code.js';
import { DS_STATE_SIZE, DS_STRIDE, propagateDeepSpaceGrid } from '../sgp4-kernel/deep-space-kernel.js';
import { NE_STRIDE, propagateNearEarthGrid } from '../sgp4-kernel/near-earth-kernel.js';
import { instant } from '../time/instant.js';
import { rangeRateRoot } from './range-rate-root.js';
import type { ScreeningPlan } from './screening-plan.js';
import type { CloseApproach } from './screening-types.js';

/** What the search of some chunks found; parts of disjoint chunks merge into one result. */
export interface ScreeningPart {
  readonly approaches: CloseApproach[];
  /** Pairs within reach at some window middle: triangular bitset over the plan's objects. */
  readonly reachBits: Uint32Array;
  /** Pairs that passed the linear bound (key a·n + b, a < b), each once. */
  readonly linearPairs: Set<number>;
  /** Pair-windows at each stage: within reach, linear bound passed, minimum bracketed. */
  readonly pairWindows: { reach: number; linear: number; bracketed: number };
  /**
   * Pairs whose SGP4 states coincide exactly (identical element sets, e.g. modules and vehicles of
   * one docked stack published with the station's elements): key min·10⁶ + max of the NORAD ids.
   */
  readonly coincident: Set<number>;
  /** Objects left out of a chunk because SGP4 failed at one of its knots: norad → [chunk, code]. */
  readonly skipped: Map<number, readonly [number, string]>;
  chunks: number;
}

/** An empty part for `plan`. */
export function createScreeningPart(plan: ScreeningPlan): ScreeningPart {
  const n = plan.requestIndex.length;
  const bits = (n * (n - 1)) / 2;
  return {
    approaches: [],
    reachBits: new Uint32Array(Math.ceil(bits / 32)),
    linearPairs: new Set(),
    pairWindows: { reach: 0, linear: 0, bracketed: 0 },
    skipped: new Map(),
    coincident: new Set(),
    chunks: 0,
  };
}

/**
 * Skip code of an object whose SGP4 state lies beyond its element set's apogee (+5 % + 50 km):
 * SGP4 does not flag every object that its drag model has taken past re-entry.
 */
export const IMPLAUSIBLE_STATE = 'SGP4_IMPLAUSIBLE_STATE';

/** Cell coordinates are clamped to [−CELL_LIMIT, CELL_LIMIT − 1] (10 bits per axis). */
const CELL_LIMIT = 512;
/** An object whose reach (ε + v·h/2) exceeds this many cells is tested against every object. */
const WILD_CELLS = 2;

/** The cell itself, then the 13 neighbours ahead of it in (x, y, z) order: each neighbouring pair of cells once. */
const FORWARD = Int8Array.from([
  0, 0, 0, 1, -1, -1, 1, -1, 0, 1, -1, 1, 1, 0, -1, 1, 0, 0, 1, 0, 1, 1, 1, -1, 1, 1, 0, 1, 1, 1, 0, 1, -1, 0, 1, 0, 0,
  1, 1, 0, 0, 1,
]);

/** Sorts s.keys[0..m) with s.order alongside: three stable counting passes of 10 bits. */
function radixSort(s: ChunkScratch, m: number): void {
  let { keys, order, tmpKeys, tmpOrder } = s;
  const { counts } = s;
  for (let shift = 0; shift < 30; shift += 10) {
    counts.fill(0);
    for (let p = 0; p < m; p++) {
      const d = ((keys[p] ?? 0) >> shift) & 1023;
      counts[d] = (counts[d] ?? 0) + 1;
    }
    let acc = 0;
    for (let d = 0; d < 1024; d++) {
      const c = counts[d] ?? 0;
      counts[d] = acc;
      acc += c;
    }
    for (let p = 0; p < m; p++) {
      const key = keys[p] ?? 0;
      const d = (key >> shift) & 1023;
      const at = counts[d] ?? 0;
      counts[d] = at + 1;
      tmpKeys[at] = key;
      tmpOrder[at] = order[p] ?? 0;
    }
    [keys, tmpKeys] = [tmpKeys, keys];
    [order, tmpOrder] = [tmpOrder, order];
  }
  // Three passes: the result is in the temporary arrays; copy back.
  s.keys.set(keys.subarray(0, m));
  s.order.set(order.subarray(0, m));
}

/** Index of the cell with `key` among the `nOcc` sorted cell keys, or −1. */
function findCell(cellKey: Int32Array, nOcc: number, key: number): number {
  let lo = 0;
  let hi = nOcc;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cellKey[mid] ?? 0) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < nOcc && cellKey[lo] === key ? lo : -1;
}

/** Reusable buffers for {@link screenChunk}; one per thread. */
export interface ChunkScratch {
  eph: Ephemeris | undefined;
  readonly valid: Uint8Array;
  readonly pos: Float64Array;
  readonly vel: Float64Array;
  readonly accL: Float64Array;
  readonly accR: Float64Array;
  /** Cell keys of the valid objects and the objects, sorted together by key. */
  readonly keys: Int32Array;
  readonly order: Int32Array;
  readonly tmpKeys: Int32Array;
  readonly tmpOrder: Int32Array;
  readonly counts: Int32Array;
  /** Cell key of each object this window. */
  readonly objKey: Int32Array;
  /** Positions in sorted order. */
  readonly sx: Float64Array;
  readonly sy: Float64Array;
  readonly sz: Float64Array;
  /** Occupied cells: key and first sorted position (cellStart has one more entry). */
  readonly cellKey: Int32Array;
  readonly cellStart: Int32Array;
  /** Per object, this window: 0 slow, 1 fast (searched from its side), 2 wild (against every object). */
  readonly fast: Uint8Array;
  /** Per object, this window: speed bound of the interpolant, km/s. */
  readonly vw: Float64Array;
  readonly sa: Float64Array;
  readonly sb: Float64Array;
  readonly status: Uint8Array;
}

export function createChunkScratch(plan: ScreeningPlan): ChunkScratch {
  const n = plan.requestIndex.length;
  return {
    eph: undefined,
    valid: new Uint8Array(n),
    pos: new Float64Array(3 * n),
    vel: new Float64Array(3 * n),
    accL: new Float64Array(3 * n),
    accR: new Float64Array(3 * n),
    keys: new Int32Array(n),
    order: new Int32Array(n),
    tmpKeys: new Int32Array(n),
    tmpOrder: new Int32Array(n),
    counts: new Int32Array(1024),
    objKey: new Int32Array(n),
    sx: new Float64Array(n),
    sy: new Float64Array(n),
    sz: new Float64Array(n),
    cellKey: new Int32Array(n),
    cellStart: new Int32Array(n + 1),
    fast: new Uint8Array(n),
    vw: new Float64Array(n),
    sa: new Float64Array(6),
    sb: new Float64Array(6),
    status: new Uint8Array(1),
  };
}

/** Writes the SGP4 state of plan object `j` at `tRelSec` after the start into `out`; false on failure. */
function stateAt(plan: ScreeningPlan, j: number, tRelSec: number, out: Float64Array, st: Uint8Array): boolean {
  const b = plan.batch;
  const k = b.recordIndex[j] ?? 0;
  const tsince = (plan.startMs - (b.epochs[j] ?? NaN)) / 60_000 + tRelSec / 60;
  if (b.route[j] === ROUTE_DEEP_SPACE) {
    propagateDeepSpaceGrid(
      b.deepSpace,
      k * DS_STRIDE,
      b.deepSpaceState,
      k * DS_STATE_SIZE,
      tsince,
      0,
      1,
      out,
      0,
      st,
      0,
    );
  } else {
    propagateNearEarthGrid(b.nearEarth, k * NE_STRIDE, tsince, 0, 1, out, 0, st, 0);
  }
  return st[0] === 0;
}

/** g = Δr·Δv of objects a, b at `tRelSec` (NaN when SGP4 fails); states left in scratch.sa/sb. */
function pairG(plan: ScreeningPlan, s: ChunkScratch, a: number, b: number, tRelSec: number): number {
  if (!stateAt(plan, a, tRelSec, s.sa, s.status) || !stateAt(plan, b, tRelSec, s.sb, s.status)) return NaN;
  const { sa, sb } = s;
  return (
    ((sb[0] ?? 0) - (sa[0] ?? 0)) * ((sb[3] ?? 0) - (sa[3] ?? 0)) +
    ((sb[1] ?? 0) - (sa[1] ?? 0)) * ((sb[4] ?? 0) - (sa[4] ?? 0)) +
    ((sb[2] ?? 0) - (sa[2] ?? 0)) * ((sb[5] ?? 0) - (sa[5] ?? 0))
  );
}

/** Index of pair (a, b), a < b, in the triangular bitset over n objects. */
function pairBit(a: number, b: number, n: number): number {
  return a * n - (a * (a + 1)) / 2 + (b - a - 1);
}

/** Searches chunk `c` of `plan` and adds what it finds to `part`. */
export function screenChunk(plan: ScreeningPlan, c: number, part: ScreeningPart, s: ChunkScratch): void {
  const { engine, batch, epsKm, query } = plan;
  const thr = plan.request.thresholdKm;
  const n = plan.requestIndex.length;
  const h = engine.windowSec;
  const halfH = h / 2;
  const K = engine.knotStepSec;
  const wpk = plan.windowsPerKnot;
  const w0 = c * wpk * engine.chunkKnots;
  const w1 = Math.min(w0 + wpk * engine.chunkKnots, plan.windowCount);
  if (w1 <= w0 || n === 0) {
    part.chunks++;
    return;
  }
  const knotIntervals = Math.ceil((w1 - w0) / wpk);
  const count = knotIntervals + 1;
  const chunkT0Sec = w0 * h;
  const eph = propagatePrepared(
    batch,
    instant(plan.startMs + chunkT0Sec * 1000),
    K,
    count,
    s.eph !== undefined && s.eph.count === count ? s.eph : undefined,
  );
  s.eph = eph;
  const { data, status } = eph;
  const { valid, pos, vel, accL, accR } = s;
  const { radiusLimitKm } = plan;
  for (let j = 0; j < n; j++) {
    let code: string | undefined;
    const rMax = radiusLimitKm[j] ?? 0;
    for (let i = 0; i < count && code === undefined; i++) {
      const st = status[j * count + i] ?? 255;
      if (st !== 0) {
        code = sgp4ErrorCode(st);
        break;
      }
      const o = (j * count + i) * 6;
      const r = Math.hypot(data[o] ?? NaN, data[o + 1] ?? NaN, data[o + 2] ?? NaN);
      // SGP4 does not flag every object past its drag model's end (a·(1 − C1·t)² grows again).
      if (!(r <= rMax)) code = IMPLAUSIBLE_STATE;
    }
    valid[j] = code === undefined ? 1 : 0;
    if (code !== undefined) {
      const norad = plan.request.objects[plan.requestIndex[j] ?? 0]?.norad ?? 0;
      const prev = part.skipped.get(norad);
      if (prev === undefined || prev[0] > c) part.skipped.set(norad, [c, code]);
    }
  }
  const cellKm = plan.cellKm;
  const inv = 1 / cellKm;
  const slowReach2 = cellKm * cellKm;
  const lastRel = (plan.endMs - plan.startMs) / 1000;
  const { order, keys, objKey, sx, sy, sz, fast, vw } = s;
  const slowSpeed = plan.slowSpeedKmPerSec;
  const slowEps = plan.slowEpsKm;

  /** Reach, linear bound and refinement of pair (i, j) at the window middle `tMid`. */
  const testPair = (i: number, j: number, dx: number, dy: number, dz: number, tMid: number): void => {
    const d2 = dx * dx + dy * dy + dz * dz;
    const pad = thr + (epsKm[i] ?? 0) + (epsKm[j] ?? 0);
    const reach = pad + ((vw[i] ?? 0) + (vw[j] ?? 0)) * halfH;
    if (d2 >= reach * reach) return;
    const a = i < j ? i : j;
    const b = i < j ? j : i;
    part.pairWindows.reach++;
    const bit = pairBit(a, b, n);
    part.reachBits[bit >>> 5] = (part.reachBits[bit >>> 5] ?? 0) | (1 << (bit & 31));
    // Δr = r_i − r_j here; Δv likewise.
    const du = (vel[3 * i] ?? 0) - (vel[3 * j] ?? 0);
    const dv = (vel[3 * i + 1] ?? 0) - (vel[3 * j + 1] ?? 0);
    const dw = (vel[3 * i + 2] ?? 0) - (vel[3 * j + 2] ?? 0);
    const vv = du * du + dv * dv + dw * dw;
    const g = dx * du + dy * dv + dz * dw;
    let tau = vv > 0 ? -g / vv : 0;
    if (tau > halfH) tau = halfH;
    else if (tau < -halfH) tau = -halfH;
    const lx = dx + du * tau;
    const ly = dy + dv * tau;
    const lz = dz + dw * tau;
    const alx = (accL[3 * i] ?? 0) - (accL[3 * j] ?? 0);
    const aly = (accL[3 * i + 1] ?? 0) - (accL[3 * j + 1] ?? 0);
    const alz = (accL[3 * i + 2] ?? 0) - (accL[3 * j + 2] ?? 0);
    const arx = (accR[3 * i] ?? 0) - (accR[3 * j] ?? 0);
    const ary = (accR[3 * i + 1] ?? 0) - (accR[3 * j + 1] ?? 0);
    const arz = (accR[3 * i + 2] ?? 0) - (accR[3 * j + 2] ?? 0);
    const acc = Math.sqrt(Math.max(alx * alx + aly * aly + alz * alz, arx * arx + ary * ary + arz * arz));
    const bound = Math.sqrt(lx * lx + ly * ly + lz * lz) - 0.5 * acc * halfH * halfH;
    if (bound >= pad) return;
    part.pairWindows.linear++;
    part.linearPairs.add(a * n + b);
    refine(plan, part, s, a, b, tMid + tau, tMid - halfH, tMid + halfH, lastRel);
  };

  for (let k = 0; k < knotIntervals; k++) {
    // Second derivatives of each interpolant at both ends of the knot interval.
    for (let j = 0; j < n; j++) {
      if (valid[j] === 0) continue;
      const o0 = (j * count + k) * 6;
      const o1 = o0 + 6;
      for (let q = 0; q < 3; q++) {
        const dp = (data[o1 + q] ?? 0) - (data[o0 + q] ?? 0);
        const v0 = data[o0 + 3 + q] ?? 0;
        const v1 = data[o1 + 3 + q] ?? 0;
        accL[3 * j + q] = (6 * dp) / (K * K) - (4 * v0 + 2 * v1) / K;
        accR[3 * j + q] = (-6 * dp) / (K * K) + (2 * v0 + 4 * v1) / K;
      }
    }
    for (let m0 = 0; m0 < wpk; m0++) {
      const w = w0 + k * wpk + m0;
      if (w >= w1) break;
      const u = (m0 + 0.5) / wpk;
      const u2 = u * u;
      const u3 = u2 * u;
      const h00 = 2 * u3 - 3 * u2 + 1;
      const h10 = (u3 - 2 * u2 + u) * K;
      const h01 = -2 * u3 + 3 * u2;
      const h11 = (u3 - u2) * K;
      const g00 = (6 * u2 - 6 * u) / K;
      const g10 = 3 * u2 - 4 * u + 1;
      const g11 = 3 * u2 - 2 * u;
      let m = 0;
      let nFast = 0;
      let reachMax = 0;
      let nWild = 0;
      // Interpolate every object to the window's middle and count it in its cell.
      for (let j = 0; j < n; j++) {
        if (valid[j] === 0) continue;
        const o0 = (j * count + k) * 6;
        const o1 = o0 + 6;
        let key = 0;
        let speed2 = 0;
        for (let q = 0; q < 3; q++) {
          const p0 = data[o0 + q] ?? 0;
          const v0 = data[o0 + 3 + q] ?? 0;
          const p1 = data[o1 + q] ?? 0;
          const v1 = data[o1 + 3 + q] ?? 0;
          const x = h00 * p0 + h10 * v0 + h01 * p1 + h11 * v1;
          pos[3 * j + q] = x;
          const v = g00 * (p0 - p1) + g10 * v0 + g11 * v1;
          vel[3 * j + q] = v;
          speed2 += v * v;
          let ci = Math.floor(x * inv);
          if (ci < -CELL_LIMIT) ci = -CELL_LIMIT;
          else if (ci > CELL_LIMIT - 1) ci = CELL_LIMIT - 1;
          key = (key << 10) | (ci + CELL_LIMIT);
        }
        keys[m] = key;
        order[m] = j;
        objKey[j] = key;
        m++;
        // Speed bound of the interpolant over the window: |p'(mid)| + max|p''|·h/2 (p'' is linear).
        const aMax = Math.sqrt(
          Math.max(
            (accL[3 * j] ?? 0) ** 2 + (accL[3 * j + 1] ?? 0) ** 2 + (accL[3 * j + 2] ?? 0) ** 2,
            (accR[3 * j] ?? 0) ** 2 + (accR[3 * j + 1] ?? 0) ** 2 + (accR[3 * j + 2] ?? 0) ** 2,
          ),
        );
        const v = Math.sqrt(speed2) + aMax * halfH;
        vw[j] = v;
        const isFast = v > slowSpeed || (epsKm[j] ?? 0) > slowEps;
        fast[j] = isFast ? 1 : 0;
        if (isFast) nFast++;
      }
      // Objects whose reach exceeds WILD_CELLS cells are tested against every object.
      for (let j = 0; j < n && nFast > 0; j++) {
        if (fast[j] === 1 && (epsKm[j] ?? 0) + (vw[j] ?? 0) * halfH > WILD_CELLS * cellKm) {
          fast[j] = 2;
          nWild++;
        }
      }
      for (let j = 0; j < n && nFast > 0; j++) {
        if (valid[j] === 1 && fast[j] !== 2) reachMax = Math.max(reachMax, (epsKm[j] ?? 0) + (vw[j] ?? 0) * halfH);
      }
      // Objects sorted by cell (radix sort on the 30-bit key), positions copied in that order.
      radixSort(s, m);
      const { keys: skeys, order: sorder, cellKey, cellStart } = s;
      let nOcc = 0;
      for (let p = 0; p < m; p++) {
        const j = sorder[p] ?? 0;
        sx[p] = pos[3 * j] ?? 0;
        sy[p] = pos[3 * j + 1] ?? 0;
        sz[p] = pos[3 * j + 2] ?? 0;
        const key = skeys[p] ?? 0;
        if (p === 0 || key !== skeys[p - 1]) {
          cellKey[nOcc] = key;
          cellStart[nOcc] = p;
          nOcc++;
        }
      }
      cellStart[nOcc] = m;
      const tMid = chunkT0Sec + (k * wpk + m0 + 0.5) * h;
      // Slow–slow pairs: inside each cell and with its 13 forward neighbours (a cell is one slow
      // reach wide). A neighbour's key is the cell's key + a fixed offset, so one forward walk
      // over the sorted cells finds them all.
      for (let nb = 0; nb < 14; nb++) {
        const delta = (FORWARD[3 * nb] ?? 0) * 1048576 + (FORWARD[3 * nb + 1] ?? 0) * 1024 + (FORWARD[3 * nb + 2] ?? 0);
        let cb = 0;
        for (let ca = 0; ca < nOcc; ca++) {
          let b0: number;
          let b1: number;
          const a0 = cellStart[ca] ?? 0;
          const a1 = cellStart[ca + 1] ?? 0;
          if (nb === 0) {
            b0 = a0;
            b1 = a1;
          } else {
            const target = (cellKey[ca] ?? 0) + delta;
            while (cb < nOcc && (cellKey[cb] ?? 0) < target) cb++;
            if (cb >= nOcc || cellKey[cb] !== target) continue;
            b0 = cellStart[cb] ?? 0;
            b1 = cellStart[cb + 1] ?? 0;
          }
          for (let p = a0; p < a1; p++) {
            const i = sorder[p] ?? 0;
            if (fast[i] !== 0) continue;
            const qi = query[i] ?? 0;
            const xi = sx[p] ?? 0;
            const yi = sy[p] ?? 0;
            const zi = sz[p] ?? 0;
            for (let q = nb === 0 ? p + 1 : b0; q < b1; q++) {
              const dx = xi - (sx[q] ?? 0);
              const dy = yi - (sy[q] ?? 0);
              const dz = zi - (sz[q] ?? 0);
              if (dx * dx + dy * dy + dz * dz >= slowReach2) continue;
              const j = sorder[q] ?? 0;
              if (fast[j] !== 0 || (qi === 0 && query[j] === 0)) continue;
              testPair(i, j, dx, dy, dz, tMid);
            }
          }
        }
      }
      // Pairs with a fast object: from the fast object, over the cells its larger reach touches.
      for (let f = 0; f < n && nFast > 0; f++) {
        if (fast[f] === 0 || valid[f] === 0) continue;
        const xf = pos[3 * f] ?? 0;
        const yf = pos[3 * f + 1] ?? 0;
        const zf = pos[3 * f + 2] ?? 0;
        if (fast[f] === 2) continue;
        // Cells the reach of a pair with this object can span on each side (≤ 2·WILD_CELLS + 1).
        const r = Math.ceil((thr + (epsKm[f] ?? 0) + (vw[f] ?? 0) * halfH + reachMax) / cellKm);
        const keyF = objKey[f] ?? 0;
        const cx = (keyF >> 20) & 1023;
        const cy = (keyF >> 10) & 1023;
        const cz = keyF & 1023;
        for (let nx = Math.max(0, cx - r); nx <= Math.min(1023, cx + r); nx++) {
          for (let ny = Math.max(0, cy - r); ny <= Math.min(1023, cy + r); ny++) {
            for (let nz = Math.max(0, cz - r); nz <= Math.min(1023, cz + r); nz++) {
              const keyB = (((nx << 10) | ny) << 10) | nz;
              const cb = findCell(cellKey, nOcc, keyB);
              if (cb < 0) continue;
              const b0 = cellStart[cb] ?? 0;
              const b1 = cellStart[cb + 1] ?? 0;
              for (let q = b0; q < b1; q++) {
                const j = sorder[q] ?? 0;
                if (j === f || fast[j] === 2 || (fast[j] === 1 && j < f) || (query[f] === 0 && query[j] === 0))
                  continue;
                testPair(f, j, xf - (sx[q] ?? 0), yf - (sy[q] ?? 0), zf - (sz[q] ?? 0), tMid);
              }
            }
          }
        }
      }
      // Wild objects (a reach of many cells): against every object.
      for (let f = 0; f < n && nWild > 0; f++) {
        if (fast[f] !== 2 || valid[f] === 0) continue;
        const xf = pos[3 * f] ?? 0;
        const yf = pos[3 * f + 1] ?? 0;
        const zf = pos[3 * f + 2] ?? 0;
        for (let j = 0; j < n; j++) {
          if (valid[j] === 0 || j === f || (fast[j] === 2 && j < f) || (query[f] === 0 && query[j] === 0)) continue;
          testPair(f, j, xf - (pos[3 * j] ?? 0), yf - (pos[3 * j + 1] ?? 0), zf - (pos[3 * j + 2] ?? 0), tMid);
        }
      }
    }
  }
  part.chunks++;
}

/**
 * Brackets the root of g = Δr·Δv near `seed` (SGP4 kernel states; the bracket may reach one
 * window beyond [wStart, wEnd]), finds it and records the approach when it is below the threshold.
 */
function refine(
  plan: ScreeningPlan,
  part: ScreeningPart,
  s: ChunkScratch,
  a: number,
  b: number,
  seed: number,
  wStart: number,
  wEnd: number,
  lastRel: number,
): void {
  const h = wEnd - wStart;
  const lim0 = wStart - h;
  const lim1 = wEnd + h;
  let step = 0.25;
  let lo = seed - step;
  let hi = seed + step;
  let gLo = pairG(plan, s, a, b, lo);
  let gHi = pairG(plan, s, a, b, hi);
  while (gLo > 0 && lo > lim0) {
    hi = lo;
    gHi = gLo;
    step *= 2;
    lo = Math.max(lo - step, lim0);
    gLo = pairG(plan, s, a, b, lo);
  }
  while (gHi < 0 && hi < lim1) {
    lo = hi;
    gLo = gHi;
    step *= 2;
    hi = Math.min(hi + step, lim1);
    gHi = pairG(plan, s, a, b, hi);
  }
  if (!(gLo <= 0 && gHi >= 0)) return;
  const root = rangeRateRoot((t) => pairG(plan, s, a, b, t), lo, hi, gLo, gHi, plan.engine.rootToleranceSec);
  if (root === undefined) return;
  part.pairWindows.bracketed++;
  const t = root.t;
  if (t < 0 || t > lastRel) return;
  if (Number.isNaN(pairG(plan, s, a, b, t))) return;
  const { sa, sb } = s;
  const dx = (sb[0] ?? 0) - (sa[0] ?? 0);
  const dy = (sb[1] ?? 0) - (sa[1] ?? 0);
  const dz = (sb[2] ?? 0) - (sa[2] ?? 0);
  const miss = Math.hypot(dx, dy, dz);
  if (!(miss < plan.request.thresholdKm)) return;
  if (miss === 0 && sa[3] === sb[3] && sa[4] === sb[4] && sa[5] === sb[5]) {
    // One state for both objects: not an approach but one body (or one published orbit).
    const na = plan.request.objects[plan.requestIndex[a] ?? 0]?.norad ?? 0;
    const nb = plan.request.objects[plan.requestIndex[b] ?? 0]?.norad ?? 0;
    part.coincident.add(Math.min(na, nb) * 1e6 + Math.max(na, nb));
    return;
  }
  part.approaches.push(closeApproach(plan, a, b, t, sa, sb));
}

type State6 = readonly [number, number, number, number, number, number];

function state6(x: Float64Array): State6 {
  return [x[0] ?? NaN, x[1] ?? NaN, x[2] ?? NaN, x[3] ?? NaN, x[4] ?? NaN, x[5] ?? NaN];
}

/** The record of an approach; object 1 is the primary (query) object, else the lower NORAD id. */
function closeApproach(
  plan: ScreeningPlan,
  a: number,
  b: number,
  tRelSec: number,
  sa: Float64Array,
  sb: Float64Array,
): CloseApproach {
  const objs = plan.request.objects;
  const oa = objs[plan.requestIndex[a] ?? 0];
  const ob = objs[plan.requestIndex[b] ?? 0];
  if (oa === undefined || ob === undefined) throw new Error('screening: object index out of range');
  const qa = plan.query[a] === 1;
  const qb = plan.query[b] === 1;
  const aFirst = qa !== qb ? qa : oa.norad < ob.norad;
  const [o1, o2] = aFirst ? [oa, ob] : [ob, oa];
  const s1 = state6(aFirst ? sa : sb);
  const s2 = state6(aFirst ? sb : sa);
  const dx = s2[0] - s1[0];
  const dy = s2[1] - s1[1];
  const dz = s2[2] - s1[2];
  const du = s2[3] - s1[3];
  const dv = s2[4] - s1[4];
  const dw = s2[5] - s1[5];
  // Object 1's RIC axes: R = r/|r|, C = r × v/|r × v|, I = C × R.
  const rn = Math.hypot(s1[0], s1[1], s1[2]);
  const rx = s1[0] / rn;
  const ry = s1[1] / rn;
  const rz = s1[2] / rn;
  let cx = s1[1] * s1[5] - s1[2] * s1[4];
  let cy = s1[2] * s1[3] - s1[0] * s1[5];
  let cz = s1[0] * s1[4] - s1[1] * s1[3];
  const cn = Math.hypot(cx, cy, cz);
  cx /= cn;
  cy /= cn;
  cz /= cn;
  const ix = cy * rz - cz * ry;
  const iy = cz * rx - cx * rz;
  const iz = cx * ry - cy * rx;
  return {
    norad1: o1.norad,
    norad2: o2.norad,
    elementSetId1: o1.elementSetId,
    elementSetId2: o2.elementSetId,
    tcaUtc: instant(plan.startMs + tRelSec * 1000),
    missDistanceKm: Math.hypot(dx, dy, dz),
    relativeSpeedKmPerSec: Math.hypot(du, dv, dw),
    state1Teme: s1,
    state2Teme: s2,
    missRicKm: [dx * rx + dy * ry + dz * rz, dx * ix + dy * iy + dz * iz, dx * cx + dy * cy + dz * cz],
  };
}

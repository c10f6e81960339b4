/**
 * Brute-force reference for the close-approach engine's recall tests. It shares nothing with the
 * engine but SGP4 itself (here satellite.js's `sgp4(satrec, tsince)`, not orbwatch's kernel): no
 * grid, no interpolation, no per-object bounds.
 *
 * 1. Every pair at every coarse sample t_k (H = 60 s) over the window, from exact SGP4 states.
 * 2. Around t_k (|τ| ≤ 30 s), |Δr(t_k + τ)| ≥ |Δr_k + Δv_k·τ| − ½·A·τ² − δ·|τ| with
 *    A = 2·1.1·μ/R⊕² (each object's acceleration is at most surface gravity; +10 % for SGP4's
 *    non-gravitational terms) and δ = 0.01 km/s (SGP4's velocity vs d/dt of its position: ≤ 1.4
 *    m/s measured, for both objects). A pair is sampled at 1 s only where |Δr_k + Δv_k·τ| is below
 *    thr + ½·A·30² + δ·30 (plus one second on each side): nowhere else can its range be below thr.
 * 3. On the 1-s samples (whole seconds after the start), every sign change of g = Δr·Δv from − to
 *    + is refined by bisection to 1e-7 s; roots in [start, end] below thr are the approaches.
 * @module
 */
import { SatRecError, sgp4 } from 'satellite.js';
import type { SatRec } from 'satellite.js';
import type { ElementSet } from '../elements/element-set.js';
import { satrecFromElementSet } from '../propagation/satrec-from-element-set.js';

export interface ReferenceApproach {
  readonly norad1: number;
  readonly norad2: number;
  /** TCA, ms since 1970 (fractional). */
  readonly tcaMs: number;
  readonly missKm: number;
}

const MU = 398600.8;
const A_MAX = (2 * 1.1 * MU) / (6378.135 * 6378.135);
const DELTA_V = 0.01;
const H = 60;
const HALF = 30;

interface Obj {
  readonly norad: number;
  readonly rec: SatRec;
  readonly epochMs: number;
}

function state(o: Obj, tMs: number, out: Float64Array, off: number): boolean {
  const pv = sgp4(o.rec, (tMs - o.epochMs) / 60_000);
  if (pv === null || typeof pv.position !== 'object') return false;
  out[off] = pv.position.x;
  out[off + 1] = pv.position.y;
  out[off + 2] = pv.position.z;
  out[off + 3] = pv.velocity.x;
  out[off + 4] = pv.velocity.y;
  out[off + 5] = pv.velocity.z;
  return true;
}

/** All approaches below `thresholdKm` among `sets` in [startMs, endMs] (objects failing SGP4 anywhere are left out). */
export function bruteForceApproaches(
  sets: readonly ElementSet[],
  startMs: number,
  endMs: number,
  thresholdKm: number,
): { approaches: ReferenceApproach[]; objects: number; pairSamples: number; fineSamples: number } {
  const objs: Obj[] = [];
  const nSamples = Math.ceil((endMs - startMs) / 1000 / H) + 1;
  const coarse: Float64Array[] = [];
  for (const set of sets) {
    const rec = satrecFromElementSet(set);
    if (rec.error !== SatRecError.None) continue;
    const o: Obj = { norad: set.noradId, rec, epochMs: set.epoch };
    const arr = new Float64Array(nSamples * 6);
    let ok = true;
    for (let k = 0; k < nSamples && ok; k++) ok = state(o, startMs + k * H * 1000, arr, 6 * k);
    if (!ok) continue;
    objs.push(o);
    coarse.push(arr);
  }
  const pad = thresholdKm + 0.5 * A_MAX * HALF * HALF + DELTA_V * HALF;
  const n = objs.length;
  const sa = new Float64Array(6);
  const sb = new Float64Array(6);
  const found = new Map<string, ReferenceApproach[]>();
  let pairSamples = 0;
  let fineSamples = 0;
  const g = (a: Obj, b: Obj, tMs: number): number => {
    if (!state(a, tMs, sa, 0) || !state(b, tMs, sb, 0)) return NaN;
    return (
      ((sb[0] ?? 0) - (sa[0] ?? 0)) * ((sb[3] ?? 0) - (sa[3] ?? 0)) +
      ((sb[1] ?? 0) - (sa[1] ?? 0)) * ((sb[4] ?? 0) - (sa[4] ?? 0)) +
      ((sb[2] ?? 0) - (sa[2] ?? 0)) * ((sb[5] ?? 0) - (sa[5] ?? 0))
    );
  };
  for (let i = 0; i < n; i++) {
    const ci = coarse[i] ?? new Float64Array(0);
    for (let j = i + 1; j < n; j++) {
      const cj = coarse[j] ?? new Float64Array(0);
      for (let k = 0; k < nSamples; k++) {
        const o = 6 * k;
        const dx = (cj[o] ?? 0) - (ci[o] ?? 0);
        const dy = (cj[o + 1] ?? 0) - (ci[o + 1] ?? 0);
        const dz = (cj[o + 2] ?? 0) - (ci[o + 2] ?? 0);
        const du = (cj[o + 3] ?? 0) - (ci[o + 3] ?? 0);
        const dv = (cj[o + 4] ?? 0) - (ci[o + 4] ?? 0);
        const dw = (cj[o + 5] ?? 0) - (ci[o + 5] ?? 0);
        const d2 = dx * dx + dy * dy + dz * dz;
        const vv = du * du + dv * dv + dw * dw;
        // Quick reject: |Δr| − |Δv|·30 ≥ pad.
        const reach = pad + Math.sqrt(vv) * HALF;
        if (d2 >= reach * reach) continue;
        pairSamples++;
        // τ where |Δr + Δv·τ| < pad: roots of vv·τ² + 2gτ + d2 − pad² = 0.
        const gg = dx * du + dy * dv + dz * dw;
        let t0 = -HALF;
        let t1 = HALF;
        if (vv > 0) {
          const disc = gg * gg - vv * (d2 - pad * pad);
          if (disc < 0) continue;
          const sq = Math.sqrt(disc);
          t0 = Math.max(-HALF, (-gg - sq) / vv);
          t1 = Math.min(HALF, (-gg + sq) / vv);
          if (t0 > t1) continue;
        } else if (d2 >= pad * pad) continue;
        const tk = k * H;
        const s0 = Math.floor(tk + t0) - 1;
        const s1 = Math.ceil(tk + t1) + 1;
        let prevG = NaN;
        for (let sec = s0; sec <= s1; sec++) {
          fineSamples++;
          const gs = g(objs[i] as Obj, objs[j] as Obj, startMs + sec * 1000);
          if (prevG < 0 && gs >= 0) {
            // Bisection on [sec − 1, sec] s.
            let lo = sec - 1;
            let hi = sec;
            while (hi - lo > 1e-7) {
              const mid = (lo + hi) / 2;
              const gm = g(objs[i] as Obj, objs[j] as Obj, startMs + mid * 1000);
              if (gm < 0) lo = mid;
              else hi = mid;
            }
            const t = (lo + hi) / 2;
            const tMs = startMs + t * 1000;
            g(objs[i] as Obj, objs[j] as Obj, tMs);
            const miss = Math.hypot(
              (sb[0] ?? 0) - (sa[0] ?? 0),
              (sb[1] ?? 0) - (sa[1] ?? 0),
              (sb[2] ?? 0) - (sa[2] ?? 0),
            );
            const rel = Math.hypot(
              (sb[3] ?? 0) - (sa[3] ?? 0),
              (sb[4] ?? 0) - (sa[4] ?? 0),
              (sb[5] ?? 0) - (sa[5] ?? 0),
            );
            if (miss < thresholdKm && !(miss === 0 && rel === 0) && tMs >= startMs && tMs <= endMs) {
              const a = objs[i] as Obj;
              const b = objs[j] as Obj;
              const n1 = Math.min(a.norad, b.norad);
              const n2 = Math.max(a.norad, b.norad);
              const key = `${String(n1)}-${String(n2)}`;
              const list = found.get(key) ?? [];
              if (!list.some((x) => Math.abs(x.tcaMs - tMs) < 10))
                list.push({ norad1: n1, norad2: n2, tcaMs: tMs, missKm: miss });
              found.set(key, list);
            }
          }
          prevG = gs;
        }
      }
    }
  }
  const approaches = [...found.values()].flat().sort((x, y) => x.tcaMs - y.tcaMs || x.norad1 - y.norad1);
  return { approaches, objects: n, pairSamples, fineSamples };
}

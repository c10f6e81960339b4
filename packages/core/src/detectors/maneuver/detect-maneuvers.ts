/**
 * Maneuver detection on one object's element-set history (a pure function).
 *
 * Method (details, parameters and the evidence for each in docs/design/maneuver-detector.md):
 * 1. Clean: sort by epoch, collapse near-duplicate epochs ({@link cleanHistory}).
 * 2. Series: Brouwer mean semi-major axis a″ (un-Kozai'd as SGP4 does), inclination i and the
 *    node Ω minus its J2 secular drift, per set; the along-track prediction residual of each
 *    interval ({@link alongTrackResidualKm}).
 * 3. Continuous climbs: runs of sets over which a″ rises (or falls faster than drag can lower it)
 *    by at least `continuousMinChangeKm` → one `orbit-raising` / `orbit-lowering` event with the
 *    integrated Δv. A raise may run across a data gap and past one bad-fit set; a raise the sets
 *    do not resolve is still a raise when the level reached is held. A descent below
 *    `loweringMinPerigeeKm` (deorbit) must be `loweringStepDragFactor` times faster than the decay
 *    before it. At GEO a climb must be `geoDriftFactor` times faster than the largest drift
 *    Earth's triaxiality causes (slower ones are the drift between east-west burns).
 * 4. Jumps: for every other interval the change of a″, i and sin i·(Ω − Ω̇_J2·t) minus the local
 *    trend is compared with k·σ, σ the robust scatter (1.4826·MAD) of the neighbours — the
 *    per-object noise model, local in time; the a″ residuals are decorrelated from the B* changes
 *    where that lowers the neighbours' scatter (the fits trade B* against the mean motion). A set
 *    that jumps out and back is a bad fit, and so is a run of sets that stays out for up to
 *    `rampMaxDays` and comes back when the along-track angle refutes the displacement a real
 *    excursion would cause ({@link markExcursions}); consecutive significant intervals in one
 *    direction within `rampMaxDays` are one burn carried in parts by the following fits. At GEO
 *    the jump must also be a persistent step of the a″ levels against the per-object level-step
 *    noise; elsewhere a jump a″ does not carry must be a persistent step of the plane levels.
 * 5. Level steps: where no interval is significant, a least-squares line-plus-step fit to the a″
 *    levels of `levelStepSets` sets each side ({@link levelStep}); σ is the larger of the fit's
 *    own and the per-object scatter of such steps over the history (which holds the correlated
 *    noise of overlapping fits). Raises are steps drag cannot make; lowering steps must exceed
 *    `loweringStepDragFactor` × the local decay and be witnessed by the along-track residual.
 *    The same fit across a carry span (LEO only): the sets published within D days after the
 *    interval (D = `rampMaxDays`·2^k up to `levelStepCarryDays`) are left out, since each public
 *    set is fitted to days of tracking and may carry a burn in parts for up to two weeks; each
 *    span's step is tested against its own per-object noise. The event spans the sets that
 *    resolve the step (last set on the line before, first on the level after); level-step events
 *    of the same sign inside it are its parts and are replaced when the step exceeds their sum
 *    significantly.
 *    At GEO, for inclination-controlled objects only, persistent steps of the inclination vector
 *    (i·sin Ω, −i·cos Ω) are north-south station keeping ({@link northSouthStationKeepingEvents}).
 * 6. Δv: along-track Δv = v·Δa/(2a) (Gauss, tangential impulse, near-circular orbit), out-of-plane
 *    Δv = 2v·sin(Δθ/2); total √(along² + out²), a lower bound for one impulse; σ from the noise
 *    model (climbs add the spiral-versus-impulsive model difference).
 * 7. Assessment of every event ({@link assessManeuver}).
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import type { NoradId } from '../../ids/norad-id.js';
import type { Instant } from '../../time/instant.js';
import { instant } from '../../time/instant.js';
import type { DetectedEvent, DetectorParameters, ElementSetRef, MeasureValue } from '../detected-event.js';
import { assessManeuver } from './assess-maneuver.js';
import { cleanHistory } from './clean-history.js';
import type { ManeuverParameters } from './maneuver-parameters.js';
import { DEFAULT_MANEUVER_PARAMETERS } from './maneuver-parameters.js';
import { EARTH_RADIUS_KM, MU_KM3_PER_S2, meanSemiMajorAxis, raanRateJ2 } from './mean-semi-major-axis.js';
import { madSigma, median } from './robust-stats.js';
import { alongTrackResidualKm } from './along-track-residual.js';
import { levelStep, levelStepAcross, levelStepFitAcross } from './level-step.js';
import type { AlongTrackElements } from './along-track-residual.js';
import { northSouthStationKeepingEvents } from './inclination-vector-step.js';

export const MANEUVER_DETECTOR = 'maneuver';
export const MANEUVER_DETECTOR_VERSION = '2.2.0';

/** The kind of maneuver reported in `measures.kind`. */
export type ManeuverKind = 'single-burn' | 'orbit-raising' | 'orbit-lowering' | 'station-keeping' | 'plane-change';

/** What the detector did with the history, for logs and evidence. */
export interface ManeuverDiagnostics {
  readonly inputSets: number;
  readonly usedSets: number;
  readonly duplicatesCollapsed: number;
  readonly invalidDropped: number;
  /** Sets judged bad fits (jump out and back) and not used as jump evidence. */
  readonly outlierSets: number;
  /** Intervals too long to localise a burn (> maxGapDays). */
  readonly longGaps: number;
  /** Median over the history of the local σ of semi-major-axis differences, km (null if unknown). */
  readonly medianNoiseSigmaKm: number | null;
  /** Geosynchronous orbit (a within 500 km of 42,164 km, e < 0.05). */
  readonly geosynchronous: boolean;
}

/** Result of {@link detectManeuvers}. */
export interface ManeuverDetection {
  readonly events: DetectedEvent[];
  readonly diagnostics: ManeuverDiagnostics;
}

const SEC_PER_DAY = 86_400;
const GEO_A_KM = 42_164;
/**
 * Largest natural drift of a″ at GEO, km/day: Earth's triaxiality (J22) accelerates the
 * longitude by at most |λ̈| ≈ 0.00168 °/day² (Soop, Handbook of Geostationary Orbits, 1994,
 * §3.3), and λ̇ = −(3/2)(n/a)·Δa gives |ȧ| = (2a/3n)·|λ̈| = 2·42,164/(3·360.986)·0.00168.
 */
const GEO_MAX_DRIFT_KM_PER_DAY = ((2 * GEO_A_KM) / (3 * 360.9856)) * 0.00168;

interface Series {
  readonly sets: readonly ElementSet[];
  readonly tSec: Float64Array;
  readonly a: Float64Array;
  readonly n: Float64Array;
  readonly e: Float64Array;
  readonly inc: Float64Array;
  readonly raan: Float64Array;
  readonly bstar: Float64Array;
  /** Mean elements for the along-track angle, per set. */
  readonly el: readonly AlongTrackElements[];
}

/** Per-interval changes (interval j is from set j to set j+1). */
interface Steps {
  readonly dtDays: Float64Array;
  readonly da: Float64Array;
  readonly di: Float64Array;
  /** sin ī · (ΔΩ − Ω̇_J2·Δt), rad: the node component of the change of the orbit normal. */
  readonly dnode: Float64Array;
  /** Change of the published drag term B*, 1/Earth radii (the fits trade it against n). */
  readonly dbstar: Float64Array;
}

/** Local residual of one interval's change and the noise σ around it. */
interface Residual {
  readonly value: number;
  readonly sigma: number;
}

function wrapPi(x: number): number {
  let y = x % (2 * Math.PI);
  if (y > Math.PI) y -= 2 * Math.PI;
  if (y < -Math.PI) y += 2 * Math.PI;
  return y;
}

function buildSeries(sets: readonly ElementSet[]): Series {
  const m = sets.length;
  const tSec = new Float64Array(m);
  const a = new Float64Array(m);
  const n = new Float64Array(m);
  const e = new Float64Array(m);
  const inc = new Float64Array(m);
  const raan = new Float64Array(m);
  const bstar = new Float64Array(m);
  const t0 = sets[0]?.epoch ?? 0;
  const el: AlongTrackElements[] = [];
  sets.forEach((s, k) => {
    const mean = meanSemiMajorAxis(s.meanMotionRadPerSec, s.eccentricity, s.inclinationRad);
    tSec[k] = (s.epoch - t0) / 1000;
    a[k] = mean.aKm;
    n[k] = mean.nBrouwerRadPerSec;
    e[k] = s.eccentricity;
    inc[k] = s.inclinationRad;
    raan[k] = s.raanRad;
    bstar[k] = s.bstarPerEarthRadii;
    el.push({
      nRadPerSec: mean.nBrouwerRadPerSec,
      aKm: mean.aKm,
      eccentricity: s.eccentricity,
      inclinationRad: s.inclinationRad,
      raanRad: s.raanRad,
      argPerigeeRad: s.argPerigeeRad,
      meanAnomalyRad: s.meanAnomalyRad,
    });
  });
  return { sets, tSec, a, n, e, inc, raan, bstar, el };
}

function buildSteps(s: Series): Steps {
  const m = Math.max(0, s.sets.length - 1);
  const dtDays = new Float64Array(m);
  const da = new Float64Array(m);
  const di = new Float64Array(m);
  const dnode = new Float64Array(m);
  const dbstar = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const dt = (s.tSec[j + 1] ?? 0) - (s.tSec[j] ?? 0);
    dbstar[j] = (s.bstar[j + 1] ?? 0) - (s.bstar[j] ?? 0);
    dtDays[j] = dt / SEC_PER_DAY;
    da[j] = (s.a[j + 1] ?? 0) - (s.a[j] ?? 0);
    di[j] = (s.inc[j + 1] ?? 0) - (s.inc[j] ?? 0);
    const aMid = ((s.a[j] ?? 0) + (s.a[j + 1] ?? 0)) / 2;
    const nMid = ((s.n[j] ?? 0) + (s.n[j + 1] ?? 0)) / 2;
    const eMid = ((s.e[j] ?? 0) + (s.e[j + 1] ?? 0)) / 2;
    const iMid = ((s.inc[j] ?? 0) + (s.inc[j + 1] ?? 0)) / 2;
    const drift = raanRateJ2(nMid, aMid, eMid, iMid) * dt;
    dnode[j] = Math.sin(iMid) * wrapPi((s.raan[j + 1] ?? 0) - (s.raan[j] ?? 0) - drift);
  }
  return { dtDays, da, di, dnode, dbstar };
}

/**
 * Residual of interval j's change `x[j]` after removing the local trend (median rate of the
 * usable neighbouring intervals), with σ = 1.4826·MAD of the neighbours' residuals.
 */
function localResidual(
  x: Float64Array,
  dtDays: Float64Array,
  usable: Uint8Array,
  j: number,
  halfWidth: number,
  floor: number,
  regressor?: Float64Array,
  clip = Infinity,
): Residual | undefined {
  const lo = Math.max(0, j - halfWidth);
  const hi = Math.min(x.length - 1, j + halfWidth);
  const idx: number[] = [];
  for (let m = lo; m <= hi; m++) if (m !== j && usable[m] === 1) idx.push(m);
  if (idx.length < 4) return undefined;
  const dts = idx.map((m) => dtDays[m] ?? 0);
  const dtRef = median(dts) * 0.5;
  const rates = idx.filter((m) => (dtDays[m] ?? 0) >= dtRef).map((m) => (x[m] ?? 0) / (dtDays[m] ?? 1));
  const trend = median(rates);
  const res = idx.map((m) => (x[m] ?? 0) - trend * (dtDays[m] ?? 0));
  const centre = median(res);
  const sigma = Math.max(floor, madSigma(res, centre));
  const value = (x[j] ?? 0) - trend * (dtDays[j] ?? 0);
  if (regressor === undefined) return { value, sigma };
  // B*-decorrelation: the neighbours' residuals regressed on their B* changes (least
  // squares through the origin over the neighbours within `clip`·σ, so burns among them do not
  // set the slope); kept only when it lowers the robust scatter.
  let sxy = 0;
  let sxx = 0;
  idx.forEach((m, q) => {
    const r = res[q] ?? 0;
    if (Math.abs(r - centre) > clip * sigma) return;
    const w = regressor[m] ?? 0;
    sxy += r * w;
    sxx += w * w;
  });
  if (!(sxx > 0)) return { value, sigma };
  const c = sxy / sxx;
  const resD = idx.map((m, q) => (res[q] ?? 0) - c * (regressor[m] ?? 0));
  const sigmaD = Math.max(floor, madSigma(resD, median(resD)));
  if (!(sigmaD < sigma)) return { value, sigma };
  return { value: value - c * (regressor[j] ?? 0), sigma: sigmaD };
}

/** Median rate (per day) of `x` over the usable neighbours of interval j, or undefined. */
function localMedianRate(
  x: Float64Array,
  dtDays: Float64Array,
  usable: Uint8Array,
  j: number,
  halfWidth: number,
): number | undefined {
  const lo = Math.max(0, j - halfWidth);
  const hi = Math.min(x.length - 1, j + halfWidth);
  const rates: number[] = [];
  for (let m = lo; m <= hi; m++) {
    const dt = dtDays[m] ?? 0;
    if (m !== j && usable[m] === 1 && dt > 0.25) rates.push((x[m] ?? 0) / dt);
  }
  return rates.length >= 4 ? median(rates) : undefined;
}

/** Residuals of intervals j..last summed (σ added in quadrature); undefined if any is unknown. */
function sumResiduals(r: readonly (Residual | undefined)[], j: number, last: number): Residual | undefined {
  let value = 0;
  let var2 = 0;
  for (let q = j; q <= last; q++) {
    const x = r[q];
    if (x === undefined) return undefined;
    value += x.value;
    var2 += x.sigma * x.sigma;
  }
  return { value, sigma: Math.sqrt(var2) };
}

function ref(set: ElementSet, role: string): ElementSetRef {
  return { noradId: set.noradId, epoch: set.epoch, epochText: set.epochText, role };
}

function circularSpeedKmPerSec(aKm: number): number {
  return Math.sqrt(MU_KM3_PER_S2 / aKm);
}

function parameterRecord(p: ManeuverParameters): DetectorParameters {
  return { ...p };
}

/** A continuous climb: sets s..e (inclusive) of the cleaned series. */
interface Climb {
  readonly s: number;
  readonly e: number;
  readonly sign: 1 | -1;
  /** Number of sustained climbs merged into this campaign. */
  readonly stages: number;
  /** Whether every stage was resolved by the sets (enough intervals, no dominant one). */
  readonly resolved: boolean;
  /** The climb's highest set is the last of the history: it may still be under way. */
  readonly ongoing: boolean;
  /** First set from which the level moves (s, unless the climb opens with a flat lead-in). */
  readonly rise: number;
}

/**
 * Finds sustained climbs (sign +1) or descents (sign −1) of a″: from a start set, follow the
 * running extreme while no set falls back more than `tolKm` from it and no new extreme is
 * more than `continuousMaxStallDays` after the last one with sets in between (a new
 * extreme across a data gap — no set published in between — continues the climb when the gap
 * is usable, ≤ `maxGapDays`: a pause that no set shows is not an observed stall).
 */
function findClimbs(s: Series, p: ManeuverParameters, tolKm: number, sign: 1 | -1, geosynchronous: boolean): Climb[] {
  const out: Climb[] = [];
  const m = s.sets.length;
  let k = 0;
  const stallSec = p.continuousMaxStallDays * SEC_PER_DAY;
  const gapSec = p.maxGapDays * SEC_PER_DAY;
  while (k < m - 1) {
    let peak = k;
    for (let q = k + 1; q < m; q++) {
      const v = sign * ((s.a[q] ?? 0) - (s.a[peak] ?? 0));
      const dt = (s.tSec[q] ?? 0) - (s.tSec[peak] ?? 0);
      if (dt > stallSec && v <= 0) break;
      if (v > 0) {
        // Raises only: drag cannot raise a mean orbit, but a fall across a gap may be drag.
        const dataGap = sign > 0 && q === peak + 1 && dt <= gapSec;
        if (dt > stallSec && !dataGap) break;
        peak = q;
      } else if (-v > tolKm) {
        // One set that falls back while the next is back at the level (or higher) is a
        // bad fit (out and back), not the end of the climb.
        if (!isDip(s, q, peak, tolKm, sign)) break;
      }
    }
    const resolved = peak > k && isClimb(s, p, k, peak, sign);
    // An unresolved raise ends where it reached the level of its peak (within tolKm): later sets
    // at that level are the level held, and noise maxima among them would stretch the end.
    let end = peak;
    const candidate =
      !resolved &&
      peak > k &&
      sign > 0 &&
      !geosynchronous &&
      p.unresolvedRaiseMinHeldSets > 0 &&
      (s.a[peak] ?? 0) - (s.a[k] ?? 0) >= p.continuousMinChangeKm;
    if (candidate) while (end > k + 1 && (s.a[peak] ?? 0) - (s.a[end - 1] ?? 0) <= tolKm) end--;
    const unresolved = candidate && isUnresolvedRaise(s, p, k, end, peak, tolKm);
    if (resolved || unresolved) {
      const prev = out[out.length - 1];
      const pauseSec = (s.tSec[k] ?? 0) - (s.tSec[prev?.e ?? 0] ?? 0);
      const heldLevel =
        prev !== undefined && sign * ((s.a[k] ?? 0) - (s.a[prev.e] ?? 0)) > -tolKm - 0.5 * p.continuousMinChangeKm;
      const ongoing = peak === m - 1;
      // Stages of one campaign (raising pauses for plane phasing) become one event.
      if (prev !== undefined && heldLevel && pauseSec <= p.campaignMaxPauseDays * SEC_PER_DAY) {
        out[out.length - 1] = {
          s: prev.s,
          e: end,
          sign,
          stages: prev.stages + 1,
          resolved: prev.resolved && resolved,
          ongoing,
          rise: prev.rise,
        };
      } else out.push({ s: k, e: end, sign, stages: 1, resolved, ongoing, rise: leadIn(s, k, end, sign) });
      k = peak;
    } else k++;
  }
  return out;
}

/**
 * Where a climb from set k to e starts to move: leading intervals whose rate is below a
 * quarter of the climb's mean rate are the level held before it (the running extreme of the
 * climb search carries a flat lead-in of up to `continuousMaxStallDays`). For reporting only.
 */
function leadIn(s: Series, k: number, e: number, sign: 1 | -1): number {
  const meanRate = (sign * ((s.a[e] ?? 0) - (s.a[k] ?? 0))) / Math.max((s.tSec[e] ?? 0) - (s.tSec[k] ?? 0), 1);
  let r = k;
  while (r + 1 < e) {
    const rate = (sign * ((s.a[r + 1] ?? 0) - (s.a[r] ?? 0))) / Math.max((s.tSec[r + 1] ?? 0) - (s.tSec[r] ?? 0), 1);
    if (rate >= 0.25 * meanRate) break;
    r++;
  }
  return r;
}

/** Mean rate of a″ over a climb, km/day. */
function climbRateKmPerDay(s: Series, c: Climb): number {
  const days = ((s.tSec[c.e] ?? 0) - (s.tSec[c.rise] ?? 0)) / SEC_PER_DAY;
  return ((s.a[c.e] ?? 0) - (s.a[c.rise] ?? 0)) / Math.max(days, 1e-9);
}

/**
 * Robust scale of the level-step estimate of a series (a″ in km, or i in rad) over the history:
 * the 1.4826·MAD of the fitted steps (`levelStepSets` sets each side, the sets between j and
 * `firstAfter(j)` left out) at every interval whose window holds no busy interval; at least the
 * white-noise floor minNoise/√w; the floor alone with fewer than 20 windows.
 */
function levelStepNoise(
  s: Series,
  x: Float64Array,
  minNoise: number,
  p: ManeuverParameters,
  nSteps: number,
  busy: (j: number) => boolean,
  firstAfter: (j: number) => number = (j) => j + 1,
): number {
  const w = p.levelStepSets;
  const floor = minNoise / Math.sqrt(Math.max(w, 1));
  if (w <= 0) return floor;
  const marks = new Int32Array(nSteps + 1);
  for (let j = 0; j < nSteps; j++) marks[j + 1] = (marks[j] ?? 0) + (busy(j) ? 1 : 0);
  const values: number[] = [];
  for (let j = w - 1; j < nSteps; j++) {
    const first = firstAfter(j);
    const hi = first + w - 1;
    if (hi >= s.sets.length) break;
    const lo = j - w + 1;
    if ((marks[hi] ?? 0) - (marks[lo] ?? 0) > 0) continue;
    const r = levelStepAcross(s.tSec, x, lo, j, first, hi);
    if (r !== undefined) values.push(r.value);
  }
  return values.length >= 20 ? Math.max(floor, madSigma(values, median(values))) : floor;
}

/** Set q falls back from the peak's level by more than tolKm, but the set after it is back. */
function isDip(s: Series, q: number, peak: number, tolKm: number, sign: 1 | -1): boolean {
  return q + 1 < s.sets.length && sign * ((s.a[q + 1] ?? 0) - (s.a[peak] ?? 0)) >= -tolKm;
}

function isClimb(s: Series, p: ManeuverParameters, k: number, e: number, sign: 1 | -1): boolean {
  const total = sign * ((s.a[e] ?? 0) - (s.a[k] ?? 0));
  if (total < p.continuousMinChangeKm) return false;
  // Resolved: enough intervals shorter than a stall (an interval across a longer data gap
  // hides how the climb went), and no interval carrying most of it.
  let maxStep = 0;
  let observed = 0;
  const stallSec = p.continuousMaxStallDays * SEC_PER_DAY;
  for (let q = k; q < e; q++) {
    maxStep = Math.max(maxStep, sign * ((s.a[q + 1] ?? 0) - (s.a[q] ?? 0)));
    if ((s.tSec[q + 1] ?? 0) - (s.tSec[q] ?? 0) <= stallSec) observed++;
  }
  if (observed < p.continuousMinIntervals) return false;
  if (maxStep > p.continuousMaxShare * total) return false;
  if (sign < 0) {
    const days = ((s.tSec[e] ?? 0) - (s.tSec[k] ?? 0)) / SEC_PER_DAY;
    const perigee = (s.a[k] ?? 0) * (1 - (s.e[k] ?? 0)) - EARTH_RADIUS_KM;
    const rate = total / Math.max(days, 1e-9);
    if (rate < p.loweringMinRateKmPerDay) return false;
    // Below `loweringMinPerigeeKm` drag alone lowers an orbit by km per day; a descent there is
    // thrust (a deorbit burn) only when it is `loweringStepDragFactor` times faster than the
    // decay the object showed before it.
    if (perigee < p.loweringMinPerigeeKm) {
      const before = decayBefore(s, p, k);
      if (before === undefined || rate < p.loweringStepDragFactor * before) return false;
    }
  }
  return true;
}

/** Median decay rate of a″ (km/day, ≥ 0) over the `windowHalfWidth` intervals before set k. */
function decayBefore(s: Series, p: ManeuverParameters, k: number): number | undefined {
  const rates: number[] = [];
  for (let q = Math.max(0, k - p.windowHalfWidth); q < k; q++) {
    const dt = ((s.tSec[q + 1] ?? 0) - (s.tSec[q] ?? 0)) / SEC_PER_DAY;
    if (dt > 0.25) rates.push(((s.a[q + 1] ?? 0) - (s.a[q] ?? 0)) / dt);
  }
  return rates.length >= 4 ? Math.max(0, -median(rates)) : undefined;
}

/**
 * A raise of at least `continuousMinChangeKm` that the sets do not resolve (too few intervals,
 * or one interval carrying most of it: the sets are sparser than the climb is fast) is still
 * a raise of the held orbit: drag cannot raise a mean orbit, and the Δv of a spiral and of
 * a transfer between the two circular levels agree to O((Δa/a)²). Guards against bad fits: the
 * level reached (set e; `peak` its highest set) must be held — no set falling back from the peak
 * by more than tolKm plus half the minimum climb (the campaign rule), single bad fits skipped — by
 * `unresolvedRaiseMinHeldSets` sets over at least `continuousMaxStallDays`; the start must not be
 * a set that dipped below its predecessor by more than tolKm; both ends must be near-circular.
 */
function isUnresolvedRaise(
  s: Series,
  p: ManeuverParameters,
  k: number,
  e: number,
  peak: number,
  tolKm: number,
): boolean {
  if ((s.a[e] ?? 0) - (s.a[k] ?? 0) < p.continuousMinChangeKm) return false;
  const eMax = p.unresolvedRaiseMaxEccentricity;
  if (!((s.e[k] ?? 1) < eMax && (s.e[e] ?? 1) < eMax)) return false;
  if (k > 0 && (s.a[k - 1] ?? 0) - (s.a[k] ?? 0) > tolKm) return false;
  const holdKm = tolKm + 0.5 * p.continuousMinChangeKm;
  const holdSec = p.continuousMaxStallDays * SEC_PER_DAY;
  let heldSets = 0;
  for (let q = e + 1; q < s.sets.length; q++) {
    if ((s.a[q] ?? 0) - (s.a[peak] ?? 0) > -holdKm) {
      heldSets++;
      // Held long enough: stop (a long level would otherwise be walked for every start).
      if (heldSets >= p.unresolvedRaiseMinHeldSets && (s.tSec[q] ?? 0) - (s.tSec[e] ?? 0) >= holdSec) return true;
    } else if (!isDip(s, q, peak, holdKm, 1)) return false;
  }
  return false;
}

/**
 * Detects maneuvers in one object's element-set history.
 * @param history element sets of ONE object (any order; duplicates allowed)
 * @param params overrides of {@link DEFAULT_MANEUVER_PARAMETERS}
 * @throws RangeError when the history mixes NORAD ids (a programmer error)
 */
export function detectManeuvers(
  history: readonly ElementSet[],
  params: Partial<ManeuverParameters> = {},
): ManeuverDetection {
  const p: ManeuverParameters = { ...DEFAULT_MANEUVER_PARAMETERS, ...params };
  const first = history[0];
  if (first !== undefined && history.some((h) => h.noradId !== first.noradId)) {
    throw new RangeError('detectManeuvers: the history must hold one object only');
  }
  const cleaned = cleanHistory(history, p.duplicateEpochSec);
  const sets = cleaned.sets;
  const base = {
    inputSets: history.length,
    usedSets: sets.length,
    duplicatesCollapsed: cleaned.duplicatesCollapsed,
    invalidDropped: cleaned.invalidDropped,
  };
  if (sets.length < 3 || first === undefined) {
    return {
      events: [],
      diagnostics: { ...base, outlierSets: 0, longGaps: 0, medianNoiseSigmaKm: null, geosynchronous: false },
    };
  }
  const series = buildSeries(sets);
  const steps = buildSteps(series);
  const nSteps = steps.da.length;
  const aMedian = median(Array.from(series.a));
  const eMedian = median(Array.from(series.e));
  const geosynchronous = Math.abs(aMedian - GEO_A_KM) < 500 && eMedian < 0.05;
  const parameters = parameterRecord(p);
  const norad: NoradId = first.noradId;
  const events: DetectedEvent[] = [];

  // Usable intervals: not too long.
  const usable = new Uint8Array(nSteps);
  let longGaps = 0;
  for (let j = 0; j < nSteps; j++) {
    if ((steps.dtDays[j] ?? 0) <= p.maxGapDays) usable[j] = 1;
    else longGaps++;
  }

  // Noise of a″ differences (global, robust) for the climb tolerance.
  const globalSigma = Math.max(p.minNoiseSemiMajorAxisKm, madSigma(Array.from(steps.da), median(Array.from(steps.da))));

  // 3. Continuous climbs.
  const climbs = [
    ...findClimbs(series, p, 3 * globalSigma + 0.2, 1, geosynchronous),
    ...findClimbs(series, p, 3 * globalSigma + 0.2, -1, geosynchronous),
  ].filter(
    (c) => !geosynchronous || Math.abs(climbRateKmPerDay(series, c)) >= p.geoDriftFactor * GEO_MAX_DRIFT_KM_PER_DAY,
  );
  const inClimb = new Uint8Array(nSteps);
  for (const c of climbs) {
    for (let j = c.s; j < c.e; j++) inClimb[j] = 1;
  }

  // 4. Jumps.
  const trendUsable = new Uint8Array(nSteps);
  for (let j = 0; j < nSteps; j++) trendUsable[j] = usable[j] === 1 && inClimb[j] === 0 ? 1 : 0;
  const ra: (Residual | undefined)[] = [];
  const ri: (Residual | undefined)[] = [];
  const rn: (Residual | undefined)[] = [];
  const noiseSamples: number[] = [];
  for (let j = 0; j < nSteps; j++) {
    const r = localResidual(
      steps.da,
      steps.dtDays,
      trendUsable,
      j,
      p.windowHalfWidth,
      p.minNoiseSemiMajorAxisKm,
      p.bstarDecorrelationClipSigma > 0 ? steps.dbstar : undefined,
      p.bstarDecorrelationClipSigma,
    );
    ra.push(r);
    if (r !== undefined) noiseSamples.push(r.sigma);
    ri.push(localResidual(steps.di, steps.dtDays, trendUsable, j, p.windowHalfWidth, p.minNoisePlaneRad));
    rn.push(localResidual(steps.dnode, steps.dtDays, trendUsable, j, p.windowHalfWidth, p.minNoisePlaneRad));
  }
  // Climb events (their Δa σ is the median local σ of a″ differences outside climbs — the
  // σ of the difference of two sets' levels — not the global scatter, which the climb inflates).
  const climbSigmaKm = noiseSamples.length > 0 ? median(noiseSamples) : globalSigma;
  for (const c of climbs) events.push(climbEvent(series, steps, c, norad, parameters, climbSigmaKm));
  // Along-track prediction residuals; the decay of n″ (drag) is the neighbours' median rate.
  const dn = new Float64Array(nSteps);
  for (let j = 0; j < nSteps; j++) dn[j] = (series.n[j + 1] ?? 0) - (series.n[j] ?? 0);
  const alongKm = new Float64Array(nSteps);
  for (let j = 0; j < nSteps; j++) {
    const prev = series.el[j];
    const next = series.el[j + 1];
    if (prev === undefined || next === undefined) continue;
    const nDotPerDay = localMedianRate(dn, steps.dtDays, trendUsable, j, p.windowHalfWidth) ?? 0;
    alongKm[j] = alongTrackResidualKm(
      prev,
      next,
      (steps.dtDays[j] ?? 0) * SEC_PER_DAY,
      nDotPerDay / SEC_PER_DAY / SEC_PER_DAY,
    );
  }
  const rt: (Residual | undefined)[] = [];
  for (let j = 0; j < nSteps; j++) {
    rt.push(localResidual(alongKm, steps.dtDays, trendUsable, j, p.windowHalfWidth, p.minNoiseAlongTrackKm));
  }
  const z = (r: Residual | undefined): number => (r === undefined ? 0 : r.value / r.sigma);
  const significant = (j: number): boolean =>
    Math.abs(z(ra[j])) >= p.kSigma || Math.abs(z(ri[j])) >= p.kSigma || Math.abs(z(rn[j])) >= p.kSigma;

  // Bad fits: a set whose two intervals jump out and back.
  const outlier = new Uint8Array(nSteps);
  let outlierSets = 0;
  for (let j = 0; j + 1 < nSteps; j++) {
    if (!significant(j) || !significant(j + 1)) continue;
    const cancels = (x: Residual | undefined, y: Residual | undefined): boolean =>
      x === undefined || y === undefined || Math.abs(x.value + y.value) < p.kSigma * Math.max(x.sigma, y.sigma);
    const outAndBack =
      cancels(rt[j], rt[j + 1]) && cancels(ra[j], ra[j + 1]) && cancels(ri[j], ri[j + 1]) && cancels(rn[j], rn[j + 1]);
    if (outAndBack) {
      outlier[j] = 1;
      outlier[j + 1] = 1;
      outlierSets++;
    }
  }
  outlierSets += markExcursions(series, steps, { ra, ri, rn, rt }, dn, trendUsable, outlier, p);

  // Significant intervals; a run of consecutive ones in the same direction within
  // `rampMaxDays` is ONE burn seen through overlapping fits (each set is fitted to days of
  // tracking, so the sets after a burn carry it in growing parts) and becomes one event.
  const direction = (j: number): number => {
    const r = ra[j];
    return r !== undefined && Math.abs(z(r)) >= p.kSigma ? Math.sign(r.value) : 0;
  };
  const candidate = (j: number): boolean => usable[j] === 1 && inClimb[j] === 0 && outlier[j] === 0 && significant(j);
  const jumpEvents: DetectedEvent[] = [];
  // Per-object noise of a level step of a″ (km): the robust scale (1.4826·MAD) of the fitted
  // steps at every interval whose window holds no significant interval. Fits share tracking data
  // and GEO a″ carries lunisolar terms of days, so this is larger than the step σ a white-noise fit
  // claims (Fengyun-2E: 27 m against 5–25 m); it bounds the level-step σ from below.
  const stepScaleKm = levelStepNoise(series, series.a, p.minNoiseSemiMajorAxisKm, p, nSteps, candidate);
  // At GEO a jump must also be a persistent step of the a″ levels (line + step over
  // `levelStepSets` sets each side, the sets inside the span left out) at ≥ kSigma against the
  // per-object step noise: one-day GEO fits jump out and back by ≈ 1 km. Steps of the
  // inclination vector alone are north-south burns only for inclination-controlled objects, and
  // are tested separately below (inclination-vector-step.ts).
  const persistentStepZ = (j0: number, j1: number): number => {
    const w = p.levelStepSets;
    const lo = Math.max(0, j0 - w + 1);
    const hi = Math.min(series.sets.length - 1, j1 + w - 1);
    const r = levelStepAcross(series.tSec, series.a, lo, j0, j1, hi);
    return r === undefined ? 0 : Math.abs(r.value) / Math.max(r.sigma, stepScaleKm);
  };
  // Elsewhere a jump that a″ does not carry (|z| < kSigma) must be a persistent step of the
  // plane levels — i, or the node component summed into a level — against their per-history step
  // noise: plane-angle noise is heavy-tailed, and a single odd fit is not a plane change.
  const cumNode = new Float64Array(series.sets.length);
  for (let k = 1; k < series.sets.length; k++) cumNode[k] = (cumNode[k - 1] ?? 0) + (steps.dnode[k - 1] ?? 0);
  let planeScales: readonly [number, number] | undefined; // computed on first use
  const planeScale = (): readonly [number, number] =>
    (planeScales ??= [
      levelStepNoise(series, series.inc, p.minNoisePlaneRad, p, nSteps, candidate),
      levelStepNoise(series, cumNode, p.minNoisePlaneRad, p, nSteps, candidate),
    ]);
  const planeOnly = (j0: number, j1: number): boolean => {
    const r = sumResiduals(ra, j0, j1);
    return r === undefined || Math.abs(r.value / r.sigma) < p.kSigma;
  };
  const planeStepZ = (j0: number, j1: number): number => {
    const w = p.levelStepSets;
    const lo = Math.max(0, j0 - w + 1);
    const hi = Math.min(series.sets.length - 1, j1 + w - 1);
    const ri2 = levelStepAcross(series.tSec, series.inc, lo, j0, j1, hi);
    const rn2 = levelStepAcross(series.tSec, cumNode, lo, j0, j1, hi);
    const [scaleI, scaleN] = planeScale();
    const zi = ri2 === undefined ? 0 : Math.abs(ri2.value) / Math.max(ri2.sigma, scaleI);
    const zn = rn2 === undefined ? 0 : Math.abs(rn2.value) / Math.max(rn2.sigma, scaleN);
    return Math.max(zi, zn);
  };
  // The plane part of any event counts only when the plane levels step persistently across it:
  // otherwise it is reported as 0 ± σ (one odd fit, e.g. Starlink 68168 on 2026-04-23 06:00 with
  // i 0.035° off its neighbours, is not a plane change).
  const planePart = (r: Residual | undefined, j0: number, j1: number): Residual | undefined =>
    r === undefined || planeStepZ(j0, j1) >= p.kSigma ? r : { value: 0, sigma: r.sigma };
  for (let j = 0; j < nSteps; j++) {
    if (!candidate(j)) continue;
    let last = j;
    const dir = direction(j);
    const t0 = series.tSec[j] ?? 0;
    while (
      last + 1 < nSteps &&
      candidate(last + 1) &&
      dir !== 0 &&
      direction(last + 1) === dir &&
      (series.tSec[last + 2] ?? 0) - t0 <= p.rampMaxDays * SEC_PER_DAY
    ) {
      last++;
    }
    const gap = ((series.tSec[last + 1] ?? 0) - t0) / SEC_PER_DAY;
    if (geosynchronous && persistentStepZ(j, last + 1) < p.kSigma) {
      j = last;
      continue;
    }
    if (!geosynchronous && planeOnly(j, last) && planeStepZ(j, last + 1) < p.kSigma) {
      j = last;
      continue;
    }
    const args = [series, j, last + 1, gap, sumResiduals(ra, j, last)] as const;
    const rest = [sumResiduals(rt, j, last), norad, parameters, p, geosynchronous] as const;
    const riSum = sumResiduals(ri, j, last);
    const rnSum = sumResiduals(rn, j, last);
    let ev = jumpEvent(...args, riSum, rnSum, ...rest);
    if (ev !== undefined && planeStepZ(j, last + 1) < p.kSigma) {
      // Detected, but the plane levels do not step: the plane part is a transient of the fits
      // (a fit spanning a burn can tilt one set: Jason-2 2018-10-01 05:42, i 0.013° off both
      // neighbours, a day before the listed burns). Kept as an event, plane part reported 0 ± σ.
      const inPlane = jumpEvent(...args, planePart(riSum, j, last + 1), planePart(rnSum, j, last + 1), ...rest, {
        floorMps: 0,
      });
      if (inPlane !== undefined)
        ev = {
          ...inPlane,
          measures: { ...inPlane.measures, planeChangeTransient: ev.measures['outOfPlaneDeltaVMps'] ?? null },
        };
    }
    if (ev !== undefined) jumpEvents.push(ev);
    j = last;
  }

  // Level-step test: where no single interval is significant, a least-squares line-plus-step
  // fit to the a″ LEVELS of `levelStepSets` sets before and after interval j. The window must
  // hold no other candidate, long gap, climb or bad fit (interval j itself may be significant
  // when it gave no event: a single-interval change below the Δv floor is measured better here);
  // the strongest interval of a cluster is kept. σ of the step: the larger of the fit's own, the
  // a″ difference floor scaled to two w-set means (minNoise/√w), and the per-object level-step
  // noise. A raise below `minDeltaVMps` is reported down to `minDeltaVAlongTrackMps` when the
  // along-track residual of interval j (or j and j+1: the next fit carries the rest) witnesses it
  // at ≥ `kSigmaAlongTrackWitness` σ. A LOWERING step must exceed `loweringStepDragFactor` × the
  // local decay over the interval (at least one day) and be witnessed the same way; not at GEO.
  if (p.levelStepSets > 0) {
    const w = p.levelStepSets;
    const hasEvent = (q: number): boolean => {
      const t0 = series.sets[q]?.epoch ?? 0;
      const t1 = series.sets[q + 1]?.epoch ?? 0;
      return jumpEvents.some((e) => e.start < t1 && e.end > t0);
    };
    const busy = (q: number, j: number): boolean =>
      trendUsable[q] !== 1 || outlier[q] === 1 || (significant(q) && (q !== j || hasEvent(q)));
    const sigmaFloor = p.minNoiseSemiMajorAxisKm / Math.sqrt(w);
    // The along-track residual over j or j..j+1 (σ in quadrature) points the same way as the
    // step (a raise puts the object behind the prediction) at ≥ k σ.
    const alongWitness = (j: number, sign: number, k: number): boolean => {
      for (let last = j; last <= j + 1 && last < nSteps; last++) {
        const t = sumResiduals(rt, j, last);
        if (t !== undefined && (-sign * t.value) / t.sigma >= k) return true;
      }
      return false;
    };
    // Local decay of a″ (median rate of the neighbours, km/day) for the drag bound of lowerings.
    const decayAt = (j: number): number | undefined =>
      localMedianRate(steps.da, steps.dtDays, trendUsable, j, p.windowHalfWidth);
    const dragBoundKm = (j: number): number | undefined => {
      const rate = decayAt(j);
      return rate === undefined
        ? undefined
        : p.loweringStepDragFactor * Math.abs(rate) * Math.max(steps.dtDays[j] ?? 0, 1);
    };
    const loweringOk = (j: number, step: number): boolean => {
      if (p.loweringStepDragFactor <= 0 || geosynchronous) return false;
      const bound = dragBoundKm(j);
      return bound !== undefined && -step >= bound && alongWitness(j, -1, p.kSigmaAlongTrackWitness);
    };
    // Carried level steps: the sets published within a carry span D after interval j may carry a
    // burn in parts (each public set is fitted to days of tracking; TOPEX's 1993–1996 sets take
    // 7–15 days to reach the level after a 7–10 m raise), so they are left out of the fit: w sets
    // up to j against w sets from the first one ≥ D days after set j. Spans D = rampMaxDays·2^k up
    // to `levelStepCarryDays`, shortest first; each span's step is compared with its own
    // per-object noise (the robust scale of the same fit over quiet windows, local in time).
    // Consecutive qualifying intervals of one sign are one event; level-step events of the same
    // sign inside its carry are its parts and are replaced.
    // Raises, or lowerings beyond drag with the along-track residual over the span agreeing.
    const carriedLevelSteps = (): void => {
      const m = series.sets.length;
      const spans: number[] = [];
      for (let d = p.rampMaxDays; d > 0 && d <= p.levelStepCarryDays; d *= 2) spans.unshift(d);
      if (spans.length === 0 || geosynchronous) return;
      const marks = new Int32Array(nSteps + 1);
      for (let q = 0; q < nSteps; q++) marks[q + 1] = (marks[q] ?? 0) + (candidate(q) || trendUsable[q] !== 1 ? 1 : 0);
      const firstAfter = (j: number, d: number): number => {
        let q = j + 2;
        const t = (series.tSec[j] ?? 0) + d * SEC_PER_DAY;
        while (q < m && (series.tSec[q] ?? 0) < t) q++;
        return q;
      };
      const daSign = (e: DetectedEvent): number => Math.sign(Number(e.measures['deltaSemiMajorAxisKm'] ?? 0));
      // Level-step events of the same sign inside the carry are parts of the step when the step
      // exceeds their summed Δa″ by ≥ kSigmaLevelStep σ (the sets in between carry the rest), and
      // the carried event replaces them; any other event with a change of a″ in the window blocks
      // the test (its change would bias the fit, and a jump at ≥ kSigma is already localised).
      const inCarry = (e: DetectedEvent, j: number, first: number): boolean =>
        e.start >= (series.sets[j]?.epoch ?? 0) && e.end <= (series.sets[first]?.epoch ?? 0);
      const blocked = (lo: number, hi: number, j: number, first: number, r: Residual): boolean => {
        const t0 = series.sets[lo]?.epoch ?? 0;
        const t1 = series.sets[hi]?.epoch ?? 0;
        let parts = 0;
        for (const e of jumpEvents) {
          if (e.start > t1 || e.end < t0 || daSign(e) === 0) continue;
          const part =
            e.measures['method'] === 'level-step' && daSign(e) === Math.sign(r.value) && inCarry(e, j, first);
          if (!part) return true;
          parts += Number(e.measures['deltaSemiMajorAxisKm'] ?? 0);
        }
        return parts !== 0 && Math.abs(r.value - parts) < p.kSigmaLevelStep * r.sigma;
      };
      for (const d of spans) {
        const spanScale = levelStepNoise(
          series,
          series.a,
          p.minNoiseSemiMajorAxisKm,
          p,
          nSteps,
          (q) => marks[q + 1] !== marks[q],
          (j) => firstAfter(j, d),
        );
        const hits: { j: number; first: number; z: number; r: Residual }[] = [];
        for (let j = w - 1; j < nSteps; j++) {
          const first = firstAfter(j, d);
          const hi = first + w - 1;
          if (hi >= m) break;
          const lo = j - w + 1;
          const r = levelStepAcross(series.tSec, series.a, lo, j, first, hi);
          if (r === undefined || !(r.sigma > 0)) continue;
          const scale = Math.max(sigmaFloor, spanScale);
          const zs = r.value / Math.max(r.sigma, scale);
          if (Math.abs(zs) < p.kSigmaLevelStep) continue;
          let free = true;
          for (let q = lo; q < hi && free; q++) {
            const inGap = q >= j && q < first;
            if (trendUsable[q] !== 1 || outlier[q] === 1 || (!inGap && Math.abs(z(ra[q])) >= p.kSigma)) free = false;
          }
          if (!free) continue;
          if (zs < 0) {
            const rate = decayAt(j);
            const days = ((series.tSec[first] ?? 0) - (series.tSec[j] ?? 0)) / SEC_PER_DAY;
            const bound =
              rate === undefined ? undefined : p.loweringStepDragFactor * Math.abs(rate) * Math.max(days, 1);
            if (p.loweringStepDragFactor <= 0 || geosynchronous || bound === undefined || -r.value < bound) continue;
            const t = sumResiduals(rt, j, first - 1);
            if (t === undefined || t.value / t.sigma < p.kSigmaAlongTrackWitness) continue;
          }
          const rs = { value: r.value, sigma: Math.max(r.sigma, scale) };
          if (blocked(lo, hi, j, first, rs)) continue;
          hits.push({ j, first, z: zs, r: rs });
        }
        // Runs of consecutive qualifying intervals of one sign.
        let q = 0;
        while (q < hits.length) {
          const h0 = hits[q];
          if (h0 === undefined) break;
          let last = q;
          while (last + 1 < hits.length) {
            const n1 = hits[last + 1];
            const n0 = hits[last];
            if (n1 === undefined || n0 === undefined || n1.j !== n0.j + 1 || Math.sign(n1.z) !== Math.sign(h0.z)) break;
            last++;
          }
          q = last + 1;
          // Every interval of the run up to the start of the carry qualifies (its carry covers
          // it); the last one is the closest to where the level starts to move.
          // Every interval of the run up to the start of the carry qualifies; the run's first has
          // the most sets left out, so its sets before hold none of a slow carry. The event spans
          // what the sets resolve: from the last set still on its line before the step (within
          // kSigmaAlongTrackWitness × the scatter of one set about the fit) to the first set on the
          // level after it.
          const tail = h0;
          const fit = levelStepFitAcross(series.tSec, series.a, tail.j - w + 1, tail.j, tail.first, tail.first + w - 1);
          let j0 = tail.j;
          let end = tail.first;
          if (fit !== undefined) {
            const sgn = Math.sign(fit.step);
            const tol = p.kSigmaAlongTrackWitness * fit.residualSigma;
            const line = (k: number): number => fit.c + (fit.b * ((series.tSec[k] ?? 0) - fit.tMeanSec)) / SEC_PER_DAY;
            while (j0 + 1 < end && sgn * ((series.a[j0 + 1] ?? 0) - line(j0 + 1)) < tol) j0++;
            while (end - 1 > j0 && sgn * (line(end - 1) + fit.step - (series.a[end - 1] ?? 0)) < tol) end--;
          }
          const best = { ...tail, j: j0, first: end };
          const sign = Math.sign(best.z);
          if (blocked(Math.max(0, j0 - w + 1), Math.min(m - 1, end + w - 1), j0, end, best.r)) continue;
          const t = sumResiduals(rt, j0, end - 1);
          const witnessed = best.z < 0 || (t !== undefined && -t.value / t.sigma >= p.kSigmaAlongTrackWitness);
          const ev = jumpEvent(
            series,
            j0,
            end,
            ((series.tSec[end] ?? 0) - (series.tSec[j0] ?? 0)) / SEC_PER_DAY,
            best.r,
            planePart(sumResiduals(ri, j0, end - 1), j0, end),
            planePart(sumResiduals(rn, j0, end - 1), j0, end),
            t,
            norad,
            parameters,
            p,
            geosynchronous,
            witnessed ? { kStep: p.kSigmaLevelStep, floorMps: p.minDeltaVAlongTrackMps } : { kStep: p.kSigmaLevelStep },
          );
          if (ev === undefined) continue;
          const g0 = series.sets[j0]?.epoch ?? 0;
          const g1 = series.sets[end]?.epoch ?? 0;
          for (let k = jumpEvents.length - 1; k >= 0; k--) {
            const e = jumpEvents[k];
            if (
              e !== undefined &&
              e.measures['method'] === 'level-step' &&
              daSign(e) === sign &&
              e.start >= g0 &&
              e.end <= g1
            )
              jumpEvents.splice(k, 1);
          }
          jumpEvents.push({ ...ev, measures: { ...ev.measures, method: 'level-step', carryDays: d } });
        }
      }
    };
    // `first`: the first of a run of consecutive qualifying intervals of the same sign
    // within `rampMaxDays` (the fits after a burn carry it in parts, so the step splits over
    // them and the strongest split may be the later one): the event spans the run up to the
    // strongest, as a ramp does in the jump test.
    const found: { j: number; first: number; z: number; r: Residual }[] = [];
    let run: { first: number; last: number; sign: number } | undefined;
    for (let j = w - 1; j + w <= nSteps; j++) {
      let free = true;
      for (let q = j - w + 1; q <= j + w - 1 && free; q++) if (busy(q, j)) free = false;
      if (!free) continue;
      const r = levelStep(series.tSec, series.a, j - w + 1, j + 1, j + w);
      if (r === undefined || r.sigma <= 0) continue;
      const zs = r.value / Math.max(r.sigma, sigmaFloor, stepScaleKm);
      if (Math.abs(zs) < p.kSigmaLevelStep) continue;
      if (zs < 0 && !loweringOk(j, r.value)) continue;
      const sign = Math.sign(zs);
      const rampOk =
        run !== undefined &&
        run.last === j - 1 &&
        run.sign === sign &&
        (series.tSec[j + 1] ?? 0) - (series.tSec[run.first] ?? 0) <= p.rampMaxDays * SEC_PER_DAY;
      run = rampOk && run !== undefined ? { ...run, last: j } : { first: j, last: j, sign };
      const prev = found[found.length - 1];
      if (prev !== undefined && j - prev.j < w) {
        if (Math.abs(zs) > Math.abs(prev.z)) {
          found[found.length - 1] = { j, first: rampOk ? Math.min(prev.first, run.first) : j, z: zs, r };
        }
      } else found.push({ j, first: run.first, z: zs, r });
    }
    for (const f of found) {
      const r: Residual = { value: f.r.value, sigma: Math.max(f.r.sigma, sigmaFloor) };
      const lowering = f.z < 0;
      const witnessed = lowering || alongWitness(f.j, 1, p.kSigmaAlongTrackWitness);
      const ev = jumpEvent(
        series,
        f.first,
        f.j + 1,
        ((series.tSec[f.j + 1] ?? 0) - (series.tSec[f.first] ?? 0)) / SEC_PER_DAY,
        r,
        planePart(sumResiduals(ri, f.first, f.j), f.first, f.j + 1),
        planePart(sumResiduals(rn, f.first, f.j), f.first, f.j + 1),
        sumResiduals(rt, f.first, f.j),
        norad,
        parameters,
        p,
        geosynchronous,
        witnessed ? { kStep: p.kSigmaLevelStep, floorMps: p.minDeltaVAlongTrackMps } : { kStep: p.kSigmaLevelStep },
      );
      if (ev === undefined) continue;
      const extra: Record<string, number | string> = { method: 'level-step' };
      if (lowering) {
        extra['localDecayKmPerDay'] = decayAt(f.j) ?? 0;
        extra['dragBoundKm'] = dragBoundKm(f.j) ?? 0;
      }
      jumpEvents.push({ ...ev, measures: { ...ev.measures, ...extra } });
    }
    carriedLevelSteps();
    jumpEvents.sort((x, y) => x.start - y.start);
  }

  // North-south station keeping of an inclination-controlled GEO object (inclination-vector-step.ts).
  if (geosynchronous) {
    const facts = {
      usable: (j: number) => trendUsable[j] === 1,
      badFit: (j: number) => outlier[j] === 1,
      quiet: (j: number) => !candidate(j),
    };
    const envelope = { norad, detector: MANEUVER_DETECTOR, detectorVersion: MANEUVER_DETECTOR_VERSION, parameters };
    jumpEvents.push(...northSouthStationKeepingEvents(series, jumpEvents, facts, p, stepScaleKm, envelope));
  }
  // Station keeping: an object that holds its mean altitude with repeated burns.
  if (!geosynchronous && jumpEvents.length >= 2) {
    const aOutside = Array.from(series.a).filter((_, k) => !climbs.some((c) => k > c.s && k < c.e));
    const band = Math.max(...aOutside) - Math.min(...aOutside);
    if (band <= p.stationKeepingBandKm) {
      for (let q = 0; q < jumpEvents.length; q++) {
        const ev = jumpEvents[q];
        if (ev !== undefined && ev.measures['kind'] === 'single-burn') {
          jumpEvents[q] = { ...ev, measures: { ...ev.measures, kind: 'station-keeping' } };
        }
      }
    }
  }
  events.push(...jumpEvents);
  events.sort((x, y) => x.start - y.start);
  // Assessment of every event, from its measures and the object's own history.
  const indexOf = new Map<number, number>(sets.map((set, k) => [set.epoch, k]));
  const aHeld = Array.from(series.a).filter((_, k) => !climbs.some((c) => k > c.s && k < c.e));
  const semiMajorAxisBandKm = aHeld.length > 0 ? Math.max(...aHeld) - Math.min(...aHeld) : 0;
  const assessed = events.map((ev) => {
    const j0 = indexOf.get(ev.start) ?? 0;
    const j1 = indexOf.get(ev.end) ?? j0;
    const decay = geosynchronous
      ? undefined
      : localMedianRate(steps.da, steps.dtDays, trendUsable, j0, p.windowHalfWidth);
    const before =
      decay === undefined && ev.measures['kind'] === 'orbit-lowering' ? decayBefore(series, p, j0) : undefined;
    const localDecayKmPerDay = decay !== undefined ? Math.min(0, decay) : before !== undefined ? -before : null;
    const measures = honestSigma(ev.measures, stepScaleKm);
    return {
      ...ev,
      measures,
      assessment: assessManeuver(
        measures,
        {
          geosynchronous,
          semiMajorAxisBandKm,
          noiseSigmaKm: climbSigmaKm,
          localDecayKmPerDay,
          perigeeAfterKm: (series.a[j1] ?? 0) * (1 - (series.e[j1] ?? 0)) - EARTH_RADIUS_KM,
        },
        p,
      ),
    };
  });
  return {
    events: assessed,
    diagnostics: {
      ...base,
      outlierSets,
      longGaps,
      medianNoiseSigmaKm: noiseSamples.length > 0 ? median(noiseSamples) : null,
      geosynchronous,
    },
  };
}

/** Per-interval residuals of a″, i, the node component and the along-track angle. */
interface IntervalResiduals {
  readonly ra: readonly (Residual | undefined)[];
  readonly ri: readonly (Residual | undefined)[];
  readonly rn: readonly (Residual | undefined)[];
  readonly rt: readonly (Residual | undefined)[];
}

/**
 * Bad fits over several sets (marks their intervals in `outlier`, returns the number of sets): a″
 * jumps out at interval j (≥ kSigma), the sets j+1..q stay out (each at least half the jump beyond
 * set j's level) for at most `rampMaxDays` (the fits that share a stretch of tracking), interval q
 * jumps back (≥ kSigma), and a″, i and the node component summed over j..q cancel at kSigma. The
 * along-track angle decides between a bad stretch and a real pair of burns: an orbit held Δa
 * higher for Δt falls behind by 1.5·n·∫Δa dt (CryoSat-2 2018-07-10/13, +56.5 m for 2.5 days:
 * 21.8 km expected, 18.3 km seen), a bad stretch of fits leaves the object where the old orbit
 * puts it. So the excursion is a bad fit only when the along-track residual carried from set j
 * straight to set q+1 is within kSigma σ of zero AND at least kSigma σ from the displacement the
 * excursion would cause (σ: the intervals' along-track σ in quadrature): the sets must refute the
 * real excursion, not merely fail to confirm it.
 */
function markExcursions(
  s: Series,
  st: Steps,
  r: IntervalResiduals,
  dn: Float64Array,
  trendUsable: Uint8Array,
  outlier: Uint8Array,
  p: ManeuverParameters,
): number {
  const nSteps = st.da.length;
  let marked = 0;
  const cancels = (x: Residual | undefined, sigma: number): boolean =>
    x !== undefined && Math.abs(x.value) < p.kSigma * sigma;
  for (let j = 0; j + 2 < nSteps; j++) {
    const out = r.ra[j];
    if (out === undefined || outlier[j] === 1 || Math.abs(out.value / out.sigma) < p.kSigma) continue;
    const sgn = Math.sign(out.value);
    for (let q = j + 2; q < nSteps; q++) {
      if ((s.tSec[q] ?? 0) - (s.tSec[j + 1] ?? 0) > p.rampMaxDays * SEC_PER_DAY) break;
      if (sgn * ((s.a[q] ?? 0) - (s.a[j] ?? 0)) < 0.5 * Math.abs(out.value)) break;
      const back = r.ra[q];
      if (back === undefined || outlier[q] === 1) break;
      if (-sgn * back.value < p.kSigma * back.sigma) continue;
      const planeSigma = (x: readonly (Residual | undefined)[]): number => Math.max(x[j]?.sigma ?? 0, x[q]?.sigma ?? 0);
      const cancel =
        cancels(sumResiduals(r.ra, j, q), Math.max(out.sigma, back.sigma)) &&
        cancels(sumResiduals(r.ri, j, q), planeSigma(r.ri)) &&
        cancels(sumResiduals(r.rn, j, q), planeSigma(r.rn));
      const along = sumResiduals(r.rt, j, q);
      const prev = s.el[j];
      const next = s.el[q + 1];
      if (cancel && along !== undefined && prev !== undefined && next !== undefined) {
        const nDotPerDay = localMedianRate(dn, st.dtDays, trendUsable, j, p.windowHalfWidth) ?? 0;
        const seen = alongTrackResidualKm(
          prev,
          next,
          (s.tSec[q + 1] ?? 0) - (s.tSec[j] ?? 0),
          nDotPerDay / SEC_PER_DAY / SEC_PER_DAY,
        );
        let heldKmSec = 0; // ∫ (a″ − a″_j) dt over the excursion, trapezoids between the sets
        for (let k = j; k <= q; k++) {
          const o0 = (s.a[k] ?? 0) - (s.a[j] ?? 0);
          const o1 = (s.a[k + 1] ?? 0) - (s.a[j] ?? 0);
          heldKmSec += 0.5 * (o0 + o1) * ((s.tSec[k + 1] ?? 0) - (s.tSec[k] ?? 0));
        }
        const ifReal = -1.5 * (s.n[j] ?? 0) * heldKmSec;
        const bound = p.kSigma * along.sigma;
        if (Math.abs(seen) < bound && Math.abs(seen - ifReal) >= bound) {
          for (let k = j; k <= q; k++) outlier[k] = 1;
          marked += q - j;
        }
      }
      break;
    }
  }
  return marked;
}

function confidenceOf(zMax: number, k: number, gapDays: number, fullGapDays: number): number {
  const zPart = 1 - 0.5 * Math.exp(-(zMax - k) / (k / 2));
  const gapPart = gapDays <= fullGapDays ? 1 : Math.sqrt(fullGapDays / gapDays);
  return Math.max(0, Math.min(1, zPart * gapPart));
}

function jumpEvent(
  s: Series,
  j: number,
  jAfter: number,
  gapDays: number,
  ra: Residual | undefined,
  ri: Residual | undefined,
  rn: Residual | undefined,
  rt: Residual | undefined,
  norad: NoradId,
  parameters: DetectorParameters,
  p: ManeuverParameters,
  geosynchronous: boolean,
  opts: { readonly kStep?: number; readonly floorMps?: number } = {},
): DetectedEvent | undefined {
  const kStep = opts.kStep ?? p.kSigma;
  const before = s.sets[j];
  const after = s.sets[jAfter];
  if (before === undefined || after === undefined) return undefined;
  const aMid = ((s.a[j] ?? 0) + (s.a[jAfter] ?? 0)) / 2;
  const v = circularSpeedKmPerSec(aMid) * 1000; // m/s
  const za = ra === undefined ? 0 : Math.abs(ra.value / ra.sigma);
  const zi = ri === undefined ? 0 : Math.abs(ri.value / ri.sigma);
  const zn = rn === undefined ? 0 : Math.abs(rn.value / rn.sigma);
  // Along-track: only a significant change of a″ counts; noise-level changes are reported as 0 ± σ.
  const daKm = ra !== undefined && za >= kStep ? ra.value : 0;
  const along = (v * daKm) / (2 * aMid);
  const alongSigma = ((ra?.sigma ?? 0) * v) / (2 * aMid);
  const diRad = ri !== undefined && zi >= p.kSigma ? ri.value : 0;
  const dnRad = rn !== undefined && zn >= p.kSigma ? rn.value : 0;
  const theta = Math.hypot(diRad, dnRad);
  const outOfPlane = 2 * v * Math.sin(theta / 2);
  const thetaSigma = Math.hypot(ri?.sigma ?? 0, rn?.sigma ?? 0);
  const outSigma = v * thetaSigma;
  const dv = Math.hypot(along, outOfPlane);
  const floor = opts.floorMps ?? p.minDeltaVMps;
  if (dv < floor) return undefined;
  const dvSigma = dv > 0 ? Math.hypot((along / dv) * alongSigma, (outOfPlane / dv) * outSigma) : alongSigma;
  const zMax = Math.max(za, zi, zn);
  let kind: ManeuverKind = Math.abs(outOfPlane) > Math.abs(along) ? 'plane-change' : 'single-burn';
  if (geosynchronous) kind = 'station-keeping';
  return {
    kind: 'maneuver',
    objects: [{ norad, role: 'subject' }],
    start: before.epoch,
    end: after.epoch,
    measures: {
      kind,
      deltaVMps: dv,
      deltaVSigmaMps: dvSigma,
      alongTrackDeltaVMps: along,
      alongTrackDeltaVSigmaMps: alongSigma,
      outOfPlaneDeltaVMps: outOfPlane,
      outOfPlaneDeltaVSigmaMps: outSigma,
      deltaSemiMajorAxisKm: daKm,
      semiMajorAxisBeforeKm: s.a[j] ?? null,
      semiMajorAxisAfterKm: s.a[jAfter] ?? null,
      deltaInclinationDeg: (diRad * 180) / Math.PI,
      nodeShiftDeg: (dnRad * 180) / Math.PI,
      noiseSigmaKm: ra?.sigma ?? null,
      deltaSemiMajorAxisSigmaKm: ra?.sigma ?? null,
      alongTrackResidualKm: rt?.value ?? null,
      alongTrackResidualSigmaKm: rt?.sigma ?? null,
      intervals: jAfter - j,
      noiseSigmaPlaneDeg: (thetaSigma * 180) / Math.PI,
      significanceSigma: zMax,
      gapDays,
      confidence: confidenceOf(zMax, p.kSigma, gapDays, p.fullConfidenceGapDays),
    },
    elementSets: [ref(before, 'before'), ref(after, 'after')],
    detector: MANEUVER_DETECTOR,
    detectorVersion: MANEUVER_DETECTOR_VERSION,
    parameters,
  };
}

/** Δv of an impulsive two-burn (Hohmann) transfer between circular orbits of radii a0, a1, m/s. */
function hohmannMps(a0: number, a1: number): number {
  const lo = Math.min(a0, a1);
  const hi = Math.max(a0, a1);
  const vt = Math.sqrt((2 * hi) / (lo + hi));
  const vb = Math.sqrt((2 * lo) / (lo + hi));
  return (circularSpeedKmPerSec(lo) * (vt - 1) + circularSpeedKmPerSec(hi) * (1 - vb)) * 1000;
}

function climbEvent(
  s: Series,
  st: Steps,
  c: Climb,
  norad: NoradId,
  parameters: DetectorParameters,
  sigmaKm: number,
): DetectedEvent {
  const before = s.sets[c.rise];
  const after = s.sets[c.e];
  if (before === undefined || after === undefined) throw new RangeError('climb out of range');
  // Δv integrated interval by interval with Gauss's tangential equation: Σ v·Δa/(2a).
  let along = 0;
  let di = 0;
  let dn = 0;
  for (let j = c.rise; j < c.e; j++) {
    const aMid = ((s.a[j] ?? 0) + (s.a[j + 1] ?? 0)) / 2;
    const v = circularSpeedKmPerSec(aMid) * 1000;
    along += (v * (st.da[j] ?? 0)) / (2 * aMid);
    di += st.di[j] ?? 0;
    dn += st.dnode[j] ?? 0;
  }
  const a0 = s.a[c.rise] ?? 0;
  const a1 = s.a[c.e] ?? 0;
  const vMean = circularSpeedKmPerSec((a0 + a1) / 2) * 1000;
  // σ(Δa) = σ of the difference of the two end sets' levels → σ(Δv) = v·σ/(2a); and how the
  // climb was flown, which the sets do not show: a low-thrust spiral and an impulsive (Hohmann)
  // transfer between the same two circles differ by O((Δa/a)²) — that difference is added in
  // quadrature as the model part of σ.
  const noiseSigmaMps = (sigmaKm * vMean) / (a0 + a1);
  const spiralMps = Math.abs(circularSpeedKmPerSec(a0) - circularSpeedKmPerSec(a1)) * 1000;
  const modelSigmaMps = Math.abs(spiralMps - hohmannMps(a0, a1));
  const alongSigma = Math.hypot(noiseSigmaMps, modelSigmaMps);
  const theta = Math.hypot(di, dn);
  const kind: ManeuverKind = c.sign > 0 ? 'orbit-raising' : 'orbit-lowering';
  const days = (after.epoch - before.epoch) / (SEC_PER_DAY * 1000);
  return {
    kind: 'maneuver',
    objects: [{ norad, role: 'subject' }],
    start: before.epoch,
    end: after.epoch,
    measures: {
      kind,
      deltaVMps: Math.abs(along),
      deltaVSigmaMps: alongSigma,
      alongTrackDeltaVMps: along,
      alongTrackDeltaVSigmaMps: alongSigma,
      outOfPlaneDeltaVMps: 2 * vMean * Math.sin(theta / 2),
      deltaSemiMajorAxisKm: a1 - a0,
      semiMajorAxisBeforeKm: a0,
      semiMajorAxisAfterKm: a1,
      deltaInclinationDeg: (di * 180) / Math.PI,
      nodeShiftDeg: (dn * 180) / Math.PI,
      noiseSigmaKm: sigmaKm,
      deltaSemiMajorAxisSigmaKm: sigmaKm,
      deltaVNoiseSigmaMps: noiseSigmaMps,
      deltaVModelSigmaMps: modelSigmaMps,
      durationDays: days,
      elementSetCount: c.e - c.rise + 1,
      stages: c.stages,
      // Whether the sets resolve the climb as continuous (≥ continuousMinIntervals
      // intervals, none carrying > continuousMaxShare in any stage), and whether its ends are
      // inside the data: a climb from the first set began at or before it ('before-first-set',
      // Δv covers the observed part only); one that ends at the last set is still under way.
      resolved: c.resolved,
      climbStart: c.rise === 0 ? 'before-first-set' : 'observed',
      climbEnd: c.ongoing ? 'ongoing' : 'observed',
      rateKmPerDay: (a1 - a0) / Math.max(days, 1e-9),
      confidence: 1,
    },
    elementSets: [ref(before, 'before'), ref(after, 'after')],
    detector: MANEUVER_DETECTOR,
    detectorVersion: MANEUVER_DETECTOR_VERSION,
    parameters,
  };
}

/**
 * σ of a jump's Δv from the per-object noise model: the a″ σ of the event is at least the
 * per-object level-step noise `stepNoiseKm` (the scatter of a step between two ten-set means over
 * the history; a step between two single sets is no better known), so a quiet neighbourhood
 * cannot give a σ the object's history does not support. A σ of zero (or not finite) from element
 * sets is never true: such a Δv σ is reported as null, with `deltaVSigmaNote` saying why; the
 * assessment then gives no class bounded by a threshold. Climbs keep their own σ (end levels plus
 * the spiral/impulsive model term).
 */
function honestSigma(
  m: Readonly<Record<string, MeasureValue>>,
  stepNoiseKm: number,
): Readonly<Record<string, MeasureValue>> {
  let out = m;
  const daSigma = m['deltaSemiMajorAxisSigmaKm'];
  const a0 = m['semiMajorAxisBeforeKm'];
  const a1 = m['semiMajorAxisAfterKm'];
  const climb = m['kind'] === 'orbit-raising' || m['kind'] === 'orbit-lowering';
  if (
    !climb &&
    typeof daSigma === 'number' &&
    typeof a0 === 'number' &&
    typeof a1 === 'number' &&
    daSigma < stepNoiseKm
  ) {
    const aMid = (a0 + a1) / 2;
    const v = circularSpeedKmPerSec(aMid) * 1000;
    const alongSigma = (stepNoiseKm * v) / (2 * aMid);
    const along = Math.abs(typeof m['alongTrackDeltaVMps'] === 'number' ? m['alongTrackDeltaVMps'] : 0);
    const outPlane = Math.abs(typeof m['outOfPlaneDeltaVMps'] === 'number' ? m['outOfPlaneDeltaVMps'] : 0);
    const outSigma = typeof m['outOfPlaneDeltaVSigmaMps'] === 'number' ? m['outOfPlaneDeltaVSigmaMps'] : 0;
    const dv = Math.hypot(along, outPlane);
    out = {
      ...m,
      deltaSemiMajorAxisSigmaKm: stepNoiseKm,
      alongTrackDeltaVSigmaMps: alongSigma,
      deltaVSigmaMps: dv > 0 ? Math.hypot((along / dv) * alongSigma, (outPlane / dv) * outSigma) : alongSigma,
    };
  }
  const s = out['deltaVSigmaMps'];
  if (typeof s === 'number' && Number.isFinite(s) && s > 0) return out;
  return {
    ...out,
    deltaVSigmaMps: null,
    deltaVSigmaNote: 'no noise estimate for the sets around the event (too few neighbouring intervals)',
  };
}

/** Instant helper for callers: the midpoint of an event's span. */
export function eventMidpoint(e: Pick<DetectedEvent, 'start' | 'end'>): Instant {
  return instant((e.start + e.end) / 2);
}

/**
 * North-south station keeping at GEO: persistent steps of the inclination vector of an
 * inclination-controlled geostationary object.
 *
 * Method (evidence and values in docs/design/maneuver-detector.md, "GEO"):
 * 1. **Inclination vector** (i·sin Ω, −i·cos Ω), rad, per set: the direction of the orbit normal
 *    projected on the equator. At i < 1° the node Ω is ill-defined and its published value jumps,
 *    but the vector is smooth: lunisolar perturbations move it by 0.75–0.95°/yr along a nearly
 *    straight line (Soop, *Handbook of Geostationary Orbits*, 1994, §4), and a north-south burn
 *    steps it by Δv/v.
 * 2. **Inclination-controlled objects only** ({@link inclinationControl}): the 95th percentile of
 *    i over the history below `geoInclinationControlMaxDeg`, over a history long enough that a
 *    free drift could not stay there — at ≥ 0.75°/yr a free inclination vector crosses the disc of
 *    that radius (a chord of at most twice the radius) within 2·bound / 0.75°/yr. An object that
 *    stays inside for longer is being steered back, i.e. it flies north-south station keeping; one
 *    at 2–3° (Fengyun-2D/2E: inclined operation) is not, and steps of its vector are not burns that
 *    the operator plans against the drift.
 * 3. **Persistent step**: the least-squares line-plus-step fit of `levelStepSets` sets each side of
 *    interval j ({@link levelStepAcross}), on each component; each step against the larger of the
 *    fit's own σ and the per-history step noise of that component (the robust scale of the same
 *    fit over the windows that hold no significant interval, with the robust correlation ρ of the
 *    two: {@link inclinationVectorStepNoise}). The step is tested as χ² = dᵀΣ⁻¹d with 2 degrees of
 *    freedom ({@link chiSquare2}) at the significance of the detector's `kSigma` for one normal
 *    variable: χ² ≥ −2·ln(erfc(k/√2)) (40.1 at k = 6), {@link chiSquare2Threshold}.
 * 4. Of qualifying intervals within `levelStepSets` of each other the one with the largest χ² is
 *    kept; an interval an event already covers (an east-west burn with its own plane part) is not
 *    tested again.
 * 5. **Δv** = 2v·sin(θ/2) ≈ v·θ, θ = |Δ inclination vector|, v the circular speed at a″ (3.07 km/s
 *    at GEO: 53.6 m/s per degree); σ from the two component σ. The along-track part is 0 ± the
 *    per-history a″ step noise (the a″ levels do not step: a step would have made a jump event).
 * @module
 */
import { erfc } from '../../conjunction/erfc.js';
import type { ElementSet } from '../../elements/element-set.js';
import type { NoradId } from '../../ids/norad-id.js';
import type { AssessmentReason } from '../assessment/event-assessment.js';
import type { DetectedEvent, DetectorParameters, MeasureValue } from '../detected-event.js';
import { levelStepAcross } from './level-step.js';
import type { ManeuverParameters } from './maneuver-parameters.js';
import { MU_KM3_PER_S2 } from './mean-semi-major-axis.js';
import { madSigma, median } from './robust-stats.js';

const DEG = Math.PI / 180;
const SEC_PER_DAY = 86_400;
/**
 * The slowest lunisolar drift of the inclination vector of a geostationary orbit, °/yr (it varies
 * between ≈ 0.75 and 0.95°/yr with the 18.6-year cycle of the Moon's node; Soop 1994, §4).
 */
export const LUNISOLAR_MIN_INCLINATION_DRIFT_DEG_PER_YEAR = 0.75;

/** Whether a history shows an inclination-controlled object, and the figures that decide it. */
export interface InclinationControl {
  readonly controlled: boolean;
  /** 95th percentile of the inclination over the history, degrees. */
  readonly inclination95Deg: number;
  /** Span of the history, days. */
  readonly spanDays: number;
  /** Time a free drift needs to cross the disc of radius `boundDeg`, days. */
  readonly minSpanDays: number;
  readonly boundDeg: number;
}

/**
 * Inclination control (module comment, 2): the 95th percentile of i below `boundDeg` over a history
 * of at least 2·boundDeg / {@link LUNISOLAR_MIN_INCLINATION_DRIFT_DEG_PER_YEAR} years.
 * @param tSec epochs, s; @param incRad inclinations, rad; @param boundDeg 0 = never controlled
 */
export function inclinationControl(tSec: Float64Array, incRad: Float64Array, boundDeg: number): InclinationControl {
  const sorted = Array.from(incRad).sort((x, y) => x - y);
  const k = Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1);
  const inclination95Deg = (sorted[Math.max(0, k)] ?? Number.NaN) / DEG;
  const spanDays = ((tSec[tSec.length - 1] ?? 0) - (tSec[0] ?? 0)) / SEC_PER_DAY;
  const minSpanDays = ((2 * boundDeg) / LUNISOLAR_MIN_INCLINATION_DRIFT_DEG_PER_YEAR) * 365.25;
  const controlled = boundDeg > 0 && sorted.length > 0 && inclination95Deg < boundDeg && spanDays >= minSpanDays;
  return { controlled, inclination95Deg, spanDays, minSpanDays, boundDeg };
}

/** The inclination vector (i·sin Ω, −i·cos Ω) of every set, rad. */
export function inclinationVector(incRad: Float64Array, raanRad: Float64Array): { p: Float64Array; q: Float64Array } {
  const p = new Float64Array(incRad.length);
  const q = new Float64Array(incRad.length);
  for (let k = 0; k < incRad.length; k++) {
    const i = incRad[k] ?? 0;
    const o = raanRad[k] ?? 0;
    p[k] = i * Math.sin(o);
    q[k] = -i * Math.cos(o);
  }
  return { p, q };
}

/**
 * χ² threshold with 2 degrees of freedom at the tail probability of |z| ≥ k for one normal variable:
 * P(χ²₂ ≥ x) = e^(−x/2) = erfc(k/√2) → x = −2·ln(erfc(k/√2)).
 */
export function chiSquare2Threshold(kSigma: number): number {
  return -2 * Math.log(erfc(kSigma / Math.SQRT2));
}

/** The k of one normal variable with the same two-sided tail as χ² with 2 degrees of freedom (inverse of the above). */
export function equivalentNormalSigma(chiSquare: number): number {
  if (!(chiSquare > 0)) return 0;
  if (chiSquare > 1400) return Math.sqrt(chiSquare); // erfc underflows; the two agree to < 1 % there
  const target = -chiSquare / 2;
  let lo = 0;
  let hi = 40;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (Math.log(erfc(mid / Math.SQRT2)) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Per-history noise of the inclination-vector step: σ of each component and their correlation. */
export interface StepNoise2 {
  readonly sigmaP: number;
  readonly sigmaQ: number;
  readonly rho: number;
}

/**
 * Per-history noise of the level step of the two components: at every interval whose window (w sets
 * each side) holds only quiet intervals, the fitted steps (d_p, d_q); σ of each = 1.4826·MAD (at
 * least `floor`), their correlation by the robust Gnanadesikan–Kettenring estimate
 * ρ = (σ_u² − σ_v²)/(σ_u² + σ_v²), u = d_p/σ_p + d_q/σ_q, v = d_p/σ_p − d_q/σ_q (bounded to ±0.9 to
 * keep the 2 × 2 covariance well conditioned); floors and ρ = 0 with fewer than 20 windows.
 */
export function inclinationVectorStepNoise(
  tSec: Float64Array,
  p: Float64Array,
  q: Float64Array,
  w: number,
  quiet: (j: number) => boolean,
  floor: number,
): StepNoise2 {
  const nSteps = p.length - 1;
  const marks = new Int32Array(nSteps + 1);
  for (let j = 0; j < nSteps; j++) marks[j + 1] = (marks[j] ?? 0) + (quiet(j) ? 0 : 1);
  const dp: number[] = [];
  const dq: number[] = [];
  for (let j = w - 1; j + w <= nSteps; j++) {
    const lo = j - w + 1;
    const hi = j + w;
    if ((marks[hi] ?? 0) - (marks[lo] ?? 0) > 0) continue;
    const rp = levelStepAcross(tSec, p, lo, j, j + 1, hi);
    const rq = levelStepAcross(tSec, q, lo, j, j + 1, hi);
    if (rp === undefined || rq === undefined) continue;
    dp.push(rp.value);
    dq.push(rq.value);
  }
  if (dp.length < 20) return { sigmaP: floor, sigmaQ: floor, rho: 0 };
  const sigmaP = Math.max(floor, madSigma(dp, median(dp)));
  const sigmaQ = Math.max(floor, madSigma(dq, median(dq)));
  const u = dp.map((x, k) => x / sigmaP + (dq[k] ?? 0) / sigmaQ);
  const v = dp.map((x, k) => x / sigmaP - (dq[k] ?? 0) / sigmaQ);
  const su2 = madSigma(u, median(u)) ** 2;
  const sv2 = madSigma(v, median(v)) ** 2;
  const rho = su2 + sv2 > 0 ? Math.max(-0.9, Math.min(0.9, (su2 - sv2) / (su2 + sv2))) : 0;
  return { sigmaP, sigmaQ, rho };
}

/** χ² of a 2-D step (d_p, d_q) with σ_p, σ_q and correlation ρ: dᵀΣ⁻¹d. */
export function chiSquare2(dp: number, dq: number, sigmaP: number, sigmaQ: number, rho: number): number {
  const zp = dp / sigmaP;
  const zq = dq / sigmaQ;
  return (zp * zp - 2 * rho * zp * zq + zq * zq) / (1 - rho * rho);
}

/** A persistent step of the inclination vector between set j and set j + 1. */
export interface InclinationVectorStep {
  readonly j: number;
  readonly dp: number;
  readonly dq: number;
  /** σ of each component's step: the larger of the fit's and the per-history noise, rad. */
  readonly sigmaP: number;
  readonly sigmaQ: number;
  /** Correlation of the two components' step noise (per history). */
  readonly rho: number;
  readonly chiSquare: number;
}

/** The per-set series the test needs (the detector's cleaned series satisfies it). */
export interface InclinationVectorSeries {
  readonly sets: readonly ElementSet[];
  readonly tSec: Float64Array;
  /** Brouwer mean semi-major axis, km. */
  readonly a: Float64Array;
  readonly inc: Float64Array;
  readonly raan: Float64Array;
}

/** What the detector knows about the intervals of the history. */
export interface IntervalFacts {
  /** Interval j is usable: short enough to localise a change, not inside a climb. */
  readonly usable: (j: number) => boolean;
  /** Interval j starts or ends at a bad fit (a set out and back): it is not tested itself. */
  readonly badFit: (j: number) => boolean;
  /** Interval j holds no significant change (its window may set the per-history noise). */
  readonly quiet: (j: number) => boolean;
}

/**
 * The persistent steps of the inclination vector (module comment, 3–4), for any history; the caller
 * decides whether the object is inclination-controlled. Intervals covered by `events` are skipped.
 */
export function findInclinationVectorSteps(
  s: InclinationVectorSeries,
  events: readonly DetectedEvent[],
  facts: IntervalFacts,
  p: ManeuverParameters,
): InclinationVectorStep[] {
  const w = p.levelStepSets;
  const nSteps = s.sets.length - 1;
  if (w <= 0 || nSteps < 2 * w) return [];
  const { p: vp, q: vq } = inclinationVector(s.inc, s.raan);
  const floor = p.minNoisePlaneRad / Math.sqrt(w);
  const noise = inclinationVectorStepNoise(s.tSec, vp, vq, w, (j) => facts.usable(j) && facts.quiet(j), floor);
  const threshold = chiSquare2Threshold(p.kSigma);
  const covered = (j: number): boolean => {
    const t0 = s.sets[j]?.epoch ?? 0;
    const t1 = s.sets[j + 1]?.epoch ?? 0;
    return events.some((e) => e.start < t1 && e.end > t0);
  };
  const found: InclinationVectorStep[] = [];
  for (let j = w - 1; j + w <= nSteps; j++) {
    if (!facts.usable(j) || facts.badFit(j) || covered(j)) continue;
    const lo = j - w + 1;
    const hi = j + w;
    let free = true;
    for (let q = lo; q < hi && free; q++) if (!facts.usable(q)) free = false;
    if (!free) continue;
    const rp = levelStepAcross(s.tSec, vp, lo, j, j + 1, hi);
    const rq = levelStepAcross(s.tSec, vq, lo, j, j + 1, hi);
    if (rp === undefined || rq === undefined) continue;
    const sigmaP = Math.max(rp.sigma, noise.sigmaP);
    const sigmaQ = Math.max(rq.sigma, noise.sigmaQ);
    const chiSquare = chiSquare2(rp.value, rq.value, sigmaP, sigmaQ, noise.rho);
    if (!(chiSquare >= threshold)) continue;
    const step = { j, dp: rp.value, dq: rq.value, sigmaP, sigmaQ, rho: noise.rho, chiSquare };
    const prev = found[found.length - 1];
    if (prev !== undefined && j - prev.j < w) {
      if (chiSquare > prev.chiSquare) found[found.length - 1] = step;
    } else found.push(step);
  }
  return found;
}

/** Identity and parameters stamped on every event (the detector's). */
export interface EventEnvelope {
  readonly norad: NoradId;
  readonly detector: string;
  readonly detectorVersion: string;
  readonly parameters: DetectorParameters;
}

/**
 * North-south station-keeping events of a geosynchronous history: none unless the object is
 * inclination-controlled ({@link inclinationControl}); else one per persistent step of the
 * inclination vector ({@link findInclinationVectorSteps}). `stepNoiseKm` is the per-history a″ step
 * noise (the σ of the along-track part, reported as 0).
 */
export function northSouthStationKeepingEvents(
  s: InclinationVectorSeries,
  events: readonly DetectedEvent[],
  facts: IntervalFacts,
  p: ManeuverParameters,
  stepNoiseKm: number,
  envelope: EventEnvelope,
): DetectedEvent[] {
  const control = inclinationControl(s.tSec, s.inc, p.geoInclinationControlMaxDeg);
  if (!control.controlled) return [];
  const threshold = chiSquare2Threshold(p.kSigma);
  const out: DetectedEvent[] = [];
  const { p: vp, q: vq } = inclinationVector(s.inc, s.raan);
  for (const st of findInclinationVectorSteps(s, events, facts, p)) {
    const before = s.sets[st.j];
    const after = s.sets[st.j + 1];
    if (before === undefined || after === undefined) continue;
    const a0 = s.a[st.j] ?? 0;
    const a1 = s.a[st.j + 1] ?? 0;
    const aMid = (a0 + a1) / 2;
    const v = Math.sqrt(MU_KM3_PER_S2 / aMid) * 1000; // m/s
    const theta = Math.hypot(st.dp, st.dq);
    // σ of |d| along its direction g = d/|d|: √(gᵀΣg).
    const varTheta =
      (st.dp * st.sigmaP) ** 2 + (st.dq * st.sigmaQ) ** 2 + 2 * st.rho * st.dp * st.dq * st.sigmaP * st.sigmaQ;
    const thetaSigma = Math.sqrt(Math.max(varTheta, 0)) / Math.max(theta, 1e-300);
    const outOfPlane = 2 * v * Math.sin(theta / 2);
    const outSigma = v * Math.cos(theta / 2) * thetaSigma;
    const alongSigma = (stepNoiseKm * v) / (2 * aMid);
    if (outOfPlane < p.minDeltaVMps) continue;
    // The step split into the change of |i| and the turn of the node (the component across the
    // vector, sin i·ΔΩ for small i), at the vector before the burn.
    const p0 = vp[st.j] ?? 0;
    const q0 = vq[st.j] ?? 0;
    const i0 = Math.hypot(p0, q0);
    const along = i0 > 0 ? (st.dp * p0 + st.dq * q0) / i0 : theta;
    const across = i0 > 0 ? (p0 * st.dq - q0 * st.dp) / i0 : 0;
    const gapDays = ((s.tSec[st.j + 1] ?? 0) - (s.tSec[st.j] ?? 0)) / SEC_PER_DAY;
    const z = equivalentNormalSigma(st.chiSquare);
    const zPart = 1 - 0.5 * Math.exp(-(z - p.kSigma) / (p.kSigma / 2));
    const gapPart = gapDays <= p.fullConfidenceGapDays ? 1 : Math.sqrt(p.fullConfidenceGapDays / gapDays);
    const measures: Record<string, MeasureValue> = {
      kind: 'station-keeping',
      method: 'inclination-vector-step',
      deltaVMps: outOfPlane,
      deltaVSigmaMps: outSigma,
      alongTrackDeltaVMps: 0,
      alongTrackDeltaVSigmaMps: alongSigma,
      outOfPlaneDeltaVMps: outOfPlane,
      outOfPlaneDeltaVSigmaMps: outSigma,
      deltaSemiMajorAxisKm: 0,
      deltaSemiMajorAxisSigmaKm: stepNoiseKm,
      semiMajorAxisBeforeKm: a0,
      semiMajorAxisAfterKm: a1,
      deltaInclinationDeg: along / DEG,
      nodeShiftDeg: across / DEG,
      inclinationVectorStepDeg: theta / DEG,
      inclinationVectorStepSigmaDeg: thetaSigma / DEG,
      inclinationVectorChiSquare: st.chiSquare,
      inclinationVectorNoiseCorrelation: st.rho,
      inclinationVectorChiSquareThreshold: threshold,
      inclination95Deg: control.inclination95Deg,
      inclinationControlBoundDeg: control.boundDeg,
      inclinationControlSpanDays: control.spanDays,
      inclinationControlMinSpanDays: control.minSpanDays,
      noiseSigmaKm: stepNoiseKm,
      noiseSigmaPlaneDeg: Math.hypot(st.sigmaP, st.sigmaQ) / DEG,
      intervals: 1,
      significanceSigma: z,
      gapDays,
      confidence: Math.max(0, Math.min(1, zPart * gapPart)),
    };
    out.push({
      kind: 'maneuver',
      objects: [{ norad: envelope.norad, role: 'subject' }],
      start: before.epoch,
      end: after.epoch,
      measures,
      elementSets: [
        { noradId: before.noradId, epoch: before.epoch, epochText: before.epochText, role: 'before' },
        { noradId: after.noradId, epoch: after.epoch, epochText: after.epochText, role: 'after' },
      ],
      detector: envelope.detector,
      detectorVersion: envelope.detectorVersion,
      parameters: envelope.parameters,
    });
  }
  return out;
}

/**
 * The assessment's reasons for a north-south event found by this test (none for other events):
 * the χ² of the step against its threshold, and the inclination control that admits the test.
 */
export function inclinationVectorReasons(m: Readonly<Record<string, MeasureValue>>): AssessmentReason[] {
  if (m['method'] !== 'inclination-vector-step') return [];
  const num = (k: string): number => (typeof m[k] === 'number' ? m[k] : Number.NaN);
  const chi = num('inclinationVectorChiSquare');
  const thr = num('inclinationVectorChiSquareThreshold');
  const step = num('inclinationVectorStepDeg');
  const stepSigma = num('inclinationVectorStepSigmaDeg');
  const i95 = num('inclination95Deg');
  return [
    {
      measure: 'inclinationVectorChiSquare',
      value: chi,
      comparison: '>=',
      threshold: thr,
      thresholdSource:
        'χ² with 2 degrees of freedom at the tail probability of kSigma for one normal variable, −2·ln(erfc(k/√2)); the step against the per-history step noise of the two components (each at least its fit σ) and their robust correlation',
      text: `The inclination vector (i·sin Ω, −i·cos Ω) steps by ${step.toFixed(4)} ± ${stepSigma.toFixed(4)}° and holds the new level over the next sets (χ² ${chi.toFixed(1)} ≥ ${thr.toFixed(1)}); a″ shows no persistent step: a north-south burn.`,
    },
    {
      measure: 'inclination95Deg',
      value: i95,
      comparison: '<',
      threshold: num('inclinationControlBoundDeg'),
      thresholdSource:
        'geoInclinationControlMaxDeg: lunisolar drift moves a free inclination vector by ≥ 0.75°/yr, so an object held below the bound for longer than the drift needs to cross it is inclination-controlled (design note, "Parameters")',
      text: `Inclination-controlled: the 95th percentile of i over the history is ${i95.toFixed(3)}°, below ${num('inclinationControlBoundDeg').toFixed(2)}°, over ${num('inclinationControlSpanDays').toFixed(0)} days (a free drift crosses that disc within ${num('inclinationControlMinSpanDays').toFixed(0)}).`,
    },
  ];
}

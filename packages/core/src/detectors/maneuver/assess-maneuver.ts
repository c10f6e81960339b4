/**
 * The assessment of one maneuver event: what the change of the orbit says the burn was, given only
 * when the 95 % interval of the deciding measure supports it ({@link classifyByInterval}).
 *
 * Order of the questions (the first that the interval answers decides):
 * 1. Climbs (sustained changes over many sets): `orbit-raising` / `orbit-lowering` by the change of
 *    mean semi-major axis Δa″ against the minimum climb (`continuousMinChangeKm`).
 * 2. Geosynchronous objects: `station-keeping` (east-west or north-south) when a″ before and
 *    after the burn lies within `stationKeepingBandKm` of the synchronous value (a slot, not a
 *    drift orbit); otherwise the questions below.
 * 3. `plane-change`: the out-of-plane Δv exceeds the along-track Δv (measure: their difference,
 *    σ in quadrature, class ≥ 0).
 * 4. `station-keeping` (LEO): burns of an object whose a″ stays inside `stationKeepingBandKm`
 *    over the history, band measured with the per-object a″ noise.
 * 5. `orbit-lowering`: Δa″ below −(drag allowance), the drag allowance being
 *    `loweringStepDragFactor` × the local decay of a″ over the span (drag cannot lower faster;
 *    deorbit burns included: the reason says when the perigee after is below
 *    `loweringMinPerigeeKm`).
 * 6. `single-burn`: a significant impulsive change (Δv's 95 % interval above 0).
 * 7. else `undetermined`, with the labels the intervals leave possible.
 * @module
 */
import type { AssessmentLabel, AssessmentReason, EventAssessment } from '../assessment/event-assessment.js';
import { classifyByInterval, formatWithSigma, Z95 } from '../assessment/classify-by-interval.js';
import type { MeasureValue } from '../detected-event.js';
import type { ManeuverParameters } from './maneuver-parameters.js';
import { MU_KM3_PER_S2 } from './mean-semi-major-axis.js';
import { inclinationVectorReasons } from './inclination-vector-step.js';

/** Semi-major axis of a geosynchronous orbit, km: (μ/ω⊕²)^⅓, ω⊕ = 7.2921159·10⁻⁵ rad/s. */
const GEO_SYNC_A_KM = Math.cbrt(MU_KM3_PER_S2 / 7.2921159e-5 ** 2);

/** What the assessment needs besides the event's measures (facts of the object's history). */
export interface ManeuverContext {
  readonly geosynchronous: boolean;
  /** Spread (max − min) of a″ over the history outside climbs, km. */
  readonly semiMajorAxisBandKm: number;
  /** Per-object σ of a″ differences (median local σ), km. */
  readonly noiseSigmaKm: number;
  /** Local decay of a″ around the event (median rate of the neighbours), km/day; null if unknown. */
  readonly localDecayKmPerDay: number | null;
  /** Perigee height after the event, km. */
  readonly perigeeAfterKm: number;
}

const num = (m: Readonly<Record<string, MeasureValue>>, k: string): number => {
  const v = m[k];
  return typeof v === 'number' ? v : Number.NaN;
};

function intervalText(measure: string, value: number, sigma: number, digits: number, unit: string): string {
  return `${measure} ${formatWithSigma(value, sigma, digits)} ${unit} (95 %: ${(value - Z95 * sigma).toFixed(digits)} … ${(value + Z95 * sigma).toFixed(digits)})`;
}

/** σ of Δa″ (km) from the event's own measures: the noise σ, or the Δv σ mapped back. */
function deltaASigmaKm(m: Readonly<Record<string, MeasureValue>>): number {
  const s = num(m, 'deltaSemiMajorAxisSigmaKm');
  if (Number.isFinite(s) && s > 0) return s;
  return num(m, 'noiseSigmaKm');
}

/** The assessment of a maneuver event (see the module comment). */
export function assessManeuver(
  measures: Readonly<Record<string, MeasureValue>>,
  ctx: ManeuverContext,
  p: ManeuverParameters,
): EventAssessment {
  const reasons: AssessmentReason[] = [];
  const kind = measures['kind'];
  const da = num(measures, 'deltaSemiMajorAxisKm');
  const daSigma = deltaASigmaKm(measures);
  const dv = num(measures, 'deltaVMps');
  const dvSigma = num(measures, 'deltaVSigmaMps');
  const sigmaKnown = Number.isFinite(dvSigma) && dvSigma > 0;
  if (!sigmaKnown) {
    reasons.push({
      measure: 'deltaVSigmaMps',
      value: null,
      text: 'Δv has no σ here (the noise of the element sets around the event could not be estimated), so no class bounded by a threshold is given on it.',
    });
  }
  const confidence = (z: number): 'high' | 'medium' | 'low' => (z >= 10 ? 'high' : z >= 5 ? 'medium' : 'low');

  // 1. Climbs.
  if (kind === 'orbit-raising' || kind === 'orbit-lowering') {
    const min = p.continuousMinChangeKm;
    const d = classifyByInterval(da, daSigma, [
      { label: 'orbit-lowering' as const, lowerInclusive: -Infinity, upperExclusive: -min },
      { label: 'orbit-raising' as const, lowerInclusive: min, upperExclusive: Infinity },
    ]);
    reasons.push({
      measure: 'deltaSemiMajorAxisKm',
      value: da,
      sigma: daSigma,
      comparison: d.label === 'orbit-raising' ? '>=' : d.label === 'orbit-lowering' ? '<=' : 'straddles',
      threshold: d.label === 'orbit-lowering' ? -min : min,
      thresholdSource:
        'continuousMinChangeKm: the smallest sustained change counted as a climb, 5 km ≫ the a″ noise of any tracked LEO object (≤ 0.2 km), above the 3–4 km first-day settling of Starlink batches (design note, "Parameters")',
      text: `Sustained change of mean semi-major axis over ${String(measures['elementSetCount'] ?? '?')} sets: ${intervalText('Δa″', da, daSigma, 3, 'km')}.`,
    });
    const rate = num(measures, 'rateKmPerDay');
    if (Number.isFinite(rate) && ctx.localDecayKmPerDay !== null && da < 0) {
      reasons.push({
        measure: 'rateKmPerDay',
        value: rate,
        comparison: '<=',
        threshold: -p.loweringStepDragFactor * Math.abs(ctx.localDecayKmPerDay),
        thresholdSource: 'loweringStepDragFactor × the decay of a″ the object showed before (drag alone)',
        text: `Descends at ${rate.toFixed(2)} km/day against ${Math.abs(ctx.localDecayKmPerDay).toFixed(3)} km/day of drag decay before it.`,
      });
    }
    deorbitReason(reasons, ctx, p, da);
    if (d.label !== null) return { label: d.label, confidence: 'high', reasons };
    return { label: 'undetermined', confidence: 'low', reasons, possibleLabels: ['orbit-raising', 'orbit-lowering'] };
  }

  // Plane change (decided after the GEO question below).
  const along = Math.abs(num(measures, 'alongTrackDeltaVMps'));
  const alongSigma = num(measures, 'alongTrackDeltaVSigmaMps');
  const out = Math.abs(num(measures, 'outOfPlaneDeltaVMps'));
  const outSigma = num(measures, 'outOfPlaneDeltaVSigmaMps');
  const share = out - along;
  const shareSigma = Math.hypot(Number.isFinite(alongSigma) ? alongSigma : 0, Number.isFinite(outSigma) ? outSigma : 0);
  // An out-of-plane change below the detector's kSigma test is reported as 0: no plane change shown.
  type PlaneClass = 'in-plane' | 'plane-change';
  const plane: { label: PlaneClass | null; possible: readonly PlaneClass[] } =
    out === 0
      ? { label: 'in-plane', possible: ['in-plane'] }
      : classifyByInterval<PlaneClass>(share, shareSigma, [
          { label: 'in-plane' as const, lowerInclusive: -Infinity, upperExclusive: 0 },
          { label: 'plane-change' as const, lowerInclusive: 0, upperExclusive: Infinity },
        ]);
  reasons.push({
    measure: 'outOfPlaneMinusAlongTrackDeltaVMps',
    value: share,
    sigma: shareSigma,
    comparison: plane.label === 'plane-change' ? '>=' : plane.label === 'in-plane' ? '<' : 'straddles',
    threshold: 0,
    thresholdSource:
      'definition: a plane change is a burn whose out-of-plane component is the larger (an out-of-plane change below kSigma σ counts as none)',
    text:
      out === 0
        ? `No out-of-plane change above ${String(p.kSigma)} σ of the plane-angle noise: an in-plane burn.`
        : `Out-of-plane minus along-track Δv: ${intervalText('', share, shareSigma, 3, 'm/s').trim()}.`,
  });
  // 2. A geosynchronous object: burns that keep it in its slot (east-west or north-south) are
  // station keeping; a burn that leaves or enters a drift orbit is not.
  if (ctx.geosynchronous) {
    const a0 = num(measures, 'semiMajorAxisBeforeKm');
    const a1 = num(measures, 'semiMajorAxisAfterKm');
    const offset = Math.max(Math.abs(a0 - GEO_SYNC_A_KM), Math.abs(a1 - GEO_SYNC_A_KM));
    const offSigma = Math.SQRT2 * ctx.noiseSigmaKm;
    const slot = classifyByInterval(
      offset,
      offSigma,
      [
        { label: 'in-slot' as const, lowerInclusive: 0, upperExclusive: p.stationKeepingBandKm },
        { label: 'drift' as const, lowerInclusive: p.stationKeepingBandKm, upperExclusive: Infinity },
      ],
      0,
    );
    reasons.push({
      measure: 'offsetFromSynchronousSemiMajorAxisKm',
      value: offset,
      sigma: offSigma,
      comparison: slot.label === 'in-slot' ? '<' : slot.label === 'drift' ? '>=' : 'straddles',
      threshold: p.stationKeepingBandKm,
      thresholdSource: `stationKeepingBandKm: a″ within 15 km of the synchronous ${GEO_SYNC_A_KM.toFixed(1)} km drifts < 0.19°/day (λ̇ = −1.5·n·Δa/a), the range of station-kept slots (Fengyun-2E cycles over −1…+7 km); beyond it the object is in a drift orbit`,
      text: `Geosynchronous object; a″ before and after the burn is at most ${formatWithSigma(offset, offSigma, 2)} km from the synchronous value.`,
    });
    if (slot.label === 'in-slot') {
      if (out > along)
        reasons.push({
          measure: 'outOfPlaneDeltaVMps',
          value: out,
          sigma: Number.isFinite(outSigma) ? outSigma : null,
          text: 'The out-of-plane part is the larger: north-south station keeping (inclination control).',
        });
      reasons.push(...inclinationVectorReasons(measures));
      return { label: 'station-keeping', confidence: confidence(Math.abs(dv) / dvSigma), reasons };
    }
    if (slot.label === null)
      return { label: 'undetermined', confidence: 'low', reasons, possibleLabels: ['station-keeping', 'single-burn'] };
  }

  if (plane.label === 'plane-change') {
    return { label: 'plane-change', confidence: confidence(share / shareSigma), reasons };
  }

  // 3. Station keeping.
  if (!ctx.geosynchronous) {
    const bandSigma = Math.SQRT2 * ctx.noiseSigmaKm;
    const band = classifyByInterval(
      ctx.semiMajorAxisBandKm,
      bandSigma,
      [
        { label: 'held' as const, lowerInclusive: 0, upperExclusive: p.stationKeepingBandKm },
        { label: 'not-held' as const, lowerInclusive: p.stationKeepingBandKm, upperExclusive: Infinity },
      ],
      0,
    );
    reasons.push({
      measure: 'semiMajorAxisBandKm',
      value: ctx.semiMajorAxisBandKm,
      sigma: bandSigma,
      comparison: band.label === 'held' ? '<' : band.label === 'not-held' ? '>=' : 'straddles',
      threshold: p.stationKeepingBandKm,
      thresholdSource:
        'stationKeepingBandKm: the a″ band of the benchmark station-keepers (CryoSat-2 ≤ 12 km incl. its 2010 acquisition; Jason-3 and SARAL < 3 km), with room for drag between burns',
      text: `Mean semi-major axis over the history stays within ${formatWithSigma(ctx.semiMajorAxisBandKm, bandSigma, 2)} km.`,
    });
    if (band.label === 'held' && plane.label === 'in-plane')
      return { label: 'station-keeping', confidence: confidence(Math.abs(dv) / dvSigma), reasons };
  }

  // 4. Lowering beyond drag.
  if (plane.label === 'in-plane' && ctx.localDecayKmPerDay !== null && !ctx.geosynchronous) {
    const gap = Math.max(num(measures, 'gapDays'), 1);
    const allowance = p.loweringStepDragFactor * Math.abs(ctx.localDecayKmPerDay) * gap;
    const low = classifyByInterval(da, daSigma, [
      { label: 'orbit-lowering' as const, lowerInclusive: -Infinity, upperExclusive: -allowance },
    ]);
    reasons.push({
      measure: 'deltaSemiMajorAxisKm',
      value: da,
      sigma: daSigma,
      comparison: low.label !== null ? '<' : da < -allowance ? 'straddles' : '>=',
      threshold: -allowance,
      thresholdSource: `loweringStepDragFactor (${String(p.loweringStepDragFactor)}) × the local drag decay ${Math.abs(ctx.localDecayKmPerDay).toFixed(4)} km/day × ${gap.toFixed(2)} days: drag would have to be that many times stronger`,
      text: `Change of mean semi-major axis ${intervalText('Δa″', da, daSigma, 3, 'km')} against a drag allowance of −${allowance.toFixed(3)} km.`,
    });
    if (low.label !== null) {
      deorbitReason(reasons, ctx, p, da);
      return { label: 'orbit-lowering', confidence: confidence(Math.abs(da) / daSigma), reasons };
    }
  }

  // 5. A significant single impulsive burn.
  const single = classifyByInterval(dv, dvSigma, [
    { label: 'single-burn' as const, lowerInclusive: 0, upperExclusive: Infinity },
  ]);
  const positive = sigmaKnown && dv - Z95 * dvSigma > 0;
  reasons.push({
    measure: 'deltaVMps',
    value: dv,
    sigma: sigmaKnown ? dvSigma : null,
    comparison: positive ? '>' : 'straddles',
    threshold: 0,
    thresholdSource: 'a burn is shown when its Δv interval excludes zero',
    text: `Δv ${formatWithSigma(dv, sigmaKnown ? dvSigma : null, 3)} m/s, one impulsive change between two sets.`,
  });
  if (positive && single.label !== null && plane.label === 'in-plane')
    return { label: 'single-burn', confidence: confidence(dv / dvSigma), reasons };
  const possible: AssessmentLabel[] = [];
  if (plane.possible.includes('plane-change')) possible.push('plane-change');
  if (plane.possible.includes('in-plane')) possible.push('single-burn');
  return { label: 'undetermined', confidence: 'low', reasons, possibleLabels: possible };
}

function deorbitReason(reasons: AssessmentReason[], ctx: ManeuverContext, p: ManeuverParameters, da: number): void {
  if (!(da < 0) || !(ctx.perigeeAfterKm < p.loweringMinPerigeeKm)) return;
  reasons.push({
    measure: 'perigeeAfterKm',
    value: ctx.perigeeAfterKm,
    comparison: '<',
    threshold: p.loweringMinPerigeeKm,
    thresholdSource:
      'loweringMinPerigeeKm: below ≈ 350 km drag brings a LEO object down within months; a burn lowering the perigee there is a disposal (deorbit) burn',
    text: `Perigee after the burn ${ctx.perigeeAfterKm.toFixed(0)} km, below ${String(p.loweringMinPerigeeKm)} km: a deorbit (disposal) lowering.`,
  });
}

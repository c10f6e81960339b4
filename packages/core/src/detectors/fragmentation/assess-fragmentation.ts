/**
 * The assessment of a fragmentation event: `breakup` (a burst of new pieces between two
 * snapshots whose Δv spread no deployment gives), `debris-cloud` (an old cloud recognised in one
 * snapshot by the spread of its pieces about a common altitude), or `undetermined`.
 *
 * The deciding measure is the spread of the pieces' velocities about the breakup orbit: the
 * along-track robust σ at the Gabbard pinch (cloud) or the spread of the fragment Δv relative to
 * the parent (burst). Payloads deployed into one orbit separate at 0.5–2 m/s; explosions and
 * collisions give tens to hundreds of m/s (NASA's breakup model: the characteristic Δv of
 * fragments ≥ 10 cm is tens of m/s and more). The class boundary is the detector's
 * `minCloudDeltaVSpreadMps` (5 m/s); a label is given only when the 95 % interval of the spread
 * lies above it. The σ of a spread estimated from N pieces is that of a MAD-based scale
 * estimate: its asymptotic efficiency relative to the SD is 36.8 % (Rousseeuw & Croux 1993), so
 * SE = s/√(2N·0.368) ≈ 1.166·s/√N, √(1/0.368) ≈ 1.65 times the SD's s/√(2N).
 *
 * The parent is named only when its orbit plane at the fitted epoch lies within the fragments'
 * own plane spread: a fragment's plane is the parent's turned by θ ≈ Δv_cross/v, so a candidate
 * farther from the fragments' common plane than twice their RMS tilt cannot have produced them.
 * @module
 */
import type { AssessmentReason, EventAssessment } from '../assessment/event-assessment.js';
import { classifyByInterval, formatWithSigma } from '../assessment/classify-by-interval.js';

/** Asymptotic efficiency of the MAD as a scale estimator at the normal (Rousseeuw & Croux 1993). */
const MAD_EFFICIENCY = 0.368;

/** σ of a scale estimate from `n` pieces. */
export function spreadSigma(spreadMps: number, n: number): number {
  return n > 1 ? spreadMps / Math.sqrt(2 * n * MAD_EFFICIENCY) : Infinity;
}

/** What the assessment needs of a burst. */
export interface BurstAssessmentInput {
  readonly fragments: number;
  readonly epochSigmaSec: number;
  readonly maxEpochSigmaSec: number;
  /** Spread of fragment Δv relative to the parent, m/s (null without a parent). */
  readonly deltaVSpreadMps: number | null;
  /** Along-track robust σ of the pieces at the pinch, m/s (used without a parent). */
  readonly pinchAlongTrackSpreadMps: number;
  readonly minSpreadMps: number;
  /** The candidate parent's plane offset from the fragments' common plane, deg (null: no candidate). */
  readonly parentPlaneOffsetDeg: number | null;
  /** The largest plane offset a parent may have, deg (2 × RMS fragment tilt). */
  readonly maxParentPlaneOffsetDeg: number | null;
  readonly parentNorad: number | null;
  readonly debrisNamed: number;
}

function spreadReason(measure: string, value: number, sigma: number, minSpreadMps: number): AssessmentReason {
  return {
    measure,
    value,
    sigma,
    comparison: '>=',
    threshold: minSpreadMps,
    thresholdSource:
      'deployed payloads separate at 0.5-2 m/s; breakup fragments at tens to hundreds of m/s (fragmentation parameter minCloudDeltaVSpreadMps)',
    text: `pieces spread at ${formatWithSigma(value, sigma, 1)} m/s (95 % interval vs the ${String(minSpreadMps)} m/s that no deployment reaches)`,
  };
}

/** Assessment of a burst (two snapshots). */
export function assessBurst(x: BurstAssessmentInput): EventAssessment {
  const reasons: AssessmentReason[] = [];
  const spread = x.deltaVSpreadMps ?? x.pinchAlongTrackSpreadMps;
  const measure = x.deltaVSpreadMps === null ? 'pinchAlongTrackSpreadMps' : 'deltaVSpreadMps';
  const sigma = spreadSigma(spread, x.fragments);
  const d = classifyByInterval(
    spread,
    sigma,
    [
      { label: 'deployment-like', lowerInclusive: 0, upperExclusive: x.minSpreadMps },
      { label: 'breakup', lowerInclusive: x.minSpreadMps, upperExclusive: Infinity },
    ],
    0,
  );
  reasons.push(spreadReason(measure, spread, sigma, x.minSpreadMps));
  reasons.push({
    measure: 'epochSigmaSec',
    value: x.epochSigmaSec,
    comparison: '<=',
    threshold: x.maxEpochSigmaSec,
    thresholdSource: 'fragmentation parameter maxEpochSigmaDays: the new pieces converge on one recent epoch',
    text: `the ${String(x.fragments)} new pieces' planes converge on one epoch (σ ${(x.epochSigmaSec / 3600).toFixed(1)} h)`,
  });
  if (x.parentNorad !== null && x.parentPlaneOffsetDeg !== null && x.maxParentPlaneOffsetDeg !== null) {
    const named = x.parentPlaneOffsetDeg <= x.maxParentPlaneOffsetDeg;
    reasons.push({
      measure: 'parentPlaneOffsetDeg',
      value: x.parentPlaneOffsetDeg,
      comparison: '<=',
      threshold: x.maxParentPlaneOffsetDeg,
      thresholdSource: "twice the fragments' RMS plane tilt (cross-track Δv / orbital speed)",
      text: named
        ? `parent ${String(x.parentNorad)}: its plane at the epoch is ${x.parentPlaneOffsetDeg.toFixed(3)}° from the fragments' plane, within their own spread`
        : `no parent named: the nearest candidate (${String(x.parentNorad)}) is ${x.parentPlaneOffsetDeg.toFixed(3)}° from the fragments' plane, outside their spread`,
    });
  }
  if (x.debrisNamed > 0)
    reasons.push({
      measure: 'debrisNamed',
      value: x.debrisNamed,
      text: `${String(x.debrisNamed)} of the pieces are catalogued as debris (DEB)`,
    });
  if (d.label !== 'breakup') return { label: 'undetermined', confidence: 'low', reasons, possibleLabels: ['breakup'] };
  const parentNamed =
    x.parentPlaneOffsetDeg !== null &&
    x.maxParentPlaneOffsetDeg !== null &&
    x.parentPlaneOffsetDeg <= x.maxParentPlaneOffsetDeg;
  const confidence = parentNamed && x.epochSigmaSec <= 2 * 86_400 && x.fragments >= 10 ? 'high' : 'medium';
  return { label: 'breakup', confidence, reasons };
}

/** Assessment of a cloud (one snapshot). */
export function assessCloud(x: {
  readonly fragments: number;
  readonly pinchAlongTrackSpreadMps: number;
  readonly minSpreadMps: number;
  readonly namedDebris: boolean;
}): EventAssessment {
  const sigma = spreadSigma(x.pinchAlongTrackSpreadMps, x.fragments);
  const d = classifyByInterval(
    x.pinchAlongTrackSpreadMps,
    sigma,
    [
      { label: 'deployment-like', lowerInclusive: 0, upperExclusive: x.minSpreadMps },
      { label: 'debris-cloud', lowerInclusive: x.minSpreadMps, upperExclusive: Infinity },
    ],
    0,
  );
  const reasons: AssessmentReason[] = [
    spreadReason('pinchAlongTrackSpreadMps', x.pinchAlongTrackSpreadMps, sigma, x.minSpreadMps),
    {
      measure: 'epochUtc',
      value: null,
      text: 'one snapshot: the breakup epoch cannot be recovered, only the cloud and its altitude',
    },
    x.namedDebris
      ? { measure: 'namedDebris', value: true, text: 'the pieces are catalogued as debris (DEB)' }
      : { measure: 'namedDebris', value: false, text: 'the snapshot has no names: every piece of the launch was used' },
  ];
  if (d.label !== 'debris-cloud')
    return { label: 'undetermined', confidence: 'low', reasons, possibleLabels: ['debris-cloud'] };
  return { label: 'debris-cloud', confidence: x.namedDebris ? 'high' : 'medium', reasons };
}

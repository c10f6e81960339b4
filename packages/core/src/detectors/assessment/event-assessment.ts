/**
 * What orbwatch says an event *is*, in words a person can quote and defend: a label from a
 * closed vocabulary per event kind, a confidence, and the reasons behind it. Each reason names the
 * measure that decided, its value with σ, the threshold it was compared with and where that
 * threshold comes from, so a reader can check the claim instead of trusting it.
 *
 * Labels are claims. A label bounded by thresholds is given only when the 95 % interval of the
 * deciding measure lies inside its class (see {@link classifyByInterval}); otherwise the label is
 * `undetermined` (or `unexplained` for proximity) and the reasons list the classes still possible.
 * @module
 */

/** Proximity labels: what kind of close, slow approach this is. */
export const PROXIMITY_LABELS = [
  'docking',
  'formation',
  'co-passengers',
  'constellation',
  'drift-by',
  'co-orbital',
  'unexplained',
] as const;
/** Release labels: by separation speed, or a whole launch's deployment group. */
export const RELEASE_LABELS = [
  'deployment-group',
  'deployment',
  'ejection',
  'high-speed-release',
  'undetermined',
] as const;
/** Maneuver labels. */
export const MANEUVER_LABELS = [
  'station-keeping',
  'orbit-raising',
  'orbit-lowering',
  'plane-change',
  'single-burn',
  'undetermined',
] as const;
/** Fragmentation labels. */
export const FRAGMENTATION_LABELS = ['breakup', 'debris-cloud', 'undetermined'] as const;
/** Conjunction labels. */
export const CONJUNCTION_LABELS = ['close-approach'] as const;

/** The closed vocabulary of assessment labels, per event kind (design.md "events" contract). */
export const ASSESSMENT_LABELS = {
  proximity: PROXIMITY_LABELS,
  release: RELEASE_LABELS,
  maneuver: MANEUVER_LABELS,
  fragmentation: FRAGMENTATION_LABELS,
  conjunction: CONJUNCTION_LABELS,
} as const;

/** Event kinds (design.md "Events, findings, evidence"): one label vocabulary each. */
export type EventKind = keyof typeof ASSESSMENT_LABELS;

export type ProximityLabel = (typeof PROXIMITY_LABELS)[number];
export type ReleaseLabel = (typeof RELEASE_LABELS)[number];
export type ManeuverLabel = (typeof MANEUVER_LABELS)[number];
export type FragmentationLabel = (typeof FRAGMENTATION_LABELS)[number];
export type ConjunctionLabel = (typeof CONJUNCTION_LABELS)[number];
export type AssessmentLabel = (typeof ASSESSMENT_LABELS)[EventKind][number];

export type AssessmentConfidence = 'high' | 'medium' | 'low';

/**
 * One reason behind a label: the measure that decided it, its value and σ (units in the name),
 * the threshold it was compared with and where that number comes from. `text` says it in one
 * sentence for people; the other fields say it for programs.
 */
export interface AssessmentReason {
  /** Measure name, with its unit (`deltaVMps`, `driftKmPerDay`, `sameOwner`, …). */
  readonly measure: string;
  /** The measured value (number, label or flag); null when it could not be measured. */
  readonly value: number | string | boolean | null;
  /** 1σ of the value, same unit; null when the value has no σ (a flag, a fact from SATCAT). */
  readonly sigma?: number | null;
  /** The comparison made (`>=`, `<`, `inside`, `outside`, `straddles`, `=`). */
  readonly comparison?: string;
  /** The threshold compared with (same unit as the value), when there is one. */
  readonly threshold?: number | string | boolean | null;
  /** Where the threshold comes from: a physical argument, a paper, a tuning split. */
  readonly thresholdSource?: string;
  /** The reason in one sentence. */
  readonly text: string;
}

/** The assessment stored with every event. */
export interface EventAssessment {
  readonly label: AssessmentLabel;
  readonly confidence: AssessmentConfidence;
  readonly reasons: readonly AssessmentReason[];
  /** For `undetermined`/`unexplained`: the labels that the data leave possible. */
  readonly possibleLabels?: readonly AssessmentLabel[];
}

/** True when `label` belongs to the vocabulary of `kind`. */
export function isAssessmentLabel(kind: EventKind, label: string): boolean {
  return (ASSESSMENT_LABELS[kind] as readonly string[]).includes(label);
}

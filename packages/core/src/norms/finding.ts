/**
 * A finding: one event judged against one norm. It reads "consistent with / inconsistent with /
 * cannot be assessed against <norm> (<instrument>, <bindingness>)", never "illegal" or
 * "violation"; it carries the measures and the assessment that decided it, a confidence that
 * accounts for element-set age, amateur sources and undetermined labels, and the dissent: who
 * rejects the norm.
 * @module
 */
import type { AssessmentConfidence, AssessmentLabel } from '../detectors/assessment/event-assessment.js';

export type FindingVerdict = 'consistent' | 'inconsistent' | 'not-assessable';

/** One reason behind a verdict, with the measure and σ when a number decided it. */
export interface FindingReason {
  readonly text: string;
  readonly measure?: string;
  readonly value?: number | string | boolean | null;
  readonly sigma?: number | null;
  readonly threshold?: number | string | null;
  readonly source?: string;
}

export interface Finding {
  readonly eventId: string;
  readonly normId: string;
  readonly normVersion: string;
  readonly verdict: FindingVerdict;
  readonly confidence: AssessmentConfidence;
  /** The sentence a reader quotes: `Inconsistent with <title> (<instruments>)`. */
  readonly statement: string;
  /** The event's assessment label the verdict rests on (null: the event had none). */
  readonly label: AssessmentLabel | null;
  readonly reasons: readonly FindingReason[];
  /** Instruments, as quoted: `name (year, bindingness)`. */
  readonly instruments: string;
  /** Who rejects the norm, with the source of each. */
  readonly dissent: readonly string[];
  /** For proposals: that the norm is not agreed, and who contests it. */
  readonly contested: string | null;
}

/**
 * A published fact about an object that element sets cannot show: a government's attribution of
 * a breakup as deliberate (or accidental), a notice or consent between operators, or an
 * operator's statement that a mission ended (and which burn was the disposal). Case files
 * carry them, each with its source.
 */
export interface PublishedFact {
  readonly kind: 'deliberate-destruction' | 'accidental-breakup' | 'notice-or-consent' | 'end-of-mission';
  readonly norad: number;
  readonly statement: string;
  readonly source: string;
  readonly date?: string;
}

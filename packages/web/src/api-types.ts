/**
 * The shapes the web UI reads from orbwatch's HTTP API (`orbwatch serve`; the zod schemas in
 * packages/api/src/schemas.ts are the reference): events, findings, objects, element sets and
 * plots. Only the fields the UI uses are named; every document may carry more (the API adds
 * fields, never renames). Times are ISO 8601 strings with `Z`, as on the wire.
 * @module
 */
import type { EventAssessment } from '@orbwatch/core';

/** A page of a list route: its items and the cursor of the next page (null at the end). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface EventObjectDto {
  readonly norad: number;
  readonly role: string;
  readonly name?: string | null;
  readonly cosparId?: string | null;
  readonly owner?: string | null;
}

export interface EventDto {
  readonly id: string;
  readonly kind: string;
  readonly objects: readonly EventObjectDto[];
  readonly start: string;
  readonly end: string;
  readonly measures: Readonly<Record<string, unknown>>;
  readonly assessment?: EventAssessment | null;
  readonly detector?: string;
  readonly detectorVersion?: string;
}

export interface FindingDto {
  readonly id: string;
  readonly eventId: string;
  readonly normId: string;
  readonly verdict: string;
  readonly confidence: string;
  readonly reasons: readonly unknown[];
  /** "consistent with <norm> (<instrument>)", as the findings command words it. */
  readonly statement?: string;
  /** Who has publicly disagreed with the norm or its reading, with where they said so. */
  readonly dissent?: readonly string[] | null;
  readonly normVersion?: string;
}

export interface ElementSetDto {
  readonly id?: string | number;
  readonly norad?: number;
  readonly epochUtc: string;
  readonly source?: string;
  readonly sourceKind?: string;
  readonly semiMajorAxisKm?: number;
  readonly inclinationDeg?: number;
  readonly eccentricity?: number;
  /** The stored record's text (TLE lines, or the OMM document). */
  readonly raw?: string;
  /** Epoch minus the event's reference instant, s (event detail only). */
  readonly ageRelativeToEventSec?: number | null;
}

export interface EventDetailDto {
  readonly event: EventDto;
  readonly findings?: readonly FindingDto[];
  readonly elementSets?: readonly ElementSetDto[];
  /** What the element-set ages are measured from (`closest approach`, …) and when. */
  readonly reference?: string;
  readonly referenceUtc?: string;
}

export interface ObjectDto {
  readonly norad: number;
  readonly name?: string | null;
  readonly cosparId?: string | null;
  readonly owner?: string | null;
  readonly objectType?: string | null;
  readonly launchDateUtc?: string | null;
  readonly decayDateUtc?: string | null;
  /** How many element sets the store holds for it. */
  readonly elementSets?: number;
  readonly firstEpochUtc?: string | null;
  readonly lastEpochUtc?: string | null;
}

/** One Space-Track decay message as the object detail gives it. */
export interface DecayMessageDto {
  readonly type: 'Historical' | 'Prediction';
  readonly messageEpochUtc: string | null;
  readonly decayEpochUtc: string;
  readonly precision: 'day' | 'time';
  readonly messageSource: string;
}

/** The object's decay: a fact (`decayed`) or the latest prediction, never mixed (api.md). */
export interface ObjectDecayDto {
  readonly status: 'decayed' | 'predicted' | 'none';
  readonly decayDateUtc: string | null;
  readonly from: 'satcat' | 'decay-message' | null;
  readonly source: string | null;
  readonly message: DecayMessageDto | null;
  readonly latestPrediction: DecayMessageDto | null;
}

export interface PlotDto {
  readonly name: string;
  readonly title: string;
  readonly spec: Readonly<Record<string, unknown>>;
}

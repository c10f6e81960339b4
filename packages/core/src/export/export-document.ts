/**
 * What every export writer (CZML, GeoJSON, KML, CCSDS OEM) is given: objects with SGP4 states
 * sampled on one time grid, each state naming the element set it came from, the sets themselves
 * (id, epoch, source) as evidence, the steps that could not be computed, and optionally the
 * event the export is about. States are TEME (SGP4's frame), km and km/s; each writer converts
 * to the frame its format defines (docs/design/exports.md).
 * @module
 */
import type { EventAssessment } from '../detectors/assessment/index.js';
import type { ElementSetFormat } from '../elements/element-set.js';
import type { StateVector } from '../frames/state-vector.js';
import type { NoradId } from '../ids/norad-id.js';
import type { Instant } from '../time/instant.js';

/** An element set as an export cites it. */
export interface ExportElementSet {
  /** Stored id of the set. */
  readonly id: number;
  readonly epoch: Instant;
  /** The epoch as the source wrote it. */
  readonly epochText: string;
  readonly source: string;
  readonly format: ElementSetFormat;
}

/** One sampled state and the set it was propagated from. */
export interface ExportSample {
  readonly state: StateVector<'TEME'>;
  readonly elementSetId: number;
}

/** Steps of one object that could not be computed, per code. */
export interface ExportFailure {
  readonly code: string;
  readonly count: number;
  readonly firstUtc: Instant;
  readonly lastUtc: Instant;
  readonly message: string;
}

export interface ExportObject {
  readonly noradId: NoradId;
  readonly name: string | null;
  /** COSPAR international designator, YYYY-NNNP. */
  readonly cosparId: string | null;
  /** Role in the event (subject, chaser, parent, …) when the export is about one. */
  readonly role?: string;
  /** Samples in time order. */
  readonly samples: readonly ExportSample[];
  /** Every set some sample was propagated from, epoch order. */
  readonly elementSets: readonly ExportElementSet[];
  readonly failures: readonly ExportFailure[];
}

/** The event an export is about. */
export interface ExportEvent {
  readonly id: string;
  readonly kind: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly detector: string;
  readonly detectorVersion: string;
  readonly assessment: EventAssessment | null;
}

export interface ExportDocument {
  readonly title: string;
  /** The sampled window and its step. */
  readonly from: Instant;
  readonly to: Instant;
  readonly stepSec: number;
  /** When the file is written (the caller's clock: core reads none). */
  readonly created: Instant;
  /** Program and version, e.g. `orbwatch 0.1.0`. */
  readonly generator: string;
  readonly event?: ExportEvent;
  readonly objects: readonly ExportObject[];
}

/** `NAME (NORAD)` or `NORAD` when the name is unknown. */
export function exportObjectLabel(o: Pick<ExportObject, 'noradId' | 'name'>): string {
  return o.name === null || o.name === '' ? String(o.noradId) : `${o.name} (${String(o.noradId)})`;
}

/** One line per assessment: label, confidence, possible labels, reasons. */
export function assessmentLines(a: EventAssessment | null): string[] {
  if (a === null) return ['assessment: none stored'];
  const lines = [
    `assessment: ${a.label} (confidence ${a.confidence})${
      a.possibleLabels !== undefined && a.possibleLabels.length > 0 ? `; possible: ${a.possibleLabels.join(', ')}` : ''
    }`,
  ];
  for (const r of a.reasons) lines.push(`reason: ${r.text}`);
  return lines;
}

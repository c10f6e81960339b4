/**
 * An evidence bundle: one self-contained JSON per event from which anyone can check it without
 * orbwatch's database. It holds the raw text of every element set the detector read for the
 * event (with source, source kind, retrieval and ingest run, and the content hash), the detector,
 * its version and parameters, the measures and assessment, the series behind the plots and the
 * findings. `orbwatch verify` recomputes the event from the bundle alone.
 *
 * A maneuver is decided from its object's whole history (the noise model is estimated from it),
 * so a report with thousands of an object's burns keeps that history once, in an element-history
 * file beside the bundles: each such bundle carries its cited sets and an {@link ElementHistoryRef}
 * naming the file and the stored id of every set the detector read, and `verify` reads the file.
 * @module
 */
import type { EventAssessment } from '../detectors/assessment/event-assessment.js';
import type { DetectorParameters, EventKind, EventObjectRole, MeasureValue } from '../detectors/detected-event.js';
import type { Finding } from '../norms/finding.js';
import type { EventSeries } from '../report/event-series.js';

export const EVIDENCE_FORMAT = 'orbwatch-evidence';
export const EVIDENCE_VERSION = 1;

/** One element set as the bundle carries it. */
export interface BundledElementSet {
  readonly storedId: number;
  readonly noradId: number;
  readonly epochUtc: string;
  /** The epoch exactly as published. */
  readonly epochText: string;
  readonly format: string;
  /** The record as received (TLE lines, OMM record): what the detector read. */
  readonly raw: string;
  /** sha256 (hex) of the element content of `raw` (TLE: lines 1 and 2 joined by `\n`; OMM: the record). */
  readonly contentHash: string;
  readonly source: string;
  readonly sourceKind: string;
  readonly retrievedUtc: string;
  readonly ingestRunId: string;
  /** The event cites this set (as opposed to a set the detector read as context). */
  readonly cited: boolean;
  /** The role the event gives the set (`before`, `after`, `fragment`, …), when cited. */
  readonly role: string | null;
}

export interface BundledObject {
  readonly norad: number;
  readonly role: EventObjectRole;
  readonly name: string | null;
  readonly cosparId: string | null;
  readonly objectType: string | null;
  readonly owner: string | null;
  /** Where the owner came from, as the detector was told (proximity records it). */
  readonly ownerSource?: string | null;
  /** SATCAT launch date (ISO UTC), the release detector's bound on separation times. */
  readonly launchDateUtc?: string | null;
  /** Not named in the event, but read by its detector (other objects of the launch). */
  readonly context?: boolean;
}

/** The sets a bundle's detector read, kept in a shared element-history file. */
export interface ElementHistoryRef {
  /** Path of the file relative to the bundle's folder (`objects/25544.json.gz`: gzip when `.gz`). */
  readonly path: string;
  readonly norad: number;
  /** Stored id of every set the detector read, cited ones included, epoch order. */
  readonly storedIds: readonly number[];
}

export const ELEMENT_HISTORY_FORMAT = 'orbwatch-element-history';
export const ELEMENT_HISTORY_VERSION = 1;

/** One object's element sets, as many bundles share them (each set as a bundle carries it). */
export interface ElementHistoryFile {
  readonly format: typeof ELEMENT_HISTORY_FORMAT;
  readonly version: typeof ELEMENT_HISTORY_VERSION;
  readonly norad: number;
  readonly elementSets: readonly Omit<BundledElementSet, 'cited' | 'role'>[];
}

export interface EvidenceBundle {
  readonly format: typeof EVIDENCE_FORMAT;
  readonly version: typeof EVIDENCE_VERSION;
  readonly createdUtc: string;
  readonly event: {
    readonly id: string;
    readonly kind: EventKind;
    readonly startUtc: string;
    readonly endUtc: string;
    readonly measures: Readonly<Record<string, MeasureValue>>;
    readonly assessment: EventAssessment | null;
    readonly detector: string;
    readonly detectorVersion: string;
    readonly parameters: DetectorParameters;
    /** Extra inputs the detector was run with (e.g. the fragmentation baseline), ISO UTC. */
    readonly inputs: Readonly<Record<string, string | number | boolean | null>>;
  };
  readonly objects: readonly BundledObject[];
  readonly elementSets: readonly BundledElementSet[];
  /** Where the other sets the detector read are (absent: `elementSets` holds them all). */
  readonly elementHistory?: ElementHistoryRef;
  readonly series: EventSeries | null;
  readonly findings: readonly Finding[];
}

/**
 * What `orbwatch detect` is asked to do, what each detector run reports, and the one helper the
 * detector runners share: naming every element set of an event by its stored id.
 * @module
 */
import type { DetectedEvent, Instant, NoradId } from '@orbwatch/core';
import type { StoredElementSet } from '@orbwatch/store';
import type { ProximityPreset } from './proximity-presets.js';

/** The detector kinds `orbwatch detect` can run today. */
export const DETECTOR_KINDS = ['maneuver', 'release', 'proximity', 'fragmentation'] as const;
export type DetectorKind = (typeof DETECTOR_KINDS)[number];

export interface DetectOptions {
  readonly kinds: readonly DetectorKind[];
  readonly objects?: readonly NoradId[];
  /** Only events that end at or after this instant are stored. */
  readonly since?: Instant;
  readonly full?: boolean;
  /** Fragmentation: the earlier snapshot's time (default: 30 days before the newest epoch). */
  readonly baseline?: Instant;
  /** Fragmentation: also store old debris clouds recognised in one snapshot. */
  readonly clouds?: boolean;
  /** Proximity: search window end (default: the newest epoch); its start is `since` or 7 days before. */
  readonly until?: Instant;
  /** Proximity: thresholds (defaults 50 km, 0.5 km/s). */
  readonly maxRangeKm?: number;
  readonly maxRelativeSpeedKmPerSec?: number;
  /** Proximity: also pairs of the same owner (labelled as such). */
  readonly sameOwner?: boolean;
  /** Proximity: `screen` (50 km, 0.5 km/s, the catalogue-wide defaults) or `inspection` (see PROXIMITY_PRESETS). */
  readonly preset?: ProximityPreset;
  readonly json?: boolean;
  readonly quiet?: boolean;
  /** Called as a detector works through its objects (for a progress bar); never required. */
  readonly onProgress?: (progress: DetectorProgress) => void;
}

/** How far one detector is: objects done of the objects it examines. */
export interface DetectorProgress {
  readonly kind: DetectorKind;
  readonly done: number;
  readonly total: number;
}

export interface DetectReport {
  readonly detectors: {
    kind: string;
    detector: string;
    version: string;
    objectsExamined: number;
    eventsFound: number;
    inserted: number;
    existing: number;
    /** Stored events this run replaced by a later estimate or withdrew (docs/design/watch.md). */
    superseded: number;
  }[];
}

/** One detector's line of the report. */
export type DetectorRunReport = DetectReport['detectors'][number];

/**
 * Fills each element-set reference of the events with the stored id of the set it names. The
 * lookup over `history` is built once for all the events (a release or proximity run names sets
 * among the whole catalogue's history).
 */
export function withStoredIds(events: readonly DetectedEvent[], history: readonly StoredElementSet[]): DetectedEvent[] {
  if (events.length === 0) return [];
  const byKey = new Map(history.map((s) => [`${String(s.noradId)}@${String(s.epoch)}`, s]));
  return events.map((e) => ({
    ...e,
    elementSets: e.elementSets.map((r) => {
      const s = byKey.get(`${String(r.noradId)}@${String(r.epoch)}`);
      return s === undefined ? r : { ...r, storedId: String(s.id), source: s.source };
    }),
  }));
}

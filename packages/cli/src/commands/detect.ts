/**
 * `orbwatch detect [--kinds maneuver,…] [--objects …] [--since …]`: runs the behaviour detectors
 * over the stored element-set history and stores what they find as events. Incremental: each
 * detector keeps a watermark per object (the highest element-set id it has processed), so a run
 * only redoes the objects that new element sets can change; `--full` ignores the watermarks.
 * Re-finding an event already stored changes nothing (events are fingerprinted).
 * @module
 */
import type { DetectedEvent, Instant, NoradId } from '@orbwatch/core';
import { ErrorCode, MANEUVER_DETECTOR, MANEUVER_DETECTOR_VERSION, OrbwatchError, detectManeuvers } from '@orbwatch/core';
import type { CatalogRepository, ElementSetId, StoredElementSet } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';

/** The detector kinds `orbwatch detect` can run today. */
export const DETECTOR_KINDS = ['maneuver'] as const;
export type DetectorKind = (typeof DETECTOR_KINDS)[number];

export interface DetectOptions {
  readonly kinds: readonly DetectorKind[];
  readonly objects?: readonly NoradId[];
  /** Only events that end at or after this instant are stored. */
  readonly since?: Instant;
  readonly full?: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

interface PerObjectDetector {
  readonly kind: DetectorKind;
  readonly name: string;
  readonly version: string;
  readonly detect: (history: readonly StoredElementSet[]) => DetectedEvent[];
}

const PER_OBJECT_DETECTORS: readonly PerObjectDetector[] = [
  { kind: 'maneuver', name: MANEUVER_DETECTOR, version: MANEUVER_DETECTOR_VERSION, detect: (h) => detectManeuvers(h).events },
];

/** Fills each element-set reference with the stored id of the set it names. */
function withStoredIds(e: DetectedEvent, history: readonly StoredElementSet[]): DetectedEvent {
  const byKey = new Map(history.map((s) => [`${String(s.noradId)}@${String(s.epoch)}`, s]));
  return {
    ...e,
    elementSets: e.elementSets.map((r) => {
      const s = byKey.get(`${String(r.noradId)}@${String(r.epoch)}`);
      return s === undefined ? r : { ...r, storedId: String(s.id), source: s.source };
    }),
  };
}

export interface DetectReport {
  readonly detectors: { kind: string; detector: string; version: string; objectsExamined: number; eventsFound: number; inserted: number; existing: number }[];
}

export async function runDetect(repo: CatalogRepository, o: DetectOptions, ctx: CliContext): Promise<number> {
  for (const k of o.kinds) {
    if (!(DETECTOR_KINDS as readonly string[]).includes(k)) {
      throw new OrbwatchError(ErrorCode.USAGE, `unknown detector '${k}'; available: ${DETECTOR_KINDS.join(', ')}`, { kind: k });
    }
  }
  const latest = await repo.latestElementSetIds();
  const report: DetectReport['detectors'] = [];
  for (const d of PER_OBJECT_DETECTORS.filter((x) => o.kinds.includes(x.kind))) {
    const marks = o.full === true ? new Map<NoradId, ElementSetId>() : await repo.detectorWatermarks(d.name);
    const candidates = [...latest.entries()].filter(([norad, maxId]) => (o.objects === undefined || o.objects.includes(norad)) && (marks.get(norad) ?? -1) < maxId);
    let found = 0;
    let inserted = 0;
    let existing = 0;
    const done = new Map<NoradId, ElementSetId>();
    for (const [norad, maxId] of candidates) {
      const history = await repo.history(norad);
      const events = d
        .detect(history)
        .filter((e) => o.since === undefined || e.end >= o.since)
        .map((e) => withStoredIds(e, history));
      found += events.length;
      if (events.length > 0) {
        const r = await repo.saveEvents(events, ctx.now());
        inserted += r.inserted;
        existing += r.existing;
      }
      done.set(norad, maxId);
    }
    await repo.setDetectorWatermarks(d.name, d.version, done, ctx.now());
    report.push({ kind: d.kind, detector: d.name, version: d.version, objectsExamined: candidates.length, eventsFound: found, inserted, existing });
  }
  if (o.json === true) writeJson(ctx, { detectors: report });
  else if (o.quiet !== true) {
    for (const r of report) {
      writeLine(ctx.stdout, `${r.kind}: ${String(r.objectsExamined)} object(s) with new element sets examined, ${String(r.eventsFound)} event(s) found, ${String(r.inserted)} new, ${String(r.existing)} already stored (detector ${r.detector} ${r.version})`);
    }
  }
  return EXIT_OK;
}

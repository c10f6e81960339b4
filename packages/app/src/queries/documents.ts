/**
 * The boundary form of stored records, shared by the CLI's `--json` output and the HTTP API
 * (docs/design/cli.md: add fields, never rename): objects, element sets (degrees, rev/day, km,
 * minutes) and events (ISO times, the element sets with their epochs).
 * @module
 */
import type { Instant } from '@orbwatch/core';
import { formatIso, orbitSummary, radPerSecToRevPerDay, radToDeg } from '@orbwatch/core';
import type { CatalogObject, StoredElementSet, StoredEvent } from '@orbwatch/store';

const iso = (t: Instant | null): string | null => (t === null ? null : formatIso(t));

/** One object: the `objects --json` element. */
export function objectDocument(o: CatalogObject) {
  return {
    norad: o.noradId,
    name: o.name,
    cosparId: o.cosparId,
    objectType: o.objectType,
    owner: o.owner,
    launchDateUtc: iso(o.launchDate),
    decayDateUtc: iso(o.decayDate),
    elementSets: o.elementSetCount,
    firstEpochUtc: iso(o.firstEpoch),
    lastEpochUtc: iso(o.lastEpoch),
  };
}
export type ObjectDocument = ReturnType<typeof objectDocument>;

/** One element set in boundary units: the `history --json` element. */
export function elementSetDocument(s: StoredElementSet, next: StoredElementSet | undefined) {
  const o = orbitSummary(s);
  return {
    elementSetId: s.id,
    epochUtc: formatIso(s.epoch, 6),
    source: s.source,
    name: s.name,
    inclinationDeg: radToDeg(s.inclinationRad),
    raanDeg: radToDeg(s.raanRad),
    eccentricity: s.eccentricity,
    argPerigeeDeg: radToDeg(s.argPerigeeRad),
    meanAnomalyDeg: radToDeg(s.meanAnomalyRad),
    meanMotionRevPerDay: radPerSecToRevPerDay(s.meanMotionRadPerSec),
    bstarPerEarthRadii: s.bstarPerEarthRadii,
    semiMajorAxisKm: o.semiMajorAxisKm,
    perigeeKm: o.perigeeAltitudeKm,
    apogeeKm: o.apogeeAltitudeKm,
    periodMin: o.periodSec / 60,
    /** Days until the next set of this object (null for the newest). */
    gapToNextDays: next === undefined ? null : (next.epoch - s.epoch) / 86_400_000,
    raw: s.raw,
  };
}
export type ElementSetDocument = ReturnType<typeof elementSetDocument>;

/**
 * One event: the `events --json` element (design.md contract: id, kind, objects, start, end,
 * measures). `supersededUtc`, `supersededBy` (the later estimate's id, null when withdrawn) and
 * `supersessionReason` are null for a live event (docs/design/watch.md).
 */
export function eventDocument(e: StoredEvent) {
  return {
    id: e.id,
    kind: e.kind,
    objects: e.objects.map((o) => ({ norad: o.norad, role: o.role })),
    start: formatIso(e.start),
    end: formatIso(e.end),
    measures: e.measures,
    assessment: e.assessment ?? null,
    elementSets: e.elementSets.map((s) => ({ ...s, epochUtc: formatIso(s.epoch, 6) })),
    elementSetIds: e.elementSetIds,
    detector: e.detector,
    detectorVersion: e.detectorVersion,
    parameters: e.parameters,
    createdUtc: formatIso(e.createdAt),
    supersededUtc: e.superseded === undefined ? null : formatIso(e.superseded.at),
    supersededBy: e.superseded?.by ?? null,
    supersessionReason: e.superseded?.reason ?? null,
  };
}
export type EventDocument = ReturnType<typeof eventDocument>;

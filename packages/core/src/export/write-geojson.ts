/**
 * GeoJSON (RFC 7946) ground tracks: a FeatureCollection with one Feature per object whose
 * geometry is a LineString, or a MultiLineString when the track is cut at the antimeridian or at
 * a gap (§3.1.9). Positions are `[longitude, latitude]` in WGS-84 degrees (§3.1.1, §4), rounded
 * to 6 decimals (~0.1 m, §11.2). Single-point parts (a lone sample between gaps) are left out of
 * the geometry, which needs two positions per line.
 *
 * Properties carry the evidence: NORAD id, name, COSPAR id, role, the sampled window and step,
 * the element sets used (id, epoch, epoch text, source, format), per line the UTC time and set id
 * of every position (`coordTimes`, the convention of Mapbox's togeojson, and `coordElementSetIds`),
 * the steps that could not be computed, and the event with its assessment. The document's
 * title, generator and creation time are a foreign member `orbwatch` of the collection (§6.1).
 * @module
 */
import { formatIso } from '../time/instant.js';
import type { ExportDocument, ExportObject } from './export-document.js';
import { assessmentLines } from './export-document.js';
import { groundTrackParts } from './ground-track.js';

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function elementSetsJson(o: ExportObject) {
  return o.elementSets.map((s) => ({
    id: s.id,
    epochUtc: formatIso(s.epoch, 6),
    epochText: s.epochText,
    source: s.source,
    format: s.format,
  }));
}

export function failuresJson(o: ExportObject) {
  return o.failures.map((f) => ({
    code: f.code,
    count: f.count,
    firstUtc: formatIso(f.firstUtc),
    lastUtc: formatIso(f.lastUtc),
    message: f.message,
  }));
}

export function eventJson(doc: ExportDocument) {
  const e = doc.event;
  if (e === undefined) return null;
  return {
    id: e.id,
    kind: e.kind,
    startUtc: formatIso(e.start),
    endUtc: formatIso(e.end),
    detector: e.detector,
    detectorVersion: e.detectorVersion,
    assessment: e.assessment,
    summary: assessmentLines(e.assessment).join('; '),
  };
}

/** The GeoJSON document as an object (write it with JSON.stringify). */
export function buildGeoJson(doc: ExportDocument) {
  const event = eventJson(doc);
  return {
    type: 'FeatureCollection' as const,
    orbwatch: {
      title: doc.title,
      generator: doc.generator,
      createdUtc: formatIso(doc.created),
      fromUtc: formatIso(doc.from),
      toUtc: formatIso(doc.to),
      stepSec: doc.stepSec,
      elementSetPolicy: 'latest-before',
      positions:
        'WGS-84 geodetic longitude/latitude of SGP4 (TEME) states via ITRF (IAU-76/80, no Earth orientation data)',
      event,
    },
    features: doc.objects.map((o) => {
      const parts = groundTrackParts(o.samples, doc.stepSec).filter((p) => p.length >= 2);
      const lines = parts.map((p) => p.map((q) => [round6(q.lonDeg), round6(q.latDeg)]));
      const geometry =
        lines.length === 0
          ? null
          : lines.length === 1
            ? { type: 'LineString' as const, coordinates: lines[0] ?? [] }
            : { type: 'MultiLineString' as const, coordinates: lines };
      return {
        type: 'Feature' as const,
        id: `norad-${String(o.noradId)}`,
        geometry,
        properties: {
          noradId: Number(o.noradId),
          name: o.name,
          cosparId: o.cosparId,
          role: o.role ?? null,
          fromUtc: formatIso(doc.from),
          toUtc: formatIso(doc.to),
          stepSec: doc.stepSec,
          samples: o.samples.length,
          elementSets: elementSetsJson(o),
          coordTimes: parts.map((p) => p.map((q) => formatIso(q.t))),
          coordElementSetIds: parts.map((p) => p.map((q) => q.elementSetId)),
          heightsKm: parts.map((p) => p.map((q) => Math.round(q.heightKm * 1000) / 1000)),
          failures: failuresJson(o),
          eventId: event?.id ?? null,
        },
      };
    }),
  };
}

/** GeoJSON text (ends with a newline). */
export function writeGeoJson(doc: ExportDocument): string {
  return `${JSON.stringify(buildGeoJson(doc))}\n`;
}

/**
 * Ground tracks for the GeoJSON and KML exports: each sample's TEME position to ITRF (IAU-76/80,
 * no Earth orientation data: up to ~0.5 km along-track at LEO, docs/design/frames.md) and to WGS-84
 * geodetic longitude, latitude and height. A track is cut into parts where it crosses the
 * antimeridian (RFC 7946 §3.1.9): the crossing point is interpolated linearly in longitude
 * (unwrapped), latitude, height and time between the two samples; one part ends at ±180° and the
 * next starts at ∓180° with the same latitude. A missing step (a sample that could not be
 * computed) also ends a part, so no line is drawn across a gap. Parts with one point are kept
 * (the writers decide what to do with them).
 * @module
 */
import { ZERO_EOP } from '../frames/earth-orientation.js';
import { itrfToGeodetic } from '../frames/geodetic.js';
import { temeToItrf } from '../frames/named-conversions.js';
import type { Instant } from '../time/instant.js';
import { instant } from '../time/instant.js';
import { radToDeg } from '../units/quantity.js';
import type { ExportSample } from './export-document.js';

/** One ground-track point: degrees, km, and the set its sample came from (a cut point: the set of the sample on its side). */
export interface TrackPoint {
  readonly t: Instant;
  readonly lonDeg: number;
  readonly latDeg: number;
  readonly heightKm: number;
  readonly elementSetId: number;
}

/** Geodetic point of one sample. */
export function trackPoint(s: ExportSample): TrackPoint {
  const g = itrfToGeodetic(temeToItrf(s.state, ZERO_EOP));
  return {
    t: s.state.t,
    lonDeg: radToDeg(g.lonRad),
    latDeg: radToDeg(g.latRad),
    heightKm: g.heightKm,
    elementSetId: s.elementSetId,
  };
}

/**
 * The track of `samples` cut at the antimeridian and at gaps longer than `1.5 × stepSec`.
 */
export function groundTrackParts(samples: readonly ExportSample[], stepSec: number): TrackPoint[][] {
  const parts: TrackPoint[][] = [];
  let current: TrackPoint[] = [];
  let prev: TrackPoint | undefined;
  for (const s of samples) {
    const p = trackPoint(s);
    if (prev !== undefined && (p.t - prev.t) / 1000 > 1.5 * stepSec) {
      parts.push(current);
      current = [];
    } else if (prev !== undefined && Math.abs(p.lonDeg - prev.lonDeg) > 180) {
      // Eastward across +180 when the longitude drops, westward across −180 when it rises.
      const edge = p.lonDeg < prev.lonDeg ? 180 : -180;
      const unwrapped = p.lonDeg + 2 * edge;
      const f = (edge - prev.lonDeg) / (unwrapped - prev.lonDeg);
      const at = (a: number, b: number): number => a + f * (b - a);
      const cut = {
        t: instant(at(prev.t, p.t)),
        latDeg: at(prev.latDeg, p.latDeg),
        heightKm: at(prev.heightKm, p.heightKm),
      };
      current.push({ ...cut, lonDeg: edge, elementSetId: prev.elementSetId });
      parts.push(current);
      current = [{ ...cut, lonDeg: -edge, elementSetId: p.elementSetId }];
    }
    current.push(p);
    prev = p;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * GeoJSON, KML and CZML exports of the ISS (6 h at 60 s, real element sets).
 * - GeoJSON: valid against the GeoJSON project's JSON Schema of RFC 7946 (npm `geojson-schema`,
 *   FeatureCollection.json, with Ajv), plus what the schema cannot say: lon/lat ranges (§3.1.1),
 *   tracks cut at the antimeridian (§3.1.9), one time and set per position; the highest geodetic
 *   latitude is what a 51.63° orbit reaches.
 * - KML: read by an independent KML reader (@tmcw/togeojson on @xmldom/xmldom), which gives back the
 *   same ground-track coordinates and the gx:Track times.
 * - CZML: every packet checked by a zod schema of the properties written, after the CZML guide
 *   (czml-writer wiki: Packet, Clock, Position, Path, Label, Point); positions are the GCRF states in
 *   metres (INERTIAL) or ITRF (FIXED) at the stated seconds after the epoch.
 */
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { Ajv } from 'ajv';
import featureCollectionSchema from 'geojson-schema/FeatureCollection.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZERO_EOP } from '../frames/earth-orientation.js';
import { temeToGcrf, temeToItrf } from '../frames/named-conversions.js';
import { parseIsoInstant } from '../time/instant.js';
import { issDocument } from './export-fixture.test-support.js';
import { buildCzml } from './write-czml.js';
import { buildGeoJson, writeGeoJson } from './write-geojson.js';
import { writeKml } from './write-kml.js';

const doc = issDocument();
const iss = doc.objects[0]!;

type Line = [number, number][];
function linesOf(g: { type: string; coordinates: unknown } | null): Line[] {
  if (g === null) return [];
  return g.type === 'LineString' ? [g.coordinates as Line] : (g.coordinates as Line[]);
}

describe('GeoJSON ground tracks', () => {
  const text = writeGeoJson(doc);
  const gj = JSON.parse(text) as ReturnType<typeof buildGeoJson>;

  it('is a valid FeatureCollection by the GeoJSON JSON Schema (RFC 7946)', () => {
    const validate = new Ajv({ strict: false }).compile(featureCollectionSchema);
    const ok = validate(gj);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('puts longitude first, within ±180°, latitude within ±90°, cut at the antimeridian', () => {
    const f = gj.features[0]!;
    expect(f.geometry?.type).toBe('MultiLineString');
    const lines = linesOf(f.geometry);
    // 6 h of ISS: about 4 orbits, each crossing the antimeridian once
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      expect(line.length).toBeGreaterThanOrEqual(2);
      for (const [lon, lat] of line) {
        expect(Math.abs(lon)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      }
      for (let i = 1; i < line.length; i++) expect(Math.abs(line[i]![0] - line[i - 1]![0])).toBeLessThan(180);
    }
    for (let i = 1; i < lines.length; i++) {
      const end = lines[i - 1]![lines[i - 1]!.length - 1]!;
      const start = lines[i]![0]!;
      expect(Math.abs(end[0])).toBe(180);
      expect(start[0]).toBe(-end[0]);
      expect(start[1]).toBe(end[1]);
    }
    // geodetic latitude of a 51.63° orbit peaks a little above 51.63° (geodetic > geocentric)
    const maxLat = Math.max(...lines.flat().map(([, lat]) => Math.abs(lat)));
    expect(maxLat).toBeGreaterThan(51.5);
    expect(maxLat).toBeLessThan(52.0);
  });

  it('gives every position its UTC time and element set, and names the sets used', () => {
    const p = gj.features[0]!.properties;
    const lines = linesOf(gj.features[0]!.geometry);
    expect(p.coordTimes.map((l) => l.length)).toEqual(lines.map((l) => l.length));
    expect(p.coordElementSetIds.map((l) => l.length)).toEqual(lines.map((l) => l.length));
    const times = p.coordTimes.flat().map((t) => parseIsoInstant(t)!);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(p).toMatchObject({ noradId: 25544, name: 'ISS (ZARYA)', cosparId: '1998-067A', role: 'subject' });
    expect(p.elementSets.map((s) => s.id)).toEqual(iss.elementSets.map((s) => s.id));
    expect(p.elementSets.every((s) => s.source === 'celestrak' && s.epochText !== '')).toBe(true);
    expect(gj.orbwatch.event?.summary).toContain('undetermined');
  });
});

describe('ground track cuts', () => {
  it('ends a line at a missing step instead of drawing across the gap', () => {
    const gapped = { ...doc, objects: [{ ...iss, samples: iss.samples.filter((_, i) => i < 20 || i >= 30) }] };
    const whole = linesOf(buildGeoJson(doc).features[0]!.geometry).length;
    const cut = buildGeoJson(gapped).features[0]!;
    expect(linesOf(cut.geometry).length).toBe(whole + 1);
    const times = cut.properties.coordTimes.flat().map((t) => parseIsoInstant(t)!);
    const gapStart = iss.samples[19]!.state.t;
    const gapEnd = iss.samples[30]!.state.t;
    expect(times.some((t) => t > gapStart && t < gapEnd)).toBe(false);
  });
});

describe('KML ground tracks', () => {
  const kmlText = writeKml(doc);
  const read = kmlToGeoJson(new DOMParser().parseFromString(kmlText, 'text/xml'));

  it('is read by an independent KML reader with the same ground track and the track times', () => {
    const ground = read.features.find((f) => String(f.properties?.['name']).endsWith('ground track'));
    const track = read.features.find((f) => f.properties?.['name'] === 'ISS (ZARYA) (25544)');
    expect(ground?.geometry?.type).toBe('GeometryCollection');
    const want = linesOf(buildGeoJson(doc).features[0]!.geometry);
    const got = (ground?.geometry as { geometries: { coordinates: number[][] }[] }).geometries.map((g) =>
      g.coordinates.map(([lon, lat]) => [lon, lat]),
    );
    expect(got.length).toBe(want.length);
    for (const [i, line] of want.entries())
      for (const [j, [lon, lat]] of line.entries()) {
        expect(got[i]![j]![0]).toBeCloseTo(lon, 6);
        expect(got[i]![j]![1]).toBeCloseTo(lat, 6);
      }
    expect(track?.geometry?.type).toBe('LineString');
    const coordTimes = track?.properties?.['coordinateProperties'] as { times: string[] } | undefined;
    expect(coordTimes?.times).toHaveLength(iss.samples.length);
    const heights = (track?.geometry as { coordinates: number[][] }).coordinates.map((c) => c[2]!);
    // ISS heights above the ellipsoid, metres
    expect(Math.min(...heights)).toBeGreaterThan(380_000);
    expect(Math.max(...heights)).toBeLessThan(450_000);
    expect(ground?.properties?.['noradId']).toBe('25544');
    expect(String(ground?.properties?.['elementSets'])).toContain('celestrak');
  });

  it('escapes text (the assessment reason carries markup)', () => {
    expect(kmlText).toContain('&lt;b&gt;straddles&lt;/b&gt;');
  });
});

/** The CZML properties orbwatch writes, after the CZML guide. */
const rgba = z.object({ rgba: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]) });
const isoInterval = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
const isoTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
const documentPacket = z.strictObject({
  id: z.literal('document'),
  name: z.string(),
  version: z.literal('1.0'),
  description: z.string(),
  clock: z.strictObject({
    interval: isoInterval,
    currentTime: isoTime,
    multiplier: z.number(),
    range: z.enum(['UNBOUNDED', 'CLAMPED', 'LOOP_STOP']),
    step: z.enum(['TICK_DEPENDENT', 'SYSTEM_CLOCK_MULTIPLIER', 'SYSTEM_CLOCK']),
  }),
});
const objectPacket = z.strictObject({
  id: z.string(),
  name: z.string(),
  availability: isoInterval,
  description: z.string(),
  label: z.strictObject({
    text: z.string(),
    font: z.string(),
    fillColor: rgba,
    horizontalOrigin: z.enum(['LEFT', 'CENTER', 'RIGHT']),
    pixelOffset: z.strictObject({ cartesian2: z.tuple([z.number(), z.number()]) }),
    show: z.boolean(),
  }),
  point: z.strictObject({ pixelSize: z.number(), color: rgba, outlineColor: rgba, outlineWidth: z.number() }),
  path: z.strictObject({
    show: z.boolean(),
    width: z.number(),
    leadTime: z.number(),
    trailTime: z.number(),
    resolution: z.number(),
    material: z.strictObject({ solidColor: z.strictObject({ color: rgba }) }),
  }),
  position: z.strictObject({
    epoch: isoTime,
    referenceFrame: z.enum(['FIXED', 'INERTIAL']),
    interpolationAlgorithm: z.enum(['LINEAR', 'LAGRANGE', 'HERMITE']),
    interpolationDegree: z.number().int().positive(),
    cartesian: z.array(z.number()).refine((a) => a.length % 4 === 0, 'cartesian is [t, x, y, z, …]'),
  }),
});

describe('CZML', () => {
  for (const frame of ['INERTIAL', 'FIXED'] as const) {
    it(`packets follow the CZML structure; ${frame} positions are the ${frame === 'INERTIAL' ? 'GCRF' : 'ITRF'} states in metres`, () => {
      const czml = JSON.parse(JSON.stringify(buildCzml(doc, { referenceFrame: frame }))) as unknown[];
      expect(czml).toHaveLength(2);
      documentPacket.parse(czml[0]);
      const p = objectPacket.parse(czml[1]);
      expect(p.label.text).toBe('ISS (ZARYA) (25544)');
      // the path trails one orbit: the ISS period is 92.9 min (15.48 rev/day); osculating ± ~1 min
      expect(p.path.trailTime / 60).toBeGreaterThan(91.5);
      expect(p.path.trailTime / 60).toBeLessThan(94.5);
      expect(p.position.referenceFrame).toBe(frame);
      expect(p.description).toContain('celestrak');
      expect(p.description).toContain('&lt;b&gt;straddles&lt;/b&gt;');
      const epoch = parseIsoInstant(p.position.epoch)!;
      const c = p.position.cartesian;
      expect(c.length / 4).toBe(iss.samples.length);
      for (const [i, s] of iss.samples.entries()) {
        const want = frame === 'INERTIAL' ? temeToGcrf(s.state, ZERO_EOP) : temeToItrf(s.state, ZERO_EOP);
        expect(epoch + c[4 * i]! * 1000).toBeCloseTo(s.state.t, 3);
        expect(Math.abs(c[4 * i + 1]! - want.r.x * 1000)).toBeLessThanOrEqual(0.0005);
        expect(Math.abs(c[4 * i + 2]! - want.r.y * 1000)).toBeLessThanOrEqual(0.0005);
        expect(Math.abs(c[4 * i + 3]! - want.r.z * 1000)).toBeLessThanOrEqual(0.0005);
      }
    });
  }

  it('GCRF differs from TEME by the precession-nutation since J2000 (~0.36° in 2026: tens of km at LEO)', () => {
    const s = iss.samples[0]!.state;
    const g = temeToGcrf(s, ZERO_EOP);
    const d = Math.hypot(g.r.x - s.r.x, g.r.y - s.r.y, g.r.z - s.r.z);
    const angleDeg = (d / Math.hypot(s.r.x, s.r.y, s.r.z)) * (180 / Math.PI);
    // general precession 50.3"/yr × 26.2 yr ≈ 0.366°, projected on the orbit: 0.1°–0.4°
    expect(angleDeg).toBeGreaterThan(0.1);
    expect(angleDeg).toBeLessThan(0.45);
  });
});

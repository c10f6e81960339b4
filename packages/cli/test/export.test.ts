/**
 * `orbwatch export` (built binary) on a demo-sized fixture: the ISS history of 2026
 * (fixtures/history-2026/iss.3le.gz), its maneuver events detected, one exported by an id prefix
 * in every format. The OEM is read back with core's reader and its states agree with
 * `orbwatch propagate --policy latest-before` at the same times to the written millimetre; every
 * file names the element sets it used; the default window is the event ± one orbit. Errors are
 * asserted by exit code and message code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseOemKvn } from '@orbwatch/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDb } from './run-cli.js';

interface EventJson {
  id: string;
  start: string;
  end: string;
}

const ISS_PERIOD_MS = 92.9 * 60_000;

describe('orbwatch export (built binary, ISS maneuver)', () => {
  let db: string;
  let dir: string;
  let event: EventJson;
  beforeAll(() => {
    db = tempDb();
    dir = dirname(db);
    expect(runCli(['ingest', '--db', db, '--quiet', 'fixtures/history-2026/iss.3le.gz']).code).toBe(0);
    expect(runCli(['detect', '--db', db, '--kinds', 'maneuver', '--quiet']).code).toBe(0);
    const events = JSON.parse(runCli(['events', '--db', db, '--json']).stdout) as { events: EventJson[] };
    expect(events.events.length).toBeGreaterThan(0);
    event = events.events[0]!;
  });

  it('writes an OEM that reads back and agrees with `propagate --policy latest-before` to 1 mm', () => {
    const out = join(dir, 'event.oem');
    const r = runCli(['export', event.id.slice(0, 20), '--db', db, '--format', 'oem', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      eventId: string;
      fromUtc: string;
      toUtc: string;
      stepSec: number;
      objects: { norad: number; role: string; samples: number; elementSets: { id: number; source: string }[] }[];
    };
    expect(summary.eventId).toBe(event.id);
    expect(summary.stepSec).toBe(60);
    // default window: the event's span padded by one ISS orbit (then widened to whole minutes)
    const from = Date.parse(summary.fromUtc);
    const to = Date.parse(summary.toUtc);
    expect(Date.parse(event.start) - from).toBeGreaterThanOrEqual(ISS_PERIOD_MS - 1000);
    expect(Date.parse(event.start) - from).toBeLessThan(ISS_PERIOD_MS + 61_000);
    expect(to - Date.parse(event.end)).toBeGreaterThanOrEqual(ISS_PERIOD_MS - 1000);
    expect(to - Date.parse(event.end)).toBeLessThan(ISS_PERIOD_MS + 61_000);
    expect(summary.objects[0]).toMatchObject({ norad: 25544, role: 'subject' });

    const parsed = parseOemKvn(readFileSync(out, 'utf8'), out);
    expect(parsed.issues).toEqual([]);
    const oem = parsed.items[0]!;
    expect(oem.segments).toHaveLength(summary.objects[0]!.elementSets.length);
    const states = oem.segments.flatMap((s) => s.states);
    expect(states).toHaveLength(summary.objects[0]!.samples);
    for (const [i, set] of summary.objects[0]!.elementSets.entries())
      expect(oem.segments[i]!.metadata.comments.join(' ')).toContain(`element set ${String(set.id)}`);

    // the same times through `propagate` (TEME, latest-before)
    const p = runCli([
      'propagate',
      '25544',
      '--db',
      db,
      '--from',
      summary.fromUtc,
      '--to',
      summary.toUtc,
      '--step',
      '60',
      '--policy',
      'latest-before',
      '--json',
    ]);
    expect(p.code, p.stderr).toBe(0);
    const prop = JSON.parse(p.stdout) as {
      states: { t: string; rKm: number[]; vKmPerSec: number[]; elementSetId: number }[];
    };
    expect(prop.states).toHaveLength(states.length);
    for (const [i, s] of prop.states.entries()) {
      const o = states[i]!;
      expect(Math.abs(o.t - Date.parse(s.t))).toBeLessThan(1);
      expect(Math.abs(o.rKm.x - s.rKm[0]!)).toBeLessThanOrEqual(0.5e-6 + 1e-9);
      expect(Math.abs(o.rKm.y - s.rKm[1]!)).toBeLessThanOrEqual(0.5e-6 + 1e-9);
      expect(Math.abs(o.rKm.z - s.rKm[2]!)).toBeLessThanOrEqual(0.5e-6 + 1e-9);
      expect(Math.abs(o.vKmPerSec.x - s.vKmPerSec[0]!)).toBeLessThanOrEqual(0.5e-9 + 1e-12);
    }
  });

  it('writes CZML, GeoJSON and KML naming the object, its element sets and the event', () => {
    const czml = runCli(['export', event.id, '--db', db, '--format', 'czml']);
    expect(czml.code, czml.stderr).toBe(0);
    const packets = JSON.parse(czml.stdout) as {
      id: string;
      clock?: { interval: string };
      label?: { text: string };
      description?: string;
      position?: { referenceFrame: string; cartesian: number[] };
    }[];
    expect(packets[0]!.id).toBe('document');
    expect(packets[0]!.clock?.interval).toMatch(/Z\/.*Z$/);
    expect(packets[1]!.label?.text).toBe('ISS (ZARYA) (25544)');
    expect(packets[1]!.position?.referenceFrame).toBe('INERTIAL');
    expect(packets[1]!.description).toContain(event.id);
    // ISS radius in metres
    const [, x, y, z] = packets[1]!.position!.cartesian;
    expect(Math.hypot(x!, y!, z!)).toBeGreaterThan(6.7e6);
    expect(Math.hypot(x!, y!, z!)).toBeLessThan(6.85e6);

    const gj = runCli(['export', event.id, '--db', db, '--format', 'geojson']);
    expect(gj.code, gj.stderr).toBe(0);
    const fc = JSON.parse(gj.stdout) as {
      type: string;
      features: {
        geometry: { type: string };
        properties: { noradId: number; elementSets: unknown[]; eventId: string };
      }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]!.geometry.type).toBe('MultiLineString');
    expect(fc.features[0]!.properties).toMatchObject({ noradId: 25544, eventId: event.id });
    expect(fc.features[0]!.properties.elementSets.length).toBeGreaterThan(0);

    const kml = runCli(['export', event.id, '--db', db, '--format', 'kml']);
    expect(kml.code, kml.stderr).toBe(0);
    expect(kml.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<kml xmlns="http:\/\/www.opengis.net\/kml\/2.2"/,
    );
    expect(kml.stdout).toContain('<gx:Track>');
  });

  it('exports objects over a given window; a window before every set fails with PROPAGATION_FAILED', () => {
    const r = runCli([
      'export',
      '--objects',
      '25544',
      '--db',
      db,
      '--format',
      'oem',
      '--frame',
      'GCRF',
      '--from',
      '2026-04-01T00:00:00Z',
      '--to',
      '2026-04-01T01:00:00Z',
      '--step',
      '5m',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const oem = parseOemKvn(r.stdout, 'stdout').items[0]!;
    expect(oem.segments.every((s) => s.metadata.refFrame === 'GCRF')).toBe(true);
    expect(oem.segments.flatMap((s) => s.states)).toHaveLength(13);
    const before = runCli([
      'export',
      '--objects',
      '25544',
      '--db',
      db,
      '--format',
      'czml',
      '--from',
      '2020-01-01T00:00:00Z',
      '--to',
      '2020-01-01T01:00:00Z',
    ]);
    expect(before.code).toBe(1);
    expect(before.stderr).toMatch(/^orbwatch: PROPAGATION_FAILED: .*NO_ELEMENT_SET/);
  });

  /** The hour of 2026-04-01 the refusals below export (where they get that far). */
  const HOUR = ['--from', '2026-04-01T00:00:00Z', '--to', '2026-04-01T01:00:00Z'];
  it.each([
    [['export', 'ffffffff', '--format', 'oem'], 2, 'NOT_FOUND'],
    [['export', 'not-an-id!', '--format', 'oem'], 2, 'USAGE'],
    [['export', '--objects', '99999', ...HOUR, '--format', 'geojson'], 2, 'NOT_FOUND'],
    [['export', '--objects', '25544', '--format', 'oem'], 2, 'USAGE'],
    [['export', '--format', 'oem'], 2, 'USAGE'],
    [['export', '--objects', '25544', '--format', 'kml', '--frame', 'GCRF', ...HOUR], 2, 'USAGE'],
    [['export', '--objects', '25544', '--format', 'shp', ...HOUR], 2, 'USAGE'],
    [
      [
        'export',
        '--objects',
        '25544',
        '--format',
        'oem',
        '--from',
        '2026-04-02T00:00:00Z',
        '--to',
        '2026-04-01T00:00:00Z',
      ],
      2,
      'USAGE',
    ],
  ])('%j exits %i with %s', (args, code, errorCode) => {
    const r = runCli([...args, '--db', db]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(new RegExp(`^orbwatch: ${errorCode}: `));
  });

  it('refuses a missing database without creating it (DATABASE_NOT_FOUND)', () => {
    const missing = join(dir, 'missing.db');
    const r = runCli(['export', '--objects', '25544', '--format', 'oem', '--db', missing, ...HOUR]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^orbwatch: DATABASE_NOT_FOUND: /);
    expect(existsSync(missing)).toBe(false);
  });
});

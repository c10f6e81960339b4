/**
 * The OEM writer and reader: an export of the ISS reads back with the same states within the
 * written precision (1 mm, 1 µm/s) in TEME and GCRF, one segment per element set; the CCSDS
 * example message (as shipped with Orekit) is read as written; malformed messages give located
 * issues with codes.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test/support/fixtures.js';
import { ZERO_EOP } from '../frames/earth-orientation.js';
import { temeToGcrf } from '../frames/named-conversions.js';
import { formatIso } from '../time/instant.js';
import { at, issDocument } from './export-fixture.test-support.js';
import { OemIssueCode } from './oem.js';
import { parseOemKvn } from './parse-oem-kvn.js';
import { writeOem } from './write-oem.js';

describe('OEM round trip (ISS, 6 h at 60 s)', () => {
  const doc = issDocument();
  const o = doc.objects[0]!;

  for (const frame of ['TEME', 'GCRF'] as const) {
    it(`reads back every state in ${frame} within 0.5 mm and 0.5 µm/s, one segment per element set`, () => {
      const text = writeOem(doc, { refFrame: frame });
      const r = parseOemKvn(text, 'iss.oem');
      expect(r.issues).toEqual([]);
      expect(r.items).toHaveLength(1);
      const oem = r.items[0]!;
      expect(oem.version).toBe('2.0');
      expect(formatIso(oem.creationDate)).toBe('2026-12-06T05:00:00.000Z');
      expect(oem.segments).toHaveLength(o.elementSets.length);
      expect(o.elementSets.length).toBeGreaterThanOrEqual(2);
      const states = oem.segments.flatMap((s) => s.states);
      expect(states).toHaveLength(o.samples.length);
      for (const [i, s] of o.samples.entries()) {
        const want = frame === 'GCRF' ? temeToGcrf(s.state, ZERO_EOP) : s.state;
        const got = states[i]!;
        expect(Math.abs(got.t - want.t)).toBeLessThan(1e-3);
        for (const k of ['x', 'y', 'z'] as const) {
          expect(Math.abs(got.rKm[k] - want.r[k])).toBeLessThanOrEqual(0.5e-6 + 1e-12);
          expect(Math.abs(got.vKmPerSec[k] - want.v[k])).toBeLessThanOrEqual(0.5e-9 + 1e-15);
        }
      }
      for (const [i, seg] of oem.segments.entries()) {
        const set = o.elementSets[i]!;
        expect(seg.metadata).toMatchObject({
          objectName: 'ISS (ZARYA)',
          objectId: '1998-067A',
          centerName: 'EARTH',
          refFrame: frame,
          timeSystem: 'UTC',
        });
        expect(seg.metadata.startTime).toBe(seg.states[0]!.t);
        expect(seg.metadata.stopTime).toBe(seg.states[seg.states.length - 1]!.t);
        // evidence: the segment names its element set, epoch and source
        expect(seg.metadata.comments.join(' ')).toContain(`element set ${String(set.id)}`);
        expect(seg.metadata.comments.join(' ')).toContain('source celestrak');
        expect(seg.metadata.comments.join(' ')).toContain('NORAD 25544');
        // no state of a segment precedes its set's epoch (latest-before)
        expect(seg.states.every((s) => s.t >= set.epoch)).toBe(true);
      }
      expect(oem.comments.join(' ')).toContain('event 01900000-0000-7000-8000-000000000001');
    });
  }
});

describe('parseOemKvn', () => {
  it('reads the CCSDS example message (Orekit OEMExample1) as written', () => {
    const r = parseOemKvn(readFixture('ccsds/oem/OEMExample1.txt'), 'OEMExample1.txt');
    expect(r.items).toHaveLength(1);
    const oem = r.items[0]!;
    expect(oem).toMatchObject({ version: '3.0', originator: 'NASA/JPL' });
    expect(formatIso(oem.creationDate)).toBe('1996-11-04T17:22:31.000Z');
    expect(oem.segments.map((s) => s.states.length)).toEqual([4, 4, 5]);
    const s0 = oem.segments[0]!;
    expect(s0.metadata).toMatchObject({
      objectName: 'MARS GLOBAL SURVEYOR',
      objectId: '1996-062A',
      centerName: 'MARS BARYCENTER',
      refFrame: 'J2000',
      timeSystem: 'UTC',
      interpolation: 'HERMITE',
      interpolationDegree: 7,
    });
    expect(formatIso(s0.metadata.startTime)).toBe('1996-12-18T12:00:00.331Z');
    expect(formatIso(s0.metadata.useableStopTime!)).toBe('1996-12-28T21:23:00.331Z');
    expect(s0.dataComments[0]).toMatch(/^This file was produced/);
    expect(s0.states[0]).toMatchObject({
      rKm: { x: 2789.619, y: -280.045, z: -1746.755 },
      vKmPerSec: { x: 4.73372, y: -2.49586, z: -1.04195 },
    });
    expect(oem.segments[1]!.states[0]!.rKm.y).toBe(-63.042);
    expect(oem.segments[2]!.metadata.comments).toEqual(['comment']);
    const codes = r.issues.map((i) => [i.code, i.severity]);
    expect(codes).toContainEqual([OemIssueCode.OEM_COVARIANCE_IGNORED, 'warning']);
    // the example repeats its last state: a warning, the state is kept
    expect(codes).toContainEqual([OemIssueCode.OEM_DATA_ORDER, 'warning']);
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  const good = [
    'CCSDS_OEM_VERS = 2.0',
    'CREATION_DATE = 2026-03-16T00:00:00',
    'ORIGINATOR = TEST',
    'META_START',
    'OBJECT_NAME = ISS (ZARYA)',
    'OBJECT_ID = 1998-067A',
    'CENTER_NAME = EARTH',
    'REF_FRAME = TEME',
    'TIME_SYSTEM = UTC',
    'START_TIME = 2026-03-16T00:00:00',
    'STOP_TIME = 2026-03-16T00:01:00',
    'META_STOP',
    '2026-03-16T00:00:00 1 2 3 4 5 6',
    '2026-03-16T00:01:00 1 2 3 4 5 6',
  ];
  const issuesOf = (lines: string[]) => {
    const r = parseOemKvn(lines.join('\n'), 'x.oem');
    return { items: r.items, issues: r.issues.map((i) => ({ code: i.code, line: i.line, column: i.column })) };
  };

  it('accepts the minimal message', () => {
    expect(issuesOf(good)).toEqual({ items: [expect.anything()], issues: [] });
  });

  it('rejects a message without OBJECT_ID (OEM_FIELD_MISSING at the segment)', () => {
    const r = issuesOf(good.filter((l) => !l.startsWith('OBJECT_ID')));
    expect(r.items).toEqual([]);
    expect(r.issues).toEqual([{ code: OemIssueCode.OEM_FIELD_MISSING, line: 4, column: 1 }]);
  });

  it('locates a bad number (OEM_FIELD_TYPE, line and column)', () => {
    const lines = [...good];
    lines[13] = '2026-03-16T00:01:00 1 2 x3 4 5 6';
    expect(issuesOf(lines).issues).toEqual([{ code: OemIssueCode.OEM_FIELD_TYPE, line: 14, column: 25 }]);
  });

  it('refuses TIME_SYSTEM other than UTC, an unknown keyword, a state out of order or outside the span', () => {
    const tai = [...good];
    tai[8] = 'TIME_SYSTEM = TAI';
    expect(issuesOf(tai).issues).toEqual([{ code: OemIssueCode.OEM_UNSUPPORTED_METADATA, line: 9, column: 15 }]);
    const unknown = [...good];
    unknown[7] = 'REF_FRAM = TEME';
    expect(
      issuesOf(unknown)
        .issues.map((i) => i.code)
        .sort(),
    ).toEqual([OemIssueCode.OEM_FIELD_MISSING, OemIssueCode.OEM_UNKNOWN_KEYWORD]);
    const order = [...good.slice(0, 12), '2026-03-16T00:01:00 1 2 3 4 5 6', '2026-03-16T00:00:00 1 2 3 4 5 6'];
    expect(issuesOf(order).issues).toEqual([{ code: OemIssueCode.OEM_DATA_ORDER, line: 14, column: 1 }]);
    const outside = [...good.slice(0, 13), '2026-03-16T00:02:00 1 2 3 4 5 6'];
    expect(issuesOf(outside).issues).toEqual([{ code: OemIssueCode.OEM_DATA_ORDER, line: 14, column: 1 }]);
    const short = [...good.slice(0, 13), '2026-03-16T00:01:00 1 2 3 4 5'];
    expect(issuesOf(short).issues).toEqual([{ code: OemIssueCode.OEM_SYNTAX, line: 14, column: 1 }]);
  });

  it('an empty input or a text that is not an OEM is an issue, not an exception', () => {
    expect(issuesOf([]).issues).toEqual([{ code: OemIssueCode.OEM_FIELD_MISSING, line: 1, column: 1 }]);
    expect(issuesOf(['hello']).issues).toEqual([{ code: OemIssueCode.OEM_SYNTAX, line: 1, column: 1 }]);
  });

  it('writes a window with a gap as separate segments (no interpolation across it)', () => {
    const doc = issDocument(at('2026-03-16T00:00:00Z'), at('2026-03-16T01:00:00Z'));
    const o = doc.objects[0]!;
    const gapped = { ...doc, objects: [{ ...o, samples: o.samples.filter((_, i) => i < 10 || i > 20) }] };
    const oem = parseOemKvn(writeOem(gapped), 'g.oem').items[0]!;
    expect(oem.segments.map((s) => s.states.length)).toEqual([10, o.samples.length - 21]);
  });
});

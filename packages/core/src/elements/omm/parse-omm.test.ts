/**
 * OMM parsing on real files: every OMM in shared/data (Orekit's test messages, python-sgp4's
 * samples, a CelesTrak GP download of 2026-03-10) parses with the record counts the sources
 * state, and the values agree with the file text as read by an independent reader (JSON.parse,
 * a plain comma split) within physical tolerances. Negative fixtures (derived from real records,
 * see fixtures/omm/PROVENANCE.md) give their issue codes at the right line and column.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/fixtures.js';
import type { ElementSet } from '../element-set.js';
import type { ParseIssue } from '../parse-issue.js';
import { radPerSecToRevPerDay } from '../../units/quantity.js';
import { parseOmm } from './parse-omm.js';

const MU_S = 1e-3; // one microsecond, in the Instant's milliseconds
const REV_DAY_TOL = 1e-12; // rev/day: 1e-12 rev/day of mean motion is < 1 µm/day along track
const ANGLE_TOL_RAD = 1e-13; // < 1 µm at 7000 km

/** Expected Instant of an OMM epoch text, computed independently of core/time: integer µs. */
function expectedEpochMs(text: string): number {
  const m = /^(\d{4})-(?:(\d{2})-(\d{2})|(\d{3}))T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(text);
  if (m === null) throw new Error(`test cannot read epoch ${text}`);
  const [, y, mo, d, doy, h, mi, s, frac] = m;
  const dayMs =
    doy !== undefined ? Date.UTC(Number(y), 0, Number(doy)) : Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const micros = Number(((frac ?? '') + '000000').slice(0, 6));
  return dayMs + ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + micros / 1000;
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Differences between one element set and the published values of its record (degrees,
 * rev/day), as text; empty when they agree within the tolerances. Collected rather than
 * asserted one by one so that 14,683 records check fast.
 */
function mismatches(es: ElementSet, rec: Record<string, unknown>): string[] {
  const out: string[] = [];
  const n = (k: string): number => Number(rec[k]);
  const near = (what: string, got: number, want: number, tol: number): void => {
    if (!(Math.abs(got - want) <= tol)) out.push(`${what}: ${got} vs ${want}`);
  };
  const same = (what: string, got: unknown, want: unknown): void => {
    if (got !== want) out.push(`${what}: ${String(got)} vs ${String(want)}`);
  };
  same('NORAD_CAT_ID', es.noradId, n('NORAD_CAT_ID'));
  same('OBJECT_NAME', es.name, rec['OBJECT_NAME']);
  same('EPOCH text', es.epochText, rec['EPOCH']);
  near('EPOCH', es.epoch, expectedEpochMs(String(rec['EPOCH'])), 0.5 * MU_S);
  near(
    'MEAN_MOTION',
    radPerSecToRevPerDay(es.meanMotionRadPerSec),
    n('MEAN_MOTION'),
    REV_DAY_TOL * Math.max(1, n('MEAN_MOTION')),
  );
  same('ECCENTRICITY', es.eccentricity, n('ECCENTRICITY'));
  near('INCLINATION', es.inclinationRad, rad(n('INCLINATION')), ANGLE_TOL_RAD);
  near('RA_OF_ASC_NODE', es.raanRad, rad(n('RA_OF_ASC_NODE')), ANGLE_TOL_RAD);
  near('ARG_OF_PERICENTER', es.argPerigeeRad, rad(n('ARG_OF_PERICENTER')), ANGLE_TOL_RAD);
  near('MEAN_ANOMALY', es.meanAnomalyRad, rad(n('MEAN_ANOMALY')), ANGLE_TOL_RAD);
  same('BSTAR', es.bstarPerEarthRadii, n('BSTAR'));
  same('MEAN_MOTION_DOT', es.meanMotionDotRevPerDay2, n('MEAN_MOTION_DOT'));
  same('MEAN_MOTION_DDOT', es.meanMotionDdotRevPerDay3, n('MEAN_MOTION_DDOT'));
  same('ELEMENT_SET_NO', es.elementSetNo, n('ELEMENT_SET_NO'));
  same('REV_AT_EPOCH', es.revAtEpoch, n('REV_AT_EPOCH'));
  same('EPHEMERIS_TYPE', es.ephemerisType, n('EPHEMERIS_TYPE'));
  same('CLASSIFICATION_TYPE', es.classification, rec['CLASSIFICATION_TYPE']);
  const id = String(rec['OBJECT_ID']);
  same('OBJECT_ID', es.cosparId, /^\d{4}-\d{3}[A-Z]{1,3}$/.test(id) ? id : null);
  same('theory', es.theory, 'SGP4');
  return out.map((m) => `${String(rec['NORAD_CAT_ID'])} ${m}`);
}

function expectMatches(es: ElementSet, rec: Record<string, unknown>): void {
  expect(mismatches(es, rec)).toEqual([]);
}

/** A copy of `o` without `keys` (to compare records apart from where they were read). */
function without(o: object, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

const errors = (issues: readonly ParseIssue[]): ParseIssue[] => issues.filter((i) => i.severity === 'error');

/** 1-based line and column of the first occurrence of `needle` in `text` (+ `shift` chars). */
function locate(text: string, needle: string, shift = 0): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`test fixture lacks ${needle}`);
  const before = text.slice(0, at + shift);
  const line = before.split('\n').length;
  return { line, column: at + shift - before.lastIndexOf('\n') };
}

describe('CelesTrak GP download of 2026-03-10', () => {
  const csvText = readFixture('omm/celestrak-gp-2026-03/celestrak_active_gp.csv.gz');
  const csv = parseOmm(csvText, { file: 'celestrak_active_gp.csv' });

  it('reads all 14,683 objects of the active CSV (PROVENANCE §6d) with no issue', () => {
    expect(csv.issues).toEqual([]);
    expect(csv.items).toHaveLength(14_683);
    expect(new Set(csv.items.map((e) => e.noradId)).size).toBe(14_683);
  });

  it('agrees with a plain comma split of every CSV row, and keeps µs epochs', () => {
    const [headerLine, ...lines] = csvText.split('\r\n').filter((l) => l !== '');
    const header = headerLine!.split(',');
    const problems: string[] = [];
    lines.forEach((l, i) => {
      const rec = Object.fromEntries(l.split(',').map((v, k) => [header[k]!, v]));
      const es = csv.items[i]!;
      problems.push(...mismatches(es, rec));
      if (es.line !== i + 2 || es.format !== 'omm-csv' || es.raw !== `${headerLine!}\n${l}`)
        problems.push(`row ${i + 2} line/format/raw`);
    });
    expect(problems).toEqual([]);
  });

  it('ISS (25544): a ~92.9-minute, 51.6-degree orbit, as published for the station', () => {
    const iss = csv.items.find((e) => e.noradId === 25544)!;
    expect(iss.name).toBe('ISS (ZARYA)');
    expect(iss.cosparId).toBe('1998-067A');
    const periodMin = (2 * Math.PI) / iss.meanMotionRadPerSec / 60;
    expect(periodMin).toBeGreaterThan(92.5);
    expect(periodMin).toBeLessThan(93.5);
    expect(Math.abs(iss.inclinationRad - rad(51.63))).toBeLessThan(rad(0.01));
  });

  for (const name of [
    'celestrak_stations_gp',
    'celestrak_analyst_gp',
    'celestrak_last30days_gp',
    'celestrak_iridium-33-debris_gp',
  ]) {
    it(`${name}.json agrees record by record with JSON.parse`, () => {
      const text = readFixture(`omm/celestrak-gp-2026-03/${name}.json`);
      const reference = JSON.parse(text) as Record<string, unknown>[];
      const r = parseOmm(text, { file: `${name}.json` });
      expect(r.issues).toEqual([]);
      expect(r.items).toHaveLength(reference.length);
      const problems: string[] = [];
      r.items.forEach((es, i) => {
        problems.push(...mismatches(es, reference[i]!));
        if (es.format !== 'omm-json' || es.line !== 1) problems.push(`record ${i} format/line`);
      });
      expect(problems).toEqual([]);
      expect(r.items.map((es) => JSON.parse(es.raw) as unknown)).toEqual(reference);
    });
  }

  it('record counts of the JSON files: 33 stations, 418 analyst, 371 last-30-days, 106 Iridium 33 debris', () => {
    const count = (f: string): number =>
      parseOmm(readFixture(`omm/celestrak-gp-2026-03/${f}`), { file: f }).items.length;
    expect([
      count('celestrak_stations_gp.json'),
      count('celestrak_analyst_gp.json'),
      count('celestrak_last30days_gp.json'),
      count('celestrak_iridium-33-debris_gp.json'),
    ]).toEqual([33, 418, 371, 106]);
  });

  it('analyst objects (catalog numbers 81036..270438, blank OBJECT_ID) are read, with a null COSPAR id', () => {
    const r = parseOmm(readFixture('omm/celestrak-gp-2026-03/celestrak_analyst_gp.json'), { file: 'analyst' });
    expect(r.items.every((e) => e.noradId >= 80_000 && e.cosparId === null)).toBe(true);
    expect(Math.max(...r.items.map((e) => e.noradId))).toBe(270_438);
  });

  it('cross-check: objects in both the active CSV and the stations JSON at the same epoch give the same element set', () => {
    const json = parseOmm(readFixture('omm/celestrak-gp-2026-03/celestrak_stations_gp.json'), { file: 's.json' }).items;
    const byId = new Map(csv.items.map((e) => [e.noradId, e]));
    let compared = 0;
    for (const j of json) {
      const c = byId.get(j.noradId);
      if (c === undefined || c.epochText !== j.epochText) continue;
      compared++;
      expect(without(j, 'raw', 'format', 'line')).toEqual(without(c, 'raw', 'format', 'line'));
    }
    // ISS (25544) and CSS (48274) are in both; every station in the CSV should match.
    expect(compared).toBeGreaterThanOrEqual(20);
    expect(json.some((e) => e.noradId === 25544 && byId.get(e.noradId)?.epochText === e.epochText)).toBe(true);
  });
});

describe('python-sgp4 samples (Vanguard 1)', () => {
  it('JSON (2025-02-14): values of the file', () => {
    const text = readFixture('omm/python-sgp4/sample_omm.json');
    const r = parseOmm(text, { file: 'sample_omm.json' });
    expect(r.issues).toEqual([]);
    expect(r.items).toHaveLength(1);
    expectMatches(r.items[0]!, (JSON.parse(text) as Record<string, unknown>[])[0]!);
    expect(r.items[0]!.line).toBe(1);
  });

  it('CSV and XML (2020-10-13) hold the same record and give the same element set', () => {
    const csvText = readFixture('omm/python-sgp4/sample_omm.csv');
    const c = parseOmm(csvText, { file: 'sample_omm.csv' });
    const x = parseOmm(readFixture('omm/python-sgp4/sample_omm.xml'), { file: 'sample_omm.xml' });
    expect(c.issues).toEqual([]);
    expect(x.issues).toEqual([]);
    const [h, row] = csvText.trim().split('\n');
    const rec = Object.fromEntries(row!.split(',').map((v, k) => [h!.split(',')[k]!, v]));
    expectMatches(c.items[0]!, rec);
    expectMatches(x.items[0]!, rec);
    expect(x.items[0]!.format).toBe('omm-xml');
    expect(x.items[0]!.line).toBe(3); // <omm> opens on line 3, inside <ndm>
    expect(x.items[0]!.raw.startsWith('<omm id="CCSDS_OMM_VERS"')).toBe(true);
    expect(x.items[0]!.raw.endsWith('</omm>')).toBe(true);
  });
});

describe('Orekit OMM test messages', () => {
  const goes9 = (es: ElementSet): void => {
    expect(es.noradId).toBe(23581);
    expect(es.cosparId).toBe('1995-025A');
    expect(es.epochText).toBe('2007-064T10:34:41.4264');
    // day 64 of 2007 = 5 March
    expect(Math.abs(es.epoch - (Date.UTC(2007, 2, 5, 10, 34, 41) + 426.4))).toBeLessThan(0.5 * MU_S);
    expect(Math.abs(radPerSecToRevPerDay(es.meanMotionRadPerSec) - 1.00273272)).toBeLessThan(REV_DAY_TOL);
    expect(es.eccentricity).toBe(0.0005013);
    expect(Math.abs(es.inclinationRad - rad(3.0539))).toBeLessThan(ANGLE_TOL_RAD);
    expect(Math.abs(es.raanRad - rad(81.7939))).toBeLessThan(ANGLE_TOL_RAD);
    expect(Math.abs(es.argPerigeeRad - rad(249.2363))).toBeLessThan(ANGLE_TOL_RAD);
    expect(Math.abs(es.meanAnomalyRad - rad(150.1602))).toBeLessThan(ANGLE_TOL_RAD);
    expect(es.elementSetNo).toBe(925);
    expect(es.revAtEpoch).toBe(4316);
    expect(es.meanMotionDotRevPerDay2).toBe(-0.00000113);
  };

  it('OMMExample1/2 (KVN) and OMMExample2/OMM-with-units (XML): GOES 9, theory SGP/SGP4 read as SGP4', () => {
    for (const f of ['OMMExample1.txt', 'OMMExample2.txt', 'OMMExample2.xml', 'OMM-with-units.xml']) {
      const r = parseOmm(readFixture(`omm/orekit/${f}`), { file: f });
      expect(r.issues, f).toEqual([]);
      expect(r.items, f).toHaveLength(1);
      const es = r.items[0]!;
      expect(es.theory).toBe('SGP4');
      expect(es.ephemerisType).toBe(0);
      expect(es.bstarPerEarthRadii).toBe(0.0001);
      expect(es.meanMotionDdotRevPerDay3).toBe(0);
      goes9(es);
      expect(es.line).toBe(f.endsWith('.xml') ? 2 : 1); // XML: <omm> follows the <?xml?> prolog
    }
  });

  it('OMMExample4 KVN and XML: STARLETTE (7646) with microsecond epoch, identical from both syntaxes', () => {
    const k = parseOmm(readFixture('omm/orekit/OMMExample4.txt'), { file: 'k' });
    const x = parseOmm(readFixture('omm/orekit/OMMExample4.xml'), { file: 'x' });
    expect([...k.issues, ...x.issues]).toEqual([]);
    const rec = {
      NORAD_CAT_ID: 7646,
      OBJECT_NAME: 'STARLETTE',
      OBJECT_ID: '1975-010A',
      EPOCH: '2021-03-22T13:21:09.224928',
      MEAN_MOTION: 13.82309053,
      ECCENTRICITY: 0.0205751,
      INCLINATION: 49.8237,
      RA_OF_ASC_NODE: 93.814,
      ARG_OF_PERICENTER: 224.8348,
      MEAN_ANOMALY: 133.5761,
      BSTAR: -0.47102e-5,
      MEAN_MOTION_DOT: -0.147e-5,
      MEAN_MOTION_DDOT: 0,
      ELEMENT_SET_NO: 999,
      REV_AT_EPOCH: 32997,
      EPHEMERIS_TYPE: 0,
      CLASSIFICATION_TYPE: 'U',
    };
    expectMatches(k.items[0]!, rec);
    expectMatches(x.items[0]!, rec);
    expect(k.items[0]!.raw.split('\n')[0]).toBe('CCSDS_OMM_VERS = 2.0');
  });

  it('OMMExample5: SGP4-XP accepted, BTERM/AGOM kept in the B*/n-ddot slots with OMM_XP_TERMS warnings', () => {
    const r = parseOmm(readFixture('omm/orekit/OMMExample5.txt'), { file: 'x5' });
    expect(r.items).toHaveLength(1);
    const es = r.items[0]!;
    expect(es.theory).toBe('SGP4-XP');
    expect(es.ephemerisType).toBe(4);
    expect(es.bstarPerEarthRadii).toBe(0.0015);
    expect(es.meanMotionDdotRevPerDay3).toBe(0.001);
    expect(r.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['OMM_XP_TERMS', 'warning', 26],
      ['OMM_XP_TERMS', 'warning', 28],
    ]);
  });

  it('OMMExample3 (osculating-style elements, "SOME THEORY", TOD/MRT) is rejected: OMM_UNSUPPORTED_THEORY at line 14', () => {
    const r = parseOmm(readFixture('omm/orekit/OMMExample3.txt'), { file: 'x3' });
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['OMM_UNSUPPORTED_THEORY', 14, 23]]);
  });

  it('OMM-wrong-keyword.txt: OMM_UNKNOWN_KEYWORD at line 9, column 1 (WRONG_KEYWORD = 123)', () => {
    const r = parseOmm(readFixture('omm/orekit/OMM-wrong-keyword.txt'), { file: 'w' });
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.line, i.column, i.input])).toEqual([
      ['OMM_UNKNOWN_KEYWORD', 9, 1, 'WRONG_KEYWORD = 123'],
    ]);
  });

  it("OMM-number-format-error.txt: OMM_FIELD_TYPE at ARG_OF_PERICENTER's value (line 15, column 21)", () => {
    const text = readFixture('omm/orekit/OMM-number-format-error.txt');
    const r = parseOmm(text, { file: 'n' });
    expect(r.items).toEqual([]);
    const where = locate(text, 'this-is-not-a-number');
    expect(where).toEqual({ line: 15, column: 21 });
    expect(r.issues.map((i) => [i.code, i.line, i.column, i.input])).toEqual([
      ['OMM_FIELD_TYPE', 15, 21, 'this-is-not-a-number'],
    ]);
  });
});

describe('derived fixtures', () => {
  it('Space-Track style JSON (string values, metadata keys, null DECAY_DATE) gives the same sets as CelesTrak numbers', () => {
    const st = parseOmm(readFixture('omm/derived/spacetrack-style-strings.json'), { file: 'st.json' });
    const ct = parseOmm(readFixture('omm/celestrak-gp-2026-03/celestrak_stations_gp.json'), { file: 'ct.json' });
    expect(st.issues).toEqual([]);
    expect(st.items).toHaveLength(3);
    st.items.forEach((e, i) => {
      expect(without(e, 'raw')).toEqual(without(ct.items[i]!, 'raw'));
    });
  });

  it('two KVN messages in one file give two records starting at their CCSDS_OMM_VERS lines', () => {
    const text = readFixture('omm/derived/two-messages.kvn');
    const r = parseOmm(text, { file: 'two.kvn' });
    expect(r.issues).toEqual([]);
    expect(r.items.map((e) => [e.noradId, e.line])).toEqual([
      [23581, 1],
      [7646, locate(text, 'CCSDS_OMM_VERS = 2.0').line],
    ]);
  });
});

describe('negative fixtures (each derived from a real record)', () => {
  const issuesOf = (rel: string): { text: string; r: ReturnType<typeof parseOmm> } => {
    const text = readFixture(`omm/negative/${rel}`);
    return { text, r: parseOmm(text, { file: rel }) };
  };

  it('missing-mean-motion.json: OMM_FIELD_MISSING for POISK at its record line, the other two kept', () => {
    const { text, r } = issuesOf('missing-mean-motion.json');
    expect(r.items.map((e) => e.noradId)).toEqual([25544, 48274]);
    const recLine = locate(text, '"OBJECT_NAME": "POISK"').line - 1; // the "{" line
    expect(errors(r.issues).map((i) => [i.code, i.line, i.expected])).toEqual([
      ['OMM_FIELD_MISSING', recLine, 'MEAN_MOTION'],
    ]);
  });

  it('mistyped-mean-motion.json: OMM_FIELD_TYPE at the "abc" value', () => {
    const { text, r } = issuesOf('mistyped-mean-motion.json');
    expect(r.items).toHaveLength(2);
    const at = locate(text, '"abc"');
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['OMM_FIELD_TYPE', at.line, at.column]]);
  });

  it('broken-second-record.json: OMM_SYNTAX where ":" is missing; records 1 and 3 recovered', () => {
    const { text, r } = issuesOf('broken-second-record.json');
    expect(r.items.map((e) => e.noradId)).toEqual([25544, 48274]);
    const at = locate(text, '"ECCENTRICITY" 0', '"ECCENTRICITY" '.length);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['OMM_SYNTAX', at.line, at.column]]);
    // JSON.parse reports the same offset for the same error (V8: "... in JSON at position N").
    let message = '';
    try {
      JSON.parse(text);
    } catch (e) {
      message = String(e);
    }
    const pos = Number(/position (\d+)/.exec(message)?.[1]);
    expect(text.slice(0, pos).split('\n').length).toBe(at.line);
  });

  it('eccentricity-1.2.3.kvn: OMM_FIELD_TYPE at the value', () => {
    const { text, r } = issuesOf('eccentricity-1.2.3.kvn');
    const at = locate(text, '1.2.3');
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.line, i.column, i.input])).toEqual([
      ['OMM_FIELD_TYPE', at.line, at.column, '1.2.3'],
    ]);
  });

  it("mean-motion-1.2.3.csv: OMM_FIELD_TYPE at row 3's MEAN_MOTION cell, rows 2 and 4 kept", () => {
    const { text, r } = issuesOf('mean-motion-1.2.3.csv');
    const at = locate(text, '13.5289.1714');
    expect(r.items.map((e) => e.noradId)).toEqual([900, 1361]);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['OMM_FIELD_TYPE', 3, at.column]]);
  });

  it('missing-norad-cat-id.xml: OMM_FIELD_MISSING (NORAD_CAT_ID) at the <omm> line', () => {
    const { r } = issuesOf('missing-norad-cat-id.xml');
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.line, i.expected])).toEqual([['OMM_FIELD_MISSING', 2, 'NORAD_CAT_ID']]);
  });

  it('truncated.xml: OMM_SYNTAX (unclosed elements), no record', () => {
    const { r } = issuesOf('truncated.xml');
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['OMM_SYNTAX']);
  });

  it('ndm-second-omm-mistyped.xml: the first <omm> kept, the second OMM_FIELD_TYPE at its MEAN_MOTION text', () => {
    const { text, r } = issuesOf('ndm-second-omm-mistyped.xml');
    expect(r.items.map((e) => e.noradId)).toEqual([5]);
    const at = locate(text, '<MEAN_MOTION>abc', '<MEAN_MOTION>'.length);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['OMM_FIELD_TYPE', at.line, at.column]]);
  });
});

describe('small cases', () => {
  const base = readFixture('omm/orekit/OMMExample4.txt');

  it('physically impossible elements are rejected at the field (eccentricity 1.5)', () => {
    const text = base.replace('ECCENTRICITY   = .0205751', 'ECCENTRICITY   = 1.5');
    const r = parseOmm(text, { file: 'e' });
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['ELEMENTS_ECCENTRICITY', locate(text, '1.5').line, locate(text, '1.5').column],
    ]);
  });

  it('REF_FRAME other than TEME is OMM_UNSUPPORTED_METADATA', () => {
    const r = parseOmm(base.replace('REF_FRAME      = TEME', 'REF_FRAME      = GCRF'), { file: 'f' });
    expect(r.issues.map((i) => i.code)).toEqual(['OMM_UNSUPPORTED_METADATA']);
  });

  it('units in brackets are tolerated in KVN', () => {
    const r = parseOmm(base.replace('INCLINATION    = 49.8237', 'INCLINATION    = 49.8237 [deg]'), { file: 'u' });
    expect(r.issues).toEqual([]);
    expect(Math.abs(r.items[0]!.inclinationRad - rad(49.8237))).toBeLessThan(ANGLE_TOL_RAD);
  });

  it('blank input is EMPTY_INPUT; a TLE is UNKNOWN_FORMAT for parseOmm', () => {
    expect(parseOmm('  \n', { file: 'b' }).issues.map((i) => i.code)).toEqual(['EMPTY_INPUT']);
    const tle =
      '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927\n2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537\n';
    expect(parseOmm(tle, { file: 't' }).issues.map((i) => i.code)).toEqual(['UNKNOWN_FORMAT']);
  });

  it('NORAD ids beyond 339999 (CelesTrak 9-digit numbers) are OMM_FIELD_TYPE, not a thrown RangeError', () => {
    const r = parseOmm(base.replace('NORAD_CAT_ID   = 7646', 'NORAD_CAT_ID   = 400000'), { file: 'n' });
    expect(r.issues.map((i) => i.code)).toEqual(['OMM_FIELD_TYPE']);
  });
});

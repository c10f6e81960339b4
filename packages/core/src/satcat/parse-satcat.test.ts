/**
 * SATCAT parsing on real tables: CelesTrak's catalogue as imported on 2019-08-06 (older column
 * set), a Space-Track SATCAT subset of ~April 2025, and a small table in CelesTrak's current
 * column set built from real rows of those two (fixtures/satcat/PROVENANCE.md). Values are
 * checked against a plain comma split of each file (no cell in either file is quoted) and
 * against facts recorded in shared/data/PROVENANCE.md.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test/support/fixtures.js';
import { cosparFromTleDesignator } from '../ids/norad-id.js';
import { detectElementFormat } from '../elements/omm/detect-format.js';
import { parseSatcat } from './parse-satcat.js';
import type { SatcatRecord } from './satcat-record.js';

/** A copy of `o` without `keys` (to compare records apart from where they were read). */
function without(o: object, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

const rad = (deg: number): number => (deg * Math.PI) / 180;
const dateMs = (ymd: string): number | null => {
  if (ymd === '') return null;
  const [y = NaN, m = NaN, d = NaN] = ymd.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

/** Rows of a CSV without quoted cells, as header → cell maps, with their 1-based line. */
function plainRows(text: string): { line: number; rec: Record<string, string> }[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0]!.split(',');
  return lines
    .slice(1)
    .flatMap((l, i) =>
      l === '' ? [] : [{ line: i + 2, rec: Object.fromEntries(l.split(',').map((v, k) => [header[k]!, v])) }],
    );
}

/** Differences between a record and the expected published values (minutes, degrees, km, m²). */
function mismatches(
  r: SatcatRecord,
  want: {
    norad: string;
    cospar: string;
    name: string;
    owner: string;
    launch: string;
    decay: string;
    site: string | null;
    period: string;
    incl: string;
    apogee: string;
    perigee: string;
    rcs: number | null;
    ops: string | null;
  },
): string[] {
  const out: string[] = [];
  const num = (s: string): number | null => (s === '' || s === '-1' ? null : Number(s));
  const same = (what: string, got: unknown, exp: unknown): void => {
    if (got !== exp) out.push(`${want.norad} ${what}: ${String(got)} vs ${String(exp)}`);
  };
  const near = (what: string, got: number | null, exp: number | null, tol: number): void => {
    if (got === null || exp === null ? got !== exp : !(Math.abs(got - exp) <= tol))
      out.push(`${want.norad} ${what}: ${String(got)} vs ${String(exp)}`);
  };
  same('norad', r.noradId, Number(want.norad));
  same('cospar', r.cosparId, want.cospar === '' ? null : want.cospar);
  same('name', r.name, want.name);
  same('owner', r.owner, want.owner === '' ? null : want.owner);
  same('launch', r.launchDate, dateMs(want.launch));
  same('decay', r.decayDate, dateMs(want.decay));
  same('site', r.launchSite, want.site);
  const p = num(want.period);
  near('period', r.periodSec, p === null ? null : p * 60, 1e-9);
  const inc = num(want.incl);
  near('inclination', r.inclinationRad, inc === null ? null : rad(inc), 1e-12);
  near('apogee', r.apogeeKm, num(want.apogee), 0);
  near('perigee', r.perigeeKm, num(want.perigee), 0);
  same('rcs', r.rcsM2, want.rcs);
  same('ops', r.opsStatus, want.ops);
  return out;
}

const olderText = readFixture('satcat/celestrak_satcat_2019-08-06_decoded.csv.gz');
const olderTable = parseSatcat(olderText, { file: 'celestrak_satcat_2019-08-06_decoded.csv' });

describe('CelesTrak SATCAT imported 2019-08-06 (older column set)', () => {
  const text = olderText;
  const r = olderTable;

  it('is detected as SATCAT CSV', () => {
    expect(detectElementFormat(text)).toBe('satcat-csv');
  });

  it('44,454 rows: 44,450 records and the 4 empty placeholder rows (44415-44418) as SATCAT_FIELD_MISSING', () => {
    // The source dump has rows for catalog numbers 44415..44418 with every field empty (no
    // designator, no name, -1 everywhere): numbers reserved but not yet published. A record
    // without a name is not a catalogue entry, so each comes out as an issue on its own line
    // (header is line 1, so catalog number N sits on line N + 1 here).
    expect(r.items).toHaveLength(44_450);
    expect(r.issues.map((i) => [i.code, i.line, i.expected])).toEqual([
      ['SATCAT_FIELD_MISSING', 44_416, 'SATNAME'],
      ['SATCAT_FIELD_MISSING', 44_417, 'SATNAME'],
      ['SATCAT_FIELD_MISSING', 44_418, 'SATNAME'],
      ['SATCAT_FIELD_MISSING', 44_419, 'SATNAME'],
    ]);
  });

  it('every record agrees with its row (period minutes → s, degrees → rad, -1 → null)', () => {
    const byLine = new Map(r.items.map((x) => [x.line, x]));
    const problems: string[] = [];
    for (const { line, rec } of plainRows(text)) {
      if (rec['SATNAME'] === '') continue;
      const x = byLine.get(line);
      if (x === undefined) {
        problems.push(`line ${line} missing`);
        continue;
      }
      problems.push(
        ...mismatches(x, {
          norad: rec['NORAD_CAT_ID']!,
          cospar: rec['INTLDES']!,
          name: rec['SATNAME']!,
          owner: rec['OWNER_SOURCE']!,
          launch: rec['LAUNCH_DATE']!,
          decay: rec['DECAY_DATE']!,
          site: null,
          period: rec['PERIOD_MIN']!,
          incl: rec['INCLINATION_DEG']!,
          apogee: rec['APOGEE_KM']!,
          perigee: rec['PERIGEE_KM']!,
          rcs: rec['RCS_M2'] === '-1' ? null : Number(rec['RCS_M2']),
          ops: rec['OPS_STATUS_CODE'] === '' ? null : rec['OPS_STATUS_CODE']!,
        }),
      );
    }
    expect(problems).toEqual([]);
  });

  it('USA 245 = 39232 = 2013-043A, launched 2013-08-28, US payload', () => {
    const x = r.items.find((i) => i.noradId === 39232)!;
    expect([x.name, x.cosparId, x.owner, x.objectType, x.launchDate]).toEqual([
      'USA 245',
      '2013-043A',
      'US',
      'PAYLOAD',
      Date.UTC(2013, 7, 28),
    ]);
  });

  it('Sputnik 1 (2) decayed 1958-01-03; its rocket body (1) is typed from its name', () => {
    const s = r.items.find((i) => i.noradId === 2)!;
    expect([s.name, s.objectType, s.decayDate, s.rcsM2]).toEqual(['SPUTNIK 1', 'PAYLOAD', Date.UTC(1958, 0, 3), null]);
    expect(r.items.find((i) => i.noradId === 1)!.objectType).toBe('ROCKET BODY');
  });
});

describe('Space-Track SATCAT LEO subset, ~April 2025', () => {
  const text = readFixture('satcat/spacetrack_satcat_LEO-subset_2025-04.csv.gz');
  const r = parseSatcat(text, { file: 'spacetrack_satcat_LEO-subset_2025-04.csv' });

  it('24,062 records, no issue; the unnamed pandas index column is ignored', () => {
    expect(detectElementFormat(text)).toBe('satcat-csv');
    expect(r.issues).toEqual([]);
    expect(r.items).toHaveLength(24_062);
  });

  it('every record agrees with its row (RCSVALUE 0 = not published → null; RCS_SIZE kept)', () => {
    const rows = plainRows(text);
    const problems: string[] = [];
    rows.forEach(({ line, rec }, i) => {
      const x = r.items[i]!;
      if (x.line !== line) problems.push(`line ${line}`);
      if (x.objectType !== rec['OBJECT_TYPE'] || x.rcsSize !== (rec['RCS_SIZE'] === '' ? null : rec['RCS_SIZE']))
        problems.push(`${line} type/size`);
      problems.push(
        ...mismatches(x, {
          norad: rec['NORAD_CAT_ID']!,
          cospar: rec['INTLDES']!,
          name: rec['OBJECT_NAME']!,
          owner: rec['COUNTRY']!,
          launch: rec['LAUNCH']!,
          decay: rec['DECAY']!,
          site: rec['SITE']!,
          period: rec['PERIOD']!,
          incl: rec['INCLINATION']!,
          apogee: rec['APOGEE']!,
          perigee: rec['PERIGEE']!,
          rcs: null,
          ops: null,
        }),
      );
    });
    expect(problems).toEqual([]);
  });

  it('45915 is "OBJECT E", 2019-079E, type UNKNOWN, launched 2019-11-25 from Plesetsk (PKMTR)', () => {
    const x = r.items.find((i) => i.noradId === 45915)!;
    expect([x.name, x.cosparId, x.objectType, x.owner, x.launchSite, x.launchDate]).toEqual([
      'OBJECT E',
      '2019-079E',
      'UNKNOWN',
      'CIS',
      'PKMTR',
      Date.UTC(2019, 10, 25),
    ]);
  });

  it('USA 245 = 39232 launched 2013-08-28 from AFWTR, as in the 2019 CelesTrak table', () => {
    const x = r.items.find((i) => i.noradId === 39232)!;
    expect([x.name, x.cosparId, x.launchDate, x.launchSite]).toEqual([
      'USA 245',
      '2013-043A',
      Date.UTC(2013, 7, 28),
      'AFWTR',
    ]);
  });

  it("cross-check of the older table's typing: DEB/R-B names agree with Space-Track's OBJECT_TYPE for every shared object", () => {
    const older = olderTable.items;
    const st = new Map(r.items.map((x) => [x.noradId, x]));
    const tally = new Map<string, number>();
    for (const o of older) {
      const s = st.get(o.noradId);
      if (s === undefined) continue;
      const k = `${o.objectType}→${s.objectType}`;
      tally.set(k, (tally.get(k) ?? 0) + 1);
    }
    const count = (k: string): number => tally.get(k) ?? 0;
    // Measured: 8,566 DEBRIS and 836 ROCKET BODY typed from names, all confirmed by Space-Track.
    expect(count('DEBRIS→DEBRIS')).toBe(8_566);
    expect(count('ROCKET BODY→ROCKET BODY')).toBe(836);
    const contradicted = [...tally].filter(
      ([k]) => /^(DEBRIS|ROCKET BODY)→/.test(k) && k !== 'DEBRIS→DEBRIS' && k !== 'ROCKET BODY→ROCKET BODY',
    );
    expect(contradicted).toEqual([]);
    // The payload flag agrees with Space-Track's PAYLOAD for 2,461 of 2,499 (98.5%; the rest were
    // re-typed by 2025, e.g. to UNKNOWN or ROCKET BODY).
    const payloads = [...tally].filter(([k]) => k.startsWith('PAYLOAD→')).reduce((a, [, v]) => a + v, 0);
    expect(count('PAYLOAD→PAYLOAD') / payloads).toBeGreaterThan(0.98);
  });
});

describe("CelesTrak's current column set (fixture built from real rows)", () => {
  const csvText = readFixture('satcat/celestrak-current-dialect.csv');
  const csv = parseSatcat(csvText, { file: 'current.csv' });
  const json = parseSatcat(readFixture('satcat/celestrak-current-dialect.json'), { file: 'current.json' });

  it('CSV and JSON are detected and give the same 7 records', () => {
    expect(detectElementFormat(csvText)).toBe('satcat-csv');
    expect(detectElementFormat(readFixture('satcat/celestrak-current-dialect.json'))).toBe('satcat-json');
    expect([...csv.issues, ...json.issues]).toEqual([]);
    expect(csv.items).toHaveLength(7);
    expect(json.items.map((x) => without(x, 'line'))).toEqual(csv.items.map((x) => without(x, 'line')));
  });

  it('PAY/R/B/DEB/UNK map to the full type names', () => {
    expect(csv.items.map((x) => [x.noradId, x.objectType])).toEqual([
      [1, 'ROCKET BODY'],
      [2, 'PAYLOAD'],
      [5, 'PAYLOAD'],
      [39232, 'PAYLOAD'],
      [42658, 'DEBRIS'],
      [44835, 'PAYLOAD'],
      [45915, 'UNKNOWN'],
    ]);
  });

  it('rows carry the same values as the rows they were built from', () => {
    const older = olderTable.items;
    const v = csv.items.find((x) => x.noradId === 5)!;
    expect(without(v, 'line')).toEqual(
      without(
        older.find((x) => x.noradId === 5)!,
        'line',
      ),
    );
    expect(v.rcsM2).toBe(0.122);
  });

  it('Cosmos 2543 = 44835 = 2019-079D, agreeing with its 3LE (name line and line-1 designator)', () => {
    const x = csv.items.find((i) => i.noradId === 44835)!;
    const [name, l1] = readFixture('satcat/44835_COSMOS-2543_first-set.3le').split('\n');
    expect(x.name).toBe(name!.trim());
    expect(x.noradId).toBe(Number(l1!.slice(2, 7)));
    expect(x.cosparId).toBe(cosparFromTleDesignator(l1!.slice(9, 17)));
    expect(x.cosparId).toBe('2019-079D');
    expect([x.periodSec, x.inclinationRad, x.apogeeKm, x.perigeeKm]).toEqual([null, null, null, null]);
  });
});

describe('bad SATCAT input', () => {
  const header =
    'OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OPS_STATUS_CODE,OWNER,LAUNCH_DATE,LAUNCH_SITE,DECAY_DATE,PERIOD,INCLINATION,APOGEE,PERIGEE,RCS,DATA_STATUS_CODE,ORBIT_CENTER,ORBIT_TYPE';
  const good = 'VANGUARD 1,1958-002B,5,PAY,,US,1958-03-17,,,133,34.3,3830,654,0.122,,,';

  it('a mistyped value is SATCAT_FIELD_TYPE at its cell; the other rows are kept', () => {
    const bad = good.replace('34.3', '34.3.1').replace(',5,', ',6,');
    const r = parseSatcat(`${header}\n${good}\n${bad}\n`, { file: 'x.csv' });
    expect(r.items.map((x) => x.noradId)).toEqual([5]);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['SATCAT_FIELD_TYPE', 3, bad.indexOf('34.3.1') + 1],
    ]);
  });

  it('an unknown object type, a bad date and a short row are reported', () => {
    const r = parseSatcat(
      `${header}\n${good.replace('PAY', 'SAT')}\n${good.replace('1958-03-17', '1958-13-17')}\n5,VANGUARD\n`,
      { file: 'x.csv' },
    );
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([
      ['SATCAT_FIELD_TYPE', 2],
      ['SATCAT_FIELD_TYPE', 3],
      ['SATCAT_SYNTAX', 4],
    ]);
  });

  it('broken JSON is SATCAT_SYNTAX; an OMM is UNKNOWN_FORMAT for parseSatcat', () => {
    expect(parseSatcat('[{"NORAD_CAT_ID":5,', { file: 'x', format: 'json' }).issues.map((i) => i.code)).toEqual([
      'SATCAT_SYNTAX',
    ]);
    expect(
      parseSatcat(readFixture('omm/python-sgp4/sample_omm.json'), { file: 'x' }).issues.map((i) => i.code),
    ).toEqual(['UNKNOWN_FORMAT']);
  });
});

import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/fixtures.js';
import { radPerSecToRevPerDay, radToDeg } from '../../units/quantity.js';
import type { ElementSet } from '../element-set.js';
import { parseTle } from './parse-tle.js';
import { lineAt, realRecordLines, setColumns, withChecksum, without } from './tle.test-support.js';

const FILE = 'real-records.3le';
const lines = realRecordLines();
const text = `${lines.join('\n')}\n`;

/** UTC calendar time to ms, with the fraction of a second given in ms (test-side reference). */
const utcMs = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number =>
  Date.UTC(y, mo - 1, d, h, mi, s) + ms;

const byLine = (items: readonly ElementSet[], line: number): ElementSet => {
  const s = items.find((x) => x.line === line);
  if (s === undefined) throw new Error(`no set starting at line ${String(line)}`);
  return s;
};

/** Lines 1-3 of the fixture (ISS) with `edit` applied, followed by the rest of the fixture. */
const withIss = (edit: (l1: string, l2: string) => string[]): string =>
  [lineAt(lines, 1), ...edit(lineAt(lines, 2), lineAt(lines, 3)), ...lines.slice(3)].join('\n');

describe('parseTle on real records (2LE and 3LE mixed)', () => {
  const r = parseTle(text, { file: FILE });

  it('accepts every record, with no issue', () => {
    expect(r.issues).toEqual([]);
    expect(r.items.map((x) => x.line)).toEqual([1, 4, 7, 9, 11, 13, 15, 18, 21, 24, 27]);
    expect(r.items.map((x) => x.noradId)).toEqual([25544, 5, 5, 12, 270000, 89494, 5, 3889, 39232, 50621, 35153]);
  });

  it('fills every field of a CelesTrak 3LE set (ISS)', () => {
    const s = byLine(r.items, 1);
    expect(s.name).toBe('ISS (ZARYA)');
    expect(s.cosparId).toBe('1998-067A');
    expect(s.classification).toBe('U');
    expect(s.epochText).toBe('26074.25700838');
    // 2026 day 74.25700838 = 15 March 06:10:05.524032 UTC; within 1 µs
    expect(Math.abs(s.epoch - utcMs(2026, 3, 15, 6, 10, 5, 524.032))).toBeLessThan(1e-3);
    expect(radPerSecToRevPerDay(s.meanMotionRadPerSec)).toBeCloseTo(15.48289699, 10);
    // orbital period 86400 s / 15.48289699 = 5580.355 s
    expect(Math.abs((2 * Math.PI) / s.meanMotionRadPerSec - 86_400 / 15.48289699)).toBeLessThan(1e-9);
    expect(s.eccentricity).toBe(0.0006349);
    expect(radToDeg(s.inclinationRad)).toBeCloseTo(51.633, 12);
    expect(radToDeg(s.raanRad)).toBeCloseTo(44.8327, 12);
    expect(radToDeg(s.argPerigeeRad)).toBeCloseTo(192.8038, 12);
    expect(radToDeg(s.meanAnomalyRad)).toBeCloseTo(167.279, 12);
    expect(s.bstarPerEarthRadii).toBe(0.1862e-3);
    expect(s.meanMotionDotRevPerDay2).toBe(0.00009576);
    expect(s.meanMotionDdotRevPerDay3).toBe(0);
    expect(s.elementSetNo).toBe(999);
    expect(s.revAtEpoch).toBe(55719);
    expect(s.ephemerisType).toBe(0);
    expect(s.theory).toBe('SGP4');
    expect(s.format).toBe('tle');
    expect(s.raw).toBe(lines.slice(0, 3).join('\n'));
  });

  it('reads Space-Track style: "0 NAME", + signs, blank-padded number, zero-padded angle', () => {
    const s = byLine(r.items, 4);
    expect(s.name).toBe('VANGUARD 1');
    expect(s.noradId).toBe(5);
    expect(s.meanMotionDotRevPerDay2).toBe(-0.0000016);
    expect(s.meanMotionDdotRevPerDay3).toBe(0); // +00000-0
    expect(s.bstarPerEarthRadii).toBe(-0.18194e-3); // -18194-3
    expect(radToDeg(s.inclinationRad)).toBeCloseTo(34.243, 12); // 034.2430
    // 2019 day 78.66404675 = 19 March 15:56:13.6392 UTC
    expect(Math.abs(s.epoch - utcMs(2019, 3, 19, 15, 56, 13, 639.2))).toBeLessThan(1e-3);
  });

  it('reads 2LE sets: implied-decimal B*, blank-padded and Alpha-5 numbers, blank designator, + signs', () => {
    const v = byLine(r.items, 7);
    expect(v.name).toBeNull();
    expect(v.bstarPerEarthRadii).toBe(0.29705e-3); // ` 29705-3`
    expect(Math.abs(v.epoch - utcMs(2022, 8, 9, 7, 38, 25, 18.368))).toBeLessThan(1e-3);
    expect(byLine(r.items, 9).noradId).toBe(12); // `1    12U`
    expect(byLine(r.items, 9).cosparId).toBe('1959-001B');
    const t = byLine(r.items, 11);
    expect(t.noradId).toBe(270000); // T0000: T is the 18th Alpha-5 letter (I, O skipped) → 27×10000
    expect(t.cosparId).toBeNull();
    const a = byLine(r.items, 13);
    expect(a.meanMotionDotRevPerDay2).toBe(0.00001371); // +.00001371
    expect(a.bstarPerEarthRadii).toBe(0.81653e-3); // +81653-3
    expect(a.cosparId).toBeNull();
  });

  it('trims CelesTrak padded names and keeps the raw lines without trailing blanks', () => {
    const s = byLine(r.items, 15);
    expect(s.name).toBe('VANGUARD 1');
    expect(s.raw.split('\n')[0]).toBe('VANGUARD 1');
  });

  it('reads McCants amateur elsets (0.00000000 ṅ/2, element number and revolution 0)', () => {
    const c = byLine(r.items, 18);
    expect(c.name).toBe('Canyon 2');
    expect(c.meanMotionDotRevPerDay2).toBe(0);
    expect(c.bstarPerEarthRadii).toBe(0);
    expect(c.elementSetNo).toBe(0);
    expect(c.revAtEpoch).toBe(0);
    expect(Math.abs(c.epoch - utcMs(2022, 2, 27, 13, 57, 34, 242.912))).toBeLessThan(1e-3);
    expect(byLine(r.items, 21).meanMotionDotRevPerDay2).toBe(0.00016523); // 0.00016523
  });

  it('reads 3-letter pieces', () => {
    expect(byLine(r.items, 24).cosparId).toBe('1982-092ALR');
  });
});

describe('parseTle text handling', () => {
  const base = parseTle(text, { file: FILE }).items;
  const fields = (s: ElementSet): Omit<ElementSet, 'raw' | 'line'> => without(s, 'raw', 'line');

  it('handles a UTF-8 BOM, CRLF, indentation, trailing blanks and blank lines', () => {
    const messy = `\uFEFF\r\n${lines.map((l) => `  ${l}  \t`).join('\r\n\r\n')}\r\n\r\n`;
    const r = parseTle(messy, { file: 'messy' });
    expect(r.issues).toEqual([]);
    expect(r.items.map(fields)).toEqual(base.map(fields));
    expect(r.items[0]?.line).toBe(2);
    expect(r.items[0]?.raw).toBe(
      lines
        .slice(0, 3)
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  });

  it('handles lone-CR line ends and no final newline', () => {
    const r = parseTle(lines.join('\r'), { file: 'cr' });
    expect(r.issues).toEqual([]);
    expect(r.items.map(fields)).toEqual(base.map(fields));
  });

  it('skips # comment lines; reports empty or comment-only input', () => {
    const r = parseTle(`# header\n${text}`, { file: 'c' });
    expect(r.items).toHaveLength(11);
    expect(r.items[0]?.name).toBe('ISS (ZARYA)');
    for (const input of ['', '  \n\n', '# only a comment\n']) {
      const e = parseTle(input, { file: 'e' });
      expect(e.items).toEqual([]);
      expect(e.issues.map((i) => [i.code, i.severity, i.line])).toEqual([['EMPTY_INPUT', 'warning', 1]]);
    }
  });

  it('maps 2-digit epoch years 57-99 to 19xx and 00-56 to 20xx', () => {
    const y57 = parseTle(
      [withChecksum(setColumns(lineAt(lines, 7), 19, '57300.50000000')), lineAt(lines, 8)].join('\n'),
      { file: 'y' },
    );
    expect(y57.items[0]?.epoch).toBe(Date.UTC(1957, 9, 27, 12));
    const y56 = parseTle(
      [withChecksum(setColumns(lineAt(lines, 7), 19, '56001.00000000')), lineAt(lines, 8)].join('\n'),
      { file: 'y' },
    );
    expect(y56.items[0]?.epoch).toBe(Date.UTC(2056, 0, 1));
  });

  it('maps the ephemeris type to the theory', () => {
    const theory = (d: string): string | undefined =>
      parseTle([withChecksum(setColumns(lineAt(lines, 7), 63, d)), lineAt(lines, 8)].join('\n'), { file: 't' }).items[0]
        ?.theory;
    expect([' ', '0', '2', '4'].map(theory)).toEqual(['SGP4', 'SGP4', 'SGP4', 'SGP4-XP']);
  });
});

describe('eccentricity written with 8 digits (70-character line 2)', () => {
  it('reads the brief example: e = 0.01679532, n = 14.74467635, rev 98481, checksum 5 in column 70', () => {
    const r = parseTle(readFixture('tle/eccentricity-8-digit.tle'), { file: '8' });
    expect(r.issues).toEqual([]);
    const s = r.items[0];
    expect(s?.eccentricity).toBe(0.01679532);
    expect(radPerSecToRevPerDay(s?.meanMotionRadPerSec ?? 0)).toBeCloseTo(14.74467635, 10);
    expect(s?.revAtEpoch).toBe(98481);
    expect(radToDeg(s?.argPerigeeRad ?? 0)).toBeCloseTo(174.5846, 12);
    expect(radToDeg(s?.meanAnomalyRad ?? 0)).toBeCloseTo(185.7228, 12);
  });

  it('decodes a real line rewritten with an 8-digit eccentricity to the same values', () => {
    const l2 = lineAt(lines, 29); // ... 0176384 ...
    const wide = l2.slice(0, 33) + '0' + l2.slice(33, 68);
    const wideLine = wide + String(checksumOf(wide));
    const a = parseTle([lineAt(lines, 28), l2].join('\n'), { file: 'a' }).items[0];
    const b = parseTle([lineAt(lines, 28), wideLine].join('\n'), { file: 'b' });
    expect(b.issues).toEqual([]);
    const fb = b.items[0];
    if (a === undefined || fb === undefined) throw new Error('not parsed');
    expect(without(fb, 'raw')).toEqual(without(a, 'raw'));
  });
});

function checksumOf(s: string): number {
  let sum = 0;
  for (const ch of s) sum += ch === '-' ? 1 : /\d/.test(ch) ? Number(ch) : 0;
  return sum % 10;
}

describe('defects: each reported with code, line, column; the other records still returned', () => {
  const expectOthersKept = (items: readonly ElementSet[]): void => {
    expect(items.map((x) => x.noradId)).toEqual([5, 5, 12, 270000, 89494, 5, 3889, 39232, 50621, 35153]);
  };

  it('checksum error: rejected under verify, kept with a warning under warn, unchecked under ignore', () => {
    const bad = withIss((l1, l2) => [setColumns(l1, 69, '7'), l2]); // written 8
    const v = parseTle(bad, { file: 'f' });
    expect(v.issues.map((i) => [i.code, i.severity, i.line, i.column])).toEqual([['TLE_CHECKSUM', 'error', 2, 69]]);
    expect(v.issues[0]?.message).toContain('expected 8');
    expect(v.issues[0]?.message).toContain('found 7');
    expect(v.issues[0]?.file).toBe('f');
    expectOthersKept(v.items);
    const w = parseTle(bad, { file: 'f', checksum: 'warn' });
    expect(w.items).toHaveLength(11);
    expect(w.issues.map((i) => [i.code, i.severity])).toEqual([['TLE_CHECKSUM', 'warning']]);
    const g = parseTle(bad, { file: 'f', checksum: 'ignore' });
    expect(g.items).toHaveLength(11);
    expect(g.issues).toEqual([]);
  });

  it('truncated line → TLE_LINE_LENGTH at the first missing column', () => {
    const r = parseTle(
      withIss((l1, l2) => [l1, l2.slice(0, 50)]),
      { file: 'f' },
    );
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['TLE_LINE_LENGTH', 3, 51]]);
    expect(r.issues[0]?.expected).toBe('2 NNNNN NNN.NNNN NNN.NNNN NNNNNNN NNN.NNNN NNN.NNNN NN.NNNNNNNNNNNNNN');
    expectOthersKept(r.items);
  });

  it('non-ASCII character → NON_ASCII at its column', () => {
    const r = parseTle(
      withIss((l1, l2) => [setColumns(l1, 25, 'é'), l2]),
      { file: 'f' },
    );
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['NON_ASCII', 2, 25]]);
    expect(r.issues[0]?.expected).toBe('1 NNNNNC NNNNNAAA NNNNN.NNNNNNNN +.NNNNNNNN +NNNNN-N +NNNNN-N N NNNNN');
    expectOthersKept(r.items);
  });

  it('swapped lines (line 2 before line 1) → TLE_LINE_NUMBER', () => {
    const r = parseTle(
      withIss((l1, l2) => [l2, l1]),
      { file: 'f' },
    );
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['TLE_LINE_NUMBER', 2, 1]]);
    expectOthersKept(r.items);
  });

  it('different catalog numbers on line 1 and 2 → TLE_CATALOG_MISMATCH', () => {
    const r = parseTle(
      withIss((l1, l2) => [l1, withChecksum(setColumns(l2, 3, '25545'))]),
      { file: 'f' },
    );
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['TLE_CATALOG_MISMATCH', 3, 3]]);
    expectOthersKept(r.items);
  });

  it('unparseable fields → TLE_FIELD at the field column', () => {
    const cases: [(l1: string, l2: string) => string[], number, number][] = [
      [(l1, l2) => [l1, withChecksum(setColumns(l2, 12, 'X'))], 3, 9], // inclination 51.X330
      [(l1, l2) => [withChecksum(setColumns(l1, 54, ' 186?0-3')), l2], 2, 54], // B*
      [(l1, l2) => [withChecksum(setColumns(l1, 27, ':')), l2], 2, 21], // epoch day
      [(l1, l2) => [withChecksum(setColumns(l1, 8, 'X')), l2], 2, 8], // classification
      [(l1, l2) => [l1, withChecksum(setColumns(l2, 29, '-'))], 3, 27], // eccentricity
      [(l1, l2) => [withChecksum(setColumns(l1, 18, 'Z')), l2], 2, 18], // column 18 must be blank
    ];
    for (const [edit, line, column] of cases) {
      const r = parseTle(withIss(edit), { file: 'f' });
      expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['TLE_FIELD', line, column]]);
      expectOthersKept(r.items);
    }
  });

  it('impossible values → ELEMENTS_* (a TLE cannot write e ≥ 1: see docs/design/tle.md)', () => {
    const cases: [(l1: string, l2: string) => string[], string, number, number][] = [
      [(l1, l2) => [l1, withChecksum(setColumns(l2, 53, '-5.48289699'))], 'ELEMENTS_MEAN_MOTION', 3, 53],
      [(l1, l2) => [l1, withChecksum(setColumns(l2, 53, '17.48289699'))], 'ELEMENTS_MEAN_MOTION', 3, 53],
      [(l1, l2) => [l1, withChecksum(setColumns(l2, 9, '181.6330'))], 'ELEMENTS_ANGLE', 3, 9],
      [(l1, l2) => [l1, withChecksum(setColumns(l2, 18, '361.0000'))], 'ELEMENTS_ANGLE', 3, 18],
      [(l1, l2) => [withChecksum(setColumns(l1, 19, '25366.50000000')), l2], 'ELEMENTS_EPOCH', 2, 21],
      [(l1, l2) => [withChecksum(setColumns(l1, 19, '26000.50000000')), l2], 'ELEMENTS_EPOCH', 2, 21],
    ];
    for (const [edit, code, line, column] of cases) {
      const r = parseTle(withIss(edit), { file: 'f' });
      expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([[code, line, column]]);
      expectOthersKept(r.items);
    }
    // Day 366 exists in a leap year (2024), not in 2025.
    const leap = parseTle(
      withIss((l1, l2) => [withChecksum(setColumns(l1, 19, '24366.50000000')), l2]),
      { file: 'f' },
    );
    expect(leap.items).toHaveLength(11);
    // The largest eccentricity a 7-digit field can hold is accepted.
    const e = parseTle(
      withIss((l1, l2) => [l1, withChecksum(setColumns(l2, 27, '9999999'))]),
      { file: 'f' },
    );
    expect(e.items[0]?.eccentricity).toBe(0.9999999);
  });

  it('orphan and missing lines; resynchronises on the next good record', () => {
    // line 2 of ISS dropped: ISS line 1 has no line 2, VANGUARD 1 still parsed with its name
    const missing = parseTle(
      withIss((l1) => [l1]),
      { file: 'f' },
    );
    expect(missing.issues.map((i) => [i.code, i.line, i.column])).toEqual([['TLE_MISSING_LINE', 2, 0]]);
    expect(missing.items[0]?.name).toBe('VANGUARD 1');
    expectOthersKept(missing.items);
    // a stray line 2 between two records
    const stray = parseTle(
      withIss((l1, l2) => [l1, l2, lineAt(lines, 20)]),
      { file: 'f' },
    );
    expect(stray.issues.map((i) => [i.code, i.severity, i.line])).toEqual([['TLE_ORPHAN_LINE', 'error', 4]]);
    expect(stray.items).toHaveLength(11);
    // a name line with no set after it (end of file)
    const name = parseTle(`${text}LAST NAME\n`, { file: 'f' });
    expect(name.issues.map((i) => [i.code, i.severity, i.line])).toEqual([['TLE_ORPHAN_LINE', 'warning', 30]]);
    expect(name.items).toHaveLength(11);
    // line 1's first character corrupted: it reads as a name line, its line 2 is an orphan
    const corrupt = parseTle(
      withIss((l1, l2) => [`X${l1.slice(1)}`, l2]),
      { file: 'f' },
    );
    expect(corrupt.issues.map((i) => [i.code, i.line])).toEqual([
      ['TLE_ORPHAN_LINE', 1],
      ['TLE_ORPHAN_LINE', 3],
      ['TLE_ORPHAN_LINE', 2],
    ]);
    expectOthersKept(corrupt.items);
  });

  it('a duplicated line 1 keeps the name for the set that completes', () => {
    const r = parseTle(
      withIss((l1, l2) => [l1, l1, l2]),
      { file: 'f' },
    );
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['TLE_MISSING_LINE', 2]]);
    expect(r.items[0]?.name).toBe('ISS (ZARYA)');
    expect(r.items).toHaveLength(11);
  });

  it('keeps a name with non-ASCII characters, with a warning', () => {
    const r = parseTle(`  KOSMOS 2558 «ЗЕНИТ»\n${lines.slice(1, 3).join('\n')}`, { file: 'f' });
    expect(r.items[0]?.name).toBe('KOSMOS 2558 «ЗЕНИТ»');
    expect(r.issues.map((i) => [i.code, i.severity, i.line, i.column])).toEqual([['NON_ASCII', 'warning', 1, 15]]);
  });
});

describe('parseTle designator reuse between consecutive records', () => {
  // The ISS record (lines 2-3 of the fixture, designator 98067A in columns 10-17) repeated with
  // edited designators: the parser reuses the previous record's COSPAR id only for the same text.
  const [l1, l2] = [lineAt(lines, 2), lineAt(lines, 3)];
  const withDesignator = (d: string): string[] => [withChecksum(setColumns(l1, 10, d)), l2];

  it('gives each record the COSPAR id of its own designator', () => {
    const designators = ['98067A  ', '98067A  ', '        ', '98067A  ', '98067B  ', '98067A  ', '98067AB '];
    const r = parseTle(designators.flatMap(withDesignator).join('\n'), { file: 'd.tle' });
    expect(r.issues).toEqual([]);
    expect(r.items.map((s) => s.cosparId)).toEqual([
      '1998-067A',
      '1998-067A',
      null,
      '1998-067A',
      '1998-067B',
      '1998-067A',
      '1998-067AB',
    ]);
  });

  it('reports a malformed designator even right after a valid one of the same object', () => {
    const r = parseTle(
      [...withDesignator('98067A  '), ...withDesignator('98O67A  '), ...withDesignator('98067A  ')].join('\n'),
      {
        file: 'd.tle',
      },
    );
    expect(r.items.map((s) => s.line)).toEqual([1, 5]);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['TLE_FIELD', 3, 10]]);
  });
});

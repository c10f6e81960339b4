/**
 * Space-Track decay messages read from four real recorded records (fixtures/decay/PROVENANCE.md):
 * SATCAT-sourced and decay-message Historical rows and a 60-day Prediction. The Historical decay
 * days are checked against the real CelesTrak SATCAT of 2019-08-06 (an independent record of the
 * same decays); bad records are rejected with their code, line and column while the rest of the
 * batch is kept.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test/support/fixtures.js';
import { detectElementFormat } from '../elements/omm/detect-format.js';
import { parseElementFile } from '../elements/parse-element-file.js';
import { parseDecayMessages, parseSpaceTrackTime } from './parse-decay.js';

const FILE = 'decay/spacetrack-decay_recorded.json';
const text = readFixture(FILE);
const lines = text.split('\n');

/** Decay days of the real 2019 CelesTrak SATCAT, by NORAD id. */
function satcatDecayDays(): Map<number, string> {
  const rows = readFixture('satcat/celestrak_satcat_2019-08-06_decoded.csv.gz').split('\n');
  const header = rows[0]!.split(',');
  const norad = header.indexOf('NORAD_CAT_ID');
  const decay = header.indexOf('DECAY_DATE');
  const out = new Map<number, string>();
  for (const r of rows.slice(1)) {
    const c = r.split(',');
    if (c[norad] !== undefined && c[decay] !== undefined && c[decay] !== '') out.set(Number(c[norad]), c[decay]);
  }
  return out;
}

/** 1-based column of `needle` on 1-based line `line` of `t`. */
const columnOf = (t: string, line: number, needle: string): number => t.split('\n')[line - 1]!.indexOf(needle) + 1;

describe('parseDecayMessages on recorded Space-Track records', () => {
  it('is detected as decay JSON (not SATCAT) and read without issue', () => {
    expect(detectElementFormat(text)).toBe('decay-json');
    const r = parseDecayMessages(text, { file: FILE });
    expect(r.issues).toEqual([]);
    expect(r.items.map((m) => [m.noradId, m.messageType, m.source, m.precedence, m.line])).toEqual([
      [1, 'Historical', 'satcat', 1, 2],
      [4917, 'Prediction', '60day_msg', 4, 3],
      [35817, 'Historical', 'satcat', 1, 4],
      [37351, 'Historical', 'decay_msg', 2, 5],
    ]);
  });

  it('reads the published times as UTC: messages to the second, decays as days', () => {
    const [sl1, thorad, htv1, htv2] = parseDecayMessages(text, { file: FILE }).items;
    expect(sl1).toMatchObject({
      name: 'SL-1 R/B',
      cosparId: '1957-001A',
      country: 'CIS',
      rcsSize: 'LARGE',
      messageEpoch: null,
      decayEpoch: Date.UTC(1957, 11, 1),
      precision: 'day',
      decayEpochText: '1957-12-01 0:00:00',
    });
    expect(thorad).toMatchObject({
      messageEpoch: Date.UTC(2018, 1, 7, 16, 37, 2),
      decayEpoch: Date.UTC(2019, 2, 23),
      precision: 'day',
    });
    expect(htv1?.messageEpoch).toBeNull();
    expect(htv2).toMatchObject({ messageEpoch: Date.UTC(2011, 2, 30, 4, 13, 0), decayEpoch: Date.UTC(2011, 2, 30) });
    // each record keeps its text as received
    expect(JSON.parse(htv2!.raw)).toMatchObject({ OBJECT_NAME: 'HTV 2', MSG_EPOCH: '2011-03-30 04:13:00' });
  });

  it('Historical decays are the SATCAT decay days; the 2018 prediction for 4917 was a year off its real decay', () => {
    const days = satcatDecayDays();
    const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
    const msgs = parseDecayMessages(text, { file: FILE }).items;
    for (const m of msgs.filter((x) => x.messageType === 'Historical'))
      expect(iso(m.decayEpoch)).toBe(days.get(m.noradId));
    const prediction = msgs.find((m) => m.messageType === 'Prediction')!;
    expect(days.get(4917)).toBe('2018-03-08');
    expect((prediction.decayEpoch - Date.UTC(2018, 2, 8)) / 86_400_000).toBe(380);
  });

  it('parseElementFile routes decay messages to `decay`, never to SATCAT or element sets', () => {
    const r = parseElementFile(text, { file: FILE });
    expect(r.format).toBe('decay-json');
    expect(r.decay).toHaveLength(4);
    expect(r.satcat).toEqual([]);
    expect(r.elementSets).toEqual([]);
  });

  it('reads the same records from CSV', () => {
    const records = JSON.parse(text) as Record<string, string | null>[];
    const cols = Object.keys(records[0]!);
    const csv = [cols.join(','), ...records.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n');
    expect(detectElementFormat(csv)).toBe('decay-csv');
    const fromCsv = parseDecayMessages(csv, { file: 'd.csv' });
    expect(fromCsv.issues).toEqual([]);
    const strip = (m: object): Record<string, unknown> =>
      Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'raw' && k !== 'line'));
    expect(fromCsv.items.map(strip)).toEqual(parseDecayMessages(text, { file: FILE }).items.map(strip));
  });
});

describe('parseDecayMessages: bad records are issues, the batch keeps its good ones', () => {
  it('a window as DECAY_EPOCH is DECAY_FIELD_TYPE at its line and column, not a guessed date', () => {
    const bad = text.replace('"DECAY_EPOCH":"2019-03-23 0:00:00"', '"DECAY_EPOCH":"2019-03-23 +/- 5 days"');
    const r = parseDecayMessages(bad, { file: 'f.json' });
    expect(r.items.map((m) => m.noradId)).toEqual([1, 35817, 37351]);
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: 'DECAY_FIELD_TYPE',
        severity: 'error',
        file: 'f.json',
        line: 3,
        column: columnOf(bad, 3, '"2019-03-23 +/- 5 days"'),
        input: '2019-03-23 +/- 5 days',
      }),
    ]);
  });

  it('a prediction without MSG_EPOCH, an unknown MSG_TYPE and a missing NORAD id are rejected each with its code', () => {
    const bad = text
      .replace('"MSG_EPOCH":"2018-02-07 16:37:02"', '"MSG_EPOCH":null')
      .replace('"MSG_TYPE":"Historical","PRECEDENCE":"2"', '"MSG_TYPE":"Forecast","PRECEDENCE":"2"')
      .replace('"NORAD_CAT_ID":"35817","OBJECT_NUMBER":"35817"', '"NORAD_CAT_ID":"","OBJECT_NUMBER":null');
    const r = parseDecayMessages(bad, { file: 'f.json' });
    expect(r.items.map((m) => m.noradId)).toEqual([1]);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['DECAY_FIELD_MISSING', 3, columnOf(bad, 3, 'null,"DECAY_EPOCH"')],
      ['DECAY_FIELD_MISSING', 4, columnOf(bad, 4, '""')],
      ['DECAY_FIELD_TYPE', 5, columnOf(bad, 5, '"Forecast"')],
    ]);
  });

  it('a download cut short keeps the records before the cut and reports DECAY_SYNTAX', () => {
    const cut = lines.slice(0, 4).join('\n') + '\n{"NORAD_CAT_ID":"37351","OBJECT_NUMBER":"373';
    const r = parseDecayMessages(cut, { file: 'cut.json' });
    expect(r.items.map((m) => m.noradId)).toEqual([1, 4917, 35817]);
    expect(r.issues.map((i) => i.code)).toContain('DECAY_SYNTAX');
    expect(r.issues.every((i) => i.line >= 5)).toBe(true);
  });

  it('an empty download is EMPTY_INPUT; an empty array is a warning', () => {
    expect(parseDecayMessages('', { file: 'e' }).issues.map((i) => [i.code, i.severity])).toEqual([
      ['EMPTY_INPUT', 'error'],
    ]);
    expect(parseDecayMessages('[]', { file: 'e', format: 'json' }).issues.map((i) => [i.code, i.severity])).toEqual([
      ['EMPTY_INPUT', 'warning'],
    ]);
  });
});

describe('parseSpaceTrackTime', () => {
  it('reads the published forms as UTC and says whether a time was given', () => {
    expect(parseSpaceTrackTime('2019-03-23 0:00:00')).toEqual({ at: Date.UTC(2019, 2, 23), precision: 'day' });
    expect(parseSpaceTrackTime('2019-03-23')).toEqual({ at: Date.UTC(2019, 2, 23), precision: 'day' });
    expect(parseSpaceTrackTime('2012-03-28 07:03:19')).toEqual({
      at: Date.UTC(2012, 2, 28, 7, 3, 19),
      precision: 'time',
    });
    expect(parseSpaceTrackTime('2011-03-30T04:13')).toEqual({ at: Date.UTC(2011, 2, 30, 4, 13), precision: 'time' });
  });

  it('refuses what is not a date: windows, impossible days, other orders', () => {
    for (const t of ['2019-03-23 +/- 5 days', '2019-02-30', '23/03/2019', '2019-03-23 25:00:00', 'soon'])
      expect(parseSpaceTrackTime(t), t).toBeUndefined();
  });
});

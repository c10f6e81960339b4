/**
 * `objects` lists what has element sets unless asked for every SATCAT entry; `objects --csv` and
 * `history --csv` print RFC 4180 CSV with the `--json` fields as columns (built binary).
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempDb } from './run-cli.js';

const EVENTS = 'fixtures/events/inspector-history';
/** CelesTrak SATCAT rows of the current dialect: NORAD 1-5 etc., none of which has sets here. */
const SATCAT = 'fixtures/satcat/celestrak-current-dialect.csv';

/** RFC 4180 reader (quoted fields may hold commas, doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

interface ObjectsJson {
  objects: { norad: number; elementSets: number }[];
}

describe('objects and history output (built binary)', () => {
  const db = tempDb();
  const ingest = runCli(['ingest', '--db', db, '--quiet', `${EVENTS}/*.3le`, SATCAT]);
  const objects = (...args: string[]): ObjectsJson =>
    JSON.parse(runCli(['objects', '--db', db, '--json', ...args]).stdout) as ObjectsJson;

  it('without a filter lists the objects with element sets; --all every catalogued object', () => {
    expect(ingest.code, ingest.stderr).toBe(0);
    const withSets = objects();
    const all = objects('--all');
    // 13 files of the inspector histories, one object each (PROVENANCE §2a).
    expect(withSets.objects).toHaveLength(13);
    expect(withSets.objects.every((o) => o.elementSets > 0)).toBe(true);
    expect(all.objects.length).toBeGreaterThan(withSets.objects.length);
    expect(all.objects.some((o) => o.elementSets === 0)).toBe(true);
    expect(objects('--with-sets')).toEqual(withSets);
    expect(objects('--limit', '3').objects.map((o) => o.norad)).toEqual(
      withSets.objects.slice(0, 3).map((o) => o.norad),
    );
    const note = runCli(['objects', '--db', db]);
    expect(note.code).toBe(0);
    expect(note.stderr).toContain('--all');
    expect(runCli(['objects', '--db', db, '--all', '--with-sets']).code).toBe(2);
  });

  it('a filter lists every match, with or without sets, unless --with-sets', () => {
    const owner = objects('--owner', 'CIS');
    expect(owner.objects.some((o) => o.elementSets === 0)).toBe(true);
    expect(objects('--owner', 'CIS', '--with-sets').objects.every((o) => o.elementSets > 0)).toBe(true);
  });

  it('objects --csv has the --json fields as columns, one row per object', () => {
    const r = runCli(['objects', '--db', db, '--csv', '--all']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual([
      'norad',
      'name',
      'cosparId',
      'objectType',
      'owner',
      'launchDateUtc',
      'decayDateUtc',
      'elementSets',
      'firstEpochUtc',
      'lastEpochUtc',
    ]);
    const json = objects('--all');
    expect(rows.slice(1).map((x) => Number(x[0]))).toEqual(json.objects.map((o) => o.norad));
    expect(rows.slice(1).map((x) => Number(x[7]))).toEqual(json.objects.map((o) => o.elementSets));
  });

  it('history --csv quotes the raw element set and reads back field for field', () => {
    const json = JSON.parse(runCli(['history', '44835', '--db', db, '--json']).stdout) as {
      elementSets: { elementSetId: number; epochUtc: string; raw: string; perigeeKm: number }[];
    };
    const r = runCli(['history', '44835', '--db', db, '--csv']);
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toContain('raw');
    const col = (name: string): number => header!.indexOf(name);
    expect(rows).toHaveLength(json.elementSets.length); // 7 sets (PROVENANCE §2a)
    rows.forEach((row, i) => {
      const s = json.elementSets[i]!;
      expect(Number(row[col('elementSetId')])).toBe(s.elementSetId);
      expect(row[col('epochUtc')]).toBe(s.epochUtc);
      expect(row[col('raw')]).toBe(s.raw); // multi-line, quoted
      expect(Number(row[col('perigeeKm')])).toBe(s.perigeeKm);
    });
    expect(runCli(['history', '44835', '--db', db, '--csv', '--json']).code).toBe(2);
  });
});

/**
 * `tleFromRaw` must give back exactly the element set the parser produced at ingest, from the
 * raw text the store keeps (the store decodes TLE rows this way on every read). Checked on every
 * set of the real TLE fixtures — catalogue snapshots 2019-2026, the amateur classfd file, the
 * 8-digit-eccentricity lines, ISS and 600 background objects of 2026 — parsed with checksums
 * only warned about, so sets with a wrong checksum (stored under `--checksum warn`) are included.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/fixtures.js';
import { parseTle } from './parse-tle.js';
import { tleFromRaw } from './tle-from-raw.js';

const FILES = [
  'catalog-snapshots/alexphi314-debris_full-catalog_2019-03-19.3le.gz',
  'catalog-snapshots/kessler-plotter_full-catalog_2021-05-29.3le.gz',
  'catalog-snapshots/SpaceTrash_full-catalog_2021-10-02.3le.gz',
  'catalog-snapshots/ODAP_full-catalog_2022-01-22.3le.gz',
  'catalog-snapshots/satellite-js_full-catalog_2022-08-09.tle.gz',
  'catalog-snapshots/Ever-m1ss_near-earth-catalog_2026-06-10.3le.gz',
  'catalog-snapshots/celestrak-tle-mirror-2026-07-24/active.tle.gz',
  'catalog-snapshots/celestrak-tle-mirror-2026-07-24/classfd.tle.gz',
  'tle/eccentricity-8-digit.tle',
  'tle/real-records.3le',
  'history-2026/iss.3le.gz',
  'history-2026/background-sample-600.3le.gz',
];

describe('tleFromRaw: the stored raw text decodes to the ingested set', () => {
  it.each(FILES)('%s: every accepted set, bit for bit (line aside)', (file) => {
    const { items } = parseTle(readFixture(file), { file, checksum: 'warn' });
    expect(items.length).toBeGreaterThan(0);
    let mismatches = 0;
    for (const s of items) {
      const d = tleFromRaw(s.raw);
      if (d === undefined || JSON.stringify({ ...d, line: s.line }) !== JSON.stringify(s)) {
        mismatches++;
        if (mismatches === 1) expect({ ...d, line: s.line }).toEqual(s);
      }
    }
    expect(mismatches).toBe(0);
  });

  it('answers undefined for text that is not exactly one acceptable set', () => {
    const { items } = parseTle(readFixture('tle/real-records.3le'), { file: 'r' });
    const [a, b] = items;
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(tleFromRaw(`${a!.raw}\n${b!.raw}`)).toBeUndefined(); // two sets
    expect(tleFromRaw(a!.raw.slice(0, -20))).toBeUndefined(); // line 2 cut short
    expect(tleFromRaw('')).toBeUndefined();
    const lines = a!.raw.split('\n');
    const l2 = lines.at(-1)!;
    // a damaged inclination field: rejected even though the checksum is not checked
    expect(tleFromRaw([...lines.slice(0, -1), `${l2.slice(0, 8)}abc.defg${l2.slice(16)}`].join('\n'))).toBeUndefined();
    // a wrong checksum alone is accepted (the set was stored under --checksum warn or ignore)
    const badSum = `${l2.slice(0, 68)}${String((Number(l2.slice(68)) + 1) % 10)}`;
    expect(tleFromRaw([...lines.slice(0, -1), badSum].join('\n'))?.noradId).toBe(a!.noradId);
  });
});

/**
 * The export use case on two real objects in a temporary SQLite store: Cosmos 2576 (CelesTrak)
 * and USA 314 (McCants' amateur elements), with a proximity event stored for them by hand (the
 * event is input here: what is tested is how its objects are exported). The default window is the
 * event ± one orbit of the slower object; each object keeps its role, names and its own sets with
 * their sources; USA 314's set changes inside the window and the OEM has a segment per set.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectedEvent } from '@orbwatch/core';
import { ErrorCode, instant, noradId, parseIsoInstant, parseOemKvn, parseTle } from '@orbwatch/core';
import type { SqliteCatalogRepository, StoredEvent } from '@orbwatch/store';
import { ingestElementSets, openSqliteCatalog } from '@orbwatch/store';
import { exportEphemeris } from '../src/export/export-ephemeris.js';

const FIXTURES = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../fixtures/events/inspector-target-series-2026',
);
const now = () => instant(Date.UTC(2026, 11, 6));
const at = (iso: string) => parseIsoInstant(iso)!;

describe('exportEphemeris (Cosmos 2576 and USA 314, July 2026)', () => {
  let dir: string;
  let repo: SqliteCatalogRepository;
  let event: StoredEvent;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbwatch-export-'));
    repo = openSqliteCatalog(join(dir, 'e.db'));
    for (const [file, source, kind] of [
      ['59773_COSMOS-2576.3le', 'celestrak-active', 'official'],
      ['48247_USA-314.3le', 'mccants-classfd', 'amateur'],
    ] as const) {
      const sets = parseTle(readFileSync(join(FIXTURES, file), 'utf8'), { file }).items;
      await ingestElementSets(
        repo,
        { source: { name: source, kind }, retrievedAt: now(), files: [file], elementSets: sets, issues: [] },
        { now },
      );
    }
    const detected: DetectedEvent = {
      kind: 'proximity',
      objects: [
        { norad: noradId(59773), role: 'chaser' },
        { norad: noradId(48247), role: 'target' },
      ],
      start: at('2026-07-11T00:00:00Z'),
      end: at('2026-07-11T03:00:00Z'),
      measures: {},
      elementSets: [],
      detector: 'hand-made-test-event',
      detectorVersion: '0',
      parameters: {},
    };
    const { ids } = repo.saveEvents([detected], now());
    event = repo.getEvent(ids[0]!)!;
  });
  afterAll(() => {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pads the event by one orbit of the slower object and exports both with roles, names and sources', async () => {
    const { text, document } = await exportEphemeris(repo, {
      format: 'geojson',
      event,
      now: now(),
      generator: 'orbwatch test',
    });
    // USA 314: 14.706 rev/day → 97.92 min, slower than Cosmos 2576 (15.28 rev/day, 94.2 min)
    const padMin = 1440 / 14.706;
    expect((event.start - document.from) / 60_000).toBeGreaterThanOrEqual(padMin - 0.05);
    expect((event.start - document.from) / 60_000).toBeLessThan(padMin + 1);
    expect((document.to - event.end) / 60_000).toBeGreaterThanOrEqual(padMin - 0.05);
    expect((document.to - event.end) / 60_000).toBeLessThan(padMin + 1);
    expect(document.from % 60_000).toBe(0);

    const fc = JSON.parse(text) as {
      features: {
        properties: {
          noradId: number;
          name: string;
          role: string;
          elementSets: { source: string; epochUtc: string }[];
        };
      }[];
    };
    const byNorad = new Map(fc.features.map((f) => [f.properties.noradId, f.properties]));
    expect(byNorad.get(59773)).toMatchObject({ name: 'COSMOS 2576', role: 'chaser' });
    expect(byNorad.get(48247)).toMatchObject({ name: 'USA 314', role: 'target' });
    expect(byNorad.get(59773)!.elementSets.every((s) => s.source === 'celestrak-active')).toBe(true);
    expect(byNorad.get(48247)!.elementSets.every((s) => s.source === 'mccants-classfd')).toBe(true);
    // USA 314's set of 2026-07-10T23:20 (day 191.97) takes over from that of day 191.02 inside the window
    expect(byNorad.get(48247)!.elementSets.map((s) => s.epochUtc.slice(0, 16))).toEqual([
      '2026-07-10T00:29',
      '2026-07-10T23:20',
    ]);
  });

  it('writes an OEM with one segment per object and element set, in the event order of objects', async () => {
    const { text } = await exportEphemeris(repo, { format: 'oem', event, now: now(), generator: 'orbwatch test' });
    const r = parseOemKvn(text, 'event.oem');
    expect(r.issues).toEqual([]);
    const segs = r.items[0]!.segments;
    expect(segs.map((s) => [s.metadata.objectName, s.metadata.objectId])).toEqual([
      ['COSMOS 2576', '2024-092A'],
      ['USA 314', '2021-032A'],
      ['USA 314', '2021-032A'],
    ]);
    expect(segs[1]!.metadata.comments.join(' ')).toContain('source mccants-classfd');
  });

  it('refuses objects without a window (USAGE) and an object without sets (NOT_FOUND)', async () => {
    await expect(
      exportEphemeris(repo, { format: 'czml', objects: [noradId(59773)], now: now(), generator: 'orbwatch test' }),
    ).rejects.toMatchObject({ code: ErrorCode.USAGE });
    await expect(
      exportEphemeris(repo, {
        format: 'czml',
        objects: [noradId(25544)],
        from: at('2026-07-11T00:00:00Z'),
        to: at('2026-07-11T01:00:00Z'),
        now: now(),
        generator: 'orbwatch test',
      }),
    ).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });
});

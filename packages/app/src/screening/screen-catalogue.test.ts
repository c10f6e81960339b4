/**
 * The `screen` use case on real element sets: 150 Starlink satellites with two months of
 * CelesTrak history (fixtures/history-2026), screened for one day from 2026-05-01 with the
 * reference grid engine injected. Checked against the fixture itself and against SGP4 directly,
 * not against stored output: each object's set is its latest with epoch ≤ at; ages are TCA −
 * epoch; the miss distance is the minimum of a dense independent SGP4 scan; conjunctions sort by
 * Pc then miss; `payloads` screens exactly the all-vs-all pairs that involve a SATCAT payload.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementSet, Instant, NoradId } from '@orbwatch/core';
import {
  cdmHardBodyRadiusKm,
  cdmPc,
  createSgp4Propagator,
  instant,
  parseCdm,
  parseIsoInstant,
  parseTle,
  propagateTeme,
  SCREENING_ENGINE,
  screenCloseApproaches,
  verifyBundle,
} from '@orbwatch/core';
import type { SqliteCatalogRepository, StoredEvent } from '@orbwatch/store';
import { contentHash, ingestElementSets, openSqliteCatalog, uuidV7 } from '@orbwatch/store';
import { buildEvidenceBundle } from '../evidence/build-evidence-bundle.js';
import { conjunctionCdmKvn } from './conjunction-cdm.js';
import { REFERENCE_SCREENING_ENGINE, referenceScreening } from './reference-screening.test-support.js';
import type { ScreenOutcome, ScreenRequest } from './screen-catalogue.js';
import { compareConjunctions, screenCatalogue } from './screen-catalogue.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures');
const AT = instant(Date.parse('2026-05-01T00:00:00Z'));
const DAY_MS = 86_400_000;
let clock = Date.parse('2026-12-06T00:00:00Z');
const now = (): Instant => instant(clock++);
const deps = {
  engine: referenceScreening,
  engineInfo: REFERENCE_SCREENING_ENGINE,
  now,
  newId: (t: Instant) => uuidV7(t),
};

function rangeAt(a: ElementSet, b: ElementSet, t: number): number {
  const pa = createSgp4Propagator(a);
  const pb = createSgp4Propagator(b);
  if (!pa.ok || !pb.ok) return NaN;
  const x = propagateTeme(pa.propagator, instant(t), { allowStale: true });
  const y = propagateTeme(pb.propagator, instant(t), { allowStale: true });
  if (!x.ok || !y.ok) return NaN;
  return Math.hypot(y.state.r.x - x.state.r.x, y.state.r.y - x.state.r.y, y.state.r.z - x.state.r.z);
}

describe('screenCatalogue on 150 Starlink histories', () => {
  let dir: string;
  let repo: SqliteCatalogRepository;
  let sets: ElementSet[];
  let all: ScreenOutcome;
  const request: ScreenRequest = { at: AT, windowSec: 86_400, thresholdKm: 5, primaries: { kind: 'all' } };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbwatch-screen-'));
    repo = openSqliteCatalog(join(dir, 's.db'));
    const text = gunzipSync(readFileSync(resolve(FIXTURES, 'history-2026/starlink-sample-150.3le.gz'))).toString(
      'utf8',
    );
    sets = parseTle(text, { file: 'starlink-sample-150.3le' }).items;
    await ingestElementSets(
      repo,
      {
        source: { name: 'celestrak', kind: 'official' },
        retrievedAt: now(),
        files: ['s'],
        elementSets: sets,
        issues: [],
      },
      { now },
    );
    all = await screenCatalogue(repo, request, deps);
  });
  afterAll(() => {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the approaches below 5 km and stores them as conjunction events with the run record', () => {
    expect(all.conjunctions.length).toBeGreaterThan(3);
    expect(all.run.counts.objectsWithSets).toBe(150);
    expect(all.run.mode).toBe('all-vs-all');
    expect(all.run.atSource).toBe('given');
    expect(all.run.engine.name).toBe(REFERENCE_SCREENING_ENGINE.name);
    for (const c of all.conjunctions) {
      expect(c.missDistanceKm).toBeLessThan(5);
      expect(c.eventId).not.toBeNull();
      const e = repo.getEvent(c.eventId ?? '');
      expect(e?.kind).toBe('conjunction');
      expect(e?.objects).toEqual([
        { norad: c.norad1, role: 'primary' },
        { norad: c.norad2, role: 'secondary' },
      ]);
      expect(e?.assessment?.label).toBe('close-approach');
      expect(e?.elementSetIds.map(Number).sort()).toEqual([c.elementSet1.id, c.elementSet2.id].sort());
      expect(e?.measures['missDistanceKm']).toBe(c.missDistanceKm);
    }
    const stored = repo.getScreeningRun(all.run.id);
    expect(stored?.document['eventIds']).toEqual(all.run.eventIds);
    expect(stored?.at).toBe(AT);
  });

  it("uses each object's latest set with epoch at or before --at, and reports its age at TCA", () => {
    for (const c of all.conjunctions)
      for (const [norad, used] of [
        [c.norad1, c.elementSet1],
        [c.norad2, c.elementSet2],
      ] as const) {
        const own = sets.filter((s) => s.noradId === norad && s.epoch <= AT);
        const newest = Math.max(...own.map((s) => s.epoch));
        expect(parseIsoInstant(used.epochUtc)).toBeCloseTo(newest, 0);
        const tca = parseIsoInstant(c.tcaUtc) ?? NaN;
        expect(used.ageAtTcaDays).toBeCloseTo((tca - newest) / DAY_MS, 9);
        expect(used.ageAtTcaDays).toBeGreaterThan(0);
      }
  });

  it('gives the miss distance an independent 0.1 s SGP4 scan finds, within 1 m, and a TCA within 10 ms', () => {
    for (const c of all.conjunctions.slice(0, 4)) {
      const a = sets.find((s) => s.noradId === c.norad1 && s.epochText === c.elementSet1.epochText) as ElementSet;
      const b = sets.find((s) => s.noradId === c.norad2 && s.epochText === c.elementSet2.epochText) as ElementSet;
      const tca = parseIsoInstant(c.tcaUtc) ?? NaN;
      let best = { t: NaN, d: Infinity };
      for (let t = tca - 5000; t <= tca + 5000; t += 100) {
        const d = rangeAt(a, b, t);
        if (d < best.d) best = { t, d };
      }
      for (let t = best.t - 100; t <= best.t + 100; t += 0.5) {
        const d = rangeAt(a, b, t);
        if (d < best.d) best = { t, d };
      }
      expect(Math.abs(best.d - c.missDistanceKm)).toBeLessThan(1e-3);
      expect(Math.abs(best.t - tca)).toBeLessThan(10);
      expect(Math.hypot(c.missRicKm.radialKm, c.missRicKm.inTrackKm, c.missRicKm.crossTrackKm)).toBeCloseTo(
        c.missDistanceKm,
        9,
      );
    }
  });

  it('names the Pc methods; the maximum Pc bounds the Pc; sorted by Pc, then miss distance', () => {
    for (const c of all.conjunctions) {
      expect(c.pcMethod).toBe('foster-1992');
      expect(c.pcMaxMethod).toBe('alfano-2005-max');
      expect(c.pcCovariance).toBe('orbwatch-default-tle-rtn-1');
      expect(c.hardBodyRadiusKm).toBe(0.01);
      if (c.pc === null) expect(c.pcNote).toMatch(/short-term encounter|encounter plane/);
      else {
        expect(c.pc).toBeGreaterThanOrEqual(0);
        expect(c.pcMax ?? NaN).toBeGreaterThanOrEqual(c.pc * (1 - 1e-9));
      }
    }
    const sorted = [...all.conjunctions].sort(compareConjunctions);
    expect(all.conjunctions).toEqual(sorted);
    for (let i = 1; i < all.conjunctions.length; i++) {
      const p = all.conjunctions[i - 1];
      const q = all.conjunctions[i];
      if (p?.pc !== null && q?.pc !== null && p !== undefined && q !== undefined) {
        expect(p.pc).toBeGreaterThanOrEqual(q.pc);
        if (p.pc === q.pc) expect(p.missDistanceKm).toBeLessThanOrEqual(q.missDistanceKm);
      }
    }
  });

  it('writes each conjunction as a CDM that reads back to the same TCA, miss distance, states and Pc', () => {
    for (const c of all.conjunctions) {
      const text = conjunctionCdmKvn(c, all.run, now());
      const r = parseCdm(text, 'c.cdm');
      expect(r.issues).toEqual([]);
      expect(r.items).toHaveLength(1);
      const cdm = r.items[0];
      if (cdm === undefined) throw new Error('no CDM');
      expect(cdm.tca).toBeCloseTo(parseIsoInstant(c.tcaUtc) ?? NaN, 3);
      expect(cdm.missDistanceKm).toBe(c.missDistanceKm);
      expect(cdm.objects[0].designator).toBe(String(c.norad1).padStart(5, '0'));
      expect(cdmHardBodyRadiusKm(cdm)).toBe(c.hardBodyRadiusKm);
      // GCRF positions: the TEME ones rotated, so the same length and the same separation.
      const [o1, o2] = cdm.objects;
      expect(Math.hypot(...o1.rKm)).toBeCloseTo(
        Math.hypot(c.state1Teme[0] ?? 0, c.state1Teme[1] ?? 0, c.state1Teme[2] ?? 0),
        9,
      );
      expect(Math.hypot(o2.rKm[0] - o1.rKm[0], o2.rKm[1] - o1.rKm[1], o2.rKm[2] - o1.rKm[2])).toBeCloseTo(
        c.missDistanceKm,
        9,
      );
      if (c.pc !== null) {
        expect(cdm.statedPc).toBe(c.pc);
        const again = cdmPc(cdm, c.hardBodyRadiusKm);
        expect(again.ok).toBe(true);
        if (again.ok) expect(Math.abs(again.pc - c.pc)).toBeLessThanOrEqual(1e-6 * c.pc + 1e-300);
      }
    }
  });

  it("verifies every conjunction's evidence bundle: TCA and miss refined again from the two cited sets", async () => {
    for (const c of all.conjunctions) {
      const e = repo.getEvent(c.eventId ?? '') as StoredEvent;
      const bundle = await buildEvidenceBundle(repo, e, { now: now() });
      expect(
        bundle.elementSets
          .filter((s) => s.cited)
          .map((s) => s.role)
          .sort(),
      ).toEqual(['primary', 'secondary']);
      const v = verifyBundle(JSON.stringify(bundle), {
        contentHash: (s) => contentHash({ format: s.format as 'tle', raw: s.raw }),
      });
      expect(v.ok).toBe(true);
      if (v.ok) {
        expect(v.mismatches).toEqual([]);
        expect(v.checks.map((x) => x.measure)).toContain('missDistanceKm');
      }
      // A moved TCA is caught: the miss distance no longer matches.
      const tampered = {
        ...bundle,
        event: { ...bundle.event, measures: { ...bundle.event.measures, missDistanceKm: c.missDistanceKm + 0.01 } },
      };
      const w = verifyBundle(JSON.stringify(tampered), {
        contentHash: (s) => contentHash({ format: s.format as 'tle', raw: s.raw }),
      });
      expect(w.ok && w.mismatches.map((x) => x.measure)).toEqual(['missDistanceKm']);
    }
  });

  it("core's close-approach engine finds the same conjunctions as the reference grid, to 1 mm", async () => {
    const core = await screenCatalogue(
      repo,
      { ...request, store: false },
      {
        ...deps,
        engine: (r, o) =>
          Promise.resolve(
            screenCloseApproaches(r, { onProgress: (done, total) => o.onProgress?.({ stage: 'chunks', done, total }) }),
          ),
      },
    );
    expect(core.run.engine.name).toBe(SCREENING_ENGINE);
    const key = (c: { norad1: number; norad2: number; tcaUtc: string }) =>
      `${String(c.norad1)}-${String(c.norad2)}@${c.tcaUtc.slice(0, 22)}`;
    expect(core.conjunctions.map(key)).toEqual(all.conjunctions.map(key));
    core.conjunctions.forEach((c, i) => {
      expect(Math.abs(c.missDistanceKm - (all.conjunctions[i]?.missDistanceKm ?? NaN))).toBeLessThan(1e-6);
    });
  });

  it('stores a re-run once: same events found, none inserted', async () => {
    const again = await screenCatalogue(repo, request, deps);
    expect(again.run.counts.inserted).toBe(0);
    expect(again.run.counts.existing).toBe(all.conjunctions.length);
    expect(new Set(again.run.eventIds)).toEqual(new Set(all.run.eventIds));
  });

  it('primaries payloads: exactly the all-vs-all conjunctions that involve a SATCAT payload, payload first', async () => {
    const norads = [...new Set(sets.map((s) => Number(s.noradId)))].sort((a, b) => a - b);
    const inPairs = [...new Set(all.conjunctions.flatMap((c) => [c.norad1, c.norad2]))];
    const payloads = new Set([inPairs[0] ?? 0, ...norads.slice(0, 10)]);
    const runId = uuidV7(now());
    repo.beginIngestRun({
      id: runId,
      source: { name: 'satcat-test', kind: 'derived' },
      files: [],
      startedAt: now(),
      retrievedAt: now(),
      issues: [],
    });
    repo.upsertObjectFacts(
      runId,
      norads.map((n) => ({ noradId: n as NoradId, objectType: payloads.has(n) ? 'PAYLOAD' : 'DEBRIS' })),
    );
    repo.finishIngestRun(runId, now(), 'completed');
    const p = await screenCatalogue(repo, { ...request, primaries: { kind: 'payloads' }, store: false }, deps);
    expect(p.run.mode).toBe('primaries-vs-all');
    const left = new Set(all.skipped.map((x) => x.norad));
    expect(p.run.counts.primaries).toBe([...payloads].filter((n) => !left.has(n)).length);
    const key = (c: { norad1: number; norad2: number; tcaUtc: string }) =>
      `${String(Math.min(c.norad1, c.norad2))}-${String(Math.max(c.norad1, c.norad2))}@${c.tcaUtc.slice(0, 19)}`;
    const expected = all.conjunctions.filter((c) => payloads.has(c.norad1) || payloads.has(c.norad2)).map(key);
    expect(expected.length).toBeGreaterThan(0);
    expect(p.conjunctions.map(key).sort()).toEqual(expected.sort());
    for (const c of p.conjunctions) {
      expect(payloads.has(c.norad1)).toBe(true);
      expect(c.object1.objectType).toBe('PAYLOAD');
      expect(c.eventId).toBeNull();
    }
  });

  it('defaults --at to the newest stored epoch and leaves out objects whose sets are too old then', async () => {
    const r = await screenCatalogue(
      repo,
      { windowSec: 3600, thresholdKm: 1, primaries: { kind: 'all' }, store: false },
      deps,
    );
    const newest = Math.max(...sets.map((s) => s.epoch));
    expect(parseIsoInstant(r.run.atUtc)).toBeCloseTo(newest, 0);
    expect(r.run.atSource).toBe('newest-epoch');
    const lastEpoch = new Map<number, number>();
    for (const s of sets) lastEpoch.set(s.noradId, Math.max(lastEpoch.get(s.noradId) ?? -Infinity, s.epoch));
    const stale = [...lastEpoch].filter(([, e]) => newest - e > 14 * DAY_MS).map(([n]) => n);
    for (const n of stale) expect(r.skipped).toContainEqual({ norad: n, code: 'ELEMENTS_TOO_OLD' });
  });

  it('rejects primaries it cannot screen, and a window or threshold that is not positive, with codes', async () => {
    await expect(
      screenCatalogue(repo, { ...request, primaries: { kind: 'ids', ids: [99_999 as NoradId] } }, deps),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(screenCatalogue(repo, { ...request, windowSec: 0 }, deps)).rejects.toMatchObject({ code: 'USAGE' });
    await expect(screenCatalogue(repo, { ...request, thresholdKm: -1 }, deps)).rejects.toMatchObject({ code: 'USAGE' });
    await expect(
      screenCatalogue(repo, { ...request, at: instant(Date.parse('2020-01-01T00:00:00Z')) }, deps),
    ).resolves.toMatchObject({ conjunctions: [] });
  });
});

describe('screenCatalogue on the docked Tiangong modules (satellite.js catalogue of 2022-08)', () => {
  it('gives one event per slow pair (its closest approach), without a Pc, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orbwatch-screen-css-'));
    const repo = openSqliteCatalog(join(dir, 'c.db'));
    try {
      const text = gunzipSync(
        readFileSync(resolve(FIXTURES, 'catalog-snapshots/satellite-js_full-catalog_2022-08-09.tle.gz')),
      ).toString('utf8');
      // Tianhe (48274) and Wentian (53239), docked since 2022-07-24; the catalogue gives them
      // element sets a few km apart, so their range has a minimum every revolution.
      const css = parseTle(text.replace(/^\uFEFF/, ''), { file: 'catalog.tle' }).items.filter((s) =>
        [48274, 53239].includes(Number(s.noradId)),
      );
      expect(css).toHaveLength(2);
      await ingestElementSets(
        repo,
        {
          source: { name: 'satellite-js', kind: 'official' },
          retrievedAt: now(),
          files: ['c'],
          elementSets: css,
          issues: [],
        },
        { now },
      );
      const at = instant(Math.max(...css.map((s) => s.epoch)));
      const r = await screenCatalogue(
        repo,
        { at, windowSec: 86_400, thresholdKm: 10, primaries: { kind: 'all' }, store: false },
        deps,
      );
      expect(r.run.counts.approaches).toBeGreaterThan(10); // one minimum per ~92 min revolution
      expect(r.conjunctions).toHaveLength(1);
      expect(r.run.counts.slowApproachesMerged).toBe(r.run.counts.approaches - 1);
      const [c] = r.conjunctions;
      expect(c?.relativeSpeedKmPerSec).toBeLessThan(0.01);
      expect(c?.pc).toBeNull();
      expect(c?.pcMax).toBeNull();
      expect(c?.pcNote).toMatch(/short-term encounter/);
    } finally {
      repo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

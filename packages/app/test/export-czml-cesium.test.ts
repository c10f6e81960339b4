/**
 * The CZML export read by CesiumJS's own loader (`@cesium/engine` `CzmlDataSource.load`, in Node):
 * the ISS history of 2026 (fixtures/history-2026/iss.3le.gz) in a temporary store, its maneuvers
 * detected, the first one exported as CZML in both frames. Cesium must find the document clock
 * over the exported window, one entity `norad-25544` named `ISS (ZARYA) (25544)`, its position in
 * the frame written (INERTIAL: GCRF; FIXED: ITRF), and at every sample time a position equal to
 * orbwatch's GCRF (resp. ITRF) state within 1 m; between samples, Cesium's Lagrange interpolation
 * agrees within 1 m with orbwatch's state propagated at that time (a 30 s export of the same
 * window), away from changes of element set, which the interpolation blends over a few samples.
 *
 * Positions are read with `getValueInReferenceFrame(t, <frame written>)`, so no frame conversion
 * by Cesium is involved (its INERTIAL→FIXED conversion needs ICRF data that Node does not load).
 * The loader compares property types with the browser's `Image` class (`case Image:` in
 * `unwrapInterval`), so an empty stand-in is defined while the file runs in Node.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Cartesian3, CzmlDataSource, JulianDate, ReferenceFrame } from '@cesium/engine';
import type { Instant } from '@orbwatch/core';
import { formatIso, instant, parseTle, temeToGcrf, temeToItrf, ZERO_EOP } from '@orbwatch/core';
import type { SqliteCatalogRepository, StoredEvent } from '@orbwatch/store';
import { ingestElementSets, openSqliteCatalog } from '@orbwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDetection } from '../src/detection/run-detection.js';
import type { ExportResult } from '../src/export/export-ephemeris.js';
import { exportEphemeris } from '../src/export/export-ephemeris.js';

const ISS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/history-2026/iss.3le.gz');
const now = () => instant(Date.UTC(2026, 11, 6));

const ImageStandIn = class Image {
  readonly standIn = true;
};

const julian = (t: Instant): JulianDate => JulianDate.fromIso8601(formatIso(t, 6));

/** orbwatch's state of a sample in the CZML frame, metres. */
function expectedMetres(
  state: ExportResult['document']['objects'][number]['samples'][number]['state'],
  frame: 'INERTIAL' | 'FIXED',
): Cartesian3 {
  const s = frame === 'INERTIAL' ? temeToGcrf(state, ZERO_EOP) : temeToItrf(state, ZERO_EOP);
  return new Cartesian3(s.r.x * 1000, s.r.y * 1000, s.r.z * 1000);
}

describe('CZML export loaded by CesiumJS (@cesium/engine CzmlDataSource, ISS maneuver)', () => {
  let dir: string;
  let repo: SqliteCatalogRepository;
  let event: StoredEvent;
  const hadImage = 'Image' in globalThis;
  beforeAll(async () => {
    if (!hadImage) Object.assign(globalThis, { Image: ImageStandIn });
    dir = mkdtempSync(join(tmpdir(), 'orbwatch-czml-cesium-'));
    repo = openSqliteCatalog(join(dir, 'c.db'));
    const sets = parseTle(gunzipSync(readFileSync(ISS_FILE)).toString('utf8'), { file: 'iss.3le' }).items;
    await ingestElementSets(
      repo,
      {
        source: { name: 'celestrak', kind: 'official' },
        retrievedAt: now(),
        files: ['iss.3le'],
        elementSets: sets,
        issues: [],
      },
      { now },
    );
    await runDetection(repo, { kinds: ['maneuver'], quiet: true }, { now });
    const events = repo.listEvents({ kind: 'maneuver' });
    expect(events.length).toBeGreaterThan(0);
    event = events[0]!;
  });
  afterAll(() => {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
    if (!hadImage) Reflect.deleteProperty(globalThis, 'Image');
  });

  for (const frame of ['INERTIAL', 'FIXED'] as const) {
    it(`reads the ${frame} CZML: clock, entity, and positions equal to orbwatch's states within 1 m`, async () => {
      const exported = await exportEphemeris(repo, {
        format: 'czml',
        event,
        czmlFrame: frame,
        now: now(),
        generator: 'orbwatch test',
      });
      const { document } = exported;
      const ds = await CzmlDataSource.load(JSON.parse(exported.text) as unknown);

      expect(JulianDate.toDate(ds.clock.startTime).getTime()).toBe(document.from);
      expect(JulianDate.toDate(ds.clock.stopTime).getTime()).toBe(document.to);
      expect(ds.entities.values.map((e) => [e.id, e.name])).toEqual([['norad-25544', 'ISS (ZARYA) (25544)']]);
      const entity = ds.entities.getById('norad-25544')!;
      expect(entity.position).toBeDefined();
      const position = entity.position!;
      expect(position.referenceFrame).toBe(frame === 'INERTIAL' ? ReferenceFrame.INERTIAL : ReferenceFrame.FIXED);

      const samples = document.objects[0]!.samples;
      expect(samples.length).toBeGreaterThan(100);
      const read = (t: Instant): Cartesian3 => {
        const p = position.getValueInReferenceFrame(julian(t), position.referenceFrame);
        expect(p, formatIso(t)).toBeDefined();
        return p!;
      };
      // every sample time
      let worstM = 0;
      for (const s of samples)
        worstM = Math.max(worstM, Cartesian3.distance(read(s.state.t), expectedMetres(s.state, frame)));
      expect(worstM).toBeLessThan(1);

      // between samples: orbwatch's own states at the half-minutes (30 s export of the same window),
      // where the five samples either side were all propagated from one element set
      const half = await exportEphemeris(repo, {
        format: 'czml',
        event,
        from: document.from,
        to: document.to,
        stepSec: 30,
        czmlFrame: frame,
        now: now(),
        generator: 'orbwatch test',
      });
      const byTime = new Map(samples.map((s, i) => [Number(s.state.t), i]));
      let checked = 0;
      for (const h of half.document.objects[0]!.samples) {
        if (byTime.has(Number(h.state.t))) continue;
        const i = byTime.get(Number(h.state.t) - 30_000);
        if (i === undefined || i < 5 || i + 6 > samples.length) continue;
        const around = samples.slice(i - 5, i + 6);
        if (!around.every((s) => s.elementSetId === h.elementSetId)) continue;
        const d = Cartesian3.distance(read(h.state.t), expectedMetres(h.state, frame));
        expect(d, formatIso(h.state.t)).toBeLessThan(1);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(50);
    });
  }
});

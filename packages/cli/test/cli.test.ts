import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { twoline2satrec, sgp4 } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDb } from './run-cli.js';

const EVENTS = 'fixtures/events/inspector-history';
const COSMOS_2543 = `${EVENTS}/44835_COSMOS-2543.3le`;

interface IngestJson {
  accepted: number;
  duplicates: number;
  rejected: number;
  issues: { file: string; line: number; column: number; code: string; message: string }[];
}

describe('orbwatch CLI (built binary)', () => {
  it('--help lists the commands of the contract', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['ingest', 'objects', 'history', 'propagate', 'demo']) expect(r.stdout).toContain(c);
  });

  it('ingest --json stores every set once; re-ingesting the same files changes nothing', () => {
    const db = tempDb();
    const first = runCli(['ingest', '--db', db, '--json', `${EVENTS}/*.3le`]);
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout) as IngestJson;
    // 13 files, 55 sets (shared/data PROVENANCE.md §2a: 12+7+7+1+3+1+9+1+3+1+1+1+8).
    expect(a).toMatchObject({ accepted: 55, duplicates: 0, rejected: 0 });
    const again = JSON.parse(runCli(['ingest', '--db', db, '--json', `${EVENTS}/*.3le`]).stdout) as IngestJson;
    expect(again).toMatchObject({ accepted: 0, duplicates: 55, rejected: 0 });
  });

  it('ingest reads stdin and keeps the good records of a damaged file, locating each bad one', () => {
    const db = tempDb();
    const good = readFileSync(join(REPO_ROOT, COSMOS_2543), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.length > 0);
    // Corrupt the checksum of the second set's line 1 (lines 4-6 are set 2: name, line 1, line 2).
    const line1 = good[4]!;
    const bad = `${line1.slice(0, 68)}${String((Number(line1[68]) + 1) % 10)}`;
    const text = [...good.slice(0, 4), bad, ...good.slice(5)].join('\n');
    const r = runCli(['ingest', '--db', db, '--json', '-'], text);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as IngestJson;
    expect(j.accepted).toBe(6);
    expect(j.rejected).toBe(1);
    expect(j.issues).toContainEqual(expect.objectContaining({ file: '-', line: 5, column: 69, code: 'TLE_CHECKSUM' }));
  });

  it('ingest exits 2 when every record is rejected, and on usage errors', () => {
    const db = tempDb();
    const r = runCli(['ingest', '--db', db, '--json', '-'], '1 25544U 98067A   26074.5 garbage\n2 25544 nonsense\n');
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as IngestJson).accepted).toBe(0);
    expect(runCli(['ingest', '--db', db, 'no-such-file.tle']).code).toBe(2);
    expect(runCli(['history', 'ISS', '--db', db]).code).toBe(2);
  });

  it('objects and history read back what was ingested, with derived orbit figures', () => {
    const db = tempDb();
    runCli(['ingest', '--db', db, '--quiet', `${EVENTS}/*.3le`]);
    const objects = JSON.parse(runCli(['objects', '--db', db, '--json', '--name', 'cosmos 254']).stdout) as {
      objects: { norad: number }[];
    };
    expect(objects.objects.map((o) => o.norad)).toEqual([44797, 44835]);
    const h = JSON.parse(runCli(['history', '44835', '--db', db, '--json']).stdout) as {
      elementSets: {
        epochUtc: string;
        meanMotionRevPerDay: number;
        periodMin: number;
        perigeeKm: number;
        apogeeKm: number;
      }[];
    };
    expect(h.elementSets).toHaveLength(7); // PROVENANCE §2a: 7 sets 2021-05-29 … 2023-10-09
    expect(h.elementSets[0]!.epochUtc.startsWith('2021-05-')).toBe(true);
    for (const s of h.elementSets) {
      expect(Math.abs(s.periodMin - 1440 / s.meanMotionRevPerDay)).toBeLessThan(1e-9); // minutes
      expect(s.apogeeKm).toBeGreaterThanOrEqual(s.perigeeKm);
    }
  });

  it('propagate --json gives TEME states equal to satellite.js on the same set, naming the set and its age', () => {
    const db = tempDb();
    runCli(['ingest', '--db', db, '--quiet', COSMOS_2543]);
    const r = runCli([
      'propagate',
      '44835',
      '--db',
      db,
      '--json',
      '--from',
      '2023-10-09T00:00:00Z',
      '--to',
      '2023-10-09T01:00:00Z',
      '--step',
      '30m',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      norad: number;
      elementSet: { raw: string; epochUtc: string };
      states: { t: string; frame: string; rKm: number[]; vKmPerSec: number[]; elementSetAgeSec: number }[];
    };
    expect(j.norad).toBe(44835);
    expect(j.states.map((s) => s.t)).toEqual([
      '2023-10-09T00:00:00.000Z',
      '2023-10-09T00:30:00.000Z',
      '2023-10-09T01:00:00.000Z',
    ]);
    const [l1, l2] = j.elementSet.raw.split('\n').filter((l) => /^[12] /.test(l));
    const satrec = twoline2satrec(l1!, l2!);
    // The set's epoch straight from TLE line 1 (YYDDD.DDDDDDDD), kept in float ms: Date.parse of
    // the ISO text would truncate to whole ms, which is metres at orbital speed.
    const yy = Number(l1!.slice(18, 20));
    const epochMs = Date.UTC(yy < 57 ? 2000 + yy : 1900 + yy, 0, 1) + (Number(l1!.slice(20, 32)) - 1) * 86_400_000;
    for (const s of j.states) {
      const minutes = (Date.parse(s.t) - epochMs) / 60_000;
      const ref = sgp4(satrec, minutes);
      if (ref === null) throw new Error('satellite.js failed');
      expect(s.frame).toBe('TEME');
      expect(
        Math.hypot(s.rKm[0]! - ref.position.x, s.rKm[1]! - ref.position.y, s.rKm[2]! - ref.position.z),
      ).toBeLessThan(1e-6); // km (1 mm)
      expect(s.elementSetAgeSec).toBeCloseTo(minutes * 60, 3);
    }
  });

  it('propagate refuses a naive time with exit code 2', () => {
    const r = runCli([
      'propagate',
      '44835',
      '--db',
      tempDb(),
      '--from',
      '2023-10-09T00:00:00',
      '--to',
      '2023-10-09T01:00:00Z',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Z');
  });

  it('detect stores maneuver events naming their element sets; a second run redoes nothing', () => {
    const db = tempDb();
    runCli(['ingest', '--db', db, '--quiet', 'fixtures/history-2026/iss.3le.gz']);
    const first = JSON.parse(runCli(['detect', '--db', db, '--json', '--kinds', 'maneuver']).stdout) as {
      detectors: { objectsExamined: number; inserted: number }[];
    };
    expect(first.detectors[0]!.objectsExamined).toBe(1);
    const second = JSON.parse(runCli(['detect', '--db', db, '--json']).stdout) as {
      detectors: { objectsExamined: number; inserted: number }[];
    };
    expect(second.detectors[0]).toMatchObject({ objectsExamined: 0, inserted: 0 });
    const events = JSON.parse(runCli(['events', '--db', db, '--json', '--object', '25544']).stdout) as {
      events: {
        kind: string;
        objects: { norad: number; role: string }[];
        start: string;
        end: string;
        measures: Record<string, unknown>;
        elementSetIds: number[];
      }[];
    };
    expect(events.events.length).toBe(first.detectors[0]!.inserted);
    for (const e of events.events) {
      expect(e.kind).toBe('maneuver');
      expect(e.objects).toEqual([{ norad: 25544, role: 'subject' }]);
      expect(typeof e.measures['deltaVMps']).toBe('number');
      expect(typeof e.measures['deltaVSigmaMps']).toBe('number');
      expect(e.elementSetIds.length).toBeGreaterThanOrEqual(2);
      expect(Date.parse(e.end)).toBeGreaterThanOrEqual(Date.parse(e.start));
    }
    expect(runCli(['detect', '--db', db, '--kinds', 'teleportation']).code).toBe(2);
  });

  it('detect finds the Cosmos 1408 breakup between the 2021-10-02 and 2022-01-22 catalogues', () => {
    const db = tempDb();
    const ingest = runCli([
      'ingest',
      '--db',
      db,
      '--quiet',
      'fixtures/catalog-snapshots/SpaceTrash_full-catalog_2021-10-02.3le.gz',
      'fixtures/catalog-snapshots/ODAP_full-catalog_2022-01-22.3le.gz',
    ]);
    expect(ingest.code).toBe(0);
    const r = runCli([
      'detect',
      '--db',
      db,
      '--json',
      '--kinds',
      'fragmentation',
      '--baseline',
      '2021-10-15T00:00:00Z',
    ]);
    expect(r.code).toBe(0);
    const events = JSON.parse(
      runCli(['events', '--db', db, '--json', '--kind', 'fragmentation', '--object', '13552']).stdout,
    ) as {
      events: {
        objects: { norad: number; role: string }[];
        measures: { epochUtc: string; epochSigmaSec: number; altitudeKm: number; fragments: number };
        assessment: { label: string; reasons: { measure: string; threshold?: unknown }[] } | null;
      }[];
    };
    expect(events.events).toHaveLength(1);
    const e = events.events[0]!;
    expect(e.objects).toContainEqual({ norad: 13552, role: 'parent' });
    expect(e.assessment?.label).toBe('breakup');
    expect(e.assessment?.reasons.find((x) => x.measure === 'deltaVSpreadMps')?.threshold).toBe(5);
    // Public record: the Russian ASAT test destroyed Cosmos 1408 on 2021-11-15 at ~480 km.
    // The estimate ± σ must overlap that day (the issue's criterion).
    const epochMs = Date.parse(e.measures.epochUtc);
    const sigmaMs = e.measures.epochSigmaSec * 1000;
    expect(epochMs - sigmaMs).toBeLessThan(Date.UTC(2021, 10, 16));
    expect(epochMs + sigmaMs).toBeGreaterThanOrEqual(Date.UTC(2021, 10, 15));
    expect(Math.abs(e.measures.altitudeKm - 480)).toBeLessThan(30);
    expect(e.measures.fragments).toBeGreaterThan(1000); // 1,214 new 1982-092 pieces in the 2022-01-22 catalogue
  });

  it("detect finds HTV-X1 releasing TEN-KOH 2, dated against JAXA's published release time", () => {
    const db = tempDb();
    runCli(['ingest', '--db', db, '--quiet', 'fixtures/releases/htv-x1-and-ten-koh-2.3le']);
    expect(runCli(['detect', '--db', db, '--kinds', 'release', '--quiet']).code).toBe(0);
    const { events } = JSON.parse(runCli(['events', '--db', db, '--json', '--kind', 'release']).stdout) as {
      events: {
        objects: { norad: number; role: string }[];
        measures: { separationEpochUtc: string; separationEpochSigmaSec: number; deltaVMps: number; class: string };
      }[];
    };
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.objects).toEqual(
      expect.arrayContaining([
        { norad: 66174, role: 'parent' },
        { norad: 68261, role: 'child' },
      ]),
    );
    // JAXA: TEN-KOH 2 released from HTV-X1 on 2026-03-11 at 09:34 UTC (fixtures/releases/PROVENANCE.md).
    expect(Math.abs(Date.parse(e.measures.separationEpochUtc) - Date.UTC(2026, 2, 11, 9, 34)) / 3.6e6).toBeLessThan(3); // hours
    // 2.4 ± 2.3 m/s: its 95 % interval spans deployment and ejection, so the class is not claimed.
    expect(e.measures.class).toBe('undetermined');
    expect(e.measures.deltaVMps).toBeLessThan(5);
  });

  it('detect does not call an old satellite newly seen in the store a release', () => {
    // USA 245 (39232) was launched on 2013-08-28 (shared/data PROVENANCE §9); in these files its
    // first set is an amateur one of 2020, among Cosmos 2542's sets of the same days.
    const db = tempDb();
    runCli(['ingest', '--db', db, '--quiet', `${EVENTS}/*.3le`]);
    expect(runCli(['detect', '--db', db, '--kinds', 'release', '--quiet']).code).toBe(0);
    const { events } = JSON.parse(runCli(['events', '--db', db, '--json', '--kind', 'release']).stdout) as {
      events: { objects: { norad: number }[] }[];
    };
    expect(events.flatMap((e) => e.objects.map((x) => x.norad))).not.toContain(39232);
  });

  it('detect finds Cosmos 2576 passing USA 314 (amateur elements) with range, speed and σ', () => {
    const db = tempDb();
    const series = 'fixtures/events/inspector-target-series-2026';
    runCli(['ingest', '--db', db, '--quiet', `${series}/59773_COSMOS-2576.3le`]);
    runCli(['ingest', '--db', db, '--quiet', '--source', 'mccants-classfd', `${series}/48247_USA-314.3le`]);
    const r = runCli([
      'detect',
      '--db',
      db,
      '--json',
      '--kinds',
      'proximity',
      '--preset',
      'inspection',
      '--since',
      '2026-07-01T00:00:00Z',
      '--until',
      '2026-07-23T00:00:00Z',
    ]);
    expect(r.code).toBe(0);
    const { events } = JSON.parse(runCli(['events', '--db', db, '--json', '--kind', 'proximity']).stdout) as {
      events: { objects: { norad: number; role: string }[]; measures: Record<string, number | string | null> }[];
    };
    const e = events.find((x) => x.objects.some((o) => o.norad === 48247));
    expect(e).toBeDefined();
    const m = e!.measures;
    // shared/data PROVENANCE §2b (indicative, satellite.js, nearest-epoch sets, 10-s steps):
    // minimum 45 km on 2026-07-16 05:42 UTC at 0.10 km/s. Our σ comes from element-set age.
    const sigmaKm = Number(m['minRangeSigmaKm']);
    expect(sigmaKm).toBeGreaterThan(0);
    expect(Math.abs(Number(m['minRangeKm']) - 45)).toBeLessThan(sigmaKm + 1);
    expect(Math.abs(Date.parse(String(m['minRangeUtc'])) - Date.UTC(2026, 6, 16, 5, 42)) / 1000).toBeLessThan(120);
    expect(Math.abs(Number(m['relativeSpeedAtMinKmPerSec']) - 0.1)).toBeLessThan(0.01);
  });
});

/**
 * `orbwatch screen` with the built binary on real data: two months of CelesTrak history of 150
 * Starlink satellites (fixtures/history-2026), screened for one day from 2026-05-01. Checks the
 * design contract of `--json`, the table (names beside ids, sorted by Pc then miss), the CDMs
 * (they read back to the same numbers), the conjunction events (`events`, `evidence`, `verify`)
 * and the usage errors (exit 2 with a code).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdmHardBodyRadiusKm, cdmPc, parseCdm, parseIsoInstant } from '@orbwatch/core';
import { BIN, REPO_ROOT, runCli, tempDb } from './run-cli.js';

interface ScreenJson {
  run: {
    id: string;
    atUtc: string;
    windowSec: number;
    thresholdKm: number;
    mode: string;
    counts: { conjunctions: number; inserted: number };
  };
  conjunctions: {
    norad1: number;
    norad2: number;
    tcaUtc: string;
    missDistanceKm: number;
    relativeSpeedKmPerSec: number;
    pc: number | null;
    pcMethod: string;
    pcMax: number | null;
    pcMaxMethod: string;
    hardBodyRadiusKm: number;
    missRicKm: { radialKm: number; inTrackKm: number; crossTrackKm: number };
    object1: { norad: number; name: string | null };
    object2: { norad: number; name: string | null };
    elementSet1: { id: number; epochUtc: string; ageAtTcaDays: number };
    elementSet2: { id: number; epochUtc: string; ageAtTcaDays: number };
    eventId: string | null;
  }[];
  cdm?: { dir: string; files: string[] };
}

const FIXTURE = 'fixtures/history-2026/starlink-sample-150.3le.gz';
const AT = '2026-05-01T00:00:00Z';
const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('orbwatch screen (built binary, 150 real Starlink histories)', () => {
  const db = tempDb();
  const cdmDir = join(dirname(db), 'cdm');
  let doc: ScreenJson;

  beforeAll(() => {
    const ingest = runCli(['ingest', FIXTURE, '--db', db, '--source', 'celestrak', '--quiet']);
    if (ingest.code !== 0) throw new Error(ingest.stderr);
    const r = runCli(['screen', '--db', db, '--at', AT, '--window', '1d', '--json', '--cdm', cdmDir]);
    if (r.code !== 0) throw new Error(r.stderr);
    doc = JSON.parse(r.stdout) as ScreenJson;
  }, 120_000);

  it('prints the design contract: {run, conjunctions:[{norad1, norad2, tcaUtc, missDistanceKm, relativeSpeedKmPerSec, pc}]}', () => {
    expect(doc.run.atUtc.startsWith('2026-05-01T00:00:00')).toBe(true);
    expect(doc.run.windowSec).toBe(86_400);
    expect(doc.run.thresholdKm).toBe(5);
    expect(doc.run.mode).toBe('all-vs-all');
    expect(doc.conjunctions.length).toBeGreaterThan(3);
    expect(doc.run.counts.conjunctions).toBe(doc.conjunctions.length);
    for (const c of doc.conjunctions) {
      expect(Number.isInteger(c.norad1) && Number.isInteger(c.norad2)).toBe(true);
      expect(c.tcaUtc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(parseIsoInstant(c.tcaUtc)).toBeGreaterThanOrEqual(Date.parse(AT));
      expect(parseIsoInstant(c.tcaUtc)).toBeLessThanOrEqual(Date.parse(AT) + 86_400_000);
      expect(c.missDistanceKm).toBeGreaterThan(0);
      expect(c.missDistanceKm).toBeLessThan(5);
      expect(c.relativeSpeedKmPerSec).toBeGreaterThan(0);
      expect(c.pc === null || (c.pc >= 0 && c.pc <= 1)).toBe(true);
      expect(c.pcMethod).toBe('foster-1992');
      expect(c.pcMaxMethod).toBe('alfano-2005-max');
      expect(c.object1.name).toMatch(/^STARLINK-/);
      expect(c.elementSet1.ageAtTcaDays).toBeGreaterThan(0);
      expect(c.eventId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('writes one CDM per conjunction that reads back to the same TCA, miss distance and Pc', () => {
    expect(readdirSync(cdmDir).length).toBe(doc.conjunctions.length);
    expect(doc.cdm?.files.length).toBe(doc.conjunctions.length);
    doc.conjunctions.forEach((c, i) => {
      const file = doc.cdm?.files[i] ?? '';
      const r = parseCdm(readFileSync(file, 'utf8'), file);
      expect(r.issues).toEqual([]);
      const cdm = r.items[0];
      if (cdm === undefined) throw new Error(`no CDM in ${file}`);
      expect(cdm.missDistanceKm).toBe(c.missDistanceKm);
      expect(Math.abs(cdm.tca - (parseIsoInstant(c.tcaUtc) ?? NaN))).toBeLessThanOrEqual(0.001);
      expect(cdm.objects.map((o) => Number(o.designator))).toEqual([c.norad1, c.norad2]);
      const hbr = cdmHardBodyRadiusKm(cdm);
      expect(hbr).toBe(c.hardBodyRadiusKm);
      if (c.pc !== null) {
        expect(cdm.statedPc).toBe(c.pc);
        const again = cdmPc(cdm, hbr ?? NaN);
        expect(again.ok && Math.abs(again.pc - c.pc) <= 1e-6 * c.pc).toBe(true);
      }
    });
  });

  it('prints a table sorted by Pc then miss distance, every NORAD id with its name', () => {
    const r = runCli(['screen', '--db', db, '--at', AT, '--window', '1d']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.findIndex((l) => l.trimStart().startsWith('PC'));
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 1, header + 1 + doc.conjunctions.length);
    doc.conjunctions.forEach((c, i) => {
      expect(rows[i]).toContain(`${String(c.norad1)} ${c.object1.name ?? ''}`);
      expect(rows[i]).toContain(`${String(c.norad2)} ${c.object2.name ?? ''}`);
    });
    for (let i = 1; i < doc.conjunctions.length; i++) {
      const p = doc.conjunctions[i - 1];
      const q = doc.conjunctions[i];
      if (p === undefined || q === undefined || q.pc === null) continue;
      expect(p.pc).not.toBeNull();
      expect(p.pc ?? 0).toBeGreaterThanOrEqual(q.pc);
    }
    expect(r.stdout).toContain('Foster (1992)');
    expect(r.stdout).toContain('0 new');
  });

  it('stores conjunction events that events, evidence and verify handle', () => {
    const ev = runCli(['events', '--db', db, '--kind', 'conjunction', '--json']);
    expect(ev.code).toBe(0);
    const events = (
      JSON.parse(ev.stdout) as {
        events: { id: string; kind: string; measures: Record<string, unknown>; objects: { role: string }[] }[];
      }
    ).events;
    expect(events.length).toBe(doc.conjunctions.length);
    for (const e of events) {
      for (const m of ['missDistanceKm', 'tcaUtc', 'relativeSpeedKmPerSec', 'pc']) expect(e.measures).toHaveProperty(m);
      expect(e.objects.map((o) => o.role)).toEqual(['primary', 'secondary']);
    }
    const table = runCli(['events', '--db', db, '--kind', 'conjunction']);
    expect(table.stdout).toContain('PC MAX');
    const id = doc.conjunctions[0]?.eventId ?? '';
    const bundle = join(dirname(db), 'bundle.json');
    expect(runCli(['evidence', id, '--db', db, '--out', bundle, '--quiet']).code).toBe(0);
    const v = runCli(['verify', bundle, '--json']);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect((JSON.parse(v.stdout) as { ok: boolean }).ok).toBe(true);
  });

  it('findings skip conjunctions cleanly; the report draws range and RIC plots around each TCA', () => {
    const f = runCli(['findings', '--db', db, '--json']);
    expect(f.code, f.stderr).toBe(0);
    const ids = new Set(doc.conjunctions.map((c) => c.eventId));
    expect(
      (JSON.parse(f.stdout) as { findings: { eventId: string }[] }).findings.filter((x) => ids.has(x.eventId)),
    ).toEqual([]);
    const out = join(dirname(db), 'report');
    const r = runCli(['report', '--all', '--db', db, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout) as { events: number; plots: number };
    expect(rep.events).toBe(doc.conjunctions.length);
    expect(rep.plots).toBe(2 * doc.conjunctions.length);
    const svg = readFileSync(join(out, 'events', `${doc.conjunctions[0]?.eventId ?? ''}-range.svg`), 'utf8');
    expect(svg).toContain('range (km)');
  });

  it('prints CSV with one row per conjunction', () => {
    const r = runCli([
      'screen',
      '--db',
      db,
      '--at',
      AT,
      '--window',
      '1d',
      '--csv',
      '--primaries',
      String(doc.conjunctions[0]?.norad1 ?? 0),
    ]);
    expect(r.code).toBe(0);
    const [head, ...rows] = r.stdout.trimEnd().split('\n');
    expect(head?.split(',').slice(0, 2)).toEqual(['norad1', 'name1']);
    expect(rows.length).toBe(
      doc.conjunctions.filter(
        (c) => c.norad1 === doc.conjunctions[0]?.norad1 || c.norad2 === doc.conjunctions[0]?.norad1,
      ).length,
    );
  });

  it.runIf(HAS_SCRIPT)('draws a progress bar on a terminal stderr, and none when stderr is a pipe', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'orbwatch-screen-tty-')), 'out.json');
    const r = spawnSync(
      'script',
      [
        '-qec',
        `'${process.execPath}' '${BIN}' screen --db '${db}' --at ${AT} --window 6h --json > '${out}'`,
        '/dev/null',
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Kathmandu' } },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/screening\s+\[[█░]+\] \d+\/\d+ chunks/);
    expect(() => JSON.parse(readFileSync(out, 'utf8')) as unknown).not.toThrow();
    const piped = runCli(['screen', '--db', db, '--at', AT, '--window', '6h', '--json']);
    expect(piped.stderr).toBe('');
  });

  it.each([
    [['--window', 'soon'], 'USAGE'],
    [['--window', '0'], 'USAGE'],
    [['--at', 'yesterday'], 'USAGE'],
    [['--at', '2026-05-01T00:00:00'], 'USAGE'],
    [['--threshold-km', '-1'], 'USAGE'],
    [['--primaries', 'everything'], 'USAGE'],
    [['--primaries', '99999'], 'NOT_FOUND'],
    [['--json', '--csv'], 'USAGE'],
  ])('%j exits 2 with %s', (args, code) => {
    const r = runCli(['screen', '--db', db, '--at', AT, '--window', '1h', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`orbwatch: ${code}:`);
    expect(r.stdout).toBe('');
  });

  it('refuses a database that does not exist, creating nothing', () => {
    const missing = join(dirname(db), 'nope.db');
    const r = runCli(['screen', '--db', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DATABASE_NOT_FOUND');
  });
});

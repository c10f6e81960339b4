/**
 * `orbwatch verify` on real evidence (built binary): the Kosmos 2499 breakup of 2021-10-22/23
 * between the 2021-10-02 and 2022-01-22 catalogues. The bundle as written verifies (exit 0);
 * one digit of the parent's RAAN changed, with the TLE checksum and the content hash updated,
 * is recomputed and the measure that moves is named (exit 1); the same change without the hash
 * update is refused (exit 2, BUNDLE_HASH_MISMATCH); a truncated or non-JSON file is refused
 * (exit 2, BUNDLE_UNREADABLE). A report site's maneuver bundle is verified with the
 * element-history file it names beside it, and refused (exit 2, BUNDLE_HISTORY_MISSING) without it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDb } from './run-cli.js';

interface Bundle {
  event: { id: string; measures: Record<string, unknown> };
  elementSets: { raw: string; contentHash: string; role: string | null; format: string }[];
}

/** TLE checksum of a line's first 68 characters (digits count, '-' counts 1). */
function checksum(line: string): number {
  let sum = 0;
  for (const c of line.slice(0, 68)) sum += c === '-' ? 1 : /\d/.test(c) ? Number(c) : 0;
  return sum % 10;
}

/** The raw set with the last RAAN digit (line 2, column 25) changed, checksum fixed. */
function nudgeRaan(raw: string): string {
  const lines = raw.split('\n');
  const i = lines.findIndex((l) => l.startsWith('2 '));
  const l2 = lines[i]!;
  const d = Number(l2[24]);
  const changed = `${l2.slice(0, 24)}${String((d + 5) % 10)}${l2.slice(25, 68)}`;
  lines[i] = `${changed}${String(checksum(changed))}`;
  return lines.join('\n');
}

const elementContent = (raw: string): string =>
  raw
    .split('\n')
    .filter((l) => /^[12] /.test(l))
    .join('\n');

describe('orbwatch verify (built binary, Kosmos 2499 breakup)', () => {
  let dir: string;
  let bundleFile: string;
  let bundle: Bundle;
  beforeAll(() => {
    const db = tempDb();
    dir = dirname(db);
    const ingest = runCli([
      'ingest',
      '--db',
      db,
      '--quiet',
      'fixtures/catalog-snapshots/SpaceTrash_full-catalog_2021-10-02.3le.gz',
      'fixtures/catalog-snapshots/ODAP_full-catalog_2022-01-22.3le.gz',
    ]);
    expect(ingest.code).toBe(0);
    expect(
      runCli(['detect', '--db', db, '--kinds', 'fragmentation', '--baseline', '2021-10-15T00:00:00Z', '--quiet']).code,
    ).toBe(0);
    const events = JSON.parse(runCli(['events', '--db', db, '--json', '--object', '39765']).stdout) as {
      events: { id: string }[];
    };
    const id = events.events[0]!.id;
    bundleFile = join(dir, 'k2499.json');
    const r = runCli(['evidence', id.slice(0, 20), '--db', db, '--out', bundleFile]);
    expect(r.code, r.stderr).toBe(0);
    bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as Bundle;
  });

  it('recomputes every measure of the bundle as written', () => {
    const r = runCli(['verify', bundleFile, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { ok: boolean; checks: { measure: string; match: boolean }[] };
    expect(doc.ok).toBe(true);
    expect(doc.checks.length).toBeGreaterThan(20);
    expect(doc.checks.every((c) => c.match)).toBe(true);
  });

  it('names the measure that moves when an element set was changed by one digit (hash updated)', () => {
    const parent = bundle.elementSets.findIndex((s) => s.role === 'parent-before');
    expect(parent).toBeGreaterThanOrEqual(0);
    const sets = bundle.elementSets.map((s, i) => {
      if (i !== parent) return s;
      const raw = nudgeRaan(s.raw);
      return { ...s, raw, contentHash: createHash('sha256').update(elementContent(raw)).digest('hex') };
    });
    const file = join(dir, 'changed.json');
    writeFileSync(file, JSON.stringify({ ...bundle, elementSets: sets }));
    const r = runCli(['verify', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/VERIFY_MISMATCH: .*parentPlaneOffsetDeg/);
    expect(r.stdout).toMatch(/parentPlaneOffsetDeg .*MISMATCH/);
  });

  it('refuses a bundle whose element-set text no longer matches its hash', () => {
    const sets = bundle.elementSets.map((s, i) => (i === 0 ? { ...s, raw: nudgeRaan(s.raw) } : s));
    const file = join(dir, 'tampered.json');
    writeFileSync(file, JSON.stringify({ ...bundle, elementSets: sets }));
    const r = runCli(['verify', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BUNDLE_HASH_MISMATCH');
  });

  it('refuses a truncated or non-JSON file with exit 2', () => {
    const text = readFileSync(bundleFile, 'utf8');
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"format": "geojson"}');
    for (const f of [cut, other, join(dir, 'missing.json')]) {
      const r = runCli(['verify', f]);
      expect(r.code, f).toBe(2);
    }
    expect(runCli(['verify', cut]).stderr).toContain('BUNDLE_UNREADABLE');
  });
});

describe('orbwatch verify on a report site maneuver bundle (built binary, ISS burns of 2026)', () => {
  let site: string;
  let ids: string[];
  beforeAll(() => {
    const db = tempDb();
    expect(runCli(['ingest', '--db', db, '--quiet', 'fixtures/history-2026/iss.3le.gz']).code).toBe(0);
    expect(runCli(['detect', '--db', db, '--quiet', '--kinds', 'maneuver', '--objects', '25544']).code).toBe(0);
    site = join(dirname(db), 'site');
    const r = runCli(['report', '--db', db, '--all', '--out', site, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    ids = (JSON.parse(readFileSync(join(site, 'data.json'), 'utf8')) as { events: { id: string }[] }).events.map(
      (e) => e.id,
    );
  });

  it('reads the element-history file the bundle names and recomputes every measure', () => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const file = join(site, 'evidence', `${id}.json`);
      const b = JSON.parse(readFileSync(file, 'utf8')) as { elementHistory?: { path: string } };
      expect(b.elementHistory?.path).toBe('objects/25544.json.gz');
      const r = runCli(['verify', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { ok: boolean; checks: { match: boolean }[] };
      expect(doc.ok).toBe(true);
      expect(doc.checks.every((c) => c.match)).toBe(true);
    }
  });

  it('refuses the bundle with exit 2 when the history file is not beside it', () => {
    const copy = join(dirname(site), `${ids[0]!}.json`);
    writeFileSync(copy, readFileSync(join(site, 'evidence', `${ids[0]!}.json`)));
    const r = runCli(['verify', copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BUNDLE_HISTORY_MISSING');
  });
});

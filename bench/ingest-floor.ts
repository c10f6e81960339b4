/**
 * How fast can SQLite alone store the element sets of history-2026 on this machine? The floor
 * under `bench/ingest.ts`: the sets are parsed and hashed BEFORE the timing, every bound value
 * is ready in plain arrays, and the timing covers only better-sqlite3 `run()` calls in batches
 * of 5,000 (one IMMEDIATE transaction each), the epoch index built at the end, and the close
 * (WAL checkpoint). No orbwatch store code runs: this is the cost of the rows themselves, for
 * three row shapes, each into its own fresh file with orbwatch's settings (WAL,
 * synchronous=NORMAL, 16 KiB pages, 4 MiB cache while loading, foreign keys on):
 *
 * - `orbwatch`: the `element_sets` row of migration 001 (26 values: key, text epoch, name,
 *   COSPAR id, the decoded elements, raw text, hex content hash, input line, retrieval time,
 *   run UUID);
 * - `slim`: the same with the run as an integer and the hash as a 32-byte BLOB;
 * - `minimal`: only what the foundation issue requires of a stored set (natural key, raw
 *   text, source, retrieval time, content hash, run), no decoded columns.
 *
 * Shapes run in rotation, `--rounds N` times (default 3); prints CPU and wall per run and the
 * best of each. The 200,000 sets/s target of the ingest (parse + store) is 0.91 s for these
 * 182,144 sets. `--journal persist` loads with the journal orbwatch uses for a fresh catalogue's
 * first load (`journal_mode=PERSIST`, `synchronous=OFF`, docs/design/storage.md) instead of WAL;
 * `--batch N` sets the rows per transaction (default 5,000; the pipelined ingest commits 500);
 * `--rows N` the rows per INSERT statement (default 1; orbwatch's store inserts up to 500 TLE
 * rows per statement, `multi-row-insert.ts`), the remainder of a transaction row by row.
 * Since migration 003 orbwatch's TLE row is close to `minimal` (plus the format and input line;
 * the decoded columns are NULL).
 *
 *   node --conditions=@orbwatch/source --import tsx bench/ingest-floor.ts [--rounds N] [--journal wal|persist] [--batch N] [--rows N]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseTle } from '@orbwatch/core';

const DIR = '/work/shared/data/history-2026';
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
const journalAt = args.indexOf('--journal');
const journal = journalAt >= 0 ? args[journalAt + 1] : 'wal';
if (journal !== 'wal' && journal !== 'persist') throw new Error('--journal wal|persist');
const batchAt = args.indexOf('--batch');
const BATCH = batchAt >= 0 ? Number(args[batchAt + 1]) : 5_000;
const rowsAt = args.indexOf('--rows');
const ROWS = rowsAt >= 0 ? Number(args[rowsAt + 1]) : 1;
if (!Number.isInteger(ROWS) || ROWS < 1 || ROWS > BATCH) throw new Error('--rows N: 1 to the batch size');
const RUN_UUID = '019abcde-f012-7345-8678-9abcdef01234';

const sets = readdirSync(DIR)
  .filter((f) => f.endsWith('.3le'))
  .sort()
  .flatMap((f) => parseTle(readFileSync(join(DIR, f), 'utf8'), { file: f }).items);
const hex = sets.map((s) =>
  createHash('sha256')
    .update(s.raw.slice(s.raw.indexOf('1 ')))
    .digest('hex'),
);
const bin = hex.map((h) => Buffer.from(h, 'hex'));

type Shape = 'orbwatch' | 'slim' | 'minimal';
const SHAPES: readonly Shape[] = ['orbwatch', 'slim', 'minimal'];

function schema(shape: Shape): string {
  const runType = shape === 'orbwatch' ? 'TEXT' : 'INTEGER';
  const decoded =
    shape === 'minimal'
      ? ''
      : `epoch_text TEXT NOT NULL, name TEXT, cospar_id TEXT, classification TEXT NOT NULL,
         mean_motion_rad_per_sec REAL NOT NULL, eccentricity REAL NOT NULL, inclination_rad REAL NOT NULL,
         raan_rad REAL NOT NULL, arg_perigee_rad REAL NOT NULL, mean_anomaly_rad REAL NOT NULL,
         bstar_per_earth_radii REAL NOT NULL, ndot_rev_per_day2 REAL NOT NULL, nddot_rev_per_day3 REAL NOT NULL,
         element_set_no INTEGER, rev_at_epoch INTEGER, ephemeris_type INTEGER NOT NULL, theory TEXT NOT NULL,
         format TEXT NOT NULL, input_line INTEGER NOT NULL,`;
  return `
    CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
    CREATE TABLE objects (norad_id INTEGER PRIMARY KEY, cospar_id TEXT) STRICT;
    CREATE TABLE ingest_runs (id ${runType} PRIMARY KEY, files TEXT NOT NULL) STRICT;
    CREATE TABLE element_sets (
      id INTEGER PRIMARY KEY,
      norad_id INTEGER NOT NULL REFERENCES objects(norad_id),
      epoch_ms REAL NOT NULL,
      source_id INTEGER NOT NULL REFERENCES sources(id),
      ${decoded}
      raw TEXT NOT NULL,
      content_hash ${shape === 'orbwatch' ? 'TEXT' : 'BLOB'} NOT NULL,
      retrieved_at_ms REAL NOT NULL,
      ingest_run_id ${runType} NOT NULL REFERENCES ingest_runs(id),
      UNIQUE (norad_id, epoch_ms, source_id)) STRICT;`;
}

function runOnce(shape: Shape): { cpuMs: number; wallMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-floor-'));
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('page_size = 16384');
  db.pragma(journal === 'wal' ? 'journal_mode = WAL' : 'journal_mode = PERSIST');
  db.pragma(journal === 'wal' ? 'synchronous = NORMAL' : 'synchronous = OFF');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -4096');
  db.exec(schema(shape));
  const run: string | number = shape === 'orbwatch' ? RUN_UUID : 1;
  db.prepare('INSERT INTO sources VALUES (1, ?)').run('bench');
  db.prepare('INSERT INTO ingest_runs VALUES (?, ?)').run(run, '[]');
  const object = db.prepare('INSERT INTO objects VALUES (?, ?) ON CONFLICT DO NOTHING');
  const conflict = ' ON CONFLICT (norad_id, epoch_ms, source_id) DO NOTHING';
  const columns =
    shape === 'minimal'
      ? 'norad_id, epoch_ms, source_id, raw, content_hash, retrieved_at_ms, ingest_run_id'
      : `norad_id, epoch_ms, source_id, epoch_text, name, cospar_id, classification,
         mean_motion_rad_per_sec, eccentricity, inclination_rad, raan_rad, arg_perigee_rad, mean_anomaly_rad,
         bstar_per_earth_radii, ndot_rev_per_day2, nddot_rev_per_day3, element_set_no, rev_at_epoch,
         ephemeris_type, theory, format, input_line, raw, content_hash, retrieved_at_ms, ingest_run_id`;
  const width = columns.split(',').length;
  const row = `(${Array<string>(width).fill('?').join(',')})`;
  const statement = (rows: number): Database.Statement =>
    db.prepare(`INSERT INTO element_sets (${columns}) VALUES ${Array<string>(rows).fill(row).join(',')}${conflict}`);
  const single = statement(1);
  const multi = statement(ROWS);
  const hashes = shape === 'orbwatch' ? hex : bin;
  /** Appends set i's values for its row to `values` (no array per row: the floor stays a floor). */
  const pushValues = (values: unknown[], i: number): void => {
    const s = sets[i]!;
    if (shape === 'minimal') values.push(s.noradId, s.epoch, 1, s.raw, hashes[i], 1.7e12, run);
    else
      values.push(
        s.noradId,
        s.epoch,
        1,
        s.epochText,
        s.name,
        s.cosparId,
        s.classification,
        s.meanMotionRadPerSec,
        s.eccentricity,
        s.inclinationRad,
        s.raanRad,
        s.argPerigeeRad,
        s.meanAnomalyRad,
        s.bstarPerEarthRadii,
        s.meanMotionDotRevPerDay2,
        s.meanMotionDdotRevPerDay3,
        s.elementSetNo,
        s.revAtEpoch,
        s.ephemerisType,
        s.theory,
        s.format,
        s.line,
        s.raw,
        hashes[i],
        1.7e12,
        run,
      );
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let from = 0; from < sets.length; from += BATCH) {
    const to = Math.min(from + BATCH, sets.length);
    db.transaction(() => {
      for (let i = from; i < to; i++) object.run(sets[i]!.noradId, sets[i]!.cosparId);
      let i = from;
      if (ROWS > 1)
        for (; i + ROWS <= to; i += ROWS) {
          const values: unknown[] = [];
          for (let j = i; j < i + ROWS; j++) pushValues(values, j);
          multi.run(...values);
        }
      // Row by row with positional arguments, the values listed again rather than taken from
      // pushValues: an array per row and a spread cost 40-50 ms of the floor's ~550 ms.
      for (; i < to; i++) {
        const s = sets[i]!;
        if (shape === 'minimal') single.run(s.noradId, s.epoch, 1, s.raw, hashes[i], 1.7e12, run);
        else
          single.run(
            s.noradId,
            s.epoch,
            1,
            s.epochText,
            s.name,
            s.cosparId,
            s.classification,
            s.meanMotionRadPerSec,
            s.eccentricity,
            s.inclinationRad,
            s.raanRad,
            s.argPerigeeRad,
            s.meanAnomalyRad,
            s.bstarPerEarthRadii,
            s.meanMotionDotRevPerDay2,
            s.meanMotionDdotRevPerDay3,
            s.elementSetNo,
            s.revAtEpoch,
            s.ephemerisType,
            s.theory,
            s.format,
            s.line,
            s.raw,
            hashes[i],
            1.7e12,
            run,
          );
      }
    }).immediate();
  }
  db.exec('CREATE INDEX element_sets_epoch ON element_sets(epoch_ms)');
  db.close();
  const c = process.cpuUsage(c0);
  const wallMs = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  return { cpuMs: (c.user + c.system) / 1000, wallMs };
}

const n = sets.length;
const best = new Map<Shape, { cpuMs: number; wallMs: number }>();
console.log(
  `sets: ${n.toLocaleString('en-US')}; journal ${journal}, ${String(BATCH)} rows per transaction, ${String(ROWS)} per statement; target (parse + store) 200,000 sets/s = ${((n / 200_000) * 1000).toFixed(0)} ms`,
);
for (let r = 0; r < rounds; r++) {
  for (const shape of SHAPES) {
    const t = runOnce(shape);
    const b = best.get(shape);
    if (b === undefined || t.cpuMs < b.cpuMs) best.set(shape, t);
    console.log(
      `round ${String(r + 1)} ${shape.padEnd(9)} cpu ${t.cpuMs.toFixed(0).padStart(5)} ms  wall ${t.wallMs.toFixed(0).padStart(5)} ms  (${Math.round((n / t.cpuMs) * 1000).toLocaleString('en-US')} sets/s cpu)`,
    );
  }
}
for (const shape of SHAPES) {
  const b = best.get(shape)!;
  console.log(
    `best ${shape.padEnd(9)} cpu ${b.cpuMs.toFixed(0)} ms (${Math.round((n / b.cpuMs) * 1000).toLocaleString('en-US')} sets/s), wall ${b.wallMs.toFixed(0)} ms`,
  );
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

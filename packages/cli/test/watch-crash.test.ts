/**
 * Restart safety of `orbwatch watch`: the built binary fetches 56,864 real element sets
 * (history-2026 launches, 3LE, from a local CelesTrak-style server) and is killed with SIGKILL
 * while it ingests them; a restart must leave exactly the element sets a direct ingest of the
 * same file stores: nothing lost, nothing twice. The kill is placed after the log says the ingest
 * started, with a delay that grows until one lands inside the ingest (some but not all sets
 * stored); the payload is then in the spool and the restart ingests it again (`resume`).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instant } from '@orbwatch/core';
import { ingestTexts } from '@orbwatch/app';
import type { SqliteCatalogRepository } from '@orbwatch/store';
import { openSqliteCatalog } from '@orbwatch/store';
import { BIN, REPO_ROOT, tempDb } from './run-cli.js';
import type { CatalogueServer } from './support/catalogue-server.js';
import { startCatalogueServer } from './support/catalogue-server.js';

const GP_PATH = '/NORAD/elements/gp.php?GROUP=active&FORMAT=3LE';

function elementSetKeys(repo: SqliteCatalogRepository): string[] {
  return (
    repo.db
      .prepare(
        'SELECT e.norad_id AS n, e.epoch_ms AS t, e.content_hash AS h, s.name AS s FROM element_sets e JOIN sources s ON s.id = e.source_id',
      )
      .all() as { n: number; t: number; h: string; s: string }[]
  )
    .map((r) => `${String(r.n)}|${String(r.t)}|${r.h}|${r.s}`)
    .sort();
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Runs `orbwatch watch --once`; with `killAfterIngestStartMs`, SIGKILLs it that long after the ingest starts. */
function watchOnce(baseUrl: string, db: string, killAfterIngestStartMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'watch',
        '--celestrak-group',
        'active',
        '--celestrak-format',
        '3le',
        '--celestrak-url',
        baseUrl,
        '--once',
        '--no-detect',
        '--db',
        db,
      ],
      { cwd: REPO_ROOT, env: { ...process.env, TZ: 'Asia/Kathmandu' } },
    );
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (killAfterIngestStartMs !== undefined && !armed && stderr.includes(' ingest-started ')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterIngestStartMs);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stderr });
    });
  });
}

describe('orbwatch watch: kill -9 mid-ingest, restart', () => {
  let server: CatalogueServer;
  const body = gunzipSync(readFileSync(join(REPO_ROOT, 'fixtures/history-2026/launches-2026-03-to-05.3le.gz')));
  const total = body
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith('1 ')).length;

  beforeAll(async () => {
    server = await startCatalogueServer();
    server.serve(GP_PATH, { body, lastModified: 'Thu, 07 May 2026 12:00:00 GMT' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('loses and duplicates nothing', async () => {
    expect(total).toBe(56_864);
    // how long the ingest takes here and now (the machine may be loaded): from the log's times
    const calibration = await watchOnce(server.baseUrl, tempDb());
    expect(calibration.code, calibration.stderr).toBe(0);
    const logTime = (action: string): number =>
      Date.parse(
        calibration.stderr
          .split('\n')
          .find((l) => l.includes(` ${action} `))
          ?.split(' ')[0] ?? '',
      );
    const ingestMs = logTime('ingested') - logTime('ingest-started');
    expect(ingestMs).toBeGreaterThan(0);
    let db = '';
    let storedAtKill = -1;
    for (const fraction of [0.6, 0.75, 0.5, 0.85, 0.4, 0.9, 0.3]) {
      const delayMs = Math.round(fraction * ingestMs);
      db = tempDb();
      const killed = await watchOnce(server.baseUrl, db, delayMs);
      expect(killed.signal).toBe('SIGKILL');
      const repo = openSqliteCatalog(db);
      try {
        storedAtKill = repo.countElementSets();
        const spooled = repo.spooledFetches().length;
        if (storedAtKill > 0 && storedAtKill < total) {
          expect(spooled).toBe(1);
          break;
        }
      } finally {
        repo.close();
      }
    }
    // a kill landed inside the ingest: some batches committed, not all
    expect(storedAtKill).toBeGreaterThan(0);
    expect(storedAtKill).toBeLessThan(total);

    const requestsBefore = server.log.length;
    const restarted = await watchOnce(server.baseUrl, db);
    expect(restarted.code, restarted.stderr).toBe(0);
    expect(restarted.stderr).toContain(' resume ');
    // the spooled payload was ingested again; the source is not due, so nothing was fetched again
    expect(server.log.length).toBe(requestsBefore);

    const direct = openSqliteCatalog(tempDb());
    const watched = openSqliteCatalog(db);
    try {
      await ingestTexts(
        direct,
        [{ file: 'direct', data: body }],
        { source: 'celestrak', sourceKind: 'official' },
        {
          now: () => instant(Date.now()),
        },
      );
      const keys = elementSetKeys(watched);
      expect(keys.length).toBe(total);
      expect(new Set(keys).size).toBe(total);
      expect(keys).toEqual(elementSetKeys(direct));
      expect(watched.spooledFetches()).toEqual([]);
      const state = watched.fetchState('celestrak:GROUP=active:3le');
      expect(state?.lastStatus).toBe('200');
      expect(state?.etag).not.toBeNull();
      // the resumed run completed; the killed one is left `running` (its committed batches came back as duplicates)
      const runs = watched.ingestRuns();
      expect(runs.filter((r) => r.status === 'completed')).toHaveLength(1);
      expect(runs.find((r) => r.status === 'completed')?.duplicates).toBe(storedAtKill);
    } finally {
      direct.close();
      watched.close();
    }
  });
});

/**
 * `orbwatch watch` and `orbwatch --version` as a user runs them (the built binary): one cycle
 * over a local server serving a real CelesTrak OMM JSON download (stations, 33 records) and
 * McCants' real classfd.zip (401 amateur sets), one log line per action; usage errors by code;
 * `--version` names the package and every detector with its version.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FRAGMENTATION_DETECTOR_VERSION,
  MANEUVER_DETECTOR_VERSION,
  PROXIMITY_DETECTOR_VERSION,
  RELEASE_DETECTOR_VERSION,
} from '@orbwatch/core';
import { openSqliteCatalog } from '@orbwatch/store';
import { BIN, REPO_ROOT, runCli, tempDb } from './run-cli.js';
import type { CatalogueServer } from './support/catalogue-server.js';
import { startCatalogueServer } from './support/catalogue-server.js';

function run(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, TZ: 'Asia/Kathmandu', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
}

describe('orbwatch --version', () => {
  it('prints the package version and each detector with its version', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toEqual([
        `orbwatch ${pkg.version}`,
        `detector maneuver ${MANEUVER_DETECTOR_VERSION}`,
        `detector release ${RELEASE_DETECTOR_VERSION}`,
        `detector proximity ${PROXIMITY_DETECTOR_VERSION}`,
        `detector fragmentation ${FRAGMENTATION_DETECTOR_VERSION}`,
      ]);
    }
  });
});

describe('orbwatch watch', () => {
  let server: CatalogueServer;
  beforeAll(async () => {
    server = await startCatalogueServer();
    server.serve('/NORAD/elements/gp.php?GROUP=stations&FORMAT=JSON', {
      body: readFileSync(join(REPO_ROOT, 'fixtures/omm/celestrak-gp-2026-03/celestrak_stations_gp.json')),
      contentType: 'application/json',
    });
    server.serve('/mmccants/classfd.zip', {
      body: readFileSync(join(REPO_ROOT, 'fixtures/catalog-snapshots/celestrak-tle-mirror-2026-07-24/classfd.zip')),
      contentType: 'application/zip',
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('--once fetches CelesTrak OMM JSON and McCants classfd, stores them under their sources, logs each step', async () => {
    const db = tempDb();
    const args = [
      'watch',
      '--once',
      '--db',
      db,
      '--celestrak-group',
      'stations',
      '--celestrak-url',
      server.baseUrl,
      '--mccants',
      '--mccants-url',
      `${server.baseUrl}/mmccants/classfd.zip`,
      '--kinds',
      'maneuver',
    ];
    const first = await run(args);
    expect(first.code, first.stderr).toBe(0);
    const actions = first.stderr
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[1]?.replace(/:$/, ''));
    expect(actions).toEqual([
      'request',
      'response',
      'spooled',
      'ingest-started',
      'ingested',
      'request',
      'response',
      'spooled',
      'ingest-started',
      'ingested',
      'detected',
    ]);
    const repo = openSqliteCatalog(db);
    try {
      const counts = repo.db
        .prepare(
          'SELECT s.name AS name, s.kind AS kind, count(*) AS n FROM element_sets e JOIN sources s ON s.id = e.source_id GROUP BY s.id ORDER BY s.name',
        )
        .all();
      expect(counts).toEqual([
        { name: 'celestrak', kind: 'official', n: 33 },
        { name: 'mccants-classfd', kind: 'amateur', n: 401 },
      ]);
    } finally {
      repo.close();
    }
    // a second cycle right away: neither source is due; nothing is requested
    const requests = server.log.length;
    const second = await run([...args, '--json']);
    expect(second.code, second.stderr).toBe(0);
    const entries = second.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; source: string });
    expect(entries.map((e) => `${e.action} ${e.source}`)).toEqual([
      'not-due celestrak:GROUP=stations:json',
      'not-due mccants:classfd',
    ]);
    expect(server.log.length).toBe(requests);
  });

  it('--spacetrack logs in with the account from the environment and stores GP as space-track; SATCAT waits for 17:00 UTC', async () => {
    server.serve('/ajaxauth/login', {
      body: new TextEncoder().encode('""'),
      headers: { 'set-cookie': 'chocolatechip=t1; path=/' },
    });
    // the ISS history (history-2026) stands in for Space-Track's 3LE GP answer
    server.serve('/basicspacedata/query/class/gp/decay_date/null-val/epoch/%3Enow-30/orderby/norad_cat_id/format/3le', {
      body: gunzipSync(readFileSync(join(REPO_ROOT, 'fixtures/history-2026/iss.3le.gz'))),
    });
    const db = tempDb();
    const before = server.log.length;
    const r = await run(
      ['watch', '--once', '--db', db, '--spacetrack', '--spacetrack-url', server.baseUrl, '--no-detect'],
      {
        ORBWATCH_SPACETRACK_USER: 'analyst@example.org',
        ORBWATCH_SPACETRACK_PASSWORD: 'secret',
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const requests = server.log.slice(before);
    expect(requests.map((l) => `${l.method} ${l.url.split('/')[1] ?? ''} ${String(l.status)}`)).toEqual([
      'POST ajaxauth 200',
      'GET basicspacedata 200',
    ]);
    expect(requests[1]?.cookie).toBe('chocolatechip=t1');
    expect(r.stderr).toMatch(/ not-due space-track:satcat: .*daily at 17:/);
    expect(r.stderr).toMatch(/ not-due space-track:decay: .*weekly on Wednesday at 17:/);
    expect(r.stderr).not.toContain('secret');
    const repo = openSqliteCatalog(db);
    try {
      expect(repo.sources().map((s) => `${s.name}:${s.kind}`)).toEqual(['space-track:official']);
      expect(repo.countElementSets()).toBe(194);
    } finally {
      repo.close();
    }
  });

  it('usage errors: nothing to watch, Space-Track without credentials, polling celestrak.org more than hourly', async () => {
    const db = tempDb();
    const none = await run(['watch', '--once', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('orbwatch: USAGE:');
    const noCredentials = await run(['watch', '--once', '--db', db, '--spacetrack'], {
      ORBWATCH_SPACETRACK_USER: '',
      ORBWATCH_SPACETRACK_PASSWORD: '',
    });
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toContain('ORBWATCH_SPACETRACK_USER');
    const tooOften = await run(['watch', '--once', '--db', db, '--celestrak-group', 'stations', '--interval', '10m']);
    expect(tooOften.code).toBe(2);
    expect(tooOften.stderr).toContain('orbwatch: USAGE:');
  });

  it('a source that refuses (404) is reported and the run exits 1', async () => {
    const r = await run([
      'watch',
      '--once',
      '--db',
      tempDb(),
      '--celestrak-group',
      'no-such-group',
      '--celestrak-url',
      server.baseUrl,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ halted celestrak:GROUP=no-such-group:json: .*HTTP 404/);
  });
});

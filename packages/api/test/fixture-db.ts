/**
 * A small real database for the API tests, built through the app's use cases as the CLI builds
 * one: Jason-3's element-set history (maneuvers), the HTV-X1 / TEN-KOH 2 sets (a release) and
 * the Cosmos 2600 group, detection, then the default norms' findings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Clock } from '@orbwatch/app';
import { ingestTexts, judgeStoredEvents, runDetection } from '@orbwatch/app';
import { DEFAULT_NORM_FILE, instant, parseNorms } from '@orbwatch/core';
import type { CatalogRepository } from '@orbwatch/store';
import { openSqliteCatalog } from '@orbwatch/store';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

export const fixtureText = (rel: string): Uint8Array => {
  const b = readFileSync(resolve(FIXTURES, rel));
  return rel.endsWith('.gz') ? gunzipSync(b) : b;
};

export const clock: Clock = { now: () => instant(Date.UTC(2026, 11, 6, 5, 0, 0)) };

export interface FixtureDb {
  readonly dir: string;
  readonly path: string;
  readonly repo: CatalogRepository;
  cleanup(): void;
}

export async function buildFixtureDb(): Promise<FixtureDb> {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-api-'));
  const path = join(dir, 'api.db');
  const repo = openSqliteCatalog(path);
  await ingestTexts(
    repo,
    [
      { file: 'Jason-3.tle', data: fixtureText('maneuvers/Jason-3.tle.gz') },
      { file: 'htv-x1-and-ten-koh-2.3le', data: fixtureText('releases/htv-x1-and-ten-koh-2.3le') },
      { file: 'cosmos-2600-group-2026-023.3le', data: fixtureText('releases/cosmos-2600-group-2026-023.3le') },
    ],
    { source: 'fixtures', sourceKind: 'official' },
    clock,
  );
  await runDetection(repo, { kinds: ['maneuver', 'release'] }, clock);
  const norms = parseNorms(JSON.stringify(DEFAULT_NORM_FILE), 'default').items;
  await judgeStoredEvents(repo, { norms, now: clock.now() });
  return {
    dir,
    path,
    repo,
    cleanup: () => {
      repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

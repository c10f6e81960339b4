/**
 * Child process of crash-safety.test.ts: parses the launches fixture (56,864 real sets) and
 * ingests it into the SQLite file given as argv[2] in batches of argv[3], reporting each
 * committed batch on stdout (`batch <n>`) so the parent can aim its SIGKILL. Prints
 * `parsed <count>` before the first batch and `done <accepted> <duplicates>` at the end.
 * Run with: node --conditions=@orbwatch/source --import tsx crash-ingest-child.ts <db> <batch>
 */
import { writeSync } from 'node:fs';
import { instant, parseTle } from '@orbwatch/core';
import { readFixture } from './read-fixture.js';
import { ingestElementSets } from '../../src/ingest-element-sets.js';
import { openSqliteCatalog } from '../../src/sqlite/sqlite-catalog-repository.js';

const [dbPath, batchArg] = process.argv.slice(2);
if (dbPath === undefined || batchArg === undefined) throw new Error('usage: crash-ingest-child <db> <batch-size>');
const batchSize = Number(batchArg);
const say = (line: string): void => {
  writeSync(1, `${line}\n`); // unbuffered: the parent reacts to it
};

const parsed = parseTle(readFixture('history-2026/launches-2026-03-to-05.3le.gz'), {
  file: 'launches-2026-03-to-05.3le',
});
const repo = openSqliteCatalog(dbPath);
say(`parsed ${String(parsed.items.length)}`);
let batch = 0;
const r = await ingestElementSets(
  repo,
  {
    source: { name: 'celestrak', kind: 'official' },
    retrievedAt: instant(Date.UTC(2026, 4, 7)),
    files: ['launches-2026-03-to-05.3le'],
    elementSets: parsed.items,
    issues: parsed.issues,
  },
  {
    now: () => instant(Date.now()),
    batchSize,
    onProgress: () => {
      say(`batch ${String(++batch)}`);
    },
  },
);
repo.close();
say(`done ${String(r.accepted)} ${String(r.duplicates)}`);

/**
 * Child process of crash-safety.test.ts: parses the launches fixture (56,864 real sets) and
 * ingests it into the SQLite file given as argv[2] in batches of argv[3], reporting each
 * committed batch on stdout (`batch <n>`) so the parent can aim its SIGKILL. Prints
 * `parsed <count>` before the first batch and `done <accepted> <duplicates>` at the end.
 * With `columns <sets per transaction>` after the batch size, it takes the pipelined ingest's
 * path instead: the sets packed in columnar batches of <batch> (as the parser worker delivers
 * them), stored by `ingestElementSetColumns` several batches per transaction; each committed
 * transaction is reported as a `batch <n>` line.
 * Run with: node --conditions=@orbwatch/source --import tsx crash-ingest-child.ts <db> <batch> [columns <n>]
 */
import { writeSync } from 'node:fs';
import { instant, parseTle } from '@orbwatch/core';
import { readFixture } from './read-fixture.js';
import { packElementSets } from '../../src/element-set-columns.js';
import type { ColumnarParseBatch } from '../../src/ingest-element-set-columns.js';
import { ingestElementSetColumns } from '../../src/ingest-element-set-columns.js';
import { ingestElementSets } from '../../src/ingest-element-sets.js';
import { openSqliteCatalog } from '../../src/sqlite/sqlite-catalog-repository.js';

const [dbPath, batchArg, mode, perTransactionArg] = process.argv.slice(2);
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
const source = { name: 'celestrak', kind: 'official' } as const;
const retrievedAt = instant(Date.UTC(2026, 4, 7));
const files = ['launches-2026-03-to-05.3le'];
const onProgress = (): void => {
  say(`batch ${String(++batch)}`);
};
let r: { accepted: number; duplicates: number };
if (mode === 'columns') {
  const batches: ColumnarParseBatch[] = [];
  for (let i = 0; i < parsed.items.length; i += batchSize)
    batches.push({
      columns: packElementSets(parsed.items.slice(i, i + batchSize), { withHashes: true }),
      issues: i === 0 ? parsed.issues : [],
    });
  r = await ingestElementSetColumns(
    repo,
    { source, retrievedAt, files, batches },
    { now: () => instant(Date.now()), setsPerTransaction: Number(perTransactionArg), onProgress },
  );
} else {
  r = await ingestElementSets(
    repo,
    { source, retrievedAt, files, elementSets: parsed.items, issues: parsed.issues },
    { now: () => instant(Date.now()), batchSize, onProgress },
  );
}
repo.close();
say(`done ${String(r.accepted)} ${String(r.duplicates)}`);

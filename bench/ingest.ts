/**
 * Ingest benchmark: parse + store every 3LE file given (default: all of
 * /work/shared/data/history-2026/*.3le, ~182,000 sets) into a fresh temporary SQLite catalog,
 * two ways in the same process, each into its own fresh database:
 *
 * 1. pipelined (first, so it runs cold): a parser worker (`createTleParser`, @orbwatch/workers)
 *    parses batches and hands them over in columns while the main thread stores the previous
 *    batch (`ingestElementSetColumns`): parse and store overlap on two cores;
 * 2. sequential: `parseTle` on the main thread, then `ingestElementSets` (objects).
 *
 * Prints sets/s (wall clock and CPU time of this process — all threads — since a shared machine
 * inflates wall time), peak RSS and the load average, and checks that both databases hold the
 * same rows (every column of every element set, object and name, as SQLite's quote()). The
 * databases start empty, so the store takes its bulk-load path (see docs/design/storage.md).
 *
 * `--sets-per-transaction N`: how many sets the pipelined path commits together (default the
 * store's `DEFAULT_SETS_PER_TRANSACTION`, four parser batches; 500 = one batch per transaction).
 *
 *   npm run bench:ingest [-- <file|dir> ...] [-- --batch 5000] [-- --sequential-first] [-- --sets-per-transaction N]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ElementSet, ParseIssue } from '@orbwatch/core';
import { instant, parseTle } from '@orbwatch/core';
import type { SqliteCatalogRepository } from '@orbwatch/store';
import {
  DEFAULT_INGEST_BATCH_SIZE,
  DEFAULT_SETS_PER_TRANSACTION,
  ingestElementSetColumns,
  ingestElementSets,
  openSqliteCatalog,
} from '@orbwatch/store';
import { createTleParser, DEFAULT_TLE_BATCH_RECORDS } from '@orbwatch/workers';

const args = process.argv.slice(2);
const batchAt = args.indexOf('--batch');
const batchSize = batchAt >= 0 ? Number(args[batchAt + 1]) : DEFAULT_INGEST_BATCH_SIZE;
// The pipelined path's batches: the parser's default (500) unless --batch says otherwise.
const pipelineRecords = batchAt >= 0 ? batchSize : DEFAULT_TLE_BATCH_RECORDS;
const sequentialFirst = args.includes('--sequential-first');
const perTxAt = args.indexOf('--sets-per-transaction');
const setsPerTransaction = perTxAt >= 0 ? Number(args[perTxAt + 1]) : DEFAULT_SETS_PER_TRANSACTION;
const paths = args.filter(
  (a, i) =>
    a !== '--batch' &&
    a !== '--sequential-first' &&
    a !== '--sets-per-transaction' &&
    (batchAt < 0 || i !== batchAt + 1) &&
    (perTxAt < 0 || i !== perTxAt + 1),
);
const inputs = (paths.length > 0 ? paths : ['/work/shared/data/history-2026']).flatMap((p) =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .filter((f) => f.endsWith('.3le') || f.endsWith('.tle'))
        .sort()
        .map((f) => join(p, f))
    : [p],
);

interface Timing {
  wallMs: number;
  cpuMs: number;
}
function measure<T>(f: () => T): [T, Timing] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [r, { wallMs, cpuMs: (c.user + c.system) / 1000 }];
}
async function measureAsync<T>(f: () => Promise<T>): Promise<[T, Timing]> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await f();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [r, { wallMs, cpuMs: (c.user + c.system) / 1000 }];
}

/** sha256 over every column (quote()) of the element sets, objects and names, in id/key order. */
function digest(repo: SqliteCatalogRepository): string {
  const h = createHash('sha256');
  for (const [table, order] of [
    ['element_sets', 'id'],
    ['objects', 'norad_id'],
    ['object_names', 'norad_id, name'],
  ] as const) {
    const cols = (repo.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !c.endsWith('run_id')); // each run has its own id
    const stmt = repo.db.prepare(
      `SELECT ${cols.map((c) => `quote(${c})`).join(" || '|' || ")} FROM ${table} ORDER BY ${order}`,
    );
    for (const r of stmt.raw().iterate() as IterableIterator<[string]>) h.update(r[0]).update('\n');
  }
  return h.digest('hex');
}

/**
 * CPU ms of every thread of this process (Linux `/proc/self/task/<tid>/stat`, utime + stime,
 * 100 ticks/s), keyed `tid name`; empty where /proc is missing. The main thread's tid is the pid.
 */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(`${tid} ${name}`, (Number(f[11]) + Number(f[12])) * 10);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** Per-thread CPU between two {@link threadCpu} readings: main thread, busiest other, all others. */
function threadSplit(before: Map<string, number>, after: Map<string, number>): string {
  let main = 0;
  let others = 0;
  let busiest = 0;
  let busiestName = '';
  for (const [k, v] of after) {
    const d = v - (before.get(k) ?? 0);
    if (k.startsWith(`${String(process.pid)} `)) main = d;
    else {
      others += d;
      if (d > busiest) {
        busiest = d;
        busiestName = k.slice(k.indexOf(' ') + 1);
      }
    }
  }
  return `main thread ${String(main)} ms, busiest other thread ${String(busiest)} ms (${busiestName}), all others ${String(others)} ms`;
}

const dir = mkdtempSync(join(tmpdir(), 'orbwatch-bench-'));
const source = { name: 'celestrak', kind: 'official' } as const;
const retrievedAt = instant(Date.UTC(2026, 4, 7));
let clock = Date.UTC(2026, 4, 8);
const now = (): ReturnType<typeof instant> => instant((clock += 1));

/** Pipelined: parser worker → columns → store, overlapping. */
async function runPipelined(): Promise<{
  pipe: Awaited<ReturnType<typeof ingestElementSetColumns>>;
  pipeT: Timing;
  startT: Timing;
  readyT: Timing;
  threads: string;
  digestP: string;
  dbBytesP: number;
}> {
  // Inputs read as bytes beforehand (as the sequential path reads its texts beforehand);
  // decoding happens in the worker, inside the timing.
  const bytes = inputs.map((p) => ({ file: basename(p), text: new Uint8Array(readFileSync(p)) }));
  const [parser, startT] = measure(() => createTleParser());
  // Wait for the worker to be up (a first empty parse), so the timing below is parse + store.
  const [, readyT] = await measureAsync(async () => {
    let warm = 0;
    for await (const b of parser.parse([{ file: 'warm-up', text: '' }])) warm += b.columns.count;
    return warm;
  });
  const repoP = openSqliteCatalog(join(dir, 'pipelined.db'));
  const cpu0 = threadCpu();
  const [pipe, pipeT] = await measureAsync(() =>
    ingestElementSetColumns(
      repoP,
      {
        source,
        retrievedAt,
        files: bytes.map((t) => t.file),
        batches: parser.parse(bytes, { records: pipelineRecords }),
      },
      { now, setsPerTransaction },
    ),
  );
  const threads = threadSplit(cpu0, threadCpu());
  await parser.close();
  const digestP = digest(repoP);
  repoP.close();
  return { pipe, pipeT, startT, readyT, threads, digestP, dbBytesP: statSync(join(dir, 'pipelined.db')).size };
}

/** Sequential: parseTle on this thread, then the object store path. */
async function runSequential(): Promise<{
  n: number;
  issues: number;
  summary: Awaited<ReturnType<typeof ingestElementSets>>;
  parseT: Timing;
  storeT: Timing;
  digestS: string;
  dbBytes: number;
}> {
  const texts = inputs.map((p) => ({ file: basename(p), text: readFileSync(p, 'utf8') }));
  const [parsed, parseT] = measure(() => {
    const sets: ElementSet[] = [];
    const issues: ParseIssue[] = [];
    for (const { file, text } of texts) {
      const r = parseTle(text, { file });
      for (const s of r.items) sets.push(s);
      for (const i of r.issues) issues.push(i);
    }
    return { sets, issues };
  });
  const repo = openSqliteCatalog(join(dir, 'bench.db'));
  const [summary, storeT] = await measureAsync(() =>
    ingestElementSets(
      repo,
      { source, retrievedAt, files: texts.map((t) => t.file), elementSets: parsed.sets, issues: parsed.issues },
      { now, batchSize },
    ),
  );
  const digestS = digest(repo);
  repo.close();
  return {
    n: parsed.sets.length,
    issues: parsed.issues.length,
    summary,
    parseT,
    storeT,
    digestS,
    dbBytes: statSync(join(dir, 'bench.db')).size,
  };
}

// Which path runs first (cold process: JIT warm-up and heap growth) is a choice: --sequential-first.
let pipelined: Awaited<ReturnType<typeof runPipelined>>;
let sequential: Awaited<ReturnType<typeof runSequential>>;
if (sequentialFirst) {
  sequential = await runSequential();
  pipelined = await runPipelined();
} else {
  pipelined = await runPipelined();
  sequential = await runSequential();
}
const { pipe, pipeT, startT, readyT, threads, digestP, dbBytesP } = pipelined;
const { summary, parseT, storeT, digestS, dbBytes } = sequential;
rmSync(dir, { recursive: true, force: true });

const n = sequential.n;
const rate = (t: Timing, key: keyof Timing): string => Math.round((n / t[key]) * 1000).toLocaleString('en-US');
const total: Timing = { wallMs: parseT.wallMs + storeT.wallMs, cpuMs: parseT.cpuMs + storeT.cpuMs };
const line = (label: string, t: Timing): string =>
  `${label.padEnd(14)} ${rate(t, 'wallMs').padStart(10)} sets/s wall (${t.wallMs.toFixed(0)} ms)   ${rate(t, 'cpuMs').padStart(10)} sets/s cpu (${t.cpuMs.toFixed(0)} ms)`;
console.log(`inputs: ${inputs.join(', ')}`);
console.log(
  `sets: ${n.toLocaleString('en-US')} (issues ${String(sequential.issues)}), batch ${String(batchSize)} (pipelined ${String(pipelineRecords)}); accepted ${String(summary.accepted)}, duplicates ${String(summary.duplicates)}`,
);
console.log(line('parse', parseT));
console.log(line('store', storeT));
console.log(line('parse+store', total));
console.log(
  `pipelined (${String(setsPerTransaction)} sets per transaction): accepted ${String(pipe.accepted)}, duplicates ${String(pipe.duplicates)}, issues ${String(pipe.issues.length)}; worker start ${startT.wallMs.toFixed(0)} + ${readyT.wallMs.toFixed(0)} ms (not in the figure below)`,
);
console.log(line('pipelined', pipeT));
// The sequential path, measured in the same process, is the baseline: the ratio shows the
// pipeline's gain whatever speed this (shared, virtual) machine runs at during the run.
console.log(
  `pipelined vs sequential parse+store in this run: ${(total.wallMs / pipeT.wallMs).toFixed(2)}x wall; target 200,000 sets/s = ${((n / 200_000) * 1000).toFixed(0)} ms: ${pipeT.wallMs <= (n / 200_000) * 1000 ? 'met' : 'not met'} in this run`,
);
console.log(`pipelined CPU by thread: ${threads}`);
console.log(
  `order: ${sequentialFirst ? 'sequential first' : 'pipelined first'} (the first one runs in a cold process)`,
);
console.log(
  `same rows in both databases: ${digestP === digestS ? 'yes' : 'NO'} (sha256 ${digestS.slice(0, 16)}…); pipelined database ${(dbBytesP / 2 ** 20).toFixed(0)} MiB`,
);
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; database ${(dbBytes / 2 ** 20).toFixed(0)} MiB`,
);
console.log(
  `machine: ${String(cpus().length)} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (1/5/15 min)`,
);

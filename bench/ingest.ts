/**
 * Ingest benchmark: parse + store every 3LE file given (default: all of
 * /work/shared/data/history-2026/*.3le, ~182,000 sets) into a fresh temporary SQLite catalog.
 * Prints sets/s for parse alone, store alone and the total (wall clock and CPU time of this
 * process, since a shared machine inflates wall time), plus peak RSS and the load average. The
 * database starts empty, so the store takes its bulk-load path (see docs/design/storage.md).
 *
 *   npm run bench:ingest [-- <file|dir> ...] [-- --batch 5000]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ElementSet, ParseIssue } from '@orbwatch/core';
import { instant, parseTle } from '@orbwatch/core';
import { DEFAULT_INGEST_BATCH_SIZE, ingestElementSets, openSqliteCatalog } from '@orbwatch/store';

const args = process.argv.slice(2);
const batchAt = args.indexOf('--batch');
const batchSize = batchAt >= 0 ? Number(args[batchAt + 1]) : DEFAULT_INGEST_BATCH_SIZE;
const paths = args.filter((a, i) => a !== '--batch' && i !== batchAt + 1);
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

const dir = mkdtempSync(join(tmpdir(), 'orbwatch-bench-'));
const repo = openSqliteCatalog(join(dir, 'bench.db'));
let clock = Date.UTC(2026, 4, 8);
const [summary, storeT] = await measureAsync(() =>
  ingestElementSets(
    repo,
    {
      source: { name: 'celestrak', kind: 'official' },
      retrievedAt: instant(Date.UTC(2026, 4, 7)),
      files: texts.map((t) => t.file),
      elementSets: parsed.sets,
      issues: parsed.issues,
    },
    { now: () => instant((clock += 1)), batchSize },
  ),
);
repo.close();
const dbBytes = statSync(join(dir, 'bench.db')).size;
rmSync(dir, { recursive: true, force: true });

const n = parsed.sets.length;
const rate = (t: Timing, key: keyof Timing): string => Math.round((n / t[key]) * 1000).toLocaleString('en-US');
const total: Timing = { wallMs: parseT.wallMs + storeT.wallMs, cpuMs: parseT.cpuMs + storeT.cpuMs };
const line = (label: string, t: Timing): string =>
  `${label.padEnd(14)} ${rate(t, 'wallMs').padStart(10)} sets/s wall (${t.wallMs.toFixed(0)} ms)   ${rate(t, 'cpuMs').padStart(10)} sets/s cpu (${t.cpuMs.toFixed(0)} ms)`;
console.log(`inputs: ${inputs.join(', ')}`);
console.log(
  `sets: ${n.toLocaleString('en-US')} (issues ${String(parsed.issues.length)}), batch ${String(batchSize)}; accepted ${String(summary.accepted)}, duplicates ${String(summary.duplicates)}`,
);
console.log(line('parse', parseT));
console.log(line('store', storeT));
console.log(line('parse+store', total));
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; database ${(dbBytes / 2 ** 20).toFixed(0)} MiB`,
);
console.log(
  `machine: ${String(cpus().length)} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (1/5/15 min)`,
);

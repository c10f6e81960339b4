/**
 * `orbwatch demo`: the main job on the bundled real data. Ingests two months of CelesTrak
 * catalogue updates (2026-03-15..05-07), the element histories of the Russian inspector
 * satellites and their US targets (amateur elements from McCants' classfd, marked as such) and
 * a Space-Track SATCAT subset (with a small sourced supplement for spotlight objects it lacks),
 * runs the maneuver, release and inspector-proximity detectors (a progress bar per detector on a
 * terminal), writes the report site with a page, an evidence bundle and a plot for every event it
 * stored, then prints what the catalogue holds: releases and proximity episodes with every
 * object named, and the maneuvers grouped (orbit raising by launch, station-keeping, single burns
 * that stand out). Idempotent: running it again stores nothing new.
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NoradId } from '@orbwatch/core';
import { formatIso, instant, noradId, orbitSummary } from '@orbwatch/core';
import { judgeStoredEvents } from '@orbwatch/app';
import type { CatalogRepository, SourceKind } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK, EXIT_RUNTIME } from '../exit-codes.js';
import { renderEventTable } from '../presentation/event-tables.js';
import { summarizeManeuvers } from '../presentation/maneuver-summary.js';
import { maneuverSummaryLines } from '../presentation/maneuver-summary-text.js';
import { objectNamesFrom } from '../presentation/object-names.js';
import { detectorProgressBars } from '../progress/detector-progress.js';
import { renderTable } from '../text-table.js';
import { defaultNorms } from '../norms-file.js';
import type { DataGap } from '../presentation/demo-story.js';
import { demoStory } from '../presentation/demo-story.js';
import type { ReportWritten } from './report.js';
import { writeReportSite } from './report.js';
import type { IngestReport } from './ingest.js';
import { runIngest } from './ingest.js';
import { runDetect } from './detect.js';
import { eventJson } from './events.js';

/** The repository's bundled data folder (same depth from src/ and dist/). */
export function bundledDataDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures');
}

interface DemoStep {
  readonly label: string;
  readonly paths: readonly string[];
  readonly source: string;
  readonly kind: SourceKind;
}

function demoSteps(dir: string): DemoStep[] {
  return [
    {
      label: 'CelesTrak catalogue updates 2026-03-15..05-07',
      paths: [`${dir}/history-2026/*.3le.gz`],
      source: 'celestrak',
      kind: 'official',
    },
    {
      label: 'inspector histories 2019-2023 (catalogue snapshots)',
      paths: [`${dir}/events/inspector-history/*.3le`],
      source: 'catalog-snapshots',
      kind: 'official',
    },
    {
      label: 'inspector satellites 2026 (CelesTrak)',
      paths: [`${dir}/events/inspector-target-series-2026/*COSMOS*.3le`],
      source: 'celestrak',
      kind: 'official',
    },
    {
      label: 'US targets 2026 (McCants classfd, amateur)',
      paths: [`${dir}/events/inspector-target-series-2026/*USA*.3le`],
      source: 'mccants-classfd',
      kind: 'amateur',
    },
    {
      label: 'SATCAT (Space-Track LEO subset, 2025-04)',
      paths: [`${dir}/satcat/*spacetrack*`],
      source: 'space-track-satcat',
      kind: 'official',
    },
    {
      label: 'SATCAT supplement: spotlight objects missing from the subset',
      paths: [`${dir}/satcat/spotlight-supplement_celestrak-dialect.csv`],
      source: 'orbwatch-satcat-supplement',
      kind: 'derived',
    },
    {
      label: 'HTV-X1 and TEN-KOH 2 (CelesTrak, 2026-03)',
      paths: [`${dir}/releases/htv-x1-and-ten-koh-2.3le`],
      source: 'celestrak',
      kind: 'official',
    },
  ];
}

/** Objects the demo puts in the spotlight: the 2020 Cosmos 2542/2543 episode and 2026's pairs. */
const SPOTLIGHT: readonly { norad: NoradId; why: string }[] = [
  { norad: noradId(44797), why: 'Cosmos 2542, released Cosmos 2543 on 2019-12-06' },
  { norad: noradId(44835), why: 'Cosmos 2543, the inspector' },
  { norad: noradId(45915), why: 'object released by Cosmos 2543 on 2020-07-15' },
  { norad: noradId(59773), why: 'Cosmos 2576, in the orbit of USA 314' },
  { norad: noradId(48247), why: 'USA 314 (amateur elements)' },
  { norad: noradId(64095), why: 'Cosmos 2588, near USA 338' },
  { norad: noradId(53883), why: 'USA 338 (amateur elements)' },
  { norad: noradId(25544), why: 'ISS, target of Progress MS-33 and Cygnus NG-24' },
];

/** The 2019-2020 episode: no public element-set history of it is bundled (only snapshots). */
const EPISODE_2020: DataGap['norads'] = [44797, 44835, 45915];
const EPISODE_2020_WINDOW: readonly [string, string] = ['2019-11-25T00:00:00Z', '2020-08-31T00:00:00Z'];
const SPACE_TRACK_HOWTO =
  'with a Space-Track account, request https://www.space-track.org/basicspacedata/query/class/gp_history/NORAD_CAT_ID/44797,44835,45915/EPOCH/2019-11-25--2020-08-31/orderby/EPOCH%20asc/format/3le, save it as a file, then `orbwatch ingest FILE --source space-track` and `orbwatch detect`.';

export interface DemoOptions {
  /** Where to write the report site; null: no report. */
  readonly out?: string | null;
}

export async function runDemo(
  repo: CatalogRepository,
  json: boolean,
  ctx: CliContext,
  dbPath?: string,
  options: DemoOptions = {},
): Promise<number> {
  const dir = bundledDataDir();
  if (!existsSync(dir)) {
    writeLine(ctx.stderr, `orbwatch demo: bundled data not found at ${dir}`);
    return EXIT_RUNTIME;
  }
  const quietCtx: CliContext = { ...ctx, stdout: devNull() };
  const steps: { label: string; source: string; kind: SourceKind; report: IngestReport }[] = [];
  for (const step of demoSteps(dir)) {
    if (!json) writeLine(ctx.stderr, `ingesting ${step.label} …`);
    const { report } = await runIngest(
      repo,
      step.paths,
      { source: step.source, sourceKind: step.kind, quiet: true },
      quietCtx,
    );
    steps.push({ label: step.label, source: step.source, kind: step.kind, report });
  }
  if (!json) writeLine(ctx.stderr, 'detecting maneuvers and releases …');
  const bars = detectorProgressBars(ctx.stderr);
  await runDetect(repo, { kinds: ['maneuver', 'release'], quiet: true, onProgress: bars.onProgress }, quietCtx);
  bars.stop();
  // The 2026 inspector pairs: slow drift-bys seen through CelesTrak and amateur elements.
  await runDetect(
    repo,
    {
      kinds: ['proximity'],
      preset: 'inspection',
      objects: INSPECTOR_PAIRS.flat(),
      since: instant(Date.UTC(2026, 5, 1)),
      until: instant(Date.UTC(2026, 6, 23)),
      quiet: true,
      onProgress: bars.onProgress,
    },
    quietCtx,
  );
  bars.stop();
  const events = await repo.listEvents({});
  const findings = await judgeStoredEvents(repo, { norms: defaultNorms(), now: ctx.now() });
  const out = options.out === undefined ? './orbwatch-report' : options.out;
  let report: ReportWritten | null = null;
  if (out !== null) {
    if (!json) writeLine(ctx.stderr, `writing the report to ${out} …`);
    const bar = detectorProgressBars(ctx.stderr);
    report = await writeReportSite(
      repo,
      {
        events,
        out,
        title: 'orbwatch demo: what public element sets show, 2026',
        quiet: true,
        progress: (done, total) => {
          bar.onProgress({ kind: 'report', unit: 'events', done, total });
        },
      },
      quietCtx,
    );
    bar.stop();
  }
  const gaps: DataGap[] = [];
  {
    const [from, to] = EPISODE_2020_WINDOW;
    let setsInWindow = 0;
    for (const n of EPISODE_2020)
      setsInWindow += (await repo.history(noradId(n), { from: instant(Date.parse(from)), to: instant(Date.parse(to)) }))
        .length;
    gaps.push({
      what: 'Cosmos 2542 releasing Cosmos 2543 (2019-12-06) and Cosmos 2543 releasing object 45915 (2020-07-15)',
      norads: EPISODE_2020,
      setsInWindow,
      windowUtc: [from.slice(0, 10), to.slice(0, 10)],
      howToFill: SPACE_TRACK_HOWTO,
    });
  }
  const byKind = countBy(events.map((e) => e.kind));
  const releaseEvents = events.filter((e) => e.kind === 'release');
  const proximityEvents = events.filter((e) => e.kind === 'proximity');
  const releases = releaseEvents.map(eventJson);
  const proximity = proximityEvents.map(eventJson);
  const total = await repo.countElementSets();
  const objects = await repo.listObjects({});
  const names = objectNamesFrom(objects);
  const maneuvers = summarizeManeuvers(
    events.filter((e) => e.kind === 'maneuver'),
    names,
  );
  const spotlight = [];
  for (const s of SPOTLIGHT) {
    const o = await repo.getObject(s.norad);
    if (o === null) continue;
    const hist = await repo.history(s.norad);
    const last = hist[hist.length - 1];
    if (last === undefined) continue;
    const orbit = orbitSummary(last);
    spotlight.push({
      norad: s.norad,
      name: o.name,
      owner: o.owner,
      why: s.why,
      elementSets: hist.length,
      sources: [...new Set(hist.map((h) => h.source))],
      lastEpochUtc: formatIso(last.epoch),
      perigeeKm: orbit.perigeeAltitudeKm,
      apogeeKm: orbit.apogeeAltitudeKm,
      inclinationDeg: (last.inclinationRad * 180) / Math.PI,
    });
  }
  const summary = {
    database: dbPath === undefined ? null : resolve(dbPath),
    elementSets: total,
    objects: objects.length,
    ingests: steps.map((s) => ({
      label: s.label,
      source: s.source,
      sourceKind: s.kind,
      accepted: s.report.accepted,
      duplicates: s.report.duplicates,
      rejected: s.report.rejected,
      satcatRecords: s.report.files.reduce((n, f) => n + f.satcatRecords, 0),
      issuesByCode: countBy(s.report.issues.map((i) => i.code)),
    })),
    spotlight,
    events: byKind,
    maneuvers,
    releases,
    proximity,
    findings: countBy(findings.map((f) => f.verdict)),
    report,
    gaps,
  };
  if (json) {
    writeJson(ctx, summary);
    return EXIT_OK;
  }
  writeLine(
    ctx.stdout,
    `orbwatch demo — ${String(total)} element sets of ${String(objects.length)} objects in the catalogue`,
  );
  writeLine(ctx.stdout);
  writeLine(
    ctx.stdout,
    renderTable(summary.ingests, [
      { header: 'INGEST', value: (r) => r.label },
      { header: 'SOURCE', value: (r) => `${r.source} (${r.sourceKind})` },
      { header: 'ACCEPTED', value: (r) => String(r.accepted), align: 'right' },
      { header: 'DUPLICATES', value: (r) => String(r.duplicates), align: 'right' },
      { header: 'REJECTED', value: (r) => String(r.rejected), align: 'right' },
      { header: 'SATCAT ROWS', value: (r) => String(r.satcatRecords), align: 'right' },
      {
        header: 'ISSUES',
        value: (r) =>
          Object.entries(r.issuesByCode)
            .map(([c, n]) => `${c}×${String(n)}`)
            .join(' '),
      },
    ]),
  );
  writeLine(ctx.stdout);
  writeLine(ctx.stdout, 'Spotlight (latest element set of each; altitudes from mean elements, ±a few km):');
  writeLine(
    ctx.stdout,
    renderTable(spotlight, [
      { header: 'NORAD', value: (r) => String(r.norad), align: 'right' },
      { header: 'NAME', value: (r) => r.name ?? '' },
      { header: 'OWNER', value: (r) => r.owner ?? '' },
      { header: 'SETS', value: (r) => String(r.elementSets), align: 'right' },
      { header: 'SOURCES', value: (r) => r.sources.join(',') },
      { header: 'LAST EPOCH (UTC)', value: (r) => r.lastEpochUtc.slice(0, 19) },
      { header: 'PERIGEE km', value: (r) => r.perigeeKm.toFixed(0), align: 'right' },
      { header: 'APOGEE km', value: (r) => r.apogeeKm.toFixed(0), align: 'right' },
      { header: 'INC deg', value: (r) => r.inclinationDeg.toFixed(2), align: 'right' },
      { header: 'WHY', value: (r) => r.why },
    ]),
  );
  writeLine(ctx.stdout);
  const plural = (n: number | undefined, what: string): string => `${String(n ?? 0)} ${what}`;
  writeLine(
    ctx.stdout,
    `Detected: ${plural(byKind['release'], 'release(s)')}, ${plural(byKind['proximity'], 'proximity episode(s)')}, ${plural(byKind['maneuver'], 'maneuver burn(s)')} (grouped below); orbwatch events lists them all`,
  );
  writeLine(ctx.stdout);
  writeLine(ctx.stdout, 'Releases and deployments (a group without a known parent is named by its launch):');
  writeLine(ctx.stdout, renderEventTable('release', releaseEvents, names));
  writeLine(ctx.stdout);
  writeLine(
    ctx.stdout,
    'Inspector proximity episodes 2026-06-01..07-23 (σ from element-set age; amateur target elements weigh less):',
  );
  writeLine(ctx.stdout, renderEventTable('proximity', proximityEvents, names));
  writeLine(ctx.stdout);
  for (const line of maneuverSummaryLines(maneuvers)) writeLine(ctx.stdout, line);
  writeLine(ctx.stdout);
  for (const line of demoStory({ events, findings, names, gaps, reportIndex: report?.index ?? null }))
    writeLine(ctx.stdout, line);
  writeLine(ctx.stdout);
  const example = releaseEvents[0]?.id;
  writeLine(
    ctx.stdout,
    `Next: orbwatch events --kind maneuver --object 25544   ·   ${example === undefined ? '' : `orbwatch event ${example}   ·   `}orbwatch history 44835   ·   orbwatch propagate 59773 --from 2026-07-16T05:00:00Z --to 2026-07-16T06:00:00Z --step 10m`,
  );
  return EXIT_OK;
}

/** Inspector and target of the 2026 pairs (shared/data PROVENANCE §2b, §9). */
const INSPECTOR_PAIRS: readonly (readonly [NoradId, NoradId])[] = [
  [noradId(59773), noradId(48247)], // Cosmos 2576 – USA 314
  [noradId(64095), noradId(53883)], // Cosmos 2588 – USA 338
  [noradId(53323), noradId(51445)], // Cosmos 2558 – USA 326
];

function countBy(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

function devNull(): NodeJS.WritableStream {
  return { write: () => true } as unknown as NodeJS.WritableStream;
}

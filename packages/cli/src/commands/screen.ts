/**
 * `orbwatch screen [--primaries all|payloads|<ids>] [--window 7d] [--threshold-km 5] [--at T]
 * [--json|--csv] [--cdm DIR]`: catalogue-wide conjunction screening from the stored element sets
 * (the use case is `screenCatalogue` in @orbwatch/app; this file chooses the engine, draws the
 * progress bar on a terminal's stderr and prints). Conjunctions are stored as `conjunction`
 * events; the run record is stored beside them. Text output is a summary line and a table
 * sorted by Pc, then miss distance, every NORAD id with its name; `--cdm DIR` writes one CCSDS
 * CDM (KVN) per conjunction.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instant, NoradId } from '@orbwatch/core';
import {
  DEFAULT_SCREENING_ENGINE_PARAMETERS,
  ErrorCode,
  OrbwatchError,
  SCREENING_ENGINE,
  SCREENING_ENGINE_VERSION,
  screenCloseApproaches,
} from '@orbwatch/core';
import { screenInParallel } from '@orbwatch/workers';
import type { Conjunction, ScreenOutcome, ScreenPrimaries, ScreeningEngine, ScreeningEngineInfo } from '@orbwatch/app';
import { cdmFileName, conjunctionCdmKvn, screenCatalogue } from '@orbwatch/app';
import type { CatalogRepository } from '@orbwatch/store';
import { uuidV7 } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { toCsv } from '../csv.js';
import type { CsvColumn } from '../csv.js';
import { EXIT_OK } from '../exit-codes.js';
import { ObjectNames } from '../presentation/object-names.js';
import { printable } from '@orbwatch/app';
import { detectorProgressBars } from '../progress/detector-progress.js';
import { renderTable } from '../text-table.js';
import type { Column } from '../text-table.js';

export interface ScreenCommandOptions {
  readonly primaries: ScreenPrimaries;
  readonly windowSec: number;
  readonly thresholdKm: number;
  readonly hardBodyRadiusM: number;
  readonly at?: Instant;
  readonly cdm?: string;
  readonly output: 'text' | 'json' | 'csv';
  readonly quiet?: boolean;
  /** Worker threads for the catalogue engine (1: this thread). */
  readonly threads?: number;
}

/** The engine the command runs, with what the run record says about it. */
export interface EngineChoice {
  readonly engine: ScreeningEngine;
  readonly info: ScreeningEngineInfo;
}

/**
 * The engine `orbwatch screen` uses: core's close-approach engine, on `threads` worker threads
 * (`@orbwatch/workers`, identical result) or in this thread when `threads` is 1.
 */
export function screeningEngine(threads = 1): EngineChoice {
  const info: ScreeningEngineInfo = {
    name: SCREENING_ENGINE,
    version: SCREENING_ENGINE_VERSION,
    parameters: { ...DEFAULT_SCREENING_ENGINE_PARAMETERS, threads },
  };
  const engine: ScreeningEngine = (request, o) => {
    const onProgress = (done: number, total: number): void => {
      o.onProgress?.({ stage: 'chunks', done, total });
    };
    if (threads <= 1) return Promise.resolve(screenCloseApproaches(request, { onProgress }));
    return screenInParallel(request, { threads, onProgress });
  };
  return { engine, info };
}

/** `all`, `payloads` or comma-separated NORAD ids (parsed by `parseId`). */
export function parsePrimaries(text: string, parseId: (t: string) => NoradId): ScreenPrimaries {
  const t = text.trim().toLowerCase();
  if (t === 'all') return { kind: 'all' };
  if (t === 'payloads') return { kind: 'payloads' };
  const ids = text
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  if (ids.length === 0)
    throw new OrbwatchError(ErrorCode.USAGE, `--primaries: '${text}' is not all, payloads or a list of NORAD ids`);
  return { kind: 'ids', ids: ids.map(parseId) };
}

const sci = (x: number | null): string => (x === null ? '—' : x === 0 ? '0' : x.toExponential(2));
const km = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : '—');

function table(conjunctions: readonly Conjunction[], names: ObjectNames): string {
  const columns: Column<Conjunction>[] = [
    { header: 'PC', value: (c) => sci(c.pc), align: 'right' },
    { header: 'PC MAX', value: (c) => sci(c.pcMax), align: 'right' },
    { header: 'MISS km', value: (c) => km(c.missDistanceKm), align: 'right' },
    {
      header: 'R / I / C km',
      value: (c) =>
        `${km(c.missRicKm.radialKm, 2)} / ${km(c.missRicKm.inTrackKm, 2)} / ${km(c.missRicKm.crossTrackKm, 2)}`,
      align: 'right',
    },
    { header: 'v_rel km/s', value: (c) => km(c.relativeSpeedKmPerSec), align: 'right' },
    { header: 'TCA UTC', value: (c) => c.tcaUtc.slice(0, 19).replace('T', ' ') },
    { header: 'PRIMARY', value: (c) => names.label(c.norad1 as NoradId) },
    { header: 'SECONDARY', value: (c) => names.label(c.norad2 as NoradId) },
    {
      header: 'SET AGES d',
      value: (c) => `${c.elementSet1.ageAtTcaDays.toFixed(1)} / ${c.elementSet2.ageAtTcaDays.toFixed(1)}`,
      align: 'right',
    },
    { header: 'EVENT', value: (c) => c.eventId ?? '—' },
  ];
  return renderTable(conjunctions, columns);
}

const CSV_COLUMNS: CsvColumn<Conjunction>[] = [
  { header: 'norad1', value: (c) => c.norad1 },
  { header: 'name1', value: (c) => c.object1.name },
  { header: 'owner1', value: (c) => c.object1.owner },
  { header: 'objectType1', value: (c) => c.object1.objectType },
  { header: 'norad2', value: (c) => c.norad2 },
  { header: 'name2', value: (c) => c.object2.name },
  { header: 'owner2', value: (c) => c.object2.owner },
  { header: 'objectType2', value: (c) => c.object2.objectType },
  { header: 'tcaUtc', value: (c) => c.tcaUtc },
  { header: 'missDistanceKm', value: (c) => c.missDistanceKm },
  { header: 'missRadialKm', value: (c) => c.missRicKm.radialKm },
  { header: 'missInTrackKm', value: (c) => c.missRicKm.inTrackKm },
  { header: 'missCrossTrackKm', value: (c) => c.missRicKm.crossTrackKm },
  { header: 'relativeSpeedKmPerSec', value: (c) => c.relativeSpeedKmPerSec },
  { header: 'pc', value: (c) => c.pc },
  { header: 'pcMethod', value: (c) => c.pcMethod },
  { header: 'pcMax', value: (c) => c.pcMax },
  { header: 'pcMaxMethod', value: (c) => c.pcMaxMethod },
  { header: 'hardBodyRadiusKm', value: (c) => c.hardBodyRadiusKm },
  { header: 'elementSet1Id', value: (c) => c.elementSet1.id },
  { header: 'elementSet1EpochUtc', value: (c) => c.elementSet1.epochUtc },
  { header: 'elementSet1AgeDays', value: (c) => c.elementSet1.ageAtTcaDays },
  { header: 'elementSet2Id', value: (c) => c.elementSet2.id },
  { header: 'elementSet2EpochUtc', value: (c) => c.elementSet2.epochUtc },
  { header: 'elementSet2AgeDays', value: (c) => c.elementSet2.ageAtTcaDays },
  { header: 'eventId', value: (c) => c.eventId },
];

function summary(o: ScreenOutcome): string {
  const r = o.run;
  const skipped = Object.entries(r.counts.skipped)
    .map(([code, n]) => `${String(n)} ${code}`)
    .join(', ');
  const who =
    r.mode === 'all-vs-all'
      ? 'all against all'
      : `${String(r.counts.primaries)} primaries (${Array.isArray(r.primaries) ? 'by id' : String(r.primaries)}) against all`;
  return [
    `screened ${String(r.counts.objectsScreened)} object(s)${skipped === '' ? '' : ` (left out: ${skipped})`}, ${who}, catalogue as of ${r.atUtc} (${r.atSource === 'given' ? '--at' : 'newest stored epoch'})`,
    `window ${r.windowStartUtc} … ${r.windowEndUtc}, miss distance < ${String(r.thresholdKm)} km: ${String(r.counts.conjunctions)} conjunction(s), ${String(r.counts.inserted)} new, ${String(r.counts.existing)} already stored; ${r.engine.name} ${r.engine.version}, ${r.elapsedSec.toFixed(1)} s, run ${r.id}`,
    ...(r.counts.coincidentPairs > 0
      ? [
          `${String(r.counts.coincidentPairs)} pair(s) share one published orbit (a docked vehicle published with its station's elements): range 0 throughout, no TCA, listed in --json as coincident, not as conjunctions`,
        ]
      : []),
    ...(r.counts.slowApproachesMerged > 0
      ? [
          `${String(r.counts.slowApproachesMerged)} further range minima of slow pairs (< ${String(r.parameters.minRelativeSpeedForPcKmPerSec * 1000)} m/s: docked, formation, co-orbital) merged: one conjunction per such pair, its closest`,
        ]
      : []),
  ].join('\n');
}

const NOTE = (hbrM: number): string =>
  `PC: Foster (1992) with orbwatch's default element-set covariance (indicative: docs/accuracy.md §5); PC MAX: Alfano (2005) maximum over the covariance size; hard-body radius ${String(hbrM)} m (assumed); R / I / C: miss vector in the primary's radial / in-track / cross-track frame; SET AGES: TCA − epoch of each element set.`;

export async function runScreen(
  repo: CatalogRepository,
  o: ScreenCommandOptions,
  ctx: CliContext,
  engine: EngineChoice = screeningEngine(o.threads),
): Promise<number> {
  const bars = detectorProgressBars(ctx.stderr, o.quiet !== true);
  let outcome: ScreenOutcome;
  try {
    outcome = await screenCatalogue(
      repo,
      {
        primaries: o.primaries,
        windowSec: o.windowSec,
        thresholdKm: o.thresholdKm,
        hardBodyRadiusKm: o.hardBodyRadiusM / 1000,
        ...(o.at === undefined ? {} : { at: o.at }),
      },
      {
        engine: engine.engine,
        engineInfo: engine.info,
        now: ctx.now,
        newId: (t) => uuidV7(t),
        onProgress: (p) => {
          bars.onProgress({ kind: 'screening', done: p.done, total: p.total, unit: p.stage ?? 'pairs' });
        },
      },
    );
  } finally {
    bars.stop();
  }
  const cdmFiles: string[] = [];
  if (o.cdm !== undefined) {
    try {
      mkdirSync(o.cdm, { recursive: true });
      const created = ctx.now();
      for (const c of outcome.conjunctions) {
        const file = join(o.cdm, cdmFileName(c));
        writeFileSync(file, conjunctionCdmKvn(c, outcome.run, created));
        cdmFiles.push(file);
      }
    } catch (e) {
      throw new OrbwatchError(
        ErrorCode.INPUT_REJECTED,
        `--cdm ${o.cdm}: cannot write there (${e instanceof Error ? e.message : String(e)})`,
        { path: o.cdm },
        { cause: e },
      );
    }
  }
  for (const x of outcome.notRefined)
    writeLine(ctx.stderr, printable(`orbwatch: warning: ${x.code}: ${x.message}; left out`));
  if (o.output === 'json') {
    const conjunctions = outcome.conjunctions.map(({ state1Teme, state2Teme, ...c }) => ({
      ...c,
      state1TemeKm: state1Teme.slice(0, 3),
      state1TemeKmPerSec: state1Teme.slice(3),
      state2TemeKm: state2Teme.slice(0, 3),
      state2TemeKmPerSec: state2Teme.slice(3),
    }));
    writeJson(ctx, {
      run: outcome.run,
      conjunctions,
      skipped: outcome.skipped,
      coincident: outcome.coincident,
      notRefined: outcome.notRefined,
      ...(o.cdm === undefined ? {} : { cdm: { dir: o.cdm, files: cdmFiles } }),
    });
    return EXIT_OK;
  }
  if (o.output === 'csv') {
    ctx.stdout.write(toCsv(outcome.conjunctions, CSV_COLUMNS));
    return EXIT_OK;
  }
  const names = new ObjectNames(
    outcome.conjunctions.flatMap((c) => [c.object1, c.object2]).map((x) => ({ ...x, norad: x.norad as NoradId })),
  );
  const lines = (text: string): void => {
    for (const l of text.split('\n')) writeLine(ctx.stdout, printable(l));
  };
  lines(summary(outcome));
  if (outcome.conjunctions.length > 0) {
    writeLine(ctx.stdout);
    lines(table(outcome.conjunctions, names));
    writeLine(ctx.stdout);
    writeLine(ctx.stdout, NOTE(o.hardBodyRadiusM));
  }
  if (o.cdm !== undefined) writeLine(ctx.stdout, printable(`wrote ${String(cdmFiles.length)} CDM(s) to ${o.cdm}`));
  return EXIT_OK;
}

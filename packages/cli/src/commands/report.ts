/**
 * `orbwatch report <event-id…|--all|--object N|--since T> --out DIR [--norms FILE]`: writes a
 * self-contained static site for the chosen events (pages in HTML and Markdown with SVG plots,
 * evidence bundles, the site's data as JSON; nothing fetched at view time) and stores the
 * findings it judged.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ReportSink } from '@orbwatch/app';
import { writeReport } from '@orbwatch/app';
import type { Instant, NoradId, PublishedFact } from '@orbwatch/core';
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { loadNorms } from '../norms-file.js';
import { resolveEvent } from './event-detail.js';

export interface ReportOptions {
  /** The events themselves, when the caller has them (the demo: every stored event). */
  readonly events?: readonly StoredEvent[];
  readonly ids?: readonly string[];
  readonly all?: boolean;
  readonly object?: NoradId;
  readonly since?: Instant;
  readonly out: string;
  readonly norms?: string;
  readonly title?: string;
  readonly notes?: readonly string[];
  readonly facts?: readonly PublishedFact[];
  readonly json?: boolean;
  readonly quiet?: boolean;
  /** Called per event written (progress bars). */
  readonly progress?: (done: number, total: number) => void;
}

/** A sink that writes under a directory, creating folders as needed. */
export function directorySink(dir: string): ReportSink {
  return {
    write(path: string, content: string | Uint8Array): Promise<void> {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      return Promise.resolve();
    },
  };
}

async function chooseEvents(repo: CatalogRepository, o: ReportOptions): Promise<readonly StoredEvent[]> {
  if (o.events !== undefined) return o.events;
  const ids = o.ids ?? [];
  if (ids.length > 0) return Promise.all(ids.map((id) => resolveEvent(repo, id)));
  if (o.all !== true && o.object === undefined && o.since === undefined)
    throw new OrbwatchError(ErrorCode.USAGE, 'name the events: event ids, --all, --object N or --since T');
  return repo.listEvents({
    ...(o.object === undefined ? {} : { norad: o.object }),
    ...(o.since === undefined ? {} : { since: o.since }),
  });
}

/** What a report run wrote. */
export interface ReportWritten {
  readonly index: string;
  readonly events: number;
  readonly plots: number;
  /** History plots of objects with maneuvers (one per object, shared by its burns' pages). */
  readonly objectPlots: number;
  readonly findings: number;
}

/** Writes the report and returns what it wrote (the command prints it). */
export async function writeReportSite(
  repo: CatalogRepository,
  o: ReportOptions,
  ctx: CliContext,
): Promise<ReportWritten> {
  const events = await chooseEvents(repo, o);
  const norms = loadNorms(o.norms, ctx);
  const out = resolve(o.out);
  const r = await writeReport(repo, events, directorySink(out), {
    norms,
    now: ctx.now(),
    ...(o.facts === undefined ? {} : { facts: o.facts }),
    ...(o.title === undefined ? {} : { title: o.title }),
    ...(o.notes === undefined ? {} : { notes: o.notes }),
    ...(o.progress === undefined ? {} : { progress: o.progress }),
  });
  if (r.findings.length > 0) await repo.saveFindings(r.findings, ctx.now());
  return {
    index: join(out, 'index.html'),
    events: r.events,
    plots: r.plots,
    objectPlots: r.objectPlots,
    findings: r.findings.length,
  };
}

export async function runReport(repo: CatalogRepository, o: ReportOptions, ctx: CliContext): Promise<number> {
  const w = await writeReportSite(repo, o, ctx);
  if (o.json === true) {
    writeJson(ctx, { out: dirname(w.index), ...w });
    return EXIT_OK;
  }
  writeLine(
    ctx.stdout,
    `wrote ${w.index}: ${String(w.events)} event page(s), ${String(w.plots)} plot(s), ${String(w.findings)} finding(s); evidence bundles in ${join(dirname(w.index), 'evidence')}`,
  );
  return EXIT_OK;
}

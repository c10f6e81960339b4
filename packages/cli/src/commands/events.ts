/**
 * `orbwatch events [--kind] [--object] [--since] [--include-superseded] [--json]`: the stored
 * events, one table per kind with the numbers that kind needs (σ beside each value, units in the
 * headers), every object named, the assessment and the id to ask `orbwatch event <id>` about.
 * `--json` gives every event with its measures, the element sets it came from, and the detector
 * with its version and parameters. Events a later detection run superseded (a later estimate of
 * the same event, or withdrawn) are left out unless `--include-superseded`, which lists them with
 * `supersededBy` and `supersededUtc` (a text line per superseded event after each table).
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import { formatIso } from '@orbwatch/core';
import { eventDocument } from '@orbwatch/app';
import type { CatalogRepository, EventFilter, StoredEvent } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CsvColumn } from '../csv.js';
import { toCsv } from '../csv.js';
import { EVENT_KIND_ORDER, KIND_TITLES, eventNorads, renderEventTable } from '../presentation/event-tables.js';
import { loadObjectNames } from '../presentation/object-names.js';

export interface EventsOptions {
  readonly kind?: StoredEvent['kind'];
  readonly object?: NoradId;
  readonly since?: Instant;
  readonly includeSuperseded?: boolean;
  readonly limit?: number;
  readonly json?: boolean;
  readonly csv?: boolean;
}

/** The `--json` form of one event (design.md contract), shared with the HTTP API. */
export const eventJson = eventDocument;

/** Measures every kind's CSV row carries (empty where a kind has none), units in the names. */
const CSV_MEASURES = [
  'deltaVMps',
  'deltaVSigmaMps',
  'separationEpochUtc',
  'separationEpochSigmaSec',
  'minRangeKm',
  'minRangeSigmaKm',
  'minRangeUtc',
  'relativeSpeedAtMinKmPerSec',
  'epochUtc',
  'epochSigmaSec',
  'altitudeKm',
  'fragments',
] as const;

/** `events --csv`: one row per event; objects as `norad:role` joined by spaces; the supersession columns last. */
export const EVENT_CSV_COLUMNS: readonly CsvColumn<StoredEvent>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'kind', value: (e) => e.kind },
  { header: 'label', value: (e) => e.assessment?.label ?? null },
  { header: 'confidence', value: (e) => e.assessment?.confidence ?? null },
  { header: 'startUtc', value: (e) => formatIso(e.start) },
  { header: 'endUtc', value: (e) => formatIso(e.end) },
  { header: 'objects', value: (e) => e.objects.map((x) => `${String(x.norad)}:${x.role}`).join(' ') },
  ...CSV_MEASURES.map((m) => ({
    header: m,
    value: (e: StoredEvent) => {
      const v = e.measures[m];
      return typeof v === 'number' || typeof v === 'string' ? v : null;
    },
  })),
  { header: 'elementSets', value: (e) => e.elementSetIds.length },
  { header: 'detector', value: (e) => `${e.detector} ${e.detectorVersion}` },
  // empty for a live event (superseded ones are listed with --include-superseded)
  { header: 'supersededUtc', value: (e) => (e.superseded === undefined ? null : formatIso(e.superseded.at)) },
  { header: 'supersededBy', value: (e) => e.superseded?.by ?? null },
];

/** One line saying that an event is no longer the current estimate, and what is. */
export function supersededText(e: StoredEvent): string {
  const s = e.superseded;
  if (s === undefined) return '';
  const when = formatIso(s.at).slice(0, 19);
  return s.by === null
    ? `${e.id} superseded ${when} UTC: withdrawn (a later detection run over the same data no longer finds it)`
    : `${e.id} superseded ${when} UTC by the later estimate ${s.by}`;
}

export async function runEvents(repo: CatalogRepository, o: EventsOptions, ctx: CliContext): Promise<number> {
  const filter: EventFilter = {
    ...(o.kind === undefined ? {} : { kind: o.kind }),
    ...(o.object === undefined ? {} : { norad: o.object }),
    ...(o.since === undefined ? {} : { since: o.since }),
    ...(o.limit === undefined ? {} : { limit: o.limit }),
    ...(o.includeSuperseded === true ? { includeSuperseded: true } : {}),
  };
  const events = await repo.listEvents(filter);
  if (o.json === true) {
    writeJson(ctx, { events: events.map(eventJson) });
    return EXIT_OK;
  }
  if (o.csv === true) {
    ctx.stdout.write(toCsv(events, EVENT_CSV_COLUMNS));
    return EXIT_OK;
  }
  const names = await loadObjectNames(repo, eventNorads(events));
  const superseded = events.filter((e) => e.superseded !== undefined).length;
  for (const kind of EVENT_KIND_ORDER) {
    const ofKind = events.filter((e) => e.kind === kind);
    if (ofKind.length === 0) continue;
    writeLine(ctx.stdout, `${KIND_TITLES[kind]} (${String(ofKind.length)}):`);
    writeLine(ctx.stdout, renderEventTable(kind, ofKind, names));
    for (const e of ofKind) if (e.superseded !== undefined) writeLine(ctx.stdout, `  ${supersededText(e)}`);
    writeLine(ctx.stdout);
  }
  writeLine(
    ctx.stdout,
    `${String(events.length)} event(s)${superseded > 0 ? ` (${String(superseded)} superseded)` : ''}${events.length > 0 ? '; details: orbwatch event <id> (a unique prefix of the id is enough)' : ''}`,
  );
  return EXIT_OK;
}

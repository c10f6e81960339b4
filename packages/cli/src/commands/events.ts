/**
 * `orbwatch events [--kind] [--object] [--since] [--json]`: the stored events, one table per kind
 * with the numbers that kind needs (σ beside each value, units in the headers), every object named,
 * the assessment and the id to ask `orbwatch event <id>` about. `--json` gives every event with its
 * measures, the element sets it came from, and the detector with its version and parameters.
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

/** `events --csv`: one row per event; objects as `norad:role` joined by spaces. */
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
];

export async function runEvents(repo: CatalogRepository, o: EventsOptions, ctx: CliContext): Promise<number> {
  const filter: EventFilter = {
    ...(o.kind === undefined ? {} : { kind: o.kind }),
    ...(o.object === undefined ? {} : { norad: o.object }),
    ...(o.since === undefined ? {} : { since: o.since }),
    ...(o.limit === undefined ? {} : { limit: o.limit }),
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
  for (const kind of EVENT_KIND_ORDER) {
    const ofKind = events.filter((e) => e.kind === kind);
    if (ofKind.length === 0) continue;
    writeLine(ctx.stdout, `${KIND_TITLES[kind]} (${String(ofKind.length)}):`);
    writeLine(ctx.stdout, renderEventTable(kind, ofKind, names));
    writeLine(ctx.stdout);
  }
  writeLine(
    ctx.stdout,
    `${String(events.length)} event(s)${events.length > 0 ? '; details: orbwatch event <id> (a unique prefix of the id is enough)' : ''}`,
  );
  return EXIT_OK;
}

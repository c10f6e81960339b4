/**
 * `orbwatch events [--kind] [--object] [--since] [--json]`: the stored events, each with its
 * measures (σ beside each value), the element sets it came from and their ages, and the detector
 * with its version and parameters.
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import { formatIso } from '@orbwatch/core';
import type { CatalogRepository, EventFilter, StoredEvent } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { renderTable } from '../text-table.js';

export interface EventsOptions {
  readonly kind?: StoredEvent['kind'];
  readonly object?: NoradId;
  readonly since?: Instant;
  readonly limit?: number;
  readonly json?: boolean;
}

/** The `--json` form of one event (design.md contract: id, kind, objects, start, end, measures). */
export function eventJson(e: StoredEvent) {
  return {
    id: e.id,
    kind: e.kind,
    objects: e.objects.map((o) => ({ norad: o.norad, role: o.role })),
    start: formatIso(e.start),
    end: formatIso(e.end),
    measures: e.measures,
    assessment: e.assessment ?? null,
    elementSets: e.elementSets.map((s) => ({ ...s, epochUtc: formatIso(s.epoch, 6) })),
    elementSetIds: e.elementSetIds,
    detector: e.detector,
    detectorVersion: e.detectorVersion,
    parameters: e.parameters,
    createdUtc: formatIso(e.createdAt),
  };
}

/** Objects of an event for a table cell: each object with its role, or counts when many share one. */
function describeObjects(objects: StoredEvent['objects']): string {
  const byRole = new Map<string, number[]>();
  for (const o of objects) byRole.set(o.role, [...(byRole.get(o.role) ?? []), o.norad]);
  return [...byRole.entries()]
    .map(([role, ids]) =>
      ids.length > 3 ? `${String(ids.length)} ${role}` : ids.map((id) => `${String(id)}(${role})`).join(' '),
    )
    .join(' ');
}

const num = (x: unknown, digits: number): string => (typeof x === 'number' ? x.toFixed(digits) : '');

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
  writeLine(
    ctx.stdout,
    renderTable(events, [
      { header: 'START (UTC)', value: (e) => formatIso(e.start).slice(0, 16) },
      { header: 'END (UTC)', value: (e) => formatIso(e.end).slice(0, 16) },
      { header: 'KIND', value: (e) => e.kind },
      { header: 'OBJECTS', value: (e) => describeObjects(e.objects) },
      {
        header: 'Δv m/s',
        value: (e) =>
          typeof e.measures['deltaVMps'] === 'number'
            ? `${num(e.measures['deltaVMps'], 3)} ± ${num(e.measures['deltaVSigmaMps'], 3)}`
            : '',
        align: 'right',
      },
      { header: 'MIN RANGE km', value: (e) => num(e.measures['minRangeKm'], 2), align: 'right' },
      {
        header: 'DETAIL',
        value: (e) => String(e.measures['kind'] ?? e.measures['class'] ?? e.measures['context'] ?? ''),
      },
      { header: 'SETS', value: (e) => String(e.elementSetIds.length), align: 'right' },
      { header: 'ID', value: (e) => e.id },
    ]),
  );
  writeLine(ctx.stdout, `${String(events.length)} event(s)`);
  return EXIT_OK;
}

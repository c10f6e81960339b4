/**
 * One table per event kind, with the numbers that kind needs in the table itself: maneuver Δv;
 * release separation time and Δv; proximity closest approach (time, range, relative speed);
 * fragmentation breakup epoch, altitude and fragment count — each with its 1σ, unit and meaning
 * in the header. Every object is shown with its name; a group without a parent, by its launch.
 * The assessment (label and confidence) has its own column; `—` when the event has none.
 * @module
 */
import type { EventKind, NoradId } from '@orbwatch/core';
import { formatIso } from '@orbwatch/core';
import type { StoredEvent } from '@orbwatch/store';
import type { Column } from '../text-table.js';
import { renderTable } from '../text-table.js';
import { fixed, timeWithSigma, utcSpan, withSigma } from './measure-format.js';
import type { ObjectNames } from './object-names.js';

/** The order kinds are printed in. */
export const EVENT_KIND_ORDER: readonly EventKind[] = [
  'release',
  'proximity',
  'fragmentation',
  'maneuver',
  'conjunction',
];

/** Headings of the per-kind tables. */
export const KIND_TITLES: Readonly<Record<EventKind, string>> = {
  maneuver: 'Maneuvers',
  release: 'Releases and deployments',
  proximity: 'Proximity episodes',
  fragmentation: 'Fragmentations',
  conjunction: 'Conjunctions',
};

/** `station-keeping (high)`, or `—` when the event carries no assessment. */
export function assessmentCell(e: Pick<StoredEvent, 'assessment'>): string {
  const a = e.assessment;
  if (a === undefined) return '—';
  const possible =
    a.possibleLabels !== undefined && a.possibleLabels.length > 0 && a.possibleLabels.some((l) => l !== a.label)
      ? ` [possible: ${a.possibleLabels.join('/')}]`
      : '';
  return `${a.label} (${a.confidence})${possible}`;
}

const idsWithRole = (e: StoredEvent, ...roles: string[]): NoradId[] =>
  e.objects.filter((o) => roles.includes(o.role)).map((o) => o.norad);

const utcMinute = (t: StoredEvent['start']): string => formatIso(t).slice(0, 16);

const ASSESSMENT: Column<StoredEvent> = { header: 'ASSESSMENT (label, confidence)', value: assessmentCell };
const ID: Column<StoredEvent> = { header: 'ID (orbwatch event <id>)', value: (e) => e.id };

function maneuverColumns(names: ObjectNames): Column<StoredEvent>[] {
  return [
    { header: 'BETWEEN (UTC)', value: (e) => utcSpan(e.start, e.end) },
    { header: 'OBJECT', value: (e) => names.list(e.objects.map((o) => o.norad)) },
    {
      header: 'Δv m/s ± 1σ',
      value: (e) => withSigma(e.measures['deltaVMps'], e.measures['deltaVSigmaMps'], 3),
      align: 'right',
    },
    { header: 'TYPE (measures)', value: (e) => String(e.measures['kind'] ?? '') },
    ASSESSMENT,
    ID,
  ];
}

/** The parent (named), or the group's launch and name families when no parent is known. */
function releaseSource(e: StoredEvent, names: ObjectNames): string {
  const parents = idsWithRole(e, 'parent');
  if (parents.length > 0) return names.list(parents);
  const members = idsWithRole(e, 'child', 'sibling');
  const launch = typeof e.measures['launch'] === 'string' ? e.measures['launch'] : null;
  const group = names.group(members, 2);
  return `group ${launch !== null && !group.startsWith(launch) ? `${launch} ` : ''}${group}`;
}

function releaseColumns(names: ObjectNames): Column<StoredEvent>[] {
  return [
    {
      header: 'SEPARATION UTC ± 1σ',
      value: (e) => timeWithSigma(e.measures['separationEpochUtc'], e.measures['separationEpochSigmaSec']),
    },
    { header: 'PARENT, or GROUP (launch: names)', value: (e) => releaseSource(e, names) },
    { header: 'RELEASED', value: (e) => names.list(idsWithRole(e, 'child', 'sibling'), 2) },
    {
      header: 'Δv m/s ± 1σ',
      value: (e) => withSigma(e.measures['deltaVMps'], e.measures['deltaVSigmaMps'], 2),
      align: 'right',
    },
    { header: 'CLASS (measures)', value: (e) => String(e.measures['class'] ?? '') },
    ASSESSMENT,
    ID,
  ];
}

const roleOf = (e: StoredEvent, norad: StoredEvent['objects'][number]['norad']): string =>
  e.objects.find((o) => o.norad === norad)?.role ?? '';

function proximityColumns(names: ObjectNames): Column<StoredEvent>[] {
  return [
    {
      // A role is printed only where the event claims it (chaser: the history shows the approach).
      header: 'OBJECT A (role)',
      value: (e) => {
        const a = idsWithRole(e, 'chaser', 'participant', 'primary')[0];
        return a === undefined ? '' : `${names.list([a])} (${roleOf(e, a)})`;
      },
    },
    {
      header: 'OBJECT B (role)',
      value: (e) => {
        const b = idsWithRole(e, 'target', 'secondary');
        const participants = idsWithRole(e, 'participant');
        const id = (b.length > 0 ? b : participants.slice(1, 2))[0];
        return id === undefined ? '' : `${names.list([id])} (${roleOf(e, id)})`;
      },
    },
    { header: 'CLOSEST APPROACH UTC', value: (e) => String(e.measures['minRangeUtc'] ?? '').slice(0, 19) },
    {
      header: 'MIN RANGE km ± 1σ',
      value: (e) => withSigma(e.measures['minRangeKm'], e.measures['minRangeSigmaKm'], 1),
      align: 'right',
    },
    {
      header: 'v_rel km/s ± 1σ (at min)',
      value: (e) =>
        withSigma(e.measures['relativeSpeedAtMinKmPerSec'], e.measures['relativeSpeedAtMinSigmaKmPerSec'], 3),
      align: 'right',
    },
    { header: 'EPISODE (UTC)', value: (e) => utcSpan(e.start, e.end) },
    { header: 'CONTEXT', value: (e) => String(e.measures['context'] ?? '') },
    ASSESSMENT,
    ID,
  ];
}

function fragmentationColumns(names: ObjectNames): Column<StoredEvent>[] {
  return [
    {
      header: 'BREAKUP UTC ± 1σ',
      value: (e) =>
        e.measures['epochUtc'] === null || e.measures['epochUtc'] === undefined
          ? `old cloud (seen ${utcMinute(e.end)})`
          : timeWithSigma(e.measures['epochUtc'], e.measures['epochSigmaSec']),
    },
    {
      header: 'PARENT, or LAUNCH',
      value: (e) => {
        const parents = idsWithRole(e, 'parent');
        return parents.length > 0 ? names.list(parents) : String(e.measures['launch'] ?? '');
      },
    },
    { header: 'ALTITUDE km', value: (e) => fixed(e.measures['altitudeKm'], 0), align: 'right' },
    { header: 'FRAGMENTS', value: (e) => fixed(e.measures['fragments'], 0), align: 'right' },
    {
      header: 'Δv SPREAD m/s',
      value: (e) => fixed(e.measures['deltaVSpreadMps'] ?? e.measures['pinchAlongTrackSpreadMps'], 1),
      align: 'right',
    },
    ASSESSMENT,
    ID,
  ];
}

/** A probability in scientific notation (`1.96e-5`); `—` when there is none. */
const probability = (v: unknown): string => (typeof v !== 'number' ? '—' : v === 0 ? '0' : v.toExponential(2));

function conjunctionColumns(names: ObjectNames): Column<StoredEvent>[] {
  return [
    { header: 'TCA UTC', value: (e) => String(e.measures['tcaUtc'] ?? '').slice(0, 19) },
    { header: 'OBJECTS', value: (e) => names.list(e.objects.map((o) => o.norad)) },
    { header: 'MISS km', value: (e) => fixed(e.measures['missDistanceKm'], 3), align: 'right' },
    { header: 'v_rel km/s', value: (e) => fixed(e.measures['relativeSpeedKmPerSec'], 3), align: 'right' },
    { header: 'PC', value: (e) => probability(e.measures['pc']), align: 'right' },
    { header: 'PC MAX', value: (e) => probability(e.measures['pcMax']), align: 'right' },
    ASSESSMENT,
    ID,
  ];
}

/** The columns of one kind's table. */
export function eventColumns(kind: EventKind, names: ObjectNames): Column<StoredEvent>[] {
  switch (kind) {
    case 'maneuver':
      return maneuverColumns(names);
    case 'release':
      return releaseColumns(names);
    case 'proximity':
      return proximityColumns(names);
    case 'fragmentation':
      return fragmentationColumns(names);
    case 'conjunction':
      return conjunctionColumns(names);
  }
}

/** One kind's events as a text table. */
export function renderEventTable(kind: EventKind, events: readonly StoredEvent[], names: ObjectNames): string {
  return renderTable(events, eventColumns(kind, names));
}

/** Every NORAD id the events name (for one batched name lookup). */
export function eventNorads(events: readonly StoredEvent[]): NoradId[] {
  return [...new Set(events.flatMap((e) => e.objects.map((o) => o.norad)))];
}

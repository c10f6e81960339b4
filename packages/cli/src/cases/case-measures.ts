/**
 * A published fact beside what orbwatch measured. The fact names the measure to show
 * (`closest-approach`, `release`, `breakup`, `maneuvers`, `orbit`); the measure comes from the
 * case's stored events (with its 1σ) or, for `orbit`, from the latest stored element set. When
 * nothing was measured the line says so and counts the element sets that were there to measure
 * with, so a reader sees whether the data or the detector is missing.
 * @module
 */
import type { CaseComparison, CasePublishedValue, Instant, MeasureValue } from '@orbwatch/core';
import { formatIso, instant, noradId, orbitSummary } from '@orbwatch/core';
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';
import { assessmentCell } from '../presentation/event-tables.js';
import { fixed, timeWithSigma, utcSpan, withSigma } from '../presentation/measure-format.js';

/** One measured line: its text, the event it comes from and the numbers it shows. */
export interface MeasuredLine {
  readonly measure: CaseComparison['measure'];
  readonly text: string;
  readonly eventId: string | null;
  readonly values: Readonly<Record<string, MeasureValue | undefined>>;
}

/** A published fact (as reported, with its source) and what orbwatch measured for it. */
export interface Comparison {
  readonly statement: string;
  readonly date: string | null;
  readonly source: string;
  readonly measured: readonly MeasuredLine[];
}

const at = (iso: string): Instant => instant(Date.parse(iso));
const DEG = 180 / Math.PI;

const has = (e: StoredEvent, n: number, roles?: readonly string[]): boolean =>
  e.objects.some((o) => Number(o.norad) === n && (roles === undefined || roles.includes(o.role)));

/** `Cosmos 2542: 5 set(s) 2019-12-30 … 2020-01-01 in 2019-11-25 … 2020-08-31` (or none). */
async function setsIn(repo: CatalogRepository, n: number, name: string, from: string, to: string): Promise<string> {
  const h = await repo.history(noradId(n), { from: at(from), to: at(to) });
  const span = `${from.slice(0, 10)} … ${to.slice(0, 10)}`;
  const first = h[0];
  const last = h.at(-1);
  if (first === undefined || last === undefined) return `${name}: no element set in ${span}`;
  return `${name}: ${String(h.length)} set(s) in ${span} (epochs ${formatIso(first.epoch).slice(0, 10)} … ${formatIso(last.epoch).slice(0, 10)})`;
}

function label(e: StoredEvent): string {
  return e.assessment === undefined ? '' : `; assessed ${assessmentCell(e)}`;
}

async function measure(
  repo: CatalogRepository,
  m: CaseComparison,
  events: readonly StoredEvent[],
  name: (n: number) => string,
  window: { readonly from: string; readonly to: string },
): Promise<MeasuredLine[]> {
  const none = async (what: string, norads: readonly number[], from = window.from, to = window.to) => {
    const counts = await Promise.all(norads.map((n) => setsIn(repo, n, name(n), from, to)));
    return [{ measure: m.measure, text: `${what}; ${counts.join('; ')}`, eventId: null, values: {} }];
  };
  switch (m.measure) {
    case 'closest-approach': {
      const [a, b] = m.objects;
      const found = events
        .filter((e) => e.kind === 'proximity' && has(e, a) && has(e, b))
        .sort((x, y) => Number(x.measures['minRangeKm'] ?? Infinity) - Number(y.measures['minRangeKm'] ?? Infinity));
      if (found.length === 0) return none('no proximity episode measured', [a, b]);
      return found.map((e) => ({
        measure: m.measure,
        text: `closest approach ${withSigma(e.measures['minRangeKm'], e.measures['minRangeSigmaKm'], 1)} km (1σ) on ${String(e.measures['minRangeUtc'] ?? '').slice(0, 16)} UTC, v_rel ${withSigma(e.measures['relativeSpeedAtMinKmPerSec'], e.measures['relativeSpeedAtMinSigmaKmPerSec'], 3)} km/s; episode ${utcSpan(e.start, e.end)}${label(e)}`,
        eventId: e.id,
        values: {
          minRangeKm: e.measures['minRangeKm'],
          minRangeSigmaKm: e.measures['minRangeSigmaKm'],
          minRangeUtc: e.measures['minRangeUtc'],
          relativeSpeedAtMinKmPerSec: e.measures['relativeSpeedAtMinKmPerSec'],
        },
      }));
    }
    case 'release': {
      const found = events.filter(
        (e) =>
          e.kind === 'release' &&
          has(e, m.child, ['child', 'sibling']) &&
          (m.parent === undefined || has(e, m.parent, ['parent'])),
      );
      if (found.length === 0)
        return none('no release measured', m.parent === undefined ? [m.child] : [m.parent, m.child]);
      return found.map((e) => ({
        measure: m.measure,
        text: `separation ${timeWithSigma(e.measures['separationEpochUtc'], e.measures['separationEpochSigmaSec'])} UTC (1σ), Δv ${withSigma(e.measures['deltaVMps'], e.measures['deltaVSigmaMps'], 2)} m/s${label(e)}`,
        eventId: e.id,
        values: {
          separationEpochUtc: e.measures['separationEpochUtc'],
          separationEpochSigmaSec: e.measures['separationEpochSigmaSec'],
          deltaVMps: e.measures['deltaVMps'],
          deltaVSigmaMps: e.measures['deltaVSigmaMps'],
        },
      }));
    }
    case 'breakup': {
      const found = events.filter((e) => e.kind === 'fragmentation' && has(e, m.parent, ['parent']));
      if (found.length === 0) return none('no breakup measured', [m.parent]);
      return found.map((e) => ({
        measure: m.measure,
        text: `breakup ${timeWithSigma(e.measures['epochUtc'], e.measures['epochSigmaSec'])} UTC (1σ); fragments' orbits cross at ${fixed(e.measures['altitudeKm'], 0)} km; ${fixed(e.measures['fragments'], 0)} new pieces of the launch catalogued${label(e)}`,
        eventId: e.id,
        values: {
          epochUtc: e.measures['epochUtc'],
          epochSigmaSec: e.measures['epochSigmaSec'],
          altitudeKm: e.measures['altitudeKm'],
          fragments: e.measures['fragments'],
        },
      }));
    }
    case 'maneuvers': {
      const from = m.from ?? window.from;
      const to = m.to ?? window.to;
      const found = events.filter(
        (e) => e.kind === 'maneuver' && has(e, m.object) && e.end >= at(from) && e.start <= at(to),
      );
      if (found.length === 0) return none('no maneuver measured', [m.object], from, to);
      return found.map((e) => ({
        measure: m.measure,
        text: `maneuver between ${utcSpan(e.start, e.end)} UTC, Δv ${withSigma(e.measures['deltaVMps'], e.measures['deltaVSigmaMps'], 3)} m/s${label(e)}`,
        eventId: e.id,
        values: { deltaVMps: e.measures['deltaVMps'], deltaVSigmaMps: e.measures['deltaVSigmaMps'] },
      }));
    }
    case 'orbit': {
      const until = m.at ?? window.to;
      const lines: MeasuredLine[] = [];
      for (const n of m.objects) {
        const last = (await repo.history(noradId(n), { to: at(until) })).at(-1);
        if (last === undefined) {
          lines.push({
            measure: m.measure,
            text: `${name(n)}: no element set before ${until.slice(0, 10)}`,
            eventId: null,
            values: {},
          });
          continue;
        }
        const o = orbitSummary(last);
        lines.push({
          measure: m.measure,
          text: `${name(n)}: latest set before ${until.slice(0, 10)} is of ${formatIso(last.epoch).slice(0, 16)} UTC (${last.source}): perigee ${o.perigeeAltitudeKm.toFixed(0)} km × apogee ${o.apogeeAltitudeKm.toFixed(0)} km (mean elements, ± a few km), inclination ${(last.inclinationRad * DEG).toFixed(2)}°`,
          eventId: null,
          values: {
            epochUtc: formatIso(last.epoch),
            perigeeKm: o.perigeeAltitudeKm,
            apogeeKm: o.apogeeAltitudeKm,
            inclinationDeg: last.inclinationRad * DEG,
          },
        });
      }
      return lines;
    }
  }
}

/** The fact and its measured lines. */
export async function compareFact(
  repo: CatalogRepository,
  fact: CasePublishedValue,
  events: readonly StoredEvent[],
  names: ReadonlyMap<number, string>,
  window: { readonly from: string; readonly to: string },
): Promise<Comparison> {
  const name = (n: number): string => names.get(n) ?? String(n);
  const measured: MeasuredLine[] = [];
  for (const m of fact.compare ?? []) measured.push(...(await measure(repo, m, events, name, window)));
  return { statement: fact.statement, date: fact.date ?? null, source: fact.source, measured };
}

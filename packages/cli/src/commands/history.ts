/**
 * `orbwatch history <norad>`: an object's element-set history from every source, with epochs,
 * mean elements in degrees and rev/day, derived perigee/apogee altitudes and period, the source,
 * and each set's age relative to the next (how stale the catalogue let it get). Text table,
 * `--json` or `--csv` (the `--json` fields as columns, the raw element set quoted).
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import { elementSetDocument } from '@orbwatch/app';
import type { CatalogRepository, EpochRange } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import type { CsvColumn } from '../csv.js';
import { toCsv } from '../csv.js';
import { renderTable } from '../text-table.js';

const f = (x: number, digits: number): string => x.toFixed(digits);

/** One row of the history, in boundary units (shared with the HTTP API). */
export const historyRow = elementSetDocument;

type HistoryRow = ReturnType<typeof historyRow>;

/** The CSV columns: every `--json` field of a set, in that order. */
const CSV_COLUMNS: readonly CsvColumn<HistoryRow>[] = (
  [
    'elementSetId',
    'epochUtc',
    'source',
    'name',
    'inclinationDeg',
    'raanDeg',
    'eccentricity',
    'argPerigeeDeg',
    'meanAnomalyDeg',
    'meanMotionRevPerDay',
    'bstarPerEarthRadii',
    'semiMajorAxisKm',
    'perigeeKm',
    'apogeeKm',
    'periodMin',
    'gapToNextDays',
    'raw',
  ] as const satisfies readonly (keyof HistoryRow)[]
).map((k) => ({ header: k, value: (r: HistoryRow) => r[k] }));

export async function runHistory(
  repo: CatalogRepository,
  noradId: NoradId,
  range: { from?: Instant; to?: Instant },
  output: 'text' | 'json' | 'csv',
  ctx: CliContext,
): Promise<number> {
  const object = await repo.getObject(noradId);
  if (object === null)
    throw new OrbwatchError(ErrorCode.NOT_FOUND, `object ${String(noradId)} is not in the catalog`, { norad: noradId });
  const r: EpochRange = {
    ...(range.from === undefined ? {} : { from: range.from }),
    ...(range.to === undefined ? {} : { to: range.to }),
  };
  const sets = await repo.history(noradId, r);
  const rows = sets.map((s, i) => historyRow(s, sets[i + 1]));
  if (output === 'json') {
    writeJson(ctx, { norad: noradId, name: object.name, cosparId: object.cosparId, elementSets: rows });
    return 0;
  }
  if (output === 'csv') {
    ctx.stdout.write(toCsv(rows, CSV_COLUMNS));
    return 0;
  }
  writeLine(
    ctx.stdout,
    `${String(noradId)} ${object.name ?? ''} ${object.cosparId ?? ''} — ${String(rows.length)} element set(s)`,
  );
  writeLine(
    ctx.stdout,
    renderTable(rows, [
      { header: 'EPOCH (UTC)', value: (x) => x.epochUtc.slice(0, 23) },
      { header: 'INC deg', value: (x) => f(x.inclinationDeg, 4), align: 'right' },
      { header: 'RAAN deg', value: (x) => f(x.raanDeg, 4), align: 'right' },
      { header: 'ECC', value: (x) => f(x.eccentricity, 7), align: 'right' },
      { header: 'N rev/d', value: (x) => f(x.meanMotionRevPerDay, 8), align: 'right' },
      { header: 'PERIGEE km', value: (x) => f(x.perigeeKm, 1), align: 'right' },
      { header: 'APOGEE km', value: (x) => f(x.apogeeKm, 1), align: 'right' },
      { header: 'PERIOD min', value: (x) => f(x.periodMin, 2), align: 'right' },
      { header: 'B*', value: (x) => x.bstarPerEarthRadii.toExponential(3), align: 'right' },
      { header: 'NEXT d', value: (x) => (x.gapToNextDays === null ? '' : f(x.gapToNextDays, 2)), align: 'right' },
      { header: 'SOURCE', value: (x) => x.source },
    ]),
  );
  return 0;
}

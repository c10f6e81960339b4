/**
 * `orbwatch objects`: the catalogued objects, filtered by name, owner, type or launch. Without a
 * filter it lists the objects that have element sets (a SATCAT load adds tens of thousands of
 * entries without any); `--all` lists every entry, `--with-sets` narrows a filtered list the same
 * way. Text table, `--json` or `--csv`.
 * @module
 */
import { formatIso } from '@orbwatch/core';
import { objectDocument } from '@orbwatch/app';
import type { CatalogObject, CatalogRepository, ObjectFilter } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import type { CsvColumn } from '../csv.js';
import { toCsv } from '../csv.js';
import { renderTable } from '../text-table.js';

const day = (t: number | null): string =>
  t === null ? '' : formatIso(t as Parameters<typeof formatIso>[0], 0).slice(0, 10);

export interface ObjectsOutput {
  /** Only objects with at least one stored element set. */
  readonly withSets: boolean;
  readonly output: 'text' | 'json' | 'csv';
}

/** One object in boundary form: the `--json` fields (docs/design/cli.md), also the CSV columns. */
const objectJson = objectDocument;

type ObjectJson = ReturnType<typeof objectJson>;

const CSV_COLUMNS: readonly CsvColumn<ObjectJson>[] = (
  [
    'norad',
    'name',
    'cosparId',
    'objectType',
    'owner',
    'launchDateUtc',
    'decayDateUtc',
    'elementSets',
    'firstEpochUtc',
    'lastEpochUtc',
  ] as const
).map((k) => ({ header: k, value: (r: ObjectJson) => r[k] }));

export async function runObjects(
  repo: CatalogRepository,
  filter: ObjectFilter,
  out: ObjectsOutput,
  ctx: CliContext,
): Promise<number> {
  let objects: CatalogObject[];
  let hidden = 0;
  if (out.withSets) {
    // The store filters by name, owner, type and launch; the limit applies after dropping the
    // entries without sets.
    const { limit, ...rest } = filter;
    const all = await repo.listObjects(rest);
    const withSets = all.filter((o) => o.elementSetCount > 0);
    hidden = all.length - withSets.length;
    objects = limit === undefined ? withSets : withSets.slice(0, limit);
  } else {
    objects = await repo.listObjects(filter);
  }
  if (out.output === 'json') {
    writeJson(ctx, { objects: objects.map(objectJson) });
  } else if (out.output === 'csv') {
    ctx.stdout.write(toCsv(objects.map(objectJson), CSV_COLUMNS));
  } else {
    writeLine(
      ctx.stdout,
      renderTable<CatalogObject>(objects, [
        { header: 'NORAD', value: (o) => String(o.noradId), align: 'right' },
        { header: 'NAME', value: (o) => o.name ?? '' },
        { header: 'COSPAR', value: (o) => o.cosparId ?? '' },
        { header: 'TYPE', value: (o) => o.objectType ?? '' },
        { header: 'OWNER', value: (o) => o.owner ?? '' },
        { header: 'LAUNCH', value: (o) => day(o.launchDate) },
        { header: 'SETS', value: (o) => String(o.elementSetCount), align: 'right' },
        { header: 'FIRST EPOCH', value: (o) => day(o.firstEpoch) },
        { header: 'LAST EPOCH', value: (o) => day(o.lastEpoch) },
      ]),
    );
    writeLine(ctx.stdout, `${String(objects.length)} object(s)`);
  }
  if (hidden > 0) {
    writeLine(ctx.stderr, `${String(hidden)} catalogued object(s) without element sets not listed (--all lists them)`);
  }
  return 0;
}

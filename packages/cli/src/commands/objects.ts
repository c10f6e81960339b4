/**
 * `orbwatch objects`: the catalogued objects, filtered by name, owner, type or launch.
 * @module
 */
import { formatIso } from '@orbwatch/core';
import type { CatalogObject, CatalogRepository, ObjectFilter } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { renderTable } from '../text-table.js';

const day = (t: number | null): string =>
  t === null ? '' : formatIso(t as Parameters<typeof formatIso>[0], 0).slice(0, 10);

export async function runObjects(
  repo: CatalogRepository,
  filter: ObjectFilter,
  json: boolean,
  ctx: CliContext,
): Promise<number> {
  const objects = await repo.listObjects(filter);
  if (json) {
    writeJson(ctx, {
      objects: objects.map((o) => ({
        norad: o.noradId,
        name: o.name,
        cosparId: o.cosparId,
        objectType: o.objectType,
        owner: o.owner,
        launchDateUtc: o.launchDate === null ? null : formatIso(o.launchDate),
        decayDateUtc: o.decayDate === null ? null : formatIso(o.decayDate),
        elementSets: o.elementSetCount,
        firstEpochUtc: o.firstEpoch === null ? null : formatIso(o.firstEpoch),
        lastEpochUtc: o.lastEpoch === null ? null : formatIso(o.lastEpoch),
      })),
    });
    return 0;
  }
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
  return 0;
}

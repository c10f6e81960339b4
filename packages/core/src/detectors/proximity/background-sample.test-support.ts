/**
 * Test support: the "nothing should be flagged here" population of history-2026 (background
 * sample of 600 objects plus 150 Starlinks) as proximity inputs, with owners from the bundled
 * Space-Track SATCAT subset (absent owners stay absent and are never guessed: no claim that owners
 * differ is made for them).
 */
import type { ElementSet } from '../../elements/element-set.js';
import { parseTle } from '../../elements/tle/index.js';
import { noradId } from '../../ids/norad-id.js';
import { parseSatcat } from '../../satcat/index.js';
import { readFixture } from '../../../test/support/fixtures.js';
import type { ProximityObject } from './proximity-object.js';

export interface BackgroundSample {
  readonly objects: ProximityObject[];
  /** COSPAR id of each object's sets (empty when blank). */
  readonly cospar: Map<number, string>;
}

export function backgroundSample(): BackgroundSample {
  const satcat = parseSatcat(readFixture('satcat/spacetrack_satcat_LEO-subset_2025-04.csv.gz'), { file: 'satcat' });
  const owner = new Map(satcat.items.map((r) => [r.noradId as number, r.owner ?? undefined]));
  const all: ElementSet[] = [
    'history-2026/background-sample-600.3le.gz',
    'history-2026/starlink-sample-150.3le.gz',
  ].flatMap((file) => parseTle(readFixture(file), { file }).items);
  const byObject = new Map<number, ElementSet[]>();
  for (const s of all) byObject.set(s.noradId, [...(byObject.get(s.noradId) ?? []), s]);
  const objects = [...byObject.entries()].map(([id, l]): ProximityObject => {
    const o = owner.get(id);
    return {
      noradId: noradId(id),
      sets: l,
      ...(o === undefined ? {} : { owner: o, ownerSource: 'Space-Track SATCAT LEO subset 2025-04' }),
    };
  });
  return { objects, cospar: new Map(all.map((s) => [s.noradId as number, s.cosparId ?? ''])) };
}

/**
 * Contract tests of the event part of the repository port, per dialect: events name their
 * element sets by stored id, re-saving is idempotent, filters work, and detector watermarks
 * drive incremental detection. Element sets are the real ISS history (fixtures/history-2026).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DetectedEvent } from '@orbwatch/core';
import { instant, noradId, parseTle } from '@orbwatch/core';
import { ingestElementSets } from '../src/ingest-element-sets.js';
import type { OpenedCatalog } from './support/catalog-dialects.js';
import { DIALECTS } from './support/catalog-dialects.js';
import { readFixture } from './support/read-fixture.js';

const iss = parseTle(readFixture('history-2026/iss.3le.gz'), { file: 'iss.3le' }).items.sort(
  (a, b) => a.epoch - b.epoch,
);
const now = () => instant(Date.UTC(2026, 10, 27));

function maneuverBetween(i: number): DetectedEvent {
  const before = iss[i]!;
  const after = iss[i + 1]!;
  return {
    kind: 'maneuver',
    objects: [{ norad: before.noradId, role: 'subject' }],
    start: before.epoch,
    end: after.epoch,
    measures: { deltaVMps: 0.25, deltaVSigmaMps: 0.01 },
    elementSets: [
      { noradId: before.noradId, epoch: before.epoch, epochText: before.epochText, role: 'before' },
      { noradId: after.noradId, epoch: after.epoch, epochText: after.epochText, role: 'after' },
    ],
    detector: 'maneuver',
    detectorVersion: '1.0.0',
    parameters: { kSigma: 5 },
  };
}

for (const dialect of DIALECTS) {
  describe(`event repository contract: ${dialect.name}`, () => {
    let opened: OpenedCatalog;
    beforeEach(async () => {
      opened = dialect.open();
      await ingestElementSets(
        opened.repo,
        {
          source: { name: 'celestrak', kind: 'official' },
          retrievedAt: now(),
          files: ['iss.3le'],
          elementSets: iss,
          issues: [],
        },
        { now },
      );
    });
    afterEach(() => opened.dispose());

    it('saveEvents() names the exact stored element sets and is idempotent', async () => {
      const { repo } = opened;
      const first = await repo.saveEvents([maneuverBetween(10), maneuverBetween(20)], now());
      expect(first).toMatchObject({ inserted: 2, existing: 0 });
      const again = await repo.saveEvents([maneuverBetween(10)], now());
      expect(again).toMatchObject({ inserted: 0, existing: 1, ids: [first.ids[0]] });
      const stored = await repo.getEvent(first.ids[0]!);
      expect(stored?.elementSetIds).toHaveLength(2);
      const sets = await repo.elementSetsById(stored!.elementSetIds);
      expect(sets.map((s) => s.epochText)).toEqual([iss[10]!.epochText, iss[11]!.epochText]);
      expect(stored?.measures).toEqual({ deltaVMps: 0.25, deltaVSigmaMps: 0.01 });
      expect(stored?.parameters).toEqual({ kSigma: 5 });
    });

    it('a later estimate from the same sets is its own row (or the stored one when the caller accepts it); superseded rows leave lists', async () => {
      const { repo } = opened;
      const early = maneuverBetween(40);
      const later: DetectedEvent = { ...early, measures: { deltaVMps: 0.31, deltaVSigmaMps: 0.01 } };
      const first = await repo.saveEvents([early], now());
      // the caller judges the later estimate the same: the stored row
      expect(await repo.saveEvents([later], now(), () => true)).toMatchObject({ inserted: 0, ids: first.ids });
      const second = await repo.saveEvents([later], now(), () => false);
      expect(second.inserted).toBe(1);
      expect(second.ids[0]).not.toBe(first.ids[0]);
      expect(await repo.supersedeEvents([{ id: first.ids[0]!, by: second.ids[0]! }], now())).toBe(1);
      expect((await repo.listEvents({ detector: 'maneuver' })).map((e) => e.id)).toEqual(second.ids);
      expect((await repo.listEvents({ detector: 'other' })).length).toBe(0);
      expect((await repo.listEvents({ includeSuperseded: true })).map((e) => e.id).sort()).toEqual(
        [...first.ids, ...second.ids].sort(),
      );
      expect((await repo.getEvent(first.ids[0]!))?.superseded).toEqual({
        at: now(),
        by: second.ids[0],
        reason: 're-estimated',
      });
      // the earlier estimate returned once more is the superseded row; detection revives it
      expect((await repo.saveEvents([early], now())).ids).toEqual(first.ids);
      expect(await repo.reviveEvents(first.ids)).toBe(1);
      expect((await repo.listEvents()).length).toBe(2);
    });

    it('keeps the assessment and the roles that claim no direction (participant, sibling, fragment)', async () => {
      const { repo } = opened;
      const base = maneuverBetween(30);
      const assessed: DetectedEvent = {
        ...base,
        kind: 'proximity',
        objects: [
          { norad: base.objects[0]!.norad, role: 'participant' },
          { norad: noradId(49044), role: 'participant' },
        ],
        assessment: {
          label: 'drift-by',
          confidence: 'medium',
          reasons: [
            {
              measure: 'driftKmPerDay',
              value: 1864,
              sigma: 40,
              comparison: '>=',
              threshold: 200,
              thresholdSource: 'test',
              text: 'the objects pass each other and move on',
            },
          ],
        },
      };
      const { ids } = await repo.saveEvents(
        [assessed, { ...maneuverBetween(40), objects: [{ norad: noradId(25544), role: 'fragment' }] }],
        now(),
      );
      const stored = await repo.getEvent(ids[0]!);
      expect(stored?.assessment).toEqual(assessed.assessment);
      expect(stored?.objects.map((o) => o.role)).toEqual(['participant', 'participant']);
      expect((await repo.getEvent(ids[1]!))?.objects[0]?.role).toBe('fragment');
      expect((await repo.getEvent(ids[1]!))?.assessment).toBeUndefined();
    });

    it('stores one finding per event and norm, replaced when judged again, filtered by norm, object and verdict', async () => {
      const { repo } = opened;
      const { ids } = await repo.saveEvents([maneuverBetween(50), maneuverBetween(60)], now());
      const finding = (eventId: string, verdict: 'consistent' | 'not-assessable') => ({
        eventId,
        normId: 'post-mission-disposal',
        normVersion: '1',
        verdict,
        confidence: 'low' as const,
        statement: 'Cannot be assessed against …',
        label: 'orbit-lowering' as const,
        reasons: [{ text: 'the perigee reached after the lowering was not measured' }],
        instruments: 'IADC (2002, guideline)',
        dissent: [],
        contested: null,
      });
      await repo.saveFindings([finding(ids[0]!, 'not-assessable'), finding(ids[1]!, 'not-assessable')], now());
      await repo.saveFindings([finding(ids[0]!, 'consistent')], now());
      const all = await repo.listFindings();
      expect(all.map((f) => [f.eventId, f.verdict])).toEqual([
        [ids[0], 'consistent'],
        [ids[1], 'not-assessable'],
      ]);
      expect(await repo.listFindings({ normId: 'other' })).toEqual([]);
      expect(await repo.listFindings({ norad: noradId(25544), verdict: 'consistent' })).toHaveLength(1);
      expect((await repo.listFindings({ eventId: ids[1]! }))[0]?.reasons[0]?.text).toMatch(/perigee/);
    });

    it('listEvents() filters by kind, object and time', async () => {
      const { repo } = opened;
      await repo.saveEvents([maneuverBetween(10), maneuverBetween(20)], now());
      expect(await repo.listEvents({ norad: noradId(25544) })).toHaveLength(2);
      expect(await repo.listEvents({ norad: noradId(1) })).toHaveLength(0);
      expect(await repo.listEvents({ kind: 'release' })).toHaveLength(0);
      const late = await repo.listEvents({ since: iss[15]!.epoch });
      expect(late.map((e) => e.start)).toEqual([iss[20]!.epoch]);
    });

    it('eventIdsWithPrefix() finds events by a prefix of their id, case-insensitive, in id order', async () => {
      const { repo } = opened;
      const { ids } = await repo.saveEvents([maneuverBetween(10), maneuverBetween(20), maneuverBetween(30)], now());
      const sorted = [...ids].sort();
      // UUIDv7 ids stamped with the same clock share their first 12 hex digits (the millisecond).
      expect(await repo.eventIdsWithPrefix(ids[0]!.slice(0, 8))).toEqual(sorted);
      expect(await repo.eventIdsWithPrefix(ids[0]!.slice(0, 8), 2)).toEqual(sorted.slice(0, 2));
      expect(await repo.eventIdsWithPrefix(ids[1]!)).toEqual([ids[1]]);
      expect(await repo.eventIdsWithPrefix(ids[1]!.toUpperCase())).toEqual([ids[1]]);
      // The shortest prefix that tells the first id from the others names it alone.
      let n = 1;
      while (sorted.filter((x) => x.startsWith(sorted[0]!.slice(0, n))).length > 1) n++;
      expect(await repo.eventIdsWithPrefix(sorted[0]!.slice(0, n))).toEqual([sorted[0]]);
      expect(await repo.eventIdsWithPrefix('ffffffff')).toEqual([]);
    });

    it('detector watermarks record the highest element-set id processed per object', async () => {
      const { repo } = opened;
      const latest = await repo.latestElementSetIds();
      expect(latest.size).toBe(1);
      expect(await repo.detectorWatermarks('maneuver')).toEqual(new Map());
      await repo.setDetectorWatermarks('maneuver', '1.0.0', latest, now());
      expect(await repo.detectorWatermarks('maneuver')).toEqual(latest);
    });
  });
}

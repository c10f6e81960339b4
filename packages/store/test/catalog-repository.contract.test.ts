/**
 * Contract tests of the CatalogRepository port, run against every dialect in DIALECTS with real
 * element sets (CelesTrak history 2026-03..05, fixtures/history-2026) parsed by core's parseTle.
 * Expected values come from the fixture text itself (epoch fields, names, line counts), never
 * from a snapshot of the store's output.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ElementSet, NoradId } from '@orbwatch/core';
import { instant, noradId, parseTle, tleChecksum } from '@orbwatch/core';
import { readFixture } from './support/read-fixture.js';
import type { CatalogRepository } from '../src/catalog-repository.js';
import { ingestElementSets } from '../src/ingest-element-sets.js';
import type { IngestElementSetsInput } from '../src/ingest-element-sets.js';
import { StoreIssueCode } from '../src/ingest-issue.js';
import type { OpenedCatalog } from './support/catalog-dialects.js';
import { DIALECTS, fakeClock } from './support/catalog-dialects.js';

const ISS = noradId(25544);
const RASSVET_3_3 = noradId(68362);
const AGGIESAT6 = noradId(68634);

const issText = readFixture('history-2026/iss.3le.gz');
const iss = parseTle(issText, { file: 'iss.3le' });
const launches = parseTle(readFixture('history-2026/launches-2026-03-to-05.3le.gz'), { file: 'launches.3le' });
const renamed = launches.items.filter((s) => s.noradId === RASSVET_3_3 || s.noradId === AGGIESAT6);

/** The instant of a TLE epoch field `YYDDD.DDDDDDDD` (20YY), computed independently of core. */
function tleEpochMs(field: string): number {
  const year = 2000 + Number(field.slice(0, 2));
  return Date.UTC(year, 0, 1) + (Number(field.slice(2)) - 1) * 86_400_000;
}

/** Replaces columns [start, end) of a TLE line and fixes its checksum. */
function editLine(line: string, start: number, text: string): string {
  const body = line.slice(0, start) + text + line.slice(start + text.length, 68);
  return body + String(tleChecksum(body));
}

const celestrak = { name: 'celestrak', kind: 'official' } as const;

function input(sets: readonly ElementSet[], extra: Partial<IngestElementSetsInput> = {}): IngestElementSetsInput {
  return {
    source: celestrak,
    retrievedAt: instant(Date.UTC(2026, 4, 7, 12)),
    files: ['test.3le'],
    elementSets: sets,
    issues: [],
    ...extra,
  };
}

describe.each(DIALECTS)('CatalogRepository contract: $name', (dialect) => {
  let opened: OpenedCatalog;
  let repo: CatalogRepository;
  const now = fakeClock();
  beforeEach(() => {
    opened = dialect.open();
    repo = opened.repo;
  });
  afterEach(async () => {
    await opened.dispose();
  });

  it('the fixture parses cleanly (194 ISS sets)', () => {
    expect(iss.issues).toEqual([]);
    expect(iss.items).toHaveLength(194);
    expect(renamed).toHaveLength(130 + launches.items.filter((s) => s.noradId === AGGIESAT6).length);
  });

  it('ingests every set once, and re-ingesting the same input changes nothing', async () => {
    const first = await ingestElementSets(repo, input(iss.items), { now, batchSize: 50 });
    expect(first).toMatchObject({ accepted: 194, duplicates: 0, conflicts: 0, rejected: 0 });
    const second = await ingestElementSets(repo, input(iss.items), { now, batchSize: 50 });
    expect(second).toMatchObject({ accepted: 0, duplicates: 194, conflicts: 0, rejected: 0, issues: [] });
    expect(await repo.countElementSets()).toBe(194);
    const runs = await repo.ingestRuns();
    expect(runs.map((r) => [r.status, r.accepted, r.duplicates, r.batches])).toEqual([
      ['completed', 0, 194, 4],
      ['completed', 194, 0, 4],
    ]);
    expect(runs[1]?.id).toBe(first.runId);
    expect(runs[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(runs[0]?.source).toBe('celestrak');
    expect(runs[0]?.files).toEqual(['test.3le']);
    expect((await repo.getObject(ISS))?.elementSetCount).toBe(194);
  });

  it('returns the history of an object in epoch order whatever the input order', async () => {
    await ingestElementSets(repo, input(iss.items), { now });
    const h = await repo.history(ISS);
    expect(h).toHaveLength(194);
    for (let i = 1; i < h.length; i++) expect(h[i]!.epoch).toBeGreaterThan(h[i - 1]!.epoch);
    // first and last epochs of iss.3le (the input is NOT in epoch order: line 36 goes back)
    expect(h[0]!.epochText).toBe('26074.25700838');
    expect(h.at(-1)!.epochText).toBe('26127.42525608');
    // 26074.25700838 = 2026-03-15T06:10:05.524032Z, kept to better than 1 µs
    expect(Math.abs(h[0]!.epoch - (Date.UTC(2026, 2, 15, 6, 10, 5) + 524.032))).toBeLessThan(1e-3);
    // half-open range [from, to)
    const from = instant(tleEpochMs('26080.0'));
    const to = h.at(-1)!.epoch;
    const part = await repo.history(ISS, { from, to });
    expect(part.every((s) => s.epoch >= from && s.epoch < to)).toBe(true);
    expect(part).toHaveLength(h.filter((s) => s.epoch >= from && s.epoch < to).length);
    expect(part.at(-1)!.epochText).not.toBe('26127.42525608');
  });

  it('stores every field and the raw text, with an integer id and a recomputable content hash', async () => {
    await ingestElementSets(repo, input(iss.items), { now });
    const [stored] = await repo.history(ISS, { to: instant(tleEpochMs('26074.3')) });
    const parsed = iss.items.find((s) => s.epochText === '26074.25700838')!;
    expect(stored).toBeDefined();
    const { id, source, retrievedAt, ingestRunId, contentHash, ...elementSet } = stored!;
    expect(elementSet).toEqual(parsed);
    expect(Number.isInteger(id)).toBe(true);
    expect(source).toBe('celestrak');
    expect(retrievedAt).toBe(Date.UTC(2026, 4, 7, 12));
    expect(ingestRunId).toMatch(/^[0-9a-f-]{36}$/);
    const [, l1, l2] = parsed.raw.split('\n');
    expect(contentHash).toBe(createHash('sha256').update(`${l1!}\n${l2!}`).digest('hex'));
    expect(await repo.elementSetsById([id, 987_654_321])).toEqual([stored]);
  });

  it('treats the same set with another name line as a duplicate, not a conflict', async () => {
    await ingestElementSets(repo, input(iss.items.slice(0, 3)), { now });
    const spaceTrackStyle = issText
      .split('\n')
      .slice(0, 9)
      .map((l) => (l === 'ISS (ZARYA)' ? '0 ISS (ZARYA)' : l))
      .join('\n');
    const again = parseTle(spaceTrackStyle, { file: 'st.3le' });
    expect(again.items).toHaveLength(3);
    expect(again.items[0]!.raw).not.toBe(iss.items[0]!.raw);
    const r = await ingestElementSets(repo, input(again.items), { now });
    expect(r).toMatchObject({ accepted: 0, duplicates: 3, conflicts: 0 });
  });

  it('rejects a set whose key is stored with different content, records the conflict and keeps the stored set', async () => {
    await ingestElementSets(repo, input(iss.items.slice(0, 5)), { now });
    const original = iss.items[2]!;
    const [name, l1, l2] = original.raw.split('\n');
    // same catalog number and epoch, mean anomaly changed from its published value
    const altered = parseTle([name, l1, editLine(l2!, 43, '100.0000')].join('\n'), { file: 'altered.3le' });
    expect(altered.issues).toEqual([]);
    expect(altered.items[0]!.epoch).toBe(original.epoch);
    const storedBefore = (await repo.history(ISS)).find((s) => s.epoch === original.epoch)!;

    const r = await ingestElementSets(repo, input(altered.items, { files: ['altered.3le'] }), { now });
    expect(r).toMatchObject({ accepted: 0, duplicates: 0, conflicts: 1, rejected: 1 });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      code: StoreIssueCode.ELEMENT_SET_CONFLICT,
      severity: 'error',
      file: 'altered.3le',
      line: 1,
      elementSetId: storedBefore.id,
    });
    const after = (await repo.history(ISS)).find((s) => s.epoch === original.epoch)!;
    expect(after).toEqual(storedBefore);
    expect(await repo.countElementSets()).toBe(5);
    const recorded = await repo.ingestIssues(r.runId);
    expect(recorded.map((i) => [i.code, i.elementSetId])).toEqual([
      [StoreIssueCode.ELEMENT_SET_CONFLICT, storedBefore.id],
    ]);
    expect((await repo.ingestRuns())[0]).toMatchObject({ conflicts: 1, rejected: 1, status: 'completed' });
  });

  it('keeps the same set from another source as a separate set (the source is part of the key)', async () => {
    await ingestElementSets(repo, input(iss.items.slice(0, 2)), { now });
    const r = await ingestElementSets(
      repo,
      input(iss.items.slice(0, 2), { source: { name: 'mirror', kind: 'derived' } }),
      { now },
    );
    expect(r.accepted).toBe(2);
    const h = await repo.history(ISS);
    expect(h.map((s) => s.source).sort()).toEqual(['celestrak', 'celestrak', 'mirror', 'mirror']);
    expect((await repo.sources()).map((s) => [s.name, s.kind])).toEqual([
      ['celestrak', 'official'],
      ['mirror', 'derived'],
    ]);
  });

  it('records parse issues with the run; error issues count as rejected', async () => {
    const lines = issText.split('\n').slice(0, 6);
    lines[4] = `${lines[4]!.slice(0, 68)}${String((tleChecksum(lines[4]!) + 1) % 10)}`; // wrong checksum on set 2
    const parsed = parseTle(lines.join('\n'), { file: 'bad.3le' });
    expect(parsed.items).toHaveLength(1);
    expect(parsed.issues.map((i) => i.code)).toEqual(['TLE_CHECKSUM']);
    const r = await ingestElementSets(repo, input(parsed.items, { files: ['bad.3le'], issues: parsed.issues }), {
      now,
    });
    expect(r).toMatchObject({ accepted: 1, rejected: 1 });
    const recorded = await repo.ingestIssues(r.runId);
    expect(recorded.map((i) => [i.code, i.file, i.line, i.severity])).toEqual([
      ['TLE_CHECKSUM', 'bad.3le', 5, 'error'],
    ]);
  });

  it('keeps the names an object carried over time, and the latest as its name', async () => {
    await ingestElementSets(repo, input(renamed), { now, batchSize: 40 });
    const o = await repo.getObject(RASSVET_3_3);
    expect(o).not.toBeNull();
    expect(o!.name).toBe('RASSVET-3 3');
    expect(o!.elementSetCount).toBe(130);
    expect(o!.names.map((n) => n.name)).toEqual(['RASSVET-3 OBJECT C', 'RASSVET-3 3']);
    const [before, after] = o!.names;
    // first/last seen = the epochs of the first and last sets published under each name (to 1 µs)
    expect(before!.firstSeen).toBeCloseTo(tleEpochMs('26090.65752558'), 3);
    expect(before!.lastSeen).toBeCloseTo(tleEpochMs('26090.65752558'), 3);
    expect(after!.firstSeen).toBeCloseTo(tleEpochMs('26092.79908686'), 3);
    expect(after!.lastSeen).toBeCloseTo(tleEpochMs('26127.80436367'), 3);
    expect(o!.firstEpoch).toBeCloseTo(tleEpochMs('26090.65752558'), 3);
    expect(o!.lastEpoch).toBeCloseTo(tleEpochMs('26127.80436367'), 3);
    expect((await repo.getObject(AGGIESAT6))!.names.map((n) => n.name)).toEqual([
      'STP-S29A OBJECT H',
      'AGGIESAT6 (AGS6)',
    ]);
    expect(await repo.getObject(noradId(1))).toBeNull();
  });

  it('filters objects by any past or present name, COSPAR prefix, type, owner and limit', async () => {
    await ingestElementSets(repo, input([...renamed, ...iss.items]), { now });
    const ids = (os: readonly { noradId: NoradId }[]): number[] => os.map((o) => o.noradId);
    expect(ids(await repo.listObjects())).toEqual([25544, 68362, 68634]);
    expect(ids(await repo.listObjects({ name: 'rassvet' }))).toEqual([68362]);
    expect(ids(await repo.listObjects({ name: 'object h' }))).toEqual([68634]); // a former name
    expect(ids(await repo.listObjects({ name: '%' }))).toEqual([]); // wildcards are literal
    expect(ids(await repo.listObjects({ cospar: '1998-067' }))).toEqual([25544]);
    expect(ids(await repo.listObjects({ limit: 2 }))).toEqual([25544, 68362]);
    const cospar = (await repo.getObject(RASSVET_3_3))!.cosparId!;
    expect(cospar).toMatch(/^2026-\d{3}[A-Z]+$/);
    expect(ids(await repo.listObjects({ cospar: cospar.slice(0, 8) }))).toContain(68362);

    // SATCAT facts for the ISS (CelesTrak SATCAT: PAYLOAD, owner ISS, launched 1998-11-20)
    const run = await ingestElementSets(
      repo,
      input([], {
        objectFacts: [
          { noradId: ISS, objectType: 'PAYLOAD', owner: 'ISS', launchDate: instant(Date.UTC(1998, 10, 20)), raw: '{}' },
        ],
      }),
      { now },
    );
    expect(run.accepted).toBe(0);
    expect(ids(await repo.listObjects({ objectType: 'payload' }))).toEqual([25544]);
    expect(ids(await repo.listObjects({ owner: 'iss', objectType: 'PAYLOAD' }))).toEqual([25544]);
    expect(ids(await repo.listObjects({ owner: 'PRC' }))).toEqual([]);
    const o = await repo.getObject(ISS);
    expect(o).toMatchObject({
      objectType: 'PAYLOAD',
      owner: 'ISS',
      launchDate: Date.UTC(1998, 10, 20),
      cosparId: '1998-067A',
    });
  });

  it('pages through sets between two instants in (epoch, id) order without gaps or repeats', async () => {
    await ingestElementSets(repo, input([...iss.items, ...renamed]), { now });
    const from = instant(tleEpochMs('26080.0'));
    const to = instant(tleEpochMs('26120.0'));
    const expected = [...iss.items, ...renamed].filter((s) => s.epoch >= from && s.epoch < to).length;
    const seen: number[] = [];
    let after: { epoch: typeof from; id: number } | undefined;
    for (;;) {
      const page = await repo.elementSetsBetween(from, to, after === undefined ? { limit: 37 } : { limit: 37, after });
      if (page.length === 0) break;
      for (const s of page) seen.push(s.id);
      const last = page.at(-1)!;
      after = { epoch: last.epoch, id: last.id };
    }
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
    const onlyIss = await repo.elementSetsBetween(from, to, { noradIds: [ISS], limit: 100_000 });
    expect(onlyIss.every((s) => s.noradId === ISS)).toBe(true);
    expect(onlyIss).toHaveLength(iss.items.filter((s) => s.epoch >= from && s.epoch < to).length);
  });

  it('stores a batch atomically: a failing batch leaves nothing of itself behind', async () => {
    await ingestElementSets(repo, input(iss.items.slice(0, 10)), { now });
    const bad = { ...iss.items[20]!, noradId: 400_000 as NoradId }; // outside 0..339999: violates a CHECK
    await expect(
      ingestElementSets(repo, input([...iss.items.slice(10, 20), bad]), { now, batchSize: 100 }),
    ).rejects.toMatchObject({
      code: 'STORAGE_FAILURE',
    });
    expect(await repo.countElementSets()).toBe(10);
    const [failed] = await repo.ingestRuns();
    expect(failed).toMatchObject({ status: 'failed', accepted: 0, batches: 0 });
  });
});

/**
 * Decay messages in the SQLite store, on the four real recorded Space-Track records
 * (fixtures/decay) and the real CelesTrak SATCAT rows of the same objects
 * (fixtures/satcat, 2019-08-06): a re-fetch stores nothing twice; Historical messages fill an
 * empty decay date and say so; the 60-day prediction for 4917 (2019-03-23, a date long past) is
 * never recorded as its decay; a date the catalogue gives is never replaced by a message.
 */
import { describe, expect, it } from 'vitest';
import type { Instant, NoradId } from '@orbwatch/core';
import { instant, noradId, parseDecayMessages, parseSatcat } from '@orbwatch/core';
import { readFixture } from '../../test/support/read-fixture.js';
import { ingestElementSets } from '../ingest-element-sets.js';
import { satcatFacts } from '../satcat-facts.js';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';
import type { SqliteCatalogRepository } from './sqlite-catalog-repository.js';

const messages = parseDecayMessages(readFixture('decay/spacetrack-decay_recorded.json'), { file: 'decay.json' }).items;

/** The real 2019 CelesTrak SATCAT rows of `norads` (header kept), parsed. */
function satcatRows(...norads: number[]) {
  const [header, ...rows] = readFixture('satcat/celestrak_satcat_2019-08-06_decoded.csv.gz').split('\n');
  const keep = rows.filter((r) => norads.includes(Number(r.split(',')[1])));
  return parseSatcat([header, ...keep].join('\n'), { file: 'satcat.csv' }).items;
}

let clock = 1_765_000_000_000;
const now = (): Instant => instant(clock++);
const day = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString().slice(0, 10));

async function ingest(
  repo: SqliteCatalogRepository,
  input: { decay?: typeof messages; satcat?: ReturnType<typeof satcatRows>; source?: string },
) {
  return ingestElementSets(
    repo,
    {
      source: { name: input.source ?? 'space-track', kind: 'official' },
      retrievedAt: now(),
      files: ['decay.json'],
      elementSets: [],
      objectFacts: (input.satcat ?? []).map(satcatFacts),
      decayMessages: input.decay ?? [],
      issues: [],
    },
    { now },
  );
}

const n = (x: number): NoradId => noradId(x);

describe('decay messages in the SQLite store', () => {
  it('stores each message once: a re-fetch is all duplicates', async () => {
    const repo = openSqliteCatalog(':memory:');
    const first = await ingest(repo, { decay: messages });
    expect(first.decayMessages).toEqual({ stored: 4, duplicates: 0, decayDatesFilled: 3 });
    const again = await ingest(repo, { decay: messages });
    expect(again.decayMessages).toEqual({ stored: 0, duplicates: 4, decayDatesFilled: 0 });
    expect(repo.db.prepare('SELECT count(*) FROM decay_messages').pluck().get()).toBe(4);
    // a SATCAT-sourced Historical row has no message epoch: it is still one row, not one per fetch
    expect(repo.decayMessages(n(1))).toHaveLength(1);
    repo.close();
  });

  it('a Historical message fills an empty decay date and the object names the message; a prediction never does', async () => {
    const repo = openSqliteCatalog(':memory:');
    await ingest(repo, { decay: messages });
    for (const [norad, want] of [
      [1, '1957-12-01'],
      [35817, '2009-11-01'],
      [37351, '2011-03-30'],
    ] as const) {
      const o = repo.getObject(n(norad))!;
      expect(day(o.decayDate), String(norad)).toBe(want);
      expect(o.decayDateFrom).toBe('decay-message');
      const linked = repo.decayMessages(n(norad)).find((m) => m.id === o.decayMessageId)!;
      expect(linked).toMatchObject({ messageType: 'Historical', storedSource: 'space-track' });
    }
    expect(repo.getObject(n(37351))).toMatchObject({ name: 'HTV 2', cosparId: '2011-003A' });
    // 4917: only a 60-day prediction (made 2018-02-07 for 2019-03-23): stored, and no decay date
    expect(repo.getObject(n(4917))).toBeNull();
    expect(repo.db.prepare('SELECT decay_date_ms FROM objects WHERE norad_id = 4917').get()).toBeUndefined();
    const [prediction] = repo.decayMessages(n(4917));
    expect(prediction).toMatchObject({
      messageType: 'Prediction',
      messageSource: '60day_msg',
      messageEpoch: Date.UTC(2018, 1, 7, 16, 37, 2),
      decayEpoch: Date.UTC(2019, 2, 23),
    });
    repo.close();
  });

  it('a prediction for a catalogued object without a decay date leaves it without one', async () => {
    const repo = openSqliteCatalog(':memory:');
    // 4917 as the catalogue knew it before its decay: its SATCAT row without DECAY_DATE
    const [row] = satcatRows(4917);
    await ingest(repo, { satcat: [{ ...row!, decayDate: null }], source: 'celestrak' });
    await ingest(repo, { decay: messages });
    const o = repo.getObject(n(4917))!;
    expect(o.decayDate).toBeNull();
    expect(o.decayDateFrom).toBeNull();
    expect(repo.decayMessages(n(4917)).map((m) => m.messageType)).toEqual(['Prediction']);
    repo.close();
  });

  it('the catalogue decay date wins: a message never replaces it, and a later SATCAT date replaces a message-filled one', async () => {
    const repo = openSqliteCatalog(':memory:');
    // 35817 from SATCAT first (2009-11-01), then the messages
    await ingest(repo, { satcat: satcatRows(35817), source: 'celestrak' });
    await ingest(repo, { decay: messages });
    expect(repo.getObject(n(35817))).toMatchObject({ decayDateFrom: 'satcat', decayMessageId: null });
    expect(day(repo.getObject(n(35817))!.decayDate)).toBe('2009-11-01');
    // 37351 was filled by its decay_msg; the SATCAT row then gives the date and the link goes
    expect(repo.getObject(n(37351))!.decayDateFrom).toBe('decay-message');
    await ingest(repo, { satcat: satcatRows(37351), source: 'celestrak' });
    const o = repo.getObject(n(37351))!;
    expect(o).toMatchObject({ decayDateFrom: 'satcat', decayMessageId: null, satcatSource: 'celestrak' });
    expect(day(o.decayDate)).toBe('2011-03-30');
    repo.close();
  });

  it('the schema refuses a prediction without a message epoch', () => {
    const repo = openSqliteCatalog(':memory:');
    const run = 'run';
    repo.db.prepare("INSERT INTO sources (name, kind) VALUES ('t', 'official')").run();
    repo.db
      .prepare(
        "INSERT INTO ingest_runs (id, source_id, started_at_ms, retrieved_at_ms, files, status) VALUES (?, 1, 0, 0, '[]', 'running')",
      )
      .run(run);
    expect(() =>
      repo.db
        .prepare(
          `INSERT INTO decay_messages (norad_id, msg_type, msg_epoch_ms, decay_epoch_ms, precision, decay_epoch_text, message_source, precedence, raw, run_id)
          VALUES (4917, 'Prediction', NULL, 0, 'day', 'x', '60day_msg', 4, '{}', ?)`,
        )
        .run(run),
    ).toThrow(/CHECK/);
    repo.close();
  });
});

/**
 * The watch cycle's bookkeeping with scripted sources (no network; the HTTP side is tested in
 * @orbwatch/sources and the CLI tests): a source that fails is tried again after its failure
 * delay, doubled per failure in a row, with jitter inside [delay/2, delay]; one that refuses is
 * halted for the process and the loop stops when every source is; a real ISS set is stored once
 * even when the same payload comes twice; an error that is not a source's propagates; a first
 * slot that lies ahead (daily after 17:00 UTC) is remembered and reached by a later cycle.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ErrorCode, OrbwatchError, instant } from '@orbwatch/core';
import { openSqliteCatalog } from '@orbwatch/store';
import type { SourceFetch, WatchSource } from '@orbwatch/sources';
import { dailyAfter, everySchedule } from '@orbwatch/sources';
import type { WatchLogEntry } from './watch-log.js';
import { watchLoop, watchOnce } from './watch-sources.js';

const H = 3_600_000;
// ISS (ZARYA): the first real record of fixtures/tle/real-records.3le (CelesTrak, history-2026)
const ISS = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/tle/real-records.3le'),
  'utf8',
)
  .split('\n')
  .slice(0, 3)
  .join('\n');

function scripted(key: string, answers: (() => SourceFetch)[]): WatchSource {
  let k = 0;
  return {
    key,
    description: key,
    storedAs: { name: 'celestrak', kind: 'official' },
    schedule: everySchedule(2 * H),
    failureDelayMs: H,
    fetch: () => {
      const next = answers[Math.min(k++, answers.length - 1)];
      return next === undefined ? Promise.reject(new Error('no answer')) : Promise.resolve().then(next);
    },
  };
}

const unavailable = (): never => {
  throw new OrbwatchError(ErrorCode.SOURCE_UNAVAILABLE, 'HTTP 503', { status: 503 });
};
const refused = (): never => {
  throw new OrbwatchError(ErrorCode.SOURCE_REFUSED, 'HTTP 404', { status: 404 });
};
const payload = (): SourceFetch => ({
  kind: 'payload',
  url: 'http://127.0.0.1/gp',
  file: 'http://127.0.0.1/gp',
  data: new TextEncoder().encode(ISS),
  etag: '"1"',
  lastModified: null,
});

const tempRepo = () => openSqliteCatalog(join(mkdtempSync(join(tmpdir(), 'orbwatch-watch-')), 'w.db'));

describe('watchOnce', () => {
  it('remembers a first slot that lies ahead, so a later cycle (or a timer run after 17:00) reaches it', async () => {
    const repo = tempRepo();
    let now = instant(Date.UTC(2026, 2, 16, 9));
    const clock = { now: () => now };
    const daily = { ...scripted('satcat', [payload]), schedule: dailyAfter(17, 20) };
    const o = { sources: [daily], detect: null, log: () => undefined, random: () => 0.5 };
    try {
      expect((await watchOnce(repo, o, clock)).notDue).toBe(1);
      expect(repo.fetchState('satcat')?.nextDueAt).toBe(Date.UTC(2026, 2, 16, 17, 20));
      // 18:05, well after the slot: due (recomputing the first slot from this clock would say tomorrow)
      now = instant(Date.UTC(2026, 2, 16, 18, 5));
      expect((await watchOnce(repo, o, clock)).fetched).toBe(1);
      expect(repo.fetchState('satcat')?.nextDueAt).toBe(Date.UTC(2026, 2, 17, 17, 20));
    } finally {
      repo.close();
    }
  });

  it('backs off after failures (doubling, jittered), halts a refusing source, stores a set once', async () => {
    const repo = tempRepo();
    let now = instant(Date.UTC(2026, 2, 16, 12));
    const clock = { now: () => now };
    const log: WatchLogEntry[] = [];
    const flaky = scripted('flaky', [unavailable, unavailable, payload, payload]);
    const gone = scripted('gone', [refused]);
    const halted = new Set<string>();
    const o = { sources: [flaky, gone], detect: null, log: (e: WatchLogEntry) => log.push(e), random: () => 1 };
    try {
      const first = await watchOnce(repo, o, clock, halted);
      expect(first.failed).toBe(2);
      expect(halted).toEqual(new Set(['gone']));
      expect(repo.fetchState('flaky')?.nextDueAt).toBe(now + H); // random 1 → the whole delay
      expect(log.find((e) => e.action === 'halted')?.source).toBe('gone');

      now = instant(now + H);
      await watchOnce(repo, o, clock, halted);
      expect(repo.fetchState('flaky')?.consecutiveFailures).toBe(2);
      expect(repo.fetchState('flaky')?.nextDueAt).toBe(now + 2 * H);

      now = instant(now + 2 * H);
      const third = await watchOnce(repo, o, clock, halted);
      expect(third.accepted).toBe(1);
      expect(repo.fetchState('flaky')).toMatchObject({ consecutiveFailures: 0, lastStatus: '200', etag: '"1"' });

      now = instant(now + 2 * H);
      const fourth = await watchOnce(repo, o, clock, halted);
      expect(fourth).toMatchObject({ fetched: 1, accepted: 0, duplicates: 1 });
      expect(repo.countElementSets()).toBe(1);
      expect(log.filter((e) => e.source === 'gone').map((e) => e.action)).toEqual(['halted']);
    } finally {
      repo.close();
    }
  });

  it('equal jitter keeps at least half the failure delay', async () => {
    const repo = tempRepo();
    const now = instant(Date.UTC(2026, 2, 16, 12));
    try {
      await watchOnce(
        repo,
        { sources: [scripted('s', [unavailable])], detect: null, log: () => undefined, random: () => 0 },
        { now: () => now },
      );
      expect(repo.fetchState('s')?.nextDueAt).toBe(now + H / 2);
    } finally {
      repo.close();
    }
  });

  it('an error that is not a source failure propagates; the loop stops when every source is halted', async () => {
    const repo = tempRepo();
    const clock = { now: () => instant(Date.UTC(2026, 2, 16, 12)) };
    try {
      const broken = scripted('broken', [
        () => {
          throw new TypeError('a bug');
        },
      ]);
      await expect(
        watchOnce(repo, { sources: [broken], detect: null, log: () => undefined, random: () => 0.5 }, clock),
      ).rejects.toThrow(TypeError);
      const sleeps: number[] = [];
      const cycles = await watchLoop(
        repo,
        {
          sources: [scripted('gone', [refused])],
          detect: null,
          log: () => undefined,
          random: () => 0.5,
          sleep: (ms) => {
            sleeps.push(ms);
            return Promise.resolve();
          },
        },
        clock,
      );
      expect(cycles).toBe(1);
      expect(sleeps).toEqual([]);
    } finally {
      repo.close();
    }
  });
});

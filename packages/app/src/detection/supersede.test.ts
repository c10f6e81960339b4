/**
 * The supersession rule (supersede.ts) and the same-estimate rule (same-estimate.ts): a run
 * supersedes only stored events of its detector and kind that lie wholly inside what it examined
 * (time range, objects, question) and that its output no longer holds; a `--full` rerun changes
 * nothing; a run from `--since` never touches what ends before it. On the real ISS and Progress
 * MS-33 history (fixtures/history-2026) and on the ISS burn of 2026-03-24 as the daily runs of
 * watch-sequence.test.ts estimated it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectedEvent, EventAssessment } from '@orbwatch/core';
import { instant, noradId } from '@orbwatch/core';
import type { SqliteCatalogRepository, StoredEvent } from '@orbwatch/store';
import { openSqliteCatalog } from '@orbwatch/store';
import { ingestTexts } from '../ingest/ingest-texts.js';
import { runDetection } from './run-detection.js';
import { runPerObject } from './run-per-object.js';
import { sameEstimate } from './same-estimate.js';
import type { ExaminedScope } from './supersede.js';
import { planSupersession } from './supersede.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures');
const ISS = noradId(25544);
const PROGRESS = noradId(68319);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 24, 19, 24, 53);

/** A stored manoeuvre of `norad` over [start, end] (days after T0). */
function stored(id: string, norad: number, start: number, end: number, more: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id,
    kind: 'maneuver',
    objects: [{ norad: noradId(norad), role: 'subject' }],
    start: instant(T0 + start * DAY),
    end: instant(T0 + end * DAY),
    measures: {},
    elementSets: [],
    detector: 'maneuver',
    detectorVersion: '2.1.0',
    parameters: {},
    createdAt: instant(T0),
    elementSetIds: [],
    ...more,
  };
}

const event = (e: StoredEvent): DetectedEvent => e;
type Estimate = Pick<DetectedEvent, 'measures' | 'assessment'>;

describe('planSupersession: only what the run examined', () => {
  const scope: ExaminedScope = {
    detector: 'maneuver',
    kind: 'maneuver',
    from: instant(T0),
    to: instant(T0 + 10 * DAY),
    covers: (e) => e.objects.every((o) => o.norad === ISS),
  };
  const current = [{ id: 'new', event: event(stored('new', ISS, 2, 2.6)) }];

  it('supersedes an event inside the scope by the overlapping estimate, or withdraws it', () => {
    const plan = planSupersession([stored('a', ISS, 2.2, 2.7), stored('b', ISS, 5, 5.5)], current, scope);
    expect(plan.supersede).toEqual([
      { id: 'a', by: 'new' },
      { id: 'b', by: null },
    ]);
    expect(plan.revive).toEqual(['new']);
  });

  it('never touches an event outside the time range, of other objects, of another detector or kind, or already superseded', () => {
    const untouched = [
      stored('before', ISS, -0.5, 0.5), // starts before the range
      stored('after', ISS, 9.5, 10.5), // ends after it
      stored('other-object', PROGRESS, 2, 2.6),
      stored('other-detector', ISS, 2, 2.6, { detector: 'maneuver-experimental' }),
      stored('other-kind', ISS, 2, 2.6, { kind: 'proximity' }),
      stored('superseded', ISS, 2, 2.6, { superseded: { at: instant(T0), by: null, reason: 'withdrawn' } }),
      stored('new', ISS, 2, 2.6), // in the output
    ];
    expect(planSupersession(untouched, current, scope).supersede).toEqual([]);
  });

  it('points to the later estimate with the most overlap, never to another object', () => {
    const two = [
      { id: 'x', event: event(stored('x', ISS, 1, 2.3)) },
      { id: 'y', event: event(stored('y', ISS, 2.1, 3)) },
      { id: 'p', event: event(stored('p', PROGRESS, 2, 3)) },
    ];
    expect(planSupersession([stored('a', ISS, 2.2, 2.9)], two, scope).supersede).toEqual([{ id: 'a', by: 'y' }]);
  });
});

describe('sameEstimate: a new estimate only when the stored one no longer holds', () => {
  // ISS, burn of 2026-03-24 (maneuver 2.1.0): the day after, and with the whole window
  const dayAfter: Estimate = {
    measures: { kind: 'single-burn', deltaVMps: 0.030466, deltaVSigmaMps: 0.002358 },
    assessment: { label: 'single-burn', confidence: 'medium' as const, reasons: [] },
  };
  const keeping: EventAssessment = { label: 'station-keeping', confidence: 'medium', reasons: [] };
  const whole = {
    measures: { kind: 'station-keeping', deltaVMps: 0.02681, deltaVSigmaMps: 0.00668 },
    assessment: keeping,
  };

  it('a changed label is a new estimate', () => {
    expect(sameEstimate(dayAfter, whole)).toBe(false);
  });

  it('a value outside the earlier 95 % interval is a new estimate; inside, or a narrower σ, is not', () => {
    const at = (dv: number, sigma: number): Estimate => ({
      ...whole,
      measures: { ...whole.measures, deltaVMps: dv, deltaVSigmaMps: sigma },
    });
    expect(sameEstimate(whole, at(0.02681 + 1.9 * 0.00668, 0.003))).toBe(true);
    expect(sameEstimate(whole, at(0.02681 + 2.0 * 0.00668, 0.003))).toBe(false);
    // Cygnus NG-24's raise: 102.712 ± 0.042 m/s a day after, 102.189 ± 0.042 with the whole window
    const raise = (dv: number): Estimate => ({
      measures: { deltaVMps: dv, deltaVSigmaMps: 0.042 },
      assessment: whole.assessment,
    });
    expect(sameEstimate(raise(102.712), raise(102.189))).toBe(false);
  });

  it('ignores the search window (a run input) and numbers without σ, not texts or flags', () => {
    const w = (start: string, extra: Record<string, string | number | boolean>): Estimate => ({
      measures: { ...whole.measures, searchWindowStartUtc: start, ...extra },
      assessment: whole.assessment,
    });
    expect(
      sameEstimate(w('2026-03-20T00:00:00.000Z', { gapDays: 0.6 }), w('2026-03-21T00:00:00.000Z', { gapDays: 0.7 })),
    ).toBe(true);
    expect(
      sameEstimate(
        w('2026-03-20T00:00:00.000Z', { resolved: false }),
        w('2026-03-20T00:00:00.000Z', { resolved: true }),
      ),
    ).toBe(false);
  });
});

describe('supersession on the real ISS and Progress MS-33 history', () => {
  let dir: string;
  let repo: SqliteCatalogRepository;
  const clock = { now: () => instant(Date.UTC(2026, 3, 21)) };
  const live = () =>
    repo
      .listEvents({ kind: 'maneuver' })
      .map((e) => e.id)
      .sort();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbwatch-supersede-'));
    repo = openSqliteCatalog(join(dir, 'c.db'));
    const text = gunzipSync(readFileSync(join(FIXTURES, 'history-2026/iss.3le.gz'))).toString('utf8');
    const launches = gunzipSync(readFileSync(join(FIXTURES, 'history-2026/launches-2026-03-to-05.3le.gz')))
      .toString('utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    const progress: string[] = [];
    for (let i = 0; i + 2 < launches.length; i += 3)
      if (/^PROGRESS-MS 33\s*$/.test(launches[i] ?? ''))
        progress.push(launches[i]!, launches[i + 1]!, launches[i + 2]!);
    await ingestTexts(
      repo,
      [
        { file: 'iss.3le', data: new TextEncoder().encode(text) },
        { file: 'progress.3le', data: new TextEncoder().encode(`${progress.join('\n')}\n`) },
      ],
      { source: 'celestrak', sourceKind: 'official', retrievedAt: clock.now() },
      clock,
    );
    await runDetection(repo, { kinds: ['maneuver'], quiet: true }, clock);
  });
  afterAll(() => {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a --full rerun over the same data supersedes nothing and leaves the same live events', async () => {
    const before = live();
    expect(before.length).toBeGreaterThan(0);
    const report = await runDetection(repo, { kinds: ['maneuver'], quiet: true, full: true }, clock);
    expect(report.detectors[0]?.superseded).toBe(0);
    expect(report.detectors[0]?.inserted).toBe(0);
    expect(live()).toEqual(before);
  });

  it('a run from --since never supersedes an event that starts before it, even when it no longer finds it', async () => {
    const all = repo.listEvents({ kind: 'maneuver' });
    const mid = all[Math.floor(all.length / 2)];
    expect(mid).toBeDefined();
    const since = instant(mid!.start + 1);
    // a rerun from `since` with a detector that now finds nothing at all (the worst case)
    const nothing = { kind: 'maneuver' as const, name: 'maneuver', version: '2.1.0', detect: () => [] };
    const r = await runPerObject(repo, nothing, { kinds: ['maneuver'], quiet: true, full: true, since }, clock);
    const after = repo.listEvents({ kind: 'maneuver', includeSuperseded: true });
    for (const e of after) {
      if (e.start < since) expect(e.superseded, e.id).toBeUndefined();
      else expect(e.superseded?.reason, e.id).toBe('withdrawn');
    }
    expect(r.superseded).toBe(all.filter((e) => e.start >= since).length);
    expect(r.superseded).toBeGreaterThan(0);
    // the real detector over the whole history again: every withdrawn estimate is live once more
    await runDetection(repo, { kinds: ['maneuver'], quiet: true, full: true }, clock);
    expect(live()).toEqual(all.map((e) => e.id).sort());
  });
});

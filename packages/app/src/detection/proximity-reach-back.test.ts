/**
 * The reach-back rule (proximity-reach-back.ts): a run over the default window searches a pair
 * from the start of its stored live episode when that episode was still running at its own
 * window's end and began before this window; an episode that ended inside its window is never
 * reopened, nor one found with other thresholds, of an object not examined, or beyond the bound.
 * Times are those of Progress MS-33 docked at the ISS in the daily runs of watch-sequence.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROXIMITY_PARAMETERS, formatIso, instant, noradId } from '@orbwatch/core';
import type { Instant } from '@orbwatch/core';
import type { StoredEvent } from '@orbwatch/store';
import { PROXIMITY_MAX_REACH_BACK_SEC, pairKey, reachBackStarts } from './proximity-reach-back.js';

const ISS = noradId(25544);
const PROGRESS = noradId(68319);
const CYGNUS = noradId(68689);
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Progress MS-33's first near time at the ISS as the daily runs found it. */
const DOCKED = Date.UTC(2026, 2, 23, 22, 11, 3);
/** This run's window start (the newest epoch 2026-04-20 18:44 UTC, minus 7 days). */
const START = instant(Date.UTC(2026, 3, 13, 18, 44, 3));

/** A stored proximity episode [start, end] found over the window [windowStart, windowEnd]. */
function episode(
  id: string,
  start: number,
  end: number,
  window: { start: number; end: number },
  more: Partial<StoredEvent> = {},
): StoredEvent {
  return {
    id,
    kind: 'proximity',
    objects: [
      { norad: PROGRESS, role: 'chaser' },
      { norad: ISS, role: 'target' },
    ],
    start: instant(start),
    end: instant(end),
    measures: {
      searchWindowStartUtc: formatIso(instant(window.start)),
      searchWindowEndUtc: formatIso(instant(window.end)),
    },
    elementSets: [],
    detector: 'proximity',
    detectorVersion: '2.0.0',
    parameters: { ...DEFAULT_PROXIMITY_PARAMETERS },
    createdAt: instant(window.end),
    elementSetIds: [],
    ...more,
  };
}

const query = {
  start: START,
  sameQuestion: (e: StoredEvent) => e.parameters['maxRangeKm'] === DEFAULT_PROXIMITY_PARAMETERS.maxRangeKm,
  examined: new Set([ISS, PROGRESS, CYGNUS]),
};
/** Yesterday's run: window [START − 8 d, START − 1 d]. */
const yesterday = { start: START - 8 * DAY, end: START - DAY };
const key = pairKey([{ norad: ISS }, { norad: PROGRESS }]);

describe('reachBackStarts', () => {
  it('reaches back to the start of an episode still running at its window end that began before this window', () => {
    const ongoing = episode('docked', DOCKED, yesterday.end, yesterday);
    expect(reachBackStarts([ongoing], query)).toEqual(new Map<string, Instant>([[key, instant(DOCKED)]]));
    // its last near time within maxGapSec (3 h) of the window end: it may still be running
    const nearEnd = episode('docked', DOCKED, yesterday.end - 2 * HOUR, yesterday);
    expect(reachBackStarts([nearEnd], query).get(key)).toBe(DOCKED);
    // two live slices of the pair: the earliest start
    const slice = episode('slice', yesterday.start, yesterday.end, yesterday);
    expect(reachBackStarts([slice, ongoing], query).get(key)).toBe(DOCKED);
  });

  it('does not reopen an episode that ended inside its window (the run saw the pair part)', () => {
    const ended = episode('ended', DOCKED, yesterday.end - 4 * HOUR, yesterday);
    expect(reachBackStarts([ended], query).size).toBe(0);
    // a pass of a day in the middle of yesterday's window
    const pass = episode('pass', yesterday.start + DAY, yesterday.start + 2 * DAY, yesterday);
    expect(reachBackStarts([pass], query).size).toBe(0);
  });

  it('needs no reach-back for an episode that starts inside this window', () => {
    const inside = episode('inside', START + HOUR, START + 6 * DAY, { start: START, end: START + 6 * DAY });
    expect(reachBackStarts([inside], query).size).toBe(0);
  });

  it('leaves episodes of another question, of objects not examined, superseded or beyond the bound', () => {
    const ongoing = (more: Partial<StoredEvent>, start = DOCKED) => episode('x', start, yesterday.end, yesterday, more);
    const other = [
      ongoing({ parameters: { ...DEFAULT_PROXIMITY_PARAMETERS, maxRangeKm: 100 } }),
      ongoing({ superseded: { at: instant(START), by: null, reason: 'withdrawn' } }),
      ongoing({
        objects: [
          { norad: noradId(99999), role: 'participant' },
          { norad: ISS, role: 'participant' },
        ],
      }),
      ongoing({}, START - PROXIMITY_MAX_REACH_BACK_SEC * 1000 - HOUR),
      ongoing({ measures: {} }), // no recorded window: whether it was cut is unknown
    ];
    expect(reachBackStarts(other, query).size).toBe(0);
    // the bound is a parameter: the same episode within a wider bound is reached
    expect(reachBackStarts([other[3] as StoredEvent], { ...query, maxReachBackSec: 400 * 86_400 }).size).toBe(1);
  });
});

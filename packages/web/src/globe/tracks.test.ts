import { describe, expect, it } from 'vitest';
import { orbitAround, periodSec, setAt, stateAt, trackSets } from './tracks.js';

// ISS (ZARYA), CelesTrak GP set of 2026-03-15 (fixtures/history-2026/iss.3le.gz, first record).
const ISS = [
  'ISS (ZARYA)',
  '1 25544U 98067A   26074.25700838  .00009576  00000+0  18620-3 0  9998',
  '2 25544  51.6330  44.8327 0006349 192.8038 167.2790 15.48289699557191',
].join('\n');
const EPOCH_MS = Date.UTC(2026, 0, 1) + (74.25700838 - 1) * 86_400_000;

describe('tracks (browser-side SGP4 for the globe)', () => {
  const sets = trackSets([
    { epochUtc: new Date(EPOCH_MS).toISOString(), raw: ISS },
    { epochUtc: '2026-01-01T00:00:00Z' },
  ]);

  it('decodes stored TLE text and leaves records without text out', () => {
    expect(sets).toHaveLength(1);
    expect(Math.abs(sets[0]!.epochMs - EPOCH_MS)).toBeLessThan(1);
  });

  it('puts the ISS at its published altitude band and period', () => {
    const s = stateAt(sets, EPOCH_MS)!;
    // Radius − equatorial radius: the ISS flew at ~415–425 km in March 2026; latitude changes the
    // Earth's radius under it by up to 21 km, so the band is wide.
    expect(Math.hypot(...s.r) - 6378.137).toBeGreaterThan(395);
    expect(Math.hypot(...s.r) - 6378.137).toBeLessThan(440);
    // Mean motion 15.4829 rev/day → 93.01 min; the osculating period differs by well under a minute.
    expect(periodSec(s.r, s.v)! / 60).toBeCloseTo(1440 / 15.48289699, 0);
  });

  it('draws one closed revolution around the shown time', () => {
    const points = orbitAround(sets, EPOCH_MS + 3_600_000, 120);
    expect(points).toHaveLength(121);
    const [first, last] = [points[0]!, points[points.length - 1]!];
    // One period later the orbit closes up to J2 drift (~0.1° of node and perigee per rev: < 50 km).
    expect(Math.hypot(first[0] - last[0], first[1] - last[1], first[2] - last[2])).toBeLessThan(50);
  });

  it('uses the latest set with epoch at or before the time, the first before the history', () => {
    const two = [
      { epochMs: 100, propagator: sets[0]!.propagator },
      { epochMs: 200, propagator: sets[0]!.propagator },
    ];
    expect(setAt(two, 50)?.epochMs).toBe(100);
    expect(setAt(two, 150)?.epochMs).toBe(100);
    expect(setAt(two, 200)?.epochMs).toBe(200);
    expect(setAt([], 200)).toBeUndefined();
  });
});

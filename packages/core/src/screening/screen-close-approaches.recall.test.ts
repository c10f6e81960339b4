/**
 * Recall of the close-approach engine against a brute-force reference (1-s sampling of every pair
 * where its range can be below the threshold, bisection on Δr·Δv; brute-force-reference.test-support.ts)
 * on real element sets of the 2022-08-09 catalogue (fixtures/catalog-snapshots), 1 day, 5 km:
 * a dense LEO slice (the 550-km Starlink shell with the debris and payloads sharing it) and a slice
 * of the GEO belt plus the highly eccentric orbits (e > 0.5, Molniya, GTO).
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test/support/fixtures.js';
import type { ElementSet } from '../elements/element-set.js';
import { parseTle } from '../elements/tle/index.js';
import { instantFromUtcFields } from '../time/instant.js';
import { bruteForceApproaches } from './brute-force-reference.test-support.js';
import { screenCloseApproaches } from './screen-close-approaches.js';
import type { CloseApproach, ScreeningResult } from './screening-types.js';

const START = instantFromUtcFields(2022, 8, 9);
const END = START + 86_400_000;
const THRESHOLD_KM = 5;
const GEO_THRESHOLD_KM = 50;
const MU = 398600.8;
const RE = 6378.135;

/** The catalogue, one set per object (the latest when an object appears twice). */
function catalogue(): ElementSet[] {
  const text = readFixture('catalog-snapshots/satellite-js_full-catalog_2022-08-09.tle.gz');
  const latest = new Map<number, ElementSet>();
  for (const s of parseTle(text, { file: 'catalog' }).items) {
    const prev = latest.get(s.noradId);
    if (prev === undefined || s.epoch > prev.epoch) latest.set(s.noradId, s);
  }
  return [...latest.values()].sort((a, b) => a.noradId - b.noradId);
}

function altitudesKm(s: ElementSet): [number, number] {
  const a = Math.cbrt(MU / s.meanMotionRadPerSec ** 2);
  return [a * (1 - s.eccentricity) - RE, a * (1 + s.eccentricity) - RE];
}

interface Comparison {
  readonly reference: number;
  readonly engine: number;
  readonly matched: number;
  readonly missedByEngine: string[];
  readonly notInReference: string[];
  readonly maxTcaErrorMs: number;
  readonly maxMissErrorM: number;
}

/** Matches reference and engine approaches (same pair, TCA within 1 ms), away from the threshold edge. */
function compare(sets: readonly ElementSet[], result: ScreeningResult, thresholdKm: number): Comparison {
  const skipped = new Set(result.skipped.map((x) => x.norad as number));
  const ref = bruteForceApproaches(
    sets.filter((s) => !skipped.has(s.noradId)),
    START,
    END,
    thresholdKm,
  ).approaches;
  const edge = thresholdKm - 0.001;
  const byPair = new Map<string, CloseApproach[]>();
  for (const a of result.approaches) {
    const k = `${String(a.norad1)}-${String(a.norad2)}`;
    byPair.set(k, [...(byPair.get(k) ?? []), a]);
  }
  const key = (n1: number, n2: number) => `${String(Math.min(n1, n2))}-${String(Math.max(n1, n2))}`;
  let matched = 0;
  let maxTcaErrorMs = 0;
  let maxMissErrorM = 0;
  const missedByEngine: string[] = [];
  const used = new Set<CloseApproach>();
  for (const r of ref) {
    const cands = byPair.get(key(r.norad1, r.norad2)) ?? [];
    const hit = cands.find((a) => Math.abs(a.tcaUtc - r.tcaMs) <= 1);
    if (hit === undefined) {
      if (r.missKm < edge)
        missedByEngine.push(`${key(r.norad1, r.norad2)} ${new Date(r.tcaMs).toISOString()} ${r.missKm.toFixed(4)} km`);
      continue;
    }
    used.add(hit);
    matched++;
    maxTcaErrorMs = Math.max(maxTcaErrorMs, Math.abs(hit.tcaUtc - r.tcaMs));
    maxMissErrorM = Math.max(maxMissErrorM, Math.abs(hit.missDistanceKm - r.missKm) * 1000);
  }
  const notInReference = result.approaches
    .filter((a) => !used.has(a) && a.missDistanceKm < edge)
    .map((a) => `${key(a.norad1, a.norad2)} ${new Date(a.tcaUtc).toISOString()} ${a.missDistanceKm.toFixed(4)} km`);
  return {
    reference: ref.length,
    engine: result.approaches.length,
    matched,
    missedByEngine,
    notInReference,
    maxTcaErrorMs,
    maxMissErrorM,
  };
}

function screen(sets: readonly ElementSet[], thresholdKm: number): ScreeningResult {
  return screenCloseApproaches({
    objects: sets.map((s) => ({
      norad: s.noradId,
      elementSet: s,
      elementSetId: `${String(s.noradId)}@${s.epochText}`,
    })),
    mode: { kind: 'all-vs-all' },
    startUtc: START,
    endUtc: instantFromUtcFields(2022, 8, 10),
    thresholdKm,
  });
}

describe('screenCloseApproaches recall against a brute-force reference (1 day, 5 km)', () => {
  const all = catalogue();

  it('LEO: the 550-km shell (perigee ≥ 545 km, apogee ≤ 555 km), ≥ 1,000 objects', () => {
    const sets = all.filter((s) => {
      const [p, a] = altitudesKm(s);
      return p >= 545 && a <= 555;
    });
    expect(sets.length).toBeGreaterThanOrEqual(1000);
    const result = screen(sets, THRESHOLD_KM);
    const c = compare(sets, result, THRESHOLD_KM);
    console.info('LEO slice', sets.length, 'objects:', JSON.stringify({ ...c, stages: result.stages }));
    expect(c.reference).toBeGreaterThan(50);
    expect(c.missedByEngine).toEqual([]);
    expect(c.notInReference).toEqual([]);
    expect(c.maxTcaErrorMs).toBeLessThanOrEqual(1);
    expect(c.maxMissErrorM).toBeLessThanOrEqual(1);
  }, 240_000);

  // No pair of this slice comes within 5 km in the day; at 50 km the co-located GEO slots and the
  // HEO objects crossing the belt give approaches to compare (the method does not depend on it).
  it('GEO belt (e < 0.005, 979 objects) and highly eccentric orbits (e > 0.6, every 4th), at 50 km', () => {
    const geo = all.filter((s) => {
      const revPerDay = (s.meanMotionRadPerSec * 86_400) / (2 * Math.PI);
      return Math.abs(revPerDay - 1.0027) < 0.01 && s.eccentricity < 0.005;
    });
    // Every fourth of the 1,391 (by NORAD id) keeps the reference's pair loop short.
    const heo = all.filter((s) => s.eccentricity > 0.6).filter((_, i) => i % 4 === 0);
    const sets = [...geo, ...heo];
    const result = screen(sets, GEO_THRESHOLD_KM);
    const c = compare(sets, result, GEO_THRESHOLD_KM);
    console.info('GEO/HEO slice', sets.length, 'objects:', JSON.stringify({ ...c, stages: result.stages }));
    expect(c.reference).toBeGreaterThan(0);
    expect(c.missedByEngine).toEqual([]);
    expect(c.notInReference).toEqual([]);
    expect(c.maxTcaErrorMs).toBeLessThanOrEqual(1);
    expect(c.maxMissErrorM).toBeLessThanOrEqual(1);
  }, 240_000);
});

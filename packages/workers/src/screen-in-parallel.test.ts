import { readFileSync } from 'node:fs';
import { instantFromUtcFields, parseTle, screenCloseApproaches } from '@orbwatch/core';
import type { ScreeningRequest } from '@orbwatch/core';
import { describe, expect, it } from 'vitest';
import { screenInParallel } from './screen-in-parallel.js';

describe('screenInParallel', () => {
  const text = readFileSync(
    new URL('../../../fixtures/ephemeris/catalog-2022-08-09-sample.tle', import.meta.url),
    'utf8',
  );
  const sets = parseTle(text, { file: 'sample' }).items;
  const t0 = instantFromUtcFields(2022, 8, 9);
  const request: ScreeningRequest = {
    objects: sets.map((s) => ({ norad: s.noradId, elementSet: s, elementSetId: s.epochText })),
    mode: { kind: 'all-vs-all' },
    startUtc: t0,
    endUtc: instantFromUtcFields(2022, 8, 9, 6),
    thresholdKm: 100,
  };

  // Same pairs, sets and order; numbers equal to well below physical meaning (seen: 1e-11 km apart
  // in one CI run, the last bits of SGP4 and root-finding differ between a worker and this thread).
  it('equals the single-thread screenCloseApproaches (3 threads, 504 objects × 6 h at 100 km)', async () => {
    const single = screenCloseApproaches(request);
    let last = 0;
    const parallel = await screenInParallel(request, {
      threads: 3,
      onProgress: (done) => {
        last = done;
      },
    });
    expect(single.approaches.length).toBeGreaterThan(10);
    expect(parallel.approaches.length).toBe(single.approaches.length);
    parallel.approaches.forEach((a, i) => {
      const b = single.approaches[i];
      if (b === undefined) throw new Error(`no approach ${String(i)} in the single-thread run`);
      expect([a.norad1, a.norad2, a.elementSetId1, a.elementSetId2]).toEqual([
        b.norad1,
        b.norad2,
        b.elementSetId1,
        b.elementSetId2,
      ]);
      expect(Math.abs(a.tcaUtc - b.tcaUtc)).toBeLessThan(0.001); // 1 µs
      expect(Math.abs(a.missDistanceKm - b.missDistanceKm)).toBeLessThan(1e-6); // 1 mm
      a.state1Teme.forEach((x, k) => {
        expect(Math.abs(x - (b.state1Teme[k] ?? NaN))).toBeLessThan(1e-6);
      });
    });
    expect(JSON.stringify({ ...parallel, approaches: [] })).toBe(JSON.stringify({ ...single, approaches: [] }));
    expect(last).toBe(6);
  }, 120_000);

  it('primaries-vs-all keeps only pairs with a primary, primary first', async () => {
    const all = screenCloseApproaches(request);
    const primary = all.approaches[0]?.norad2 ?? 0;
    const one = await screenInParallel(
      { ...request, mode: { kind: 'primaries-vs-all', primaries: new Set([primary]) } },
      { threads: 2 },
    );
    const expected = all.approaches.filter((a) => a.norad1 === primary || a.norad2 === primary);
    expect(one.approaches.length).toBe(expected.length);
    expect(one.approaches.every((a) => a.norad1 === primary)).toBe(true);
    expect(one.approaches.map((a) => a.tcaUtc)).toEqual(expected.map((a) => a.tcaUtc));
  }, 120_000);
});

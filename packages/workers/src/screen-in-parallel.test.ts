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
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
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

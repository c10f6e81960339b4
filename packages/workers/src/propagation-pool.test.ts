import { twoline2satrec } from 'satellite.js';
import type { SatRec } from 'satellite.js';
import { instantFromUtcFields, propagateBatch } from '@orbwatch/core';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createPropagationPool, propagateBatchParallel, shardBounds } from './propagation-pool.js';

function sampleRecs(): SatRec[] {
  const lines = readFileSync(
    new URL('../../../fixtures/ephemeris/catalog-2022-08-09-sample.tle', import.meta.url),
    'utf8',
  ).split(/\r?\n/);
  const recs: SatRec[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const l1 = lines[i] ?? '';
    const l2 = lines[i + 1] ?? '';
    if (l1.startsWith('1 ') && l2.startsWith('2 ')) recs.push(twoline2satrec(l1, l2));
  }
  return recs;
}

const bytes = (a: Float64Array | Uint8Array | Int32Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('propagateBatchParallel', () => {
  const recs = sampleRecs();
  const t0 = instantFromUtcFields(2022, 8, 9);

  it('equals the single-thread propagateBatch bit for bit (3 threads, 504 objects × 1 day @ 60 s)', async () => {
    const single = propagateBatch(recs, t0, 60, 1440);
    expect(single.status.filter((s) => s === 0).length).toBeGreaterThan(0.9 * single.status.length);
    for (const threads of [3]) {
      const par = await propagateBatchParallel(recs, t0, 60, 1440, { threads });
      expect(par.count).toBe(1440);
      expect(par.t0).toBe(t0);
      expect(Buffer.compare(bytes(par.noradIds), bytes(single.noradIds))).toBe(0);
      expect(Buffer.compare(bytes(par.status), bytes(single.status))).toBe(0);
      expect(Buffer.compare(bytes(par.data), bytes(single.data))).toBe(0);
    }
  });

  it('a pool reloads and repropagates; shards cover every object once in order', async () => {
    const pool = createPropagationPool({ threads: 2 });
    try {
      await pool.load(recs.slice(0, 50));
      const a = await pool.propagate(t0, 120, 10);
      expect(a.noradIds.length).toBe(50);
      await pool.load(recs);
      const b = await pool.propagate(t0, 120, 10);
      const single = propagateBatch(recs, t0, 120, 10);
      expect(Buffer.compare(bytes(b.data), bytes(single.data))).toBe(0);
      // reuseOutput: the same shared arrays, rewritten with the new grid's states.
      const c1 = await pool.propagate(t0, 120, 10, { reuseOutput: true });
      const t1 = instantFromUtcFields(2022, 8, 10);
      const c2 = await pool.propagate(t1, 120, 10, { reuseOutput: true });
      expect(c2.data.buffer).toBe(c1.data.buffer);
      expect(Buffer.compare(bytes(c2.data), bytes(propagateBatch(recs, t1, 120, 10).data))).toBe(0);
    } finally {
      await pool.close();
    }
    const bounds = shardBounds(recs, 3);
    expect(bounds[0]?.[0]).toBe(0);
    expect(bounds[2]?.[1]).toBe(recs.length);
    expect(bounds[1]?.[0]).toBe(bounds[0]?.[1]);
    expect(bounds[2]?.[0]).toBe(bounds[1]?.[1]);
  });
});

import { describe, expect, it } from 'vitest';
import { addSec } from '../time/instant.js';
import { at, issHistory } from './export-fixture.test-support.js';
import { exportGrid, sampleExportObject } from './sample-export-object.js';

describe('sampleExportObject (ISS, real element sets)', () => {
  const history = issHistory();
  const first = history[0]!;

  it('uses at every time the newest set with epoch at or before it, and names the sets used', () => {
    const from = at('2026-03-16T00:00:00Z');
    const times = exportGrid(from, at('2026-03-17T00:00:00Z'), 300);
    const o = sampleExportObject({
      noradId: first.noradId,
      name: first.name,
      cosparId: first.cosparId,
      history,
      times,
    });
    expect(o.samples).toHaveLength(times.length);
    const byId = new Map(history.map((s) => [s.id, s]));
    for (const s of o.samples) {
      const set = byId.get(s.elementSetId)!;
      expect(set.epoch).toBeLessThanOrEqual(s.state.t);
      // no other set lies between the chosen epoch and the sample time
      expect(history.some((h) => h.epoch > set.epoch && h.epoch <= s.state.t)).toBe(false);
    }
    expect(o.elementSets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(o.samples.map((s) => s.elementSetId))).toEqual(new Set(o.elementSets.map((s) => s.id)));
    expect(o.elementSets.every((s) => s.source === 'celestrak' && s.epochText.length > 0)).toBe(true);
    // ISS: |r| between 6,700 and 6,850 km (altitude ~400-420 km), speed ~7.66 km/s
    for (const s of o.samples) {
      const r = Math.hypot(s.state.r.x, s.state.r.y, s.state.r.z);
      expect(r).toBeGreaterThan(6700);
      expect(r).toBeLessThan(6850);
    }
  });

  it('counts times before the first set as NO_ELEMENT_SET instead of using a later set', () => {
    const from = addSec(first.epoch, -3600);
    const o = sampleExportObject({
      noradId: first.noradId,
      name: first.name,
      cosparId: first.cosparId,
      history,
      times: exportGrid(from, addSec(first.epoch, 3600), 600),
    });
    expect(o.failures).toHaveLength(1);
    expect(o.failures[0]).toMatchObject({ code: 'NO_ELEMENT_SET', count: 6 });
    expect(o.samples.every((s) => s.state.t >= first.epoch)).toBe(true);
  });

  it('grid: from, from + step, …, and `to` itself when the steps do not land on it', () => {
    const g = exportGrid(at('2026-03-16T00:00:00Z'), at('2026-03-16T00:02:30Z'), 60);
    expect(g.map((t) => (t - g[0]!) / 1000)).toEqual([0, 60, 120, 150]);
    expect(() => exportGrid(at('2026-03-16T00:00:00Z'), at('2026-03-15T00:00:00Z'), 60)).toThrow(RangeError);
    expect(() => exportGrid(at('2026-03-16T00:00:00Z'), at('2026-03-17T00:00:00Z'), 0)).toThrow(RangeError);
  });
});

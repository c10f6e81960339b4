import { describe, expect, it } from 'vitest';
import { instant } from '../time/instant.js';
import { createSgp4Propagator } from './create-sgp4-propagator.js';
import { propagateRange } from './propagate-range.js';
import { propagateTeme } from './propagate-teme.js';
import { Sgp4FailureCode } from './sgp4-failure-code.js';
import { elementSetFromTleLines } from './tle-lines.test-support.js';

const ISS = elementSetFromTleLines(
  '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927',
  '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537',
);

describe('propagateRange', () => {
  it('samples from, from + step, …, and ends exactly at to', () => {
    const from = ISS.epoch;
    const to = instant(from + 1000 * 1000 + 500); // 1000.5 s
    const r = propagateRange(ISS, from, to, 100);
    if (!r.ok) throw new Error(r.code);
    expect(r.samples.map((s) => s.t - from)).toEqual([0, 1e5, 2e5, 3e5, 4e5, 5e5, 6e5, 7e5, 8e5, 9e5, 1e6, 1_000_500]);
    const p = createSgp4Propagator(ISS);
    if (!p.ok) throw new Error(p.code);
    for (const s of r.samples) expect(s.result).toEqual(propagateTeme(p.propagator, s.t));
  });

  it('gives one sample when from = to, and per-sample codes beyond the age limit', () => {
    const single = propagateRange(ISS, ISS.epoch, ISS.epoch, 60);
    expect(single.ok && single.samples).toHaveLength(1);
    const r = propagateRange(ISS, ISS.epoch, instant(ISS.epoch + 4 * 86_400_000), 86_400);
    if (!r.ok) throw new Error(r.code);
    expect(r.samples.map((s) => (s.result.ok ? 'ok' : s.result.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      Sgp4FailureCode.ELEMENTS_TOO_OLD,
    ]);
  });

  it('returns the init failure and rejects bad ranges as programmer errors', () => {
    const xp = propagateRange({ ...ISS, theory: 'SGP4-XP' }, ISS.epoch, ISS.epoch, 60);
    expect(xp.ok ? 'ok' : xp.code).toBe(Sgp4FailureCode.ELEMENTS_UNSUPPORTED_THEORY);
    expect(() => propagateRange(ISS, ISS.epoch, ISS.epoch, 0)).toThrow(RangeError);
    expect(() => propagateRange(ISS, ISS.epoch, instant(ISS.epoch - 1), 60)).toThrow(RangeError);
    expect(() => propagateRange(ISS, ISS.epoch, instant(ISS.epoch + 1e12), 0.001)).toThrow(RangeError);
  });
});

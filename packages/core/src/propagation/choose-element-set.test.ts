import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../elements/element-set.js';
import { instant } from '../time/instant.js';
import { chooseElementSet } from './choose-element-set.js';
import { elementSetFromTleLines } from './tle-lines.test-support.js';

const ISS_1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const ISS_2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';
const base = elementSetFromTleLines(ISS_1, ISS_2);
const DAY = 86_400_000;
const at = (days: number): ElementSet => ({ ...base, epoch: instant(base.epoch + days * DAY) });
const history = [at(0), at(1), at(3), at(3), at(10)];

describe('chooseElementSet', () => {
  it('latest-before picks the newest epoch at or before t, with its signed age', () => {
    const r = chooseElementSet(history, instant(base.epoch + 2.5 * DAY), 'latest-before');
    expect(r.ok && r.index).toBe(1);
    expect(r.ok && r.ageSec).toBeCloseTo(1.5 * 86_400, 6);
    const exact = chooseElementSet(history, instant(base.epoch + 3 * DAY), 'latest-before');
    expect(exact.ok && exact.index).toBe(3); // equal epochs: the last one
    expect(exact.ok && exact.ageSec).toBe(0);
    const after = chooseElementSet(history, instant(base.epoch + 100 * DAY), 'latest-before');
    expect(after.ok && after.index).toBe(4);
  });

  it('latest-before never looks ahead: NO_ELEMENT_SET before the first epoch', () => {
    const r = chooseElementSet(history, instant(base.epoch - 1), 'latest-before');
    expect(r).toEqual({ ok: false, code: 'NO_ELEMENT_SET' });
  });

  it('nearest picks the closest epoch either side; the age is negative for a later set', () => {
    const r = chooseElementSet(history, instant(base.epoch + 2.5 * DAY), 'nearest');
    expect(r.ok && r.index).toBe(2);
    expect(r.ok && r.ageSec).toBeCloseTo(-0.5 * 86_400, 6);
    const tie = chooseElementSet(history, instant(base.epoch + 0.5 * DAY), 'nearest');
    expect(tie.ok && tie.index).toBe(0); // ties go to the earlier set
    const early = chooseElementSet(history, instant(base.epoch - 5 * DAY), 'nearest');
    expect(early.ok && early.index).toBe(0);
    expect(early.ok && early.ageSec).toBeCloseTo(-5 * 86_400, 6);
  });

  it('returns NO_ELEMENT_SET for an empty history and throws for an unsorted one', () => {
    expect(chooseElementSet([], instant(0), 'nearest')).toEqual({ ok: false, code: 'NO_ELEMENT_SET' });
    expect(() => chooseElementSet([at(5), at(1)], instant(base.epoch + 2 * DAY), 'latest-before')).toThrow(RangeError);
  });
});

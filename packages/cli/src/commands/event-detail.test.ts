import { instant } from '@orbwatch/core';
import type { StoredEvent } from '@orbwatch/store';
import { describe, expect, it } from 'vitest';
import { eventReference, measureUnit, pairSigmas } from './event-detail.js';

describe('event detail helpers', () => {
  it('pairs each measure with its σ by name, a time with its σ in seconds', () => {
    const pairs = pairSigmas({
      deltaVMps: 2.39,
      deltaVSigmaMps: 2.33,
      minRangeKm: 45.4,
      minRangeSigmaKm: 9.2,
      relativeSpeedAtMinKmPerSec: 0.1,
      relativeSpeedAtMinSigmaKmPerSec: 0.02,
      separationEpochUtc: '2026-03-11T07:24:16.069Z',
      separationEpochSigmaSec: 7727,
      epochUtc: '2021-11-15T11:18:59Z',
      epochSigmaSec: 71798,
      // A σ-named measure with no measure of its own stays a measure.
      noiseSigmaKm: 0.1,
    });
    expect(Object.fromEntries(pairs)).toEqual({
      deltaVMps: 'deltaVSigmaMps',
      minRangeKm: 'minRangeSigmaKm',
      relativeSpeedAtMinKmPerSec: 'relativeSpeedAtMinSigmaKmPerSec',
      separationEpochUtc: 'separationEpochSigmaSec',
      epochUtc: 'epochSigmaSec',
    });
  });

  it('reads units from measure names', () => {
    expect(measureUnit('relativeSpeedAtMinKmPerSec')).toBe('km/s');
    expect(measureUnit('deltaVMps')).toBe('m/s');
    expect(measureUnit('minRangeKm')).toBe('km');
    expect(measureUnit('driftRateFittedKmPerDay')).toBe('km/day');
    expect(measureUnit('epochSigmaSec')).toBe('s');
    expect(measureUnit('fragments')).toBe('');
  });

  it('measures element-set ages from the time the event is about', () => {
    const base = { start: instant(Date.parse('2026-07-10T04:12:00Z')), kind: 'proximity' } as const;
    const at = (measures: StoredEvent['measures'], kind: StoredEvent['kind'] = base.kind) =>
      eventReference({ ...base, kind, measures } as unknown as StoredEvent);
    expect(at({ minRangeUtc: '2026-07-16T05:42:03Z' })).toEqual({
      t: Date.parse('2026-07-16T05:42:03Z'),
      what: 'closest approach',
    });
    expect(at({ epochUtc: null }, 'fragmentation')).toEqual({ t: base.start, what: 'event start' });
    expect(at({}, 'maneuver').what).toBe('start of the burn window');
  });
});

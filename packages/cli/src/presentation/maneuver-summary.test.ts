import type { EventAssessment, MeasureValue } from '@orbwatch/core';
import { instant, noradId } from '@orbwatch/core';
import { describe, expect, it } from 'vitest';
import type { ManeuverEvent } from './maneuver-summary.js';
import { STANDOUT_RATIO, summarizeManeuvers } from './maneuver-summary.js';
import { maneuverSummaryLines } from './maneuver-summary-text.js';
import { ObjectNames } from './object-names.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 15);

const names = new ObjectNames(
  [
    [68001, 'STARLINK-40001', '2026-049A'],
    [68002, 'STARLINK-40002', '2026-049B'],
    [68003, 'STARLINK-40003', '2026-049C'],
    [68101, 'KUIPER-00131', '2026-072A'],
    [42709, 'SES-15', '2017-026A'],
    [43562, 'TELSTAR 19V', '2018-059A'],
    [25544, 'ISS (ZARYA)', '1998-067A'],
  ].map(([n, name, cosparId]) => ({
    norad: noradId(n as number),
    name: name as string,
    cosparId: cosparId as string,
    owner: null,
    objectType: null,
  })),
);

function burn(
  norad: number,
  day: number,
  measures: Record<string, MeasureValue>,
  assessment?: EventAssessment,
): ManeuverEvent {
  return {
    objects: [{ norad: noradId(norad), role: 'subject' }],
    start: instant(T0 + day * DAY),
    end: instant(T0 + day * DAY + 0.5 * DAY),
    measures,
    ...(assessment === undefined ? {} : { assessment }),
  };
}
const assessed = (label: EventAssessment['label']): EventAssessment => ({ label, confidence: 'high', reasons: [] });

describe('summarizeManeuvers', () => {
  it('groups orbit raising by launch, from the assessment label when there is one', () => {
    const events = [
      burn(68001, 1, { kind: 'single-burn', deltaVMps: 5, deltaVSigmaMps: 0.2 }, assessed('orbit-raising')),
      burn(68001, 3, { kind: 'orbit-raising', deltaVMps: 5, deltaVSigmaMps: 0.2 }),
      burn(68002, 2, { kind: 'orbit-raising', deltaVMps: 5, deltaVSigmaMps: 0.2 }),
      burn(68003, 2, { kind: 'orbit-raising', deltaVMps: 5, deltaVSigmaMps: 0.2 }),
      burn(68101, 2, { kind: 'orbit-raising', deltaVMps: 5, deltaVSigmaMps: 0.2 }),
      burn(25544, 4, { class: 'plane-change', deltaVMps: 1, deltaVSigmaMps: 0.1 }),
      burn(25544, 9, { deltaVMps: 1, deltaVSigmaMps: 0.1 }),
    ];
    const s = summarizeManeuvers(events, names);
    expect(s.total).toBe(7);
    expect(s.labelSource).toBe('mixed');
    expect(s.byLabel).toEqual({ 'orbit-raising': 5, 'plane-change': 1, undetermined: 1 });
    expect(s.orbitRaising).toEqual([
      { launch: '2026-049', names: '3 × STARLINK', objects: 3, burns: 4 },
      { launch: '2026-072', names: '1 × KUIPER', objects: 1, burns: 1 },
    ]);
  });

  it('gives each station-keeping object its median interval between burns', () => {
    const sk = (norad: number, days: number[]) =>
      days.map((d) => burn(norad, d, { kind: 'station-keeping', deltaVMps: 0.5, deltaVSigmaMps: 0.05 }));
    const s = summarizeManeuvers([...sk(42709, [0, 1, 2, 4]), ...sk(43562, [0, 3, 6])], names);
    expect(s.labelSource).toBe('measures');
    expect(s.stationKeeping.objects).toBe(2);
    expect(s.stationKeeping.burns).toBe(7);
    expect(s.stationKeeping.busiest.map((k) => [k.name, k.burns, k.medianIntervalDays])).toEqual([
      ['SES-15', 4, 1],
      ['TELSTAR 19V', 3, 3],
    ]);
    expect(s.stationKeeping.medianIntervalDays).toBe(2);
  });

  it('lists a single burn that stands out from its object, not one within noise or without a pattern', () => {
    const usual = [1, 2, 3, 5].map((d) =>
      burn(42709, d, { kind: 'station-keeping', deltaVMps: 0.1, deltaVSigmaMps: 0.01 }),
    );
    const big = burn(42709, 8, { kind: 'single-burn', deltaVMps: 3, deltaVSigmaMps: 0.1 });
    // 10× the usual burn, but its 95 % interval reaches down to the usual size: not listed.
    const noisy = burn(42709, 9, { kind: 'single-burn', deltaVMps: 3, deltaVSigmaMps: 1.5 });
    // A large burn of an object with no pattern (two burns) is not "standing out".
    const lone = [
      burn(25544, 1, { kind: 'single-burn', deltaVMps: 0.1 }),
      burn(25544, 5, { kind: 'single-burn', deltaVMps: 9 }),
    ];
    const s = summarizeManeuvers([...usual, big, noisy, ...lone], names);
    expect(s.standouts).toHaveLength(1);
    expect(s.standouts[0]).toMatchObject({ name: 'SES-15', deltaVMps: 3, otherBurns: 5 });
    expect(s.standouts[0]!.deltaVMps / s.standouts[0]!.objectMedianDeltaVMps).toBeGreaterThan(STANDOUT_RATIO);
    const text = maneuverSummaryLines(s).join('\n');
    expect(text).toContain('42709 SES-15');
    expect(text).toContain('3.000 ± 0.100');
  });

  it('says so when there are none', () => {
    expect(maneuverSummaryLines(summarizeManeuvers([], names))).toEqual(['Maneuvers: none detected.']);
  });
});

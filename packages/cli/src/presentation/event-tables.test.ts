import type { EventObjectRole } from '@orbwatch/core';
import { instant, noradId } from '@orbwatch/core';
import type { StoredEvent } from '@orbwatch/store';
import { describe, expect, it } from 'vitest';
import { assessmentCell, renderEventTable } from './event-tables.js';
import { ObjectNames } from './object-names.js';

const names = new ObjectNames(
  [
    [66174, 'HTV-X1', '2025-241A'],
    [68261, 'TEN-KOH 2', '2025-241B'],
    [68864, 'KUIPER-00299', '2026-095A'],
    [68865, 'KUIPER-00300', '2026-095B'],
    [68866, 'KUIPER-00301', '2026-095C'],
    [59773, 'COSMOS 2576', '2024-092A'],
    [48247, 'USA 314', '2021-032A'],
  ].map(([n, name, cosparId]) => ({
    norad: noradId(n as number),
    name: name as string,
    cosparId: cosparId as string,
    owner: null,
    objectType: null,
  })),
);

function event(kind: StoredEvent['kind'], objects: [number, EventObjectRole][], measures: StoredEvent['measures']) {
  return {
    id: '01a24935-d8c9-7e5d-9855-e59af84ba670',
    kind,
    objects: objects.map(([n, role]) => ({ norad: noradId(n), role })),
    start: instant(Date.parse('2026-03-11T00:57:54Z')),
    end: instant(Date.parse('2026-03-11T13:50:37Z')),
    measures,
    elementSets: [],
    elementSetIds: [],
    detector: kind,
    detectorVersion: '1.0.0',
    parameters: {},
    createdAt: instant(0),
  } satisfies StoredEvent;
}

describe('event tables', () => {
  it('shows a missing assessment as —, and a label with its confidence and what else is possible', () => {
    expect(assessmentCell({})).toBe('—');
    expect(
      assessmentCell({
        assessment: {
          label: 'undetermined',
          confidence: 'low',
          reasons: [],
          possibleLabels: ['deployment', 'ejection'],
        },
      }),
    ).toBe('undetermined (low) [possible: deployment/ejection]');
  });

  it('names parent and child of a release, a group by its launch, with σ and units', () => {
    const pair = event(
      'release',
      [
        [66174, 'parent'],
        [68261, 'child'],
      ],
      {
        separationEpochUtc: '2026-03-11T07:24:16.069Z',
        separationEpochSigmaSec: 7727,
        deltaVMps: 2.394,
        deltaVSigmaMps: 2.33,
      },
    );
    const group = event(
      'release',
      [
        [68864, 'sibling'],
        [68865, 'sibling'],
        [68866, 'sibling'],
      ],
      {
        separationEpochUtc: '2026-04-28T00:59:00Z',
        separationEpochSigmaSec: 2100,
        deltaVMps: 1.94,
        deltaVSigmaMps: 0,
        launch: '2026-095',
      },
    );
    const text = renderEventTable('release', [pair, group], names);
    const [header, first, second] = text.split('\n');
    expect(header).toContain('SEPARATION UTC ± 1σ');
    expect(header).toContain('Δv m/s ± 1σ');
    expect(first).toMatch(/2026-03-11T07:24 ± 2\.1 h\s+66174 HTV-X1\s+68261 TEN-KOH 2\s+2\.39 ± 2\.33/);
    expect(second).toContain('group 2026-095: 3 × KUIPER');
    expect(second).toContain('1.94 (σ n/a)');
    expect(second).toContain('—');
  });

  it('gives a proximity episode its closest approach, range and speed with σ', () => {
    const e = event(
      'proximity',
      [
        [59773, 'chaser'],
        [48247, 'target'],
      ],
      {
        minRangeUtc: '2026-07-16T05:42:03.000Z',
        minRangeKm: 45.4,
        minRangeSigmaKm: 9.2,
        relativeSpeedAtMinKmPerSec: 0.1,
        relativeSpeedAtMinSigmaKmPerSec: 0.02,
        context: 'different owners',
      },
    );
    const [header, row] = renderEventTable('proximity', [e], names).split('\n');
    expect(header).toMatch(/MIN RANGE km ± 1σ.*v_rel km\/s ± 1σ/);
    expect(row).toMatch(
      /59773 COSMOS 2576 \(chaser\)\s+48247 USA 314 \(target\)\s+2026-07-16T05:42:03\s+45\.4 ± 9\.2\s+0\.100 ± 0\.020/,
    );
  });

  it('gives a fragmentation its breakup epoch ± σ, altitude and fragment count', () => {
    const e = event('fragmentation', [[66174, 'parent']], {
      epochUtc: '2021-11-15T11:18:59Z',
      epochSigmaSec: 71798,
      altitudeKm: 468.2,
      fragments: 1214,
      deltaVSpreadMps: 233.9,
    });
    const [header, row] = renderEventTable('fragmentation', [e], names).split('\n');
    expect(header).toMatch(/BREAKUP UTC ± 1σ.*ALTITUDE km\s+FRAGMENTS/);
    expect(row).toMatch(/2021-11-15T11:18 ± 19\.9 h\s+66174 HTV-X1\s+468\s+1214\s+233\.9/);
  });
});

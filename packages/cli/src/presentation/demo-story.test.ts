/**
 * The demo's story on simulated events (marked as such; the demo test runs it on the real data):
 * every event is told with names and a short id to check it, findings keep their dissent, routine
 * deployment groups fold into one line, and the data gap says how to fill it.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '@orbwatch/core';
import { instant, noradId } from '@orbwatch/core';
import type { StoredEvent } from '@orbwatch/store';
import { demoStory, SHORT_ID_LENGTH } from './demo-story.js';
import { ObjectNames } from './object-names.js';

const names = new ObjectNames([
  { norad: noradId(59773), name: 'COSMOS 2576', cosparId: '2024-091A', owner: 'CIS', objectType: 'PAYLOAD' },
  { norad: noradId(48247), name: 'USA 314', cosparId: '2021-032A', owner: 'US', objectType: 'PAYLOAD' },
  { norad: noradId(68350), name: 'CENTISPACE-2 S1', cosparId: '2026-060A', owner: 'PRC', objectType: 'PAYLOAD' },
]);

function simulated(
  id: string,
  kind: StoredEvent['kind'],
  objects: StoredEvent['objects'],
  measures: StoredEvent['measures'],
  label: string,
): StoredEvent {
  return {
    id,
    kind,
    objects,
    start: instant(Date.UTC(2026, 6, 10)),
    end: instant(Date.UTC(2026, 6, 22)),
    measures,
    elementSets: [],
    elementSetIds: [],
    detector: kind,
    detectorVersion: 'sim',
    parameters: {},
    createdAt: instant(0),
    assessment: {
      label: label as never,
      confidence: 'medium',
      reasons: [{ measure: 'm', value: 1, text: 'simulated reason' }],
    },
  };
}

const pass = simulated(
  '01a24953-3070-7b1a-b825-e3ba45db0d3d',
  'proximity',
  [
    { norad: noradId(59773), role: 'chaser' },
    { norad: noradId(48247), role: 'target' },
  ],
  { minRangeKm: 45.4, minRangeSigmaKm: 9.2, minRangeUtc: '2026-07-16T05:42:03Z', relativeSpeedAtMinKmPerSec: 0.1 },
  'co-orbital',
);
const group = simulated(
  '01a24953-285e-78db-a600-27c196b87331',
  'release',
  [{ norad: noradId(68350), role: 'sibling' }],
  { deltaVMps: 1.12, deltaVSigmaMps: 0.36, separationEpochUtc: '2026-03-22T16:03:00Z', separationEpochSigmaSec: 360 },
  'deployment-group',
);
const finding: Finding = {
  eventId: pass.id,
  normId: 'rpo-notice-consent',
  normVersion: '1',
  verdict: 'inconsistent',
  confidence: 'medium',
  statement: 'Inconsistent with "Close approaches …" (UNGA A/RES/75/36 (2020, un-resolution))',
  label: 'co-orbital',
  reasons: [],
  instruments: '',
  dissent: ['Russian Federation (voted against)', 'China (voted against)'],
  contested: null,
};

describe('demoStory (simulated events)', () => {
  const lines = demoStory({
    events: [pass, group],
    findings: [finding],
    names,
    gaps: [
      {
        what: 'the 2020 release',
        norads: [44835, 45915],
        setsInWindow: 5,
        windowUtc: ['2019-11-25', '2020-08-31'],
        howToFill: 'request gp_history',
      },
    ],
    reportIndex: '/tmp/r/index.html',
  });
  const text = lines.join('\n');
  it('names both objects, owners and the closest approach with σ, and gives a short id to check it', () => {
    expect(text).toContain(
      'COSMOS 2576 (59773, CIS) manoeuvred to approach USA 314 (48247, US): closest 45.4 ± 9.2 km on 2026-07-16T05:42 UTC',
    );
    expect(text).toContain(`orbwatch event ${pass.id.slice(0, SHORT_ID_LENGTH)}`);
  });
  it('keeps the finding with its dissent, and never says illegal or violation', () => {
    expect(text).toMatch(/Inconsistent with .*rejected by Russian Federation, China\./);
    expect(text).not.toMatch(/illegal|violation/i);
  });
  it('folds routine deployment groups into one line and names the data gap and how to fill it', () => {
    expect(text).toMatch(/1 launches deployed their satellites together .*2026-060/);
    expect(text).toContain('5 element set(s) of 44835, 45915');
    expect(text).toContain('To fill it: request gp_history');
    expect(text).toContain('/tmp/r/index.html');
  });
});

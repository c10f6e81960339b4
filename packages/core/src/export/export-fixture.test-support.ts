/**
 * Test support: an export document of the ISS (25544) over 6 hours of 2026-03-16 from its real
 * element sets (fixtures/history-2026/iss.3le.gz), sampled at 60 s with the latest set at or
 * before each time, so that the window spans a change of element set.
 */
import { readFixture } from '../../test/support/fixtures.js';
import { parseTle } from '../elements/tle/parse-tle.js';
import type { Instant } from '../time/instant.js';
import { parseIsoInstant } from '../time/instant.js';
import type { ExportDocument } from './export-document.js';
import type { SourcedElementSet } from './sample-export-object.js';
import { exportGrid, sampleExportObject } from './sample-export-object.js';

export const at = (iso: string): Instant => {
  const t = parseIsoInstant(iso);
  if (t === undefined) throw new Error(iso);
  return t;
};

/** The ISS history with made-up stored ids 1000+i and source `celestrak`. */
export function issHistory(): SourcedElementSet[] {
  const sets = parseTle(readFixture('history-2026/iss.3le.gz'), { file: 'iss.3le' }).items;
  return sets
    .slice()
    .sort((a, b) => a.epoch - b.epoch)
    .map((s, i) => ({ ...s, id: 1000 + i, source: 'celestrak' }));
}

export function issDocument(
  from = at('2026-03-16T00:00:00Z'),
  to = at('2026-03-16T06:00:00Z'),
  stepSec = 60,
): ExportDocument {
  const history = issHistory();
  const first = history[0];
  if (first === undefined) throw new Error('no ISS sets');
  return {
    title: 'ISS ground track',
    from,
    to,
    stepSec,
    created: at('2026-12-06T05:00:00Z'),
    generator: 'orbwatch 0.1.0',
    event: {
      id: '01900000-0000-7000-8000-000000000001',
      kind: 'maneuver',
      start: at('2026-03-16T01:00:00Z'),
      end: at('2026-03-16T02:00:00Z'),
      detector: 'maneuver-detector',
      detectorVersion: '1.0.0',
      assessment: {
        label: 'undetermined',
        confidence: 'low',
        reasons: [{ measure: 'deltaVMps', value: 0.4, sigma: 0.3, text: 'Δv 0.4 ± 0.3 m/s <b>straddles</b> classes' }],
        possibleLabels: ['station-keeping', 'orbit-raising'],
      },
    },
    objects: [
      sampleExportObject({
        noradId: first.noradId,
        name: first.name,
        cosparId: first.cosparId,
        role: 'subject',
        history,
        times: exportGrid(from, to, stepSec),
      }),
    ],
  };
}

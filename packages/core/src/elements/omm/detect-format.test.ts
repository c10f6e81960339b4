/**
 * Format detection on the real files ingest will meet, plus TLE/3LE text from the
 * python-sgp4 / Vallado verification set and the 3LE of Cosmos 2543.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/fixtures.js';
import { detectElementFormat } from './detect-format.js';

describe('detectElementFormat', () => {
  it.each([
    ['omm/celestrak-gp-2026-03/celestrak_active_gp.csv.gz', 'omm-csv'],
    ['omm/celestrak-gp-2026-03/celestrak_stations_gp.json', 'omm-json'],
    ['omm/derived/spacetrack-style-strings.json', 'omm-json'],
    ['omm/python-sgp4/sample_omm.xml', 'omm-xml'],
    ['omm/orekit/OMMExample4.xml', 'omm-xml'],
    ['omm/orekit/OMMExample3.txt', 'omm-kvn'],
    ['omm/orekit/OMM-wrong-keyword.txt', 'omm-kvn'],
    ['omm/python-sgp4/sample_omm.csv', 'omm-csv'],
    ['satcat/celestrak_satcat_2019-08-06_decoded.csv.gz', 'satcat-csv'],
    ['satcat/spacetrack_satcat_LEO-subset_2025-04.csv.gz', 'satcat-csv'],
    ['satcat/celestrak-current-dialect.csv', 'satcat-csv'],
    ['satcat/celestrak-current-dialect.json', 'satcat-json'],
    ['satcat/44835_COSMOS-2543_first-set.3le', 'tle'],
  ])('%s → %s', (rel, want) => {
    expect(detectElementFormat(readFixture(rel))).toBe(want);
  });

  it('2-line TLE, BOM, blank lines and unknown text', () => {
    const l1 = '1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753';
    const l2 = '2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667';
    expect(detectElementFormat(`${l1}\n${l2}\n`)).toBe('tle');
    expect(detectElementFormat(`\ufeff\n\nVANGUARD 1\r\n${l1}\r\n${l2}\r\n`)).toBe('tle');
    expect(detectElementFormat('\ufeff[{"OBJECT_NAME":"X","MEAN_MOTION":1}]')).toBe('omm-json');
    expect(detectElementFormat('hello world')).toBe('unknown');
    expect(detectElementFormat('')).toBe('unknown');
    expect(detectElementFormat('{"foo": 1}')).toBe('unknown');
  });
});

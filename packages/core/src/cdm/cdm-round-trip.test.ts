/**
 * Every CDM in fixtures/ccsds reads, writes as KVN and as XML, and reads back to the same
 * numbers, times and texts (exactly: the writer picks the shortest decimal that reads back to the
 * same double), and to the same Pc.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../../test/support/fixtures.js';
import type { Cdm, CdmBlockData } from './cdm.js';
import { cdmHardBodyRadiusKm, cdmPc } from './cdm-encounter.js';
import { parseCdm } from './parse-cdm.js';
import { writeCdmKvn } from './write-cdm-kvn.js';
import { writeCdmXml } from './write-cdm-xml.js';

const dirs = [
  'ccsds/cdm/orekit',
  'ccsds/cdm/orekit/alfano-cara',
  'ccsds/cdm/nasa-cara/PcTestCaseCDMs',
  'ccsds/cdm/nasa-cara/SampleCDMs',
];
const files = dirs.flatMap((d) =>
  readdirSync(fixturePath(d))
    .filter((f) => /\.(txt|xml|cdm|cdm\.gz)$/.test(f) && !f.startsWith('CDM-'))
    .map((f) => `${d}/${f}`),
);

type Flat = Record<string, string | number>;
function flatten(blocks: readonly CdmBlockData[], prefix: string, out: Flat): void {
  for (const b of blocks) {
    b.comments.forEach((c, i) => (out[`${prefix}${b.block}#comment${i}`] = c));
    for (const [k, v] of b.values) out[`${prefix}${k}`] = v;
  }
}
function flat(cdm: Cdm): Flat {
  const out: Flat = {};
  flatten(cdm.blocks, '', out);
  for (const o of cdm.objects) flatten(o.blocks, `${o.object}.`, out);
  return out;
}

function readOne(text: string, file: string): Cdm {
  const r = parseCdm(text, file);
  expect(
    r.issues.filter((i) => i.severity === 'error'),
    file,
  ).toEqual([]);
  expect(r.items, file).toHaveLength(1);
  const cdm = r.items[0];
  if (cdm === undefined) throw new Error(file);
  return cdm;
}

describe('CDM round trip', () => {
  it('covers every valid CDM in the fixtures (7 Orekit, 10 Alfano, 53 CARA, 34 CARA samples)', () => {
    expect(files).toHaveLength(104);
  });
  for (const file of files) {
    it(file, () => {
      const cdm = readOne(readFixture(file), file);
      const want = flat(cdm);
      const kvn = readOne(writeCdmKvn(cdm), `${file}.kvn`);
      const xml = readOne(writeCdmXml(cdm), `${file}.xml`);
      expect(kvn.format).toBe('kvn');
      expect(xml.format).toBe('xml');
      // NaN ≠ NaN under toEqual only when not both NaN; Vitest's toEqual treats NaN as equal to NaN.
      expect(flat(kvn)).toEqual(want);
      expect(flat(xml)).toEqual(want);
      expect(kvn.tca).toBe(cdm.tca);
      expect(xml.objects[1].positionCovarianceRtnKm2).toEqual(cdm.objects[1].positionCovarianceRtnKm2);
      const hbr = cdmHardBodyRadiusKm(cdm) ?? 0.01;
      const pc = cdmPc(cdm, hbr);
      const pcXml = cdmPc(xml, hbr);
      expect(pcXml).toEqual(pc);
    });
  }
});

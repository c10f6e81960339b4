import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test/support/fixtures.js';
import { CdmIssueCode } from './cdm-issue.js';
import { cdmPc } from './cdm-encounter.js';
import { parseCdm } from './parse-cdm.js';
import { writeCdmKvn } from './write-cdm-kvn.js';
import { writeCdmXml } from './write-cdm-xml.js';

const codes = (r: ReturnType<typeof parseCdm>) => r.issues.map((i) => [i.code, i.severity, i.line, i.column]);

describe('CDM reading: values and units', () => {
  it('reads the CCSDS XML example into orbwatch units (m → km at the boundary)', () => {
    const r = parseCdm(readFixture('ccsds/cdm/orekit/CDMExample1.xml'), 'CDMExample1.xml');
    expect(r.issues).toEqual([]);
    const cdm = r.items[0];
    if (cdm === undefined) throw new Error('no CDM');
    expect(cdm.format).toBe('xml');
    expect(new Date(cdm.tca).toISOString()).toBe('2010-03-13T22:37:52.618Z');
    expect(cdm.missDistanceKm).toBe(0.715);
    expect(cdm.statedPc).toBe(4.835e-5);
    expect(cdm.statedPcMethod).toBe('FOSTER-1992');
    const [o1, o2] = cdm.objects;
    expect(o1.designator).toBe('12345');
    expect(o2.name).toBe('FENGYUN 1C DEB');
    expect(o1.rKm).toEqual([2570.097065, 2244.654904, 6281.497978]);
    expect(o2.vKmPerSec).toEqual([-2.8886125, -6.007247516, 3.328770172]);
    // CR_R 4.142E+01 m², CT_R −8.579 m², CN_T 1.336E+01 m² → km²
    expect(o1.positionCovarianceRtnKm2[0]).toBeCloseTo(4.142e-5, 20);
    expect(o1.positionCovarianceRtnKm2[1]).toBeCloseTo(-8.579e-6, 20);
    expect(o1.positionCovarianceRtnKm2[5]).toBeCloseTo(1.336e-5, 20);
    expect(o1.positionCovarianceRtnKm2[7]).toBe(o1.positionCovarianceRtnKm2[5]);
    const rel = cdm.blocks.find((b) => b.block === 'relative');
    expect(rel?.values.get('RELATIVE_VELOCITY_T')).toBe(-14.692);
    expect(rel?.comments).toEqual(['Relative Metadata/Data']);
  });

  it('KVN and XML of the same message give the same values (written KVN read back vs the XML)', () => {
    const xml = parseCdm(readFixture('ccsds/cdm/orekit/CDMExample1.xml'), 'x').items[0];
    if (xml === undefined) throw new Error('no CDM');
    const kvnText = writeCdmKvn(xml);
    expect(kvnText.startsWith('CCSDS_CDM_VERS')).toBe(true);
    const kvn = parseCdm(kvnText, 'k').items[0];
    expect(kvn?.objects[1].positionCovarianceRtnKm2).toEqual(xml.objects[1].positionCovarianceRtnKm2);
    expect(writeCdmXml(kvn ?? xml)).toBe(writeCdmXml(xml));
  });

  it('a unit other than the standard one is a CDM_UNIT warning; the value is kept (CARA [m] on velocities)', () => {
    const r = parseCdm(readFixture('ccsds/cdm/nasa-cara/SampleCDMs/AlfanoTestCase01.cdm.gz'), 'a');
    expect(r.items).toHaveLength(1);
    const unit = r.issues.filter((i) => i.code === CdmIssueCode.CDM_UNIT);
    expect(unit.map((i) => [i.line, i.severity])).toEqual([
      [11, 'warning'],
      [12, 'warning'],
      [13, 'warning'],
    ]);
    // NaN optional values: warnings, kept as NaN.
    const nan = r.issues.filter((i) => i.code === CdmIssueCode.CDM_NAN_VALUE);
    expect(nan.length).toBeGreaterThan(0);
    expect(nan.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('non-ASCII text (a Unicode minus in a designator) is a warning at its column, kept as read', () => {
    const r = parseCdm(readFixture('ccsds/cdm/orekit/CDMExample1.txt'), 'CDMExample1.txt');
    expect(codes(r)).toEqual([[CdmIssueCode.CDM_NON_ASCII, 'warning', 11, 37]]);
    expect(r.items[0]?.objects[0].blocks[0]?.values.get('INTERNATIONAL_DESIGNATOR')).toBe('1997\u2212030E');
  });
});

describe('CDM reading: malformed input gives located issues, never an exception', () => {
  it('CDM-missing-TCA: CDM_FIELD_MISSING for TCA, no CDM', () => {
    const r = parseCdm(readFixture('ccsds/cdm/orekit/CDM-missing-TCA.txt'), 'CDM-missing-TCA.txt');
    expect(r.items).toEqual([]);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.expected, i.line])).toEqual([[CdmIssueCode.CDM_FIELD_MISSING, 'TCA = …', 1]]);
  });
  it('CDM-wrong-key-word: CDM_UNKNOWN_KEYWORD at line 6, column 1', () => {
    const r = parseCdm(readFixture('ccsds/cdm/orekit/CDM-wrong-key-word.txt'), 'CDM-wrong-key-word.txt');
    expect(r.items).toEqual([]);
    expect(codes(r)).toEqual([[CdmIssueCode.CDM_UNKNOWN_KEYWORD, 'error', 6, 1]]);
    expect(r.issues[0]?.file).toBe('CDM-wrong-key-word.txt');
  });
  const good = readFixture('ccsds/cdm/orekit/CDMExample3.txt');
  it('a bad number, a bad time, a header keyword inside an object, a repeated keyword', () => {
    const bad = good
      .replace(/^(X_DOT\s*=\s*)-0\.306132852503/m, '$1-0.3o6')
      .replace(/^(TCA\s*=\s*)2012-09-13T22:37:52.618/m, '$12012-13-13T22:37:52.618')
      .replace(/^(REF_FRAME.*)$/m, '$1\nMISS_DISTANCE = 5 [m]\nREF_FRAME = EME2000');
    const r = parseCdm(bad, 'bad.txt');
    expect(r.items).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.line])).toEqual([
      [CdmIssueCode.CDM_FIELD_TYPE, 7], // TCA month 13
      [CdmIssueCode.CDM_SYNTAX, 39], // MISS_DISTANCE inside OBJECT1
      [CdmIssueCode.CDM_SYNTAX, 40], // REF_FRAME repeated
      [CdmIssueCode.CDM_FIELD_TYPE, 48], // X_DOT = -0.3o6
    ]);
  });
  it('OBJECT must be OBJECT1 or OBJECT2, and both must be there', () => {
    const r = parseCdm(good.replace('= OBJECT2', '= OBJECT3'), 'o.txt');
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => i.code)).toContain(CdmIssueCode.CDM_FIELD_TYPE);
    const cut = good.slice(0, good.indexOf('COMMENT Object2 Metadata'));
    const r2 = parseCdm(cut, 'cut.txt');
    expect(r2.issues.map((i) => [i.code, i.expected])).toContainEqual([
      CdmIssueCode.CDM_FIELD_MISSING,
      'OBJECT = OBJECT2 and its segment',
    ]);
  });
  it('malformed XML: CDM_SYNTAX at the offending line; unknown element: CDM_UNKNOWN_KEYWORD', () => {
    const xml = readFixture('ccsds/cdm/orekit/CDMExample1.xml');
    const r = parseCdm(xml.replace('</TCA>', '</TCX>'), 'bad.xml');
    expect(r.items).toEqual([]);
    expect(codes(r)).toEqual([[CdmIssueCode.CDM_SYNTAX, 'error', 15, 29]]);
    const r2 = parseCdm(
      xml.replace('<MISS_DISTANCE', '<MISS_DISTANC').replace('</MISS_DISTANCE', '</MISS_DISTANC'),
      'b.xml',
    );
    expect(r2.issues.map((i) => [i.code, i.line])).toEqual([
      [CdmIssueCode.CDM_FIELD_MISSING, 2], // MISS_DISTANCE, reported at the <cdm> element
      [CdmIssueCode.CDM_UNKNOWN_KEYWORD, 16],
    ]);
  });
  it('every truncation of a valid CDM and arbitrary bytes return issues, never throw', () => {
    for (const text of [good, readFixture('ccsds/cdm/orekit/CDMExample1.xml')]) {
      for (let n = 0; n < text.length; n += 97) {
        const r = parseCdm(text.slice(0, n), 't');
        expect(r.items.length + r.issues.length).toBeGreaterThan(0);
      }
    }
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 200; k++) {
      const chars = Array.from({ length: 200 }, () => String.fromCharCode(Math.floor(rnd() * 128)));
      const r = parseCdm(chars.join(''), 'r');
      expect(r.items).toEqual([]);
      expect(r.issues.length).toBeGreaterThan(0);
    }
    expect(parseCdm('', 'empty').issues.map((i) => i.code)).toEqual([CdmIssueCode.CDM_FIELD_MISSING]);
  });
});

describe('Pc from a CDM: frames', () => {
  const text = readFixture('ccsds/cdm/orekit/CDMExample3.txt');
  it('objects in different frames, or a frame orbwatch does not know, give a reason, not a number', () => {
    const parts = text.split('REF_FRAME');
    const mixed = parseCdm(
      `${parts[0]}REF_FRAME${parts[1]}REF_FRAME${(parts[2] ?? '').replace('EME2000', 'GCRF')}`,
      'm',
    ).items[0];
    if (mixed === undefined) throw new Error('no CDM');
    expect(cdmPc(mixed, 0.01)).toEqual({ ok: false, reason: 'frames-differ' });
    const teme = parseCdm(text.replaceAll('= EME2000', '= TEME'), 't').items[0];
    if (teme === undefined) throw new Error('no CDM');
    expect(cdmPc(teme, 0.01)).toEqual({ ok: false, reason: 'unknown-frame' });
  });
});

describe('Pc from a CDM in ITRF (the real ION SCV-8 vs Starlink-1233 CDM)', () => {
  it('matches Orekit Patera2005Test (0.0034965176443840, radii 5 m + 5 m) to 1e-6 relative', () => {
    const cdm = parseCdm(readFixture('ccsds/cdm/orekit/ION_SCV8_vs_STARLINK_1233.txt'), 'ion').items[0];
    if (cdm === undefined) throw new Error('no CDM');
    expect(cdm.objects[0].refFrame).toBe('ITRF');
    const pc = cdmPc(cdm, 0.01);
    if (!pc.ok) throw new Error(pc.reason);
    expect(Math.abs(pc.pc / 0.003496517644384083 - 1)).toBeLessThan(1e-6);
    // The CDM's own value (CSpOC, square-projection method) is 0.004450713: a different method.
    expect(cdm.statedPc).toBe(0.004450713);
  });
});

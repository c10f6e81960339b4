import { noradId } from '@orbwatch/core';
import { describe, expect, it } from 'vitest';
import { ObjectNames, launchOf, nameFamily } from './object-names.js';

const label = (norad: number, name: string | null, cosparId: string | null) => ({
  norad: noradId(norad),
  name,
  cosparId,
  owner: null,
  objectType: null,
});

const names = new ObjectNames([
  label(66174, 'HTV-X1', '2025-241A'),
  label(68261, 'TEN-KOH 2', '2025-241B'),
  label(68864, 'KUIPER-00299', '2026-095A'),
  label(68865, 'KUIPER-00300', '2026-095B'),
  label(68866, 'KUIPER-00301', '2026-095C'),
  label(53451, 'OBJECT H', '2022-151H'),
  label(68198, '2026-052A', '2026-052A'),
]);

describe('object names', () => {
  it('puts the name beside the id, and the COSPAR id beside a name that says nothing', () => {
    expect(names.label(noradId(66174))).toBe('66174 HTV-X1');
    expect(names.label(noradId(53451))).toBe('53451 OBJECT H (2022-151H)');
    expect(names.label(noradId(99999))).toBe('99999 (no name)');
  });
  it('names a group by its launch and name families', () => {
    const kuiper = [noradId(68864), noradId(68865), noradId(68866)];
    expect(names.group(kuiper)).toBe('2026-095: 3 × KUIPER');
    expect(names.group([noradId(66174), noradId(68261)], 1)).toBe('2025-241: 1 × HTV-X1, 1 more name(s)');
    const centispace = new ObjectNames([
      label(68350, 'CENTISPACE-2 S1', '2026-060A'),
      label(68351, 'CENTISPACE-2 S2', '2026-060B'),
    ]);
    expect(centispace.group([noradId(68350), noradId(68351)])).toBe('2026-060: 2 × CENTISPACE-2 S…');
    expect(names.list(kuiper, 2)).toBe('68864 KUIPER-00299, … 68866 KUIPER-00301 (3)');
    expect(names.list(kuiper)).toBe('68864 KUIPER-00299, 68865 KUIPER-00300, 68866 KUIPER-00301');
  });
  it('reduces names to families and designators to launches', () => {
    expect(nameFamily('STARLINK-34012')).toBe('STARLINK');
    expect(nameFamily('FLOCK 4Y 12')).toBe('FLOCK 4Y');
    expect(nameFamily('JILIN GAOFEN OBJECT A')).toBe('JILIN GAOFEN OBJECT');
    expect(nameFamily('2026-052A')).toBe('(designator only)');
    expect(nameFamily('ISS (ZARYA)')).toBe('ISS (ZARYA)');
    expect(launchOf('2019-079D')).toBe('2019-079');
    expect(launchOf(null)).toBeNull();
  });
});

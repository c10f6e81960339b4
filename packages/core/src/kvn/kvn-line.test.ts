import { describe, expect, it } from 'vitest';
import { classifyKvnLine, nonAsciiColumn, readKvnLines } from './kvn-line.js';

describe('KVN line classification (shared by the OMM, CDM and OEM readers)', () => {
  it('reads keyword, value, unit and 1-based columns', () => {
    expect(classifyKvnLine('  MISS_DISTANCE = 715 [m]', 3)).toEqual({
      kind: 'keyword',
      line: 3,
      text: '  MISS_DISTANCE = 715 [m]',
      keyword: 'MISS_DISTANCE',
      value: '715',
      unit: 'm',
      keyColumn: 3,
      valueColumn: 19,
    });
    expect(classifyKvnLine('x_dot=1.5 [', 1)).toMatchObject({
      keyword: 'X_DOT',
      value: '1.5',
      unit: '',
      unitUnclosed: true,
    });
  });

  it('tells comments, blank lines and other lines (OEM data, syntax errors) apart', () => {
    expect(classifyKvnLine('COMMENT  hello ', 1)).toMatchObject({ kind: 'comment', comment: 'hello' });
    expect(classifyKvnLine('COMMENT', 1)).toMatchObject({ kind: 'comment', comment: '' });
    expect(classifyKvnLine('   ', 1)).toMatchObject({ kind: 'blank' });
    expect(classifyKvnLine('  2026-03-16T00:00:00 1 2 3 4 5 6', 1)).toMatchObject({ kind: 'other', column: 3 });
    expect(classifyKvnLine('META_START', 1)).toMatchObject({ kind: 'other', column: 1 });
  });

  it('drops a byte-order mark and reads CR-LF as LF; finds non-ASCII', () => {
    expect(readKvnLines('\ufeffA = 1\r\nB = 2').map((l) => (l.kind === 'keyword' ? l.keyword : l.kind))).toEqual([
      'A',
      'B',
    ]);
    expect(nonAsciiColumn('NAME = Δv')).toBe(8);
    expect(nonAsciiColumn('NAME = dv')).toBe(0);
  });
});

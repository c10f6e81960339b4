import { describe, expect, it } from 'vitest';
import { parseDurationSec, parseNoradArg, parseTimeArg } from './cli-arguments.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('cli arguments', () => {
  it('parseDurationSec() reads 90s, 10m, 6h, 7d and bare seconds', () => {
    expect(parseDurationSec('90s', '--step')).toBe(90);
    expect(parseDurationSec('10m', '--step')).toBe(600);
    expect(parseDurationSec('6h', '--step')).toBe(21_600);
    expect(parseDurationSec('7d', '--step')).toBe(604_800);
    expect(parseDurationSec('30', '--step')).toBe(30);
    expect(codeOf(() => parseDurationSec('ten minutes', '--step'))).toBe('USAGE');
  });

  it('parseTimeArg() refuses naive times and honours offsets', () => {
    expect(parseTimeArg('2020-07-15T00:00:00Z', '--from')).toBe(Date.UTC(2020, 6, 15));
    expect(parseTimeArg('2020-07-15T03:00:00+03:00', '--from')).toBe(Date.UTC(2020, 6, 15));
    expect(codeOf(() => parseTimeArg('2020-07-15T00:00:00', '--from'))).toBe('USAGE');
  });

  it('parseNoradArg() decodes Alpha-5', () => {
    expect(parseNoradArg('25544')).toBe(25_544);
    expect(parseNoradArg('A0001')).toBe(100_001);
    expect(codeOf(() => parseNoradArg('ISS'))).toBe('USAGE');
  });
});

import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable()', () => {
  it('leaves ordinary text, degrees and accents alone', () => {
    expect(printable('ISS (ZARYA) 51.6° Ångström')).toBe('ISS (ZARYA) 51.6° Ångström');
  });

  it('escapes control bytes, line breaks and bidirectional overrides', () => {
    expect(printable('a\u0000b\u001b[2Jc\u007f')).toBe('a\\x00b\\x1b[2Jc\\x7f');
    expect(printable('line\r\nnext\tcol')).toBe('line\\r\\nnext\\tcol');
    expect(printable('x\u202Ey\u2028z')).toBe('x\\u202ey\\u2028z');
    expect(printable('\u0085')).toBe('\\x85');
  });

  it('cuts long text after escaping', () => {
    expect(printable('\u0000\u0000\u0000', 6)).toBe('\\x00\\x…');
    expect(printable('abc', 6)).toBe('abc');
  });
});

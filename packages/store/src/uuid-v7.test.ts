import { describe, expect, it } from 'vitest';
import { instant } from '@orbwatch/core';
import { uuidV7 } from './uuid-v7.js';

describe('uuidV7 (RFC 9562 §5.7)', () => {
  it('puts the Unix ms in the first 48 bits and sets version 7 and the RFC variant', () => {
    // RFC 9562 Appendix A.6 example: 2022-02-22T19:22:22Z = 0x017F22E279B0 ms
    const t = instant(Date.UTC(2022, 1, 22, 19, 22, 22));
    const id = uuidV7(t, (b) => b.fill(0xff));
    expect(id.slice(0, 13)).toBe('017f22e2-79b0');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7fff-bfff-ffffffffffff$/);
  });
  it('sorts by time and rejects times UUIDv7 cannot hold', () => {
    const a = uuidV7(instant(1_000));
    const b = uuidV7(instant(2_000));
    expect(a < b).toBe(true);
    expect(() => uuidV7(instant(-1))).toThrow(RangeError);
  });
});

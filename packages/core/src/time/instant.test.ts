import { describe, expect, it } from 'vitest';
import { formatIso, instantFromYearDay, parseIsoInstant, parseUtcTimestamp } from './instant.js';

describe('Instant', () => {
  it('parseIsoInstant() refuses a naive time and honours offsets', () => {
    expect(parseIsoInstant('2020-07-15T12:00:00')).toBeUndefined();
    expect(parseIsoInstant('2020-07-15T12:00:00Z')).toBe(Date.UTC(2020, 6, 15, 12));
    expect(parseIsoInstant('2020-07-15T14:00:00+02:00')).toBe(Date.UTC(2020, 6, 15, 12));
  });

  it('keeps microseconds through parse and format (no Date round trip)', () => {
    const t = parseUtcTimestamp('2025-02-14T08:11:52.123456');
    expect(t).toBeDefined();
    expect(formatIso(t!, 6)).toBe('2025-02-14T08:11:52.123456Z');
  });

  it('formatIso() rounds to the microsecond rather than truncating', () => {
    // A CelesTrak OMM epoch whose float ms lies a hair below the written microsecond.
    for (const text of ['2026-03-10T05:12:19.834752', '2026-03-10T23:59:59.999999', '1960-01-01T00:00:00.000001']) {
      expect(formatIso(parseUtcTimestamp(text)!, 6)).toBe(`${text}Z`);
    }
    expect(formatIso(parseUtcTimestamp('2026-03-10T23:59:59.9996')!, 3)).toBe('2026-03-10T23:59:59.999Z');
  });

  it('parses CCSDS day-of-year epochs', () => {
    // 2007 day 64 = March 5
    expect(parseUtcTimestamp('2007-064T10:34:41.4264')).toBeCloseTo(Date.UTC(2007, 2, 5, 10, 34, 41) + 426.4, 6);
  });

  it('instantFromYearDay() takes day 1.0 as January 1 00:00 UTC, before 1970 too', () => {
    expect(instantFromYearDay(2020, 1.5)).toBe(Date.UTC(2020, 0, 1, 12));
    expect(instantFromYearDay(1958, 1)).toBe(Date.UTC(1958, 0, 1));
  });

  it('rejects impossible calendar dates', () => {
    expect(parseIsoInstant('2021-02-29T00:00:00Z')).toBeUndefined();
  });
});

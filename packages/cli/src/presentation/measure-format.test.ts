import { describe, expect, it } from 'vitest';
import { timeWithSigma, utcSpan, withSigma } from './measure-format.js';

describe('measure formatting', () => {
  it('never prints a σ of zero: a σ below the printed precision is shown at one significant figure', () => {
    expect(withSigma(2.39363, 2.33, 2)).toBe('2.39 ± 2.33');
    // The maneuver table's 393 `± 0.000` rows: σ 3.8e-5 m/s on 0.036 m/s.
    expect(withSigma(0.0364481, 3.76e-5, 3)).toBe('0.036 ± 0.00004');
    expect(withSigma(1.2, 0, 3)).toBe('1.200 (σ n/a)');
    expect(withSigma(1.2, null, 3)).toBe('1.200 (σ n/a)');
    expect(withSigma(5.89, 14.75, 2)).toBe('5.89 (σ 14.75 exceeds the value)');
    expect(withSigma(null, 1, 2)).toBe('');
  });
  it('prints a time with its σ in minutes or hours', () => {
    expect(timeWithSigma('2026-03-11T07:24:16.069Z', 7727)).toBe('2026-03-11T07:24 ± 2.1 h');
    expect(timeWithSigma('2026-03-16T04:49:00Z', 480)).toBe('2026-03-16T04:49 ± 8 min');
    expect(timeWithSigma('2026-03-16T04:49:00Z', null)).toBe('2026-03-16T04:49 (σ n/a)');
  });
  it('prints a span with the end date only when it differs', () => {
    const t0 = Date.parse('2026-04-24T19:27:00Z');
    expect(utcSpan(t0, Date.parse('2026-04-24T23:49:00Z'))).toBe('2026-04-24T19:27 … 23:49');
    expect(utcSpan(t0, Date.parse('2026-04-25T13:49:00Z'))).toBe('2026-04-24T19:27 … 04-25T13:49');
  });
});

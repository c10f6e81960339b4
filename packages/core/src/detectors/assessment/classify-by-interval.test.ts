import { describe, expect, it } from 'vitest';
import { Z95, classifyByInterval, formatWithSigma } from './classify-by-interval.js';
import { ASSESSMENT_LABELS, isAssessmentLabel } from './event-assessment.js';

// Release classes by separation speed, m/s (the thresholds themselves are the release detector's).
const classes = [
  { label: 'deployment', lowerInclusive: 0, upperExclusive: 5 },
  { label: 'ejection', lowerInclusive: 5, upperExclusive: 50 },
  { label: 'high-speed', lowerInclusive: 50, upperExclusive: Infinity },
] as const;

describe('classifyByInterval', () => {
  it('gives a class only when the whole 95 % interval lies inside it', () => {
    const d = classifyByInterval(120, 10, classes, 0);
    expect(d.label).toBe('high-speed');
    expect(d.lo).toBeCloseTo(120 - Z95 * 10, 9);
    expect(d.possible).toEqual(['high-speed']);
  });
  it('is undetermined when the interval straddles a threshold, and lists what remains possible', () => {
    // 60 ± 8 m/s: [44.3, 75.7] straddles 50 m/s.
    const d = classifyByInterval(60, 8, classes, 0);
    expect(d.label).toBeNull();
    expect(d.possible).toEqual(['ejection', 'high-speed']);
  });
  it('treats lo exactly at the threshold as inside the upper class', () => {
    const d = classifyByInterval(50 + Z95 * 4, 4, classes, 0);
    expect(d.lo).toBeCloseTo(50, 9);
    expect(d.label).toBe('high-speed');
  });
  it('never classes a value whose σ is zero, negative or not finite', () => {
    for (const s of [0, -1, Number.NaN, Infinity]) {
      const d = classifyByInterval(100, s, classes, 0);
      expect(d.label).toBeNull();
      expect(d.possible).toEqual(['deployment', 'ejection', 'high-speed']);
    }
  });
  it('flags a σ larger than the value (the 1.749 ± 2777.560 case)', () => {
    const d = classifyByInterval(1.749, 2777.56, classes, 0);
    expect(d.label).toBeNull();
    expect(d.sigmaExceedsValue).toBe(true);
    expect(d.lo).toBe(0);
    expect(formatWithSigma(1.749, 2777.56, 3)).toBe('1.749 (σ 2777.560 exceeds the value)');
  });
  it('prints σ honestly', () => {
    expect(formatWithSigma(12.25, 0.5, 2)).toBe('12.25 ± 0.50');
    expect(formatWithSigma(12.25, 0, 2)).toBe('12.25 (σ n/a)');
    expect(formatWithSigma(Number.NaN, 1, 2)).toBe('n/a');
  });
});

describe('assessment vocabulary', () => {
  it('is the closed list of design.md per kind', () => {
    expect(ASSESSMENT_LABELS.release).toContain('high-speed-release');
    expect(isAssessmentLabel('proximity', 'co-orbital')).toBe(true);
    expect(isAssessmentLabel('proximity', 'inspection')).toBe(false);
    expect(isAssessmentLabel('conjunction', 'close-approach')).toBe(true);
  });
});

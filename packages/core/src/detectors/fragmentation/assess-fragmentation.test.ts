/**
 * The fragmentation labels on simulated inputs (marked as such): the real bursts and clouds are
 * covered in detect-fragmentations.real-data.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { assessBurst, assessCloud, spreadSigma } from './assess-fragmentation.js';

const burst = {
  fragments: 40,
  epochSigmaSec: 20_000,
  maxEpochSigmaSec: 864_000,
  deltaVSpreadMps: 60,
  pinchAlongTrackSpreadMps: 20,
  minSpreadMps: 5,
  parentPlaneOffsetDeg: 0.1,
  maxParentPlaneOffsetDeg: 0.4,
  parentNorad: 12345,
  debrisNamed: 40,
};

describe('fragmentation assessment (simulated inputs)', () => {
  it('σ of a spread shrinks with the number of pieces', () => {
    // MAD's SE at the normal: 1.1656·s/√N (efficiency 36.8 %, Rousseeuw & Croux 1993).
    expect(spreadSigma(10, 100)).toBeCloseTo(1.1656, 3);
    expect(spreadSigma(10, 1)).toBe(Infinity);
  });
  it('simulated: a burst spreading at 60 m/s with a parent in its plane is a breakup, high confidence', () => {
    const a = assessBurst(burst);
    expect(a).toMatchObject({ label: 'breakup', confidence: 'high' });
    expect(a.reasons.map((r) => r.measure)).toEqual([
      'deltaVSpreadMps',
      'epochSigmaSec',
      'parentPlaneOffsetDeg',
      'debrisNamed',
    ]);
  });
  it('simulated: a deployment-like burst (payloads at 1.5 m/s) is not called a breakup', () => {
    const a = assessBurst({ ...burst, deltaVSpreadMps: 1.5, debrisNamed: 0 });
    expect(a.label).toBe('undetermined');
    expect(a.possibleLabels).toEqual(['breakup']);
  });
  it('simulated: a spread whose 95 % interval straddles 5 m/s is undetermined', () => {
    // 12 pieces at 6 m/s: σ ≈ 2.0 m/s, interval ≈ [2.0, 10.0].
    const a = assessBurst({ ...burst, fragments: 12, deltaVSpreadMps: 6 });
    expect(a.label).toBe('undetermined');
  });
  it('simulated: a candidate parent outside the fragments’ plane spread lowers the confidence', () => {
    const a = assessBurst({ ...burst, parentPlaneOffsetDeg: 2 });
    expect(a).toMatchObject({ label: 'breakup', confidence: 'medium' });
    expect(a.reasons.find((r) => r.measure === 'parentPlaneOffsetDeg')?.text).toMatch(/no parent named/);
  });
  it('simulated: a cloud without names is a debris cloud of medium confidence; a tight one is undetermined', () => {
    expect(
      assessCloud({ fragments: 30, pinchAlongTrackSpreadMps: 30, minSpreadMps: 5, namedDebris: false }),
    ).toMatchObject({
      label: 'debris-cloud',
      confidence: 'medium',
    });
    expect(assessCloud({ fragments: 12, pinchAlongTrackSpreadMps: 6, minSpreadMps: 5, namedDebris: true }).label).toBe(
      'undetermined',
    );
  });
});

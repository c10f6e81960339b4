import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSec, instantFromUtcFields } from '../time/instant.js';
import { km, kmPerSec } from '../units/quantity.js';
import { stateVector } from './convert-state.js';
import type { V3 } from './mat3.js';
import { add, cross, norm, scale } from './mat3.js';
import type { RicState } from './ric.js';
import { fromRic, toRic } from './ric.js';

const t = instantFromUtcFields(2024, 5, 1, 6);
// An inclined LEO reference: r along x, velocity with an out-of-plane component.
const rRef: V3 = [7000, 0, 0];
const vRef: V3 = [0, 6.5, 3.7];
const ref = stateVector('TEME', t, rRef, vRef);
const R: V3 = [1, 0, 0];
const C = scale(1 / norm(cross(rRef, vRef)), cross(rRef, vRef));
const I = cross(C, R);
const n = norm(cross(rRef, vRef)) / 7000 ** 2; // frame rate about C, rad/s

const close = (a: { x: number; y: number; z: number }, e: V3, tol: number): void => {
  expect(Math.hypot(a.x - e[0], a.y - e[1], a.z - e[2])).toBeLessThanOrEqual(tol);
};
const ricOf = (r: V3, v: V3): RicState => ({
  t,
  r: { x: km(r[0]), y: km(r[1]), z: km(r[2]) },
  v: { x: kmPerSec(v[0]), y: kmPerSec(v[1]), z: kmPerSec(v[2]) },
});

describe('toRic: known geometry', () => {
  it('1 km radially above, moving rigidly with the RIC frame → (1, 0, 0) km, zero velocity', () => {
    const rho = scale(1, R);
    const s = stateVector('TEME', t, add(rRef, rho), add(vRef, cross(scale(n, C), rho)));
    const ric = toRic(s, ref);
    close(ric.r, [1, 0, 0], 1e-12);
    close(ric.v, [0, 0, 0], 1e-15);
  });
  it('1 km radially above with the reference velocity → in-track drift −n·1 km (Hill frame)', () => {
    const ric = toRic(stateVector('TEME', t, add(rRef, R), vRef), ref);
    close(ric.r, [1, 0, 0], 1e-12);
    close(ric.v, [0, -n, 0], 1e-15);
  });
  it('1 km ahead in-track → (0, 1, 0); 1 km out of plane → (0, 0, 1)', () => {
    close(toRic(stateVector('TEME', t, add(rRef, I), vRef), ref).r, [0, 1, 0], 1e-12);
    close(toRic(stateVector('TEME', t, add(rRef, C), vRef), ref).r, [0, 0, 1], 1e-12);
  });
  it('in-track axis is along the velocity for a circular reference', () => {
    const v = Math.sqrt(398_600.4418 / 7000);
    const circ = stateVector('TEME', t, [7000, 0, 0], [0, v * Math.cos(0.9), v * Math.sin(0.9)]);
    const ahead = stateVector(
      'TEME',
      t,
      [7000, Math.cos(0.9), Math.sin(0.9)],
      [0, v * Math.cos(0.9), v * Math.sin(0.9)],
    );
    close(toRic(ahead, circ).r, [0, 1, 0], 1e-12);
  });
  it('the reference relative to itself is zero', () => {
    const ric = toRic(ref, ref);
    close(ric.r, [0, 0, 0], 0);
    close(ric.v, [0, 0, 0], 0);
  });
});

describe('round trips', () => {
  const c = fc.double({ min: -500, max: 500, noNaN: true });
  const w = fc.double({ min: -1, max: 1, noNaN: true });
  it('toRic ∘ fromRic is the identity to 1e-9 km and 1e-12 km/s', () => {
    fc.assert(
      fc.property(fc.tuple(c, c, c), fc.tuple(w, w, w), (r, v) => {
        const back = toRic(fromRic(ricOf(r, v), ref), ref);
        close(back.r, r, 1e-9);
        close(back.v, v, 1e-12);
      }),
      { numRuns: 500 },
    );
  });
  it('fromRic ∘ toRic returns the absolute state', () => {
    fc.assert(
      fc.property(fc.tuple(c, c, c), fc.tuple(w, w, w), (dr, dv) => {
        const s = stateVector('TEME', t, add(rRef, dr), add(vRef, dv));
        const back = fromRic(toRic(s, ref), ref);
        expect(back.frame).toBe('TEME');
        close(back.r, add(rRef, dr), 1e-9);
        close(back.v, add(vRef, dv), 1e-12);
      }),
      { numRuns: 500 },
    );
  });
});

describe('guards', () => {
  it('different frames are refused by the types and at run time', () => {
    const gcrf = stateVector('GCRF', t, rRef, vRef);
    // @ts-expect-error reference must be in the state's frame
    expect(() => toRic(gcrf, ref)).toThrow(TypeError);
  });
  it('rotating frames (PEF, ITRF) are refused by the types and at run time', () => {
    const itrf = stateVector('ITRF', t, rRef, vRef);
    // @ts-expect-error RIC needs a non-rotating frame
    expect(() => toRic(itrf, itrf)).toThrow(TypeError);
    // @ts-expect-error RIC needs a non-rotating frame
    expect(() => fromRic(ricOf([1, 0, 0], [0, 0, 0]), stateVector('PEF', t, rRef, vRef))).toThrow(TypeError);
  });
  it('different instants throw RangeError', () => {
    const later = stateVector('TEME', addSec(t, 1), rRef, vRef);
    expect(() => toRic(later, ref)).toThrow(RangeError);
    expect(() => fromRic({ ...ricOf([0, 0, 0], [0, 0, 0]), t: later.t }, ref)).toThrow(RangeError);
  });
  it('a degenerate reference (zero angular momentum) throws RangeError', () => {
    const radial = stateVector('TEME', t, rRef, [1, 0, 0]);
    expect(() => toRic(radial, radial)).toThrow(RangeError);
  });
});

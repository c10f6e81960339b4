/**
 * Earth-fixed (ITRF) Cartesian position ↔ WGS-84 geodetic latitude, longitude and ellipsoidal
 * height.
 * @module
 */
import type { Km, Rad } from '../units/quantity.js';
import { km, rad } from '../units/quantity.js';
import type { Vec3 } from './state-vector.js';

/** WGS-84 semi-major (equatorial) axis, km (NIMA TR8350.2). */
export const WGS84_A_KM = 6378.137;
/** WGS-84 flattening (1/298.257223563). */
export const WGS84_F = 1 / 298.257223563;
/** WGS-84 semi-minor (polar) axis, km (= a(1 − f) ≈ 6356.752314245). */
export const WGS84_B_KM = WGS84_A_KM * (1 - WGS84_F);
const E2 = WGS84_F * (2 - WGS84_F); // first eccentricity squared
const EP2 = E2 / (1 - E2); // second eccentricity squared

/** A position (km) tagged with its frame; a full `StateVector<F>` also qualifies. */
export interface FramedPosition<F extends string> {
  readonly frame: F;
  readonly r: Vec3<Km>;
}

/** WGS-84 geodetic coordinates. */
export interface Geodetic {
  /** Geodetic latitude, rad, in [−π/2, π/2] (north positive). */
  readonly latRad: Rad;
  /** Longitude, rad, in (−π, π] (east positive). */
  readonly lonRad: Rad;
  /** Height above the WGS-84 ellipsoid along its normal, km. */
  readonly heightKm: Km;
}

/**
 * ITRF position (km) to WGS-84 geodetic coordinates. Bowring's (1976) parametric-latitude
 * iteration, run until the latitude changes by less than 1e-15 rad (normally 2–3 passes; the
 * round trip with {@link geodeticToItrf} is below 1e-9 km from the Earth's centre region to
 * beyond GEO). The height uses `p·cos φ + z·sin φ − a·√(1 − e²·sin²φ)`, which stays accurate at
 * the poles. Valid outside the ellipsoid's evolute (|r| ≳ 43 km from the centre, p > e²·a):
 * deeper inside, several ellipsoid normals pass through a point and the result is one of them.
 */
export function itrfToGeodetic(position: FramedPosition<'ITRF'>): Geodetic {
  const { x, y, z } = position.r;
  const p = Math.hypot(x, y);
  const lon = Math.atan2(y, x);
  const a = WGS84_A_KM;
  const b = WGS84_B_KM;
  // Parametric (reduced) latitude start value.
  let beta = Math.atan2(a * z, b * p);
  let lat = 0;
  for (let i = 0; i < 10; i++) {
    const sb = Math.sin(beta);
    const cb = Math.cos(beta);
    const next = Math.atan2(z + EP2 * b * sb * sb * sb, p - E2 * a * cb * cb * cb);
    const done = Math.abs(next - lat) < 1e-15;
    lat = next;
    if (done) break;
    beta = Math.atan2((1 - WGS84_F) * Math.sin(lat), Math.cos(lat));
  }
  const sl = Math.sin(lat);
  const height = p * Math.cos(lat) + z * sl - a * Math.sqrt(1 - E2 * sl * sl);
  return { latRad: rad(lat), lonRad: rad(lon), heightKm: km(height) };
}

/** WGS-84 geodetic coordinates to an ITRF position (km). Exact closed form. */
export function geodeticToItrf(g: Geodetic): FramedPosition<'ITRF'> {
  const sl = Math.sin(g.latRad);
  const cl = Math.cos(g.latRad);
  const n = WGS84_A_KM / Math.sqrt(1 - E2 * sl * sl); // prime-vertical radius of curvature
  const rxy = (n + g.heightKm) * cl;
  return {
    frame: 'ITRF',
    r: {
      x: km(rxy * Math.cos(g.lonRad)),
      y: km(rxy * Math.sin(g.lonRad)),
      z: km((n * (1 - E2) + g.heightKm) * sl),
    },
  };
}

/**
 * Osculating (two-body) elements from a Cartesian state and back. Numeric kernel: plain numbers,
 * km, km/s, rad, µ in km³/s². States are `Float64Array`s `[x, y, z, vx, vy, vz]`.
 *
 * Two element sets are offered:
 * - classical Keplerian (a, e, i, Ω, ω, M), singular at e = 0 (ω undefined) and i = 0 (Ω undefined);
 * - equinoctial (a, ex, ey, hx, hy, λ) with ex + i·ey = e·exp(i(ω+Ω)), hx + i·hy = tan(i/2)·exp(iΩ)
 *   and mean longitude λ = M + ω + Ω (Broucke & Cefola 1972), regular for every closed orbit
 *   except the exactly retrograde equatorial one (i = 180°).
 * @module
 */

/** Classical Keplerian elements (km, rad). */
export interface KeplerianElements {
  readonly semiMajorAxisKm: number;
  readonly eccentricity: number;
  readonly inclinationRad: number;
  readonly raanRad: number;
  readonly argPerigeeRad: number;
  readonly meanAnomalyRad: number;
}

/** Equinoctial elements (km, dimensionless, rad); see the module comment for the definitions. */
export interface EquinoctialElements {
  readonly semiMajorAxisKm: number;
  readonly ex: number;
  readonly ey: number;
  readonly hx: number;
  readonly hy: number;
  /** Mean longitude λ = M + ω + Ω, rad in [0, 2π). */
  readonly meanLongitudeRad: number;
}

const TWO_PI = 2 * Math.PI;

/** `x` wrapped to [0, 2π). */
export function wrapTwoPi(x: number): number {
  const w = x % TWO_PI;
  return w < 0 ? w + TWO_PI : w;
}

/** `x` wrapped to [−π, π). */
export function wrapPi(x: number): number {
  return wrapTwoPi(x + Math.PI) - Math.PI;
}

/** Solves Kepler's equation M = E − e sin E for the eccentric anomaly E (rad), 0 ≤ e < 1. */
export function eccentricAnomaly(meanAnomalyRad: number, e: number): number {
  const m = wrapPi(meanAnomalyRad);
  let ea = e < 0.8 ? m : Math.PI * Math.sign(m || 1);
  for (let k = 0; k < 50; k++) {
    const f = ea - e * Math.sin(ea) - m;
    const d = f / (1 - e * Math.cos(ea));
    ea -= d;
    if (Math.abs(d) < 1e-15) break;
  }
  return ea;
}

/**
 * Classical osculating elements of the state `s` (TEME or any inertial frame, km, km/s) for the
 * gravitational parameter `mu` (km³/s²). Throws RangeError for a state that is not a closed orbit.
 * At e = 0 ω is set to 0 (M measured from the node); at i = 0, Ω is set to 0.
 */
export function keplerianFromState(s: Float64Array, mu: number): KeplerianElements {
  const [x, y, z, vx, vy, vz] = components(s);
  const r = Math.hypot(x, y, z);
  const v2 = vx * vx + vy * vy + vz * vz;
  const hxv = y * vz - z * vy;
  const hyv = z * vx - x * vz;
  const hzv = x * vy - y * vx;
  const h = Math.hypot(hxv, hyv, hzv);
  const a = 1 / (2 / r - v2 / mu);
  if (!(a > 0) || h === 0) throw new RangeError('state is not that of a closed orbit');
  const rv = x * vx + y * vy + z * vz;
  const ecx = ((v2 - mu / r) * x - rv * vx) / mu;
  const ecy = ((v2 - mu / r) * y - rv * vy) / mu;
  const ecz = ((v2 - mu / r) * z - rv * vz) / mu;
  const e = Math.hypot(ecx, ecy, ecz);
  const inc = Math.acos(Math.max(-1, Math.min(1, hzv / h)));
  // node vector k × h
  const nx = -hyv;
  const ny = hxv;
  const nn = Math.hypot(nx, ny);
  const equatorial = nn < 1e-12 * h;
  const raan = equatorial ? 0 : wrapTwoPi(Math.atan2(ny, nx));
  // unit vectors of the node direction and of the direction 90° ahead in the orbit plane
  const ux = equatorial ? 1 : nx / nn;
  const uy = equatorial ? 0 : ny / nn;
  const wx = (hyv * 0 - hzv * uy) / h; // (h/|h|) × u
  const wy = (hzv * ux - hxv * 0) / h;
  const wz = (hxv * uy - hyv * ux) / h;
  const argLat = Math.atan2(x * wx + y * wy + z * wz, x * ux + y * uy);
  const circular = e < 1e-12;
  const argp = circular ? 0 : Math.atan2(ecx * wx + ecy * wy + ecz * wz, ecx * ux + ecy * uy);
  const nu = argLat - argp;
  const ea = 2 * Math.atan2(Math.sqrt(1 - e) * Math.sin(nu / 2), Math.sqrt(1 + e) * Math.cos(nu / 2));
  const m = ea - e * Math.sin(ea);
  return {
    semiMajorAxisKm: a,
    eccentricity: e,
    inclinationRad: inc,
    raanRad: raan,
    argPerigeeRad: wrapTwoPi(argp),
    meanAnomalyRad: wrapTwoPi(m),
  };
}

/** Cartesian state `[x, y, z, vx, vy, vz]` (km, km/s) of classical elements for `mu` (km³/s²). */
export function stateFromKeplerian(el: KeplerianElements, mu: number): Float64Array {
  const { semiMajorAxisKm: a, eccentricity: e } = el;
  const ea = eccentricAnomaly(el.meanAnomalyRad, e);
  const cosE = Math.cos(ea);
  const sinE = Math.sin(ea);
  const sq = Math.sqrt(1 - e * e);
  // perifocal position and velocity
  const px = a * (cosE - e);
  const py = a * sq * sinE;
  const rr = a * (1 - e * cosE);
  const f = Math.sqrt(mu * a) / rr;
  const pvx = -f * sinE;
  const pvy = f * sq * cosE;
  const cO = Math.cos(el.raanRad);
  const sO = Math.sin(el.raanRad);
  const cw = Math.cos(el.argPerigeeRad);
  const sw = Math.sin(el.argPerigeeRad);
  const ci = Math.cos(el.inclinationRad);
  const si = Math.sin(el.inclinationRad);
  const p1 = cO * cw - sO * sw * ci;
  const p2 = sO * cw + cO * sw * ci;
  const p3 = sw * si;
  const q1 = -cO * sw - sO * cw * ci;
  const q2 = -sO * sw + cO * cw * ci;
  const q3 = cw * si;
  return Float64Array.of(
    px * p1 + py * q1,
    px * p2 + py * q2,
    px * p3 + py * q3,
    pvx * p1 + pvy * q1,
    pvx * p2 + pvy * q2,
    pvx * p3 + pvy * q3,
  );
}

/**
 * Equinoctial osculating elements of the state `s` for `mu` (km³/s²), computed without passing
 * through ω or Ω, so they are smooth at e = 0 and i = 0. Throws RangeError for an open orbit or a
 * retrograde equatorial one.
 */
export function equinoctialFromState(s: Float64Array, mu: number): EquinoctialElements {
  const [x, y, z, vx, vy, vz] = components(s);
  const r = Math.hypot(x, y, z);
  const v2 = vx * vx + vy * vy + vz * vz;
  const a = 1 / (2 / r - v2 / mu);
  const hxv = y * vz - z * vy;
  const hyv = z * vx - x * vz;
  const hzv = x * vy - y * vx;
  const h = Math.hypot(hxv, hyv, hzv);
  if (!(a > 0) || h === 0) throw new RangeError('state is not that of a closed orbit');
  const wz1 = 1 + hzv / h;
  if (wz1 < 1e-12) throw new RangeError('retrograde equatorial orbit: equinoctial elements are singular');
  const hx = -hyv / h / wz1;
  const hy = hxv / h / wz1;
  // equinoctial frame f, g
  const d = 1 + hx * hx + hy * hy;
  const fx = (1 - hy * hy + hx * hx) / d;
  const fy = (2 * hx * hy) / d;
  const fz = (-2 * hy) / d;
  const gx = (2 * hx * hy) / d;
  const gy = (1 + hy * hy - hx * hx) / d;
  const gz = (2 * hx) / d;
  const rv = x * vx + y * vy + z * vz;
  const ecx = ((v2 - mu / r) * x - rv * vx) / mu;
  const ecy = ((v2 - mu / r) * y - rv * vy) / mu;
  const ecz = ((v2 - mu / r) * z - rv * vz) / mu;
  const ex = ecx * fx + ecy * fy + ecz * fz;
  const ey = ecx * gx + ecy * gy + ecz * gz;
  // eccentric longitude F from the position in the (f, g) plane
  const X = x * fx + y * fy + z * fz;
  const Y = x * gx + y * gy + z * gz;
  const beta = 1 / (1 + Math.sqrt(1 - ex * ex - ey * ey));
  // X/a + ex = (1 − ey²β) cos F + ex·ey·β sin F ;  Y/a + ey = ex·ey·β cos F + (1 − ex²β) sin F
  const a11 = 1 - ey * ey * beta;
  const a12 = ex * ey * beta;
  const a22 = 1 - ex * ex * beta;
  const b1 = X / a + ex;
  const b2 = Y / a + ey;
  const det = a11 * a22 - a12 * a12;
  const cosF = (b1 * a22 - a12 * b2) / det;
  const sinF = (a11 * b2 - a12 * b1) / det;
  const F = Math.atan2(sinF, cosF);
  const lambda = F + ey * Math.cos(F) - ex * Math.sin(F);
  return { semiMajorAxisKm: a, ex, ey, hx, hy, meanLongitudeRad: wrapTwoPi(lambda) };
}

function components(s: Float64Array): [number, number, number, number, number, number] {
  if (s.length < 6) throw new RangeError('a state needs 6 components');
  return [s[0] ?? 0, s[1] ?? 0, s[2] ?? 0, s[3] ?? 0, s[4] ?? 0, s[5] ?? 0];
}

/**
 * A numerical orbit integrator for simulations and tests: point-mass Earth plus the zonal
 * harmonics J2 (and optionally J3, J4), no drag, no third bodies, no Earth rotation needed
 * (zonal terms are axisymmetric). Integration is Dormand–Prince 5(4) with adaptive steps
 * (Dormand & Prince 1980, "A family of embedded Runge–Kutta formulae", J. Comp. Appl. Math. 6),
 * stopping exactly on each requested output time. Frame: any quasi-inertial equator-aligned frame;
 * orbwatch uses TEME and neglects its precession over the span (≈ 1.5e-7 rad/day, metres).
 * Units: km, km/s, s.
 * @module
 */

/** Gravity model of {@link integrateZonalOrbit}. */
export interface ZonalGravityModel {
  /** Gravitational parameter, km³/s². */
  readonly muKm3PerSec2: number;
  /** Reference (equatorial) radius of the harmonics, km. */
  readonly earthRadiusKm: number;
  /** Unnormalised zonal coefficients [J2, J3, J4, ...]; empty for pure two-body motion. */
  readonly zonals: readonly number[];
}

/**
 * WGS-72 as used by SGP4 (Vallado et al. 2006, AIAA 2006-6753, Table 1; the constants of
 * satellite.js): µ = 398600.8 km³/s², Rₑ = 6378.135 km, J2 = 1.082616e-3, J3 = −2.53881e-6,
 * J4 = −1.65597e-6. With these the integrator shares SGP4's geopotential.
 */
export const WGS72_ZONAL: ZonalGravityModel = {
  muKm3PerSec2: 398600.8,
  earthRadiusKm: 6378.135,
  zonals: [0.001082616, -0.00000253881, -0.00000165597],
};

/** Integration tolerances. */
export interface IntegratorTolerance {
  /** Relative tolerance per component (default 1e-12). */
  readonly relative?: number;
  /** Absolute tolerance on position, km (default 1e-7 km = 0.1 mm). */
  readonly positionKm?: number;
  /** Absolute tolerance on velocity, km/s (default 1e-10 km/s). */
  readonly velocityKmPerSec?: number;
}

/**
 * Acceleration (km/s²) of the model at position (x, y, z) km, written to out[0..2].
 * Each zonal term of degree n contributes µJₙRⁿ/r^(n+2)·[(n+1)Pₙ(u) r̂ − Pₙ'(u)(ẑ − u r̂)], u = z/r,
 * the gradient of −µJₙRⁿPₙ(u)/r^(n+1).
 */
export function zonalAcceleration(model: ZonalGravityModel, x: number, y: number, z: number, out: Float64Array): void {
  const r2 = x * x + y * y + z * z;
  const r = Math.sqrt(r2);
  const mu = model.muKm3PerSec2;
  const k0 = -mu / (r2 * r);
  let ax = k0 * x;
  let ay = k0 * y;
  let az = k0 * z;
  if (model.zonals.length > 0) {
    const u = z / r;
    const rx = x / r;
    const ry = y / r;
    const rz = u;
    // Legendre P and P' by recurrence
    let pPrev = 1; // P0
    let p = u; // P1
    let dpPrev = 0; // P0'
    let dp = 1; // P1'
    let rn = (model.earthRadiusKm / r) ** 2; // (R/r)^n for n = 2
    for (let n = 2; n < model.zonals.length + 2; n++) {
      const pn = ((2 * n - 1) * u * p - (n - 1) * pPrev) / n;
      const dpn = dpPrev + (2 * n - 1) * p; // P'n = P'(n-2) + (2n-1) P(n-1)
      pPrev = p;
      p = pn;
      dpPrev = dp;
      dp = dpn;
      const jn = model.zonals[n - 2] ?? 0;
      const k = (mu * jn * rn) / r2; // µ Jn R^n / r^(n+2)
      const radial = (n + 1) * pn + dpn * u;
      ax += k * (radial * rx);
      ay += k * (radial * ry);
      az += k * (radial * rz - dpn);
      rn *= model.earthRadiusKm / r;
    }
  }
  out[0] = ax;
  out[1] = ay;
  out[2] = az;
}

// Dormand–Prince 5(4) tableau.
const A21 = 1 / 5;
const A31 = 3 / 40,
  A32 = 9 / 40;
const A41 = 44 / 45,
  A42 = -56 / 15,
  A43 = 32 / 9;
const A51 = 19372 / 6561,
  A52 = -25360 / 2187,
  A53 = 64448 / 6561,
  A54 = -212 / 729;
const A61 = 9017 / 3168,
  A62 = -355 / 33,
  A63 = 46732 / 5247,
  A64 = 49 / 176,
  A65 = -5103 / 18656;
const B1 = 35 / 384,
  B3 = 500 / 1113,
  B4 = 125 / 192,
  B5 = -2187 / 6784,
  B6 = 11 / 84;
const E1 = 71 / 57600,
  E3 = -71 / 16695,
  E4 = 71 / 1920,
  E5 = -17253 / 339200,
  E6 = 22 / 525,
  E7 = -1 / 40;

/** Work counters of one integration, for reports. */
export interface IntegrationStats {
  readonly acceptedSteps: number;
  readonly rejectedSteps: number;
}

/**
 * Integrates the state `initial` = [x, y, z, vx, vy, vz] (km, km/s), given at time 0, to each of
 * `outputTimesSec` (seconds from the initial state; any order, any sign) and returns the states
 * packed 6 per output time in the order given. Throws RangeError on non-finite input or when the
 * step size collapses (e.g. the trajectory reaches the centre of the Earth).
 */
export function integrateZonalOrbit(
  initial: Float64Array,
  outputTimesSec: readonly number[],
  model: ZonalGravityModel = WGS72_ZONAL,
  tolerance: IntegratorTolerance = {},
): { states: Float64Array; stats: IntegrationStats } {
  if (initial.length !== 6 || !initial.every(Number.isFinite))
    throw new RangeError('initial state must be 6 finite numbers');
  const out = new Float64Array(outputTimesSec.length * 6);
  const stats = { acceptedSteps: 0, rejectedSteps: 0 };
  for (const sign of [1, -1] as const) {
    const idx = outputTimesSec
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => (sign === 1 ? t >= 0 : t < 0))
      .sort((p, q) => sign * (p.t - q.t));
    const y = Float64Array.from(initial);
    let t = 0;
    let h = sign * 60;
    for (const { t: target, i } of idx) {
      if (!Number.isFinite(target)) throw new RangeError('output times must be finite');
      h = advance(y, t, target, h, model, tolerance, stats);
      t = target;
      out.set(y, i * 6);
    }
  }
  return { states: out, stats };
}

/** Advances y from t to target in place; returns the step size to try next. */
function advance(
  y: Float64Array,
  t0: number,
  target: number,
  hInit: number,
  model: ZonalGravityModel,
  tol: IntegratorTolerance,
  stats: { acceptedSteps: number; rejectedSteps: number },
): number {
  const rtol = tol.relative ?? 1e-12;
  const atolR = tol.positionKm ?? 1e-7;
  const atolV = tol.velocityKmPerSec ?? 1e-10;
  const k1 = new Float64Array(6),
    k2 = new Float64Array(6),
    k3 = new Float64Array(6),
    k4 = new Float64Array(6);
  const k5 = new Float64Array(6),
    k6 = new Float64Array(6),
    k7 = new Float64Array(6);
  const ys = new Float64Array(6),
    yn = new Float64Array(6);
  const acc = new Float64Array(3);
  const deriv = (s: Float64Array, k: Float64Array): void => {
    zonalAcceleration(model, s[0] ?? 0, s[1] ?? 0, s[2] ?? 0, acc);
    k[0] = s[3] ?? 0;
    k[1] = s[4] ?? 0;
    k[2] = s[5] ?? 0;
    k[3] = acc[0] ?? 0;
    k[4] = acc[1] ?? 0;
    k[5] = acc[2] ?? 0;
  };
  const g = (a: Float64Array, j: number): number => a[j] ?? 0;
  let t = t0;
  let h = hInit;
  const dir = Math.sign(target - t0) || 1;
  if (Math.sign(h) !== dir) h = -h;
  let lastFull = h;
  while (dir * (target - t) > 1e-9) {
    let hStep = h;
    const clipped = dir * (t + hStep - target) > 0;
    if (clipped) hStep = target - t;
    deriv(y, k1);
    for (let j = 0; j < 6; j++) ys[j] = g(y, j) + hStep * A21 * g(k1, j);
    deriv(ys, k2);
    for (let j = 0; j < 6; j++) ys[j] = g(y, j) + hStep * (A31 * g(k1, j) + A32 * g(k2, j));
    deriv(ys, k3);
    for (let j = 0; j < 6; j++) ys[j] = g(y, j) + hStep * (A41 * g(k1, j) + A42 * g(k2, j) + A43 * g(k3, j));
    deriv(ys, k4);
    for (let j = 0; j < 6; j++)
      ys[j] = g(y, j) + hStep * (A51 * g(k1, j) + A52 * g(k2, j) + A53 * g(k3, j) + A54 * g(k4, j));
    deriv(ys, k5);
    for (let j = 0; j < 6; j++) {
      ys[j] = g(y, j) + hStep * (A61 * g(k1, j) + A62 * g(k2, j) + A63 * g(k3, j) + A64 * g(k4, j) + A65 * g(k5, j));
    }
    deriv(ys, k6);
    for (let j = 0; j < 6; j++) {
      yn[j] = g(y, j) + hStep * (B1 * g(k1, j) + B3 * g(k3, j) + B4 * g(k4, j) + B5 * g(k5, j) + B6 * g(k6, j));
    }
    deriv(yn, k7);
    let err = 0;
    for (let j = 0; j < 6; j++) {
      const e = hStep * (E1 * g(k1, j) + E3 * g(k3, j) + E4 * g(k4, j) + E5 * g(k5, j) + E6 * g(k6, j) + E7 * g(k7, j));
      const sc = (j < 3 ? atolR : atolV) + rtol * Math.max(Math.abs(g(y, j)), Math.abs(g(yn, j)));
      err = Math.max(err, Math.abs(e) / sc);
    }
    if (!Number.isFinite(err)) throw new RangeError('integration produced a non-finite state');
    const factor = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * err ** -0.2));
    if (err <= 1) {
      y.set(yn);
      t += hStep;
      stats.acceptedSteps++;
      if (!clipped) lastFull = hStep * factor;
      h = clipped ? lastFull : hStep * factor;
    } else {
      stats.rejectedSteps++;
      h = hStep * factor;
      if (Math.abs(h) < 1e-6) throw new RangeError('integration step size collapsed');
    }
  }
  return h;
}

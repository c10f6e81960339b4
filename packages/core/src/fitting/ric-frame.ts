/**
 * The RIC (radial, in-track, cross-track) frame of a state: R along the position, C along the
 * orbital angular momentum r × v, I = C × R (along the velocity for a circular orbit).
 * @module
 */

/** A RIC vector (any unit) rotated into the frame of `state` ([x, y, z, vx, vy, vz]); same unit out. */
export function ricToTeme(
  state: Float64Array,
  ric: { readonly r: number; readonly i: number; readonly c: number },
): Float64Array {
  const x = state[0] ?? 0,
    y = state[1] ?? 0,
    z = state[2] ?? 0;
  const vx = state[3] ?? 0,
    vy = state[4] ?? 0,
    vz = state[5] ?? 0;
  const rn = Math.hypot(x, y, z);
  const rx = x / rn,
    ry = y / rn,
    rz = z / rn;
  let cx = y * vz - z * vy,
    cy = z * vx - x * vz,
    cz = x * vy - y * vx;
  const cn = Math.hypot(cx, cy, cz);
  cx /= cn;
  cy /= cn;
  cz /= cn;
  const ix = cy * rz - cz * ry,
    iy = cz * rx - cx * rz,
    iz = cx * ry - cy * rx;
  return Float64Array.of(
    ric.r * rx + ric.i * ix + ric.c * cx,
    ric.r * ry + ric.i * iy + ric.c * cy,
    ric.r * rz + ric.i * iz + ric.c * cz,
  );
}

/**
 * Batch ephemerides: propagation of many objects onto one time grid into flat typed arrays,
 * and interpolation between the grid samples.
 * @module
 */
export * from './ephemeris.js';
export * from './prepared-batch.js';
export * from './propagate-batch.js';
export * from './interpolate-hermite.js';
export {
  DS_STATE_SIZE,
  DS_STRIDE,
  NE_STRIDE,
  packDeepSpace,
  packNearEarth,
  propagateDeepSpaceGrid,
  propagateNearEarthGrid,
} from '../sgp4-kernel/index.js';
export type { Sgp4DeepSpaceConstants, Sgp4InitialisedConstants } from '../sgp4-kernel/index.js';

/**
 * Messages between the propagation pool and its workers. Results are written by each worker
 * straight into its slice of shared output arrays (SharedArrayBuffer): no JSON, no transfer,
 * no copy on the main thread.
 * @module
 */
import type { BatchInput } from '@orbwatch/core';

/** Parent → worker. */
export type ToWorker =
  | { readonly type: 'load'; readonly inputs: BatchInput }
  | {
      readonly type: 'propagate';
      readonly t0: number;
      readonly stepSec: number;
      readonly count: number;
      /** Shared output: x,y,z,vx,vy,vz per object per sample for all loaded objects. */
      readonly data: SharedArrayBuffer;
      /** Shared output: one status byte per object per sample. */
      readonly status: SharedArrayBuffer;
      /** Index of this worker's first object in the pool's object order. */
      readonly firstObject: number;
    };

/** Worker → parent. */
export type FromWorker =
  | { readonly type: 'loaded'; readonly objects: number }
  | { readonly type: 'result'; readonly objects: number }
  | { readonly type: 'error'; readonly message: string };

/**
 * Messages between the propagation pool and its workers. Results travel as transferred typed
 * arrays (no JSON, no copy across the thread boundary).
 * @module
 */
import type { BatchInput } from '@orbwatch/core';

/** Parent → worker. */
export type ToWorker =
  | { readonly type: 'load'; readonly inputs: BatchInput }
  | { readonly type: 'propagate'; readonly t0: number; readonly stepSec: number; readonly count: number };

/** Worker → parent. */
export type FromWorker =
  | { readonly type: 'loaded'; readonly objects: number }
  | {
      readonly type: 'result';
      readonly data: Float64Array<ArrayBuffer>;
      readonly status: Uint8Array<ArrayBuffer>;
      readonly noradIds: Int32Array<ArrayBuffer>;
    }
  | { readonly type: 'error'; readonly message: string };

/**
 * Messages between `screenInParallel` and its screening workers.
 * @module
 */
import type { CloseApproach, ScreeningEngineParameters, ScreeningPlanSummary, ScreeningRequest } from '@orbwatch/core';

/** Parent → worker. */
export type ToScreeningWorker =
  | { readonly type: 'plan'; readonly request: ScreeningRequest; readonly engine?: ScreeningEngineParameters }
  | { readonly type: 'chunk'; readonly chunk: number }
  | { readonly type: 'finish' };

/** Worker → parent. */
export type FromScreeningWorker =
  | { readonly type: 'planned'; readonly chunkCount: number; readonly summary: ScreeningPlanSummary }
  | { readonly type: 'chunk-done'; readonly chunk: number }
  | {
      readonly type: 'part';
      readonly approaches: CloseApproach[];
      readonly reachBits: Uint32Array;
      readonly linearPairs: Float64Array;
      readonly pairWindows: { reach: number; linear: number; bracketed: number };
      readonly skipped: [number, readonly [number, string]][];
      readonly coincident: Float64Array;
      readonly chunks: number;
    }
  | { readonly type: 'error'; readonly message: string };

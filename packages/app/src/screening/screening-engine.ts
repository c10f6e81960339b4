/**
 * The screening engine as the `screen` use case sees it: a function from a {@link ScreeningRequest}
 * to a {@link ScreeningResult}, injected by the front end (the CLI passes core's engine or the
 * worker-thread one; tests pass a small real computation), plus its name, version and
 * parameters for the run record.
 * @module
 */
import type { ScreeningRequest, ScreeningResult } from '@orbwatch/core';

/** Progress of a screening run: `done` of `total` units of the named stage. */
export interface ScreeningProgress {
  readonly stage?: string;
  readonly done: number;
  readonly total: number;
}

export interface ScreeningEngineOptions {
  readonly onProgress?: (p: ScreeningProgress) => void;
}

export type ScreeningEngine = (request: ScreeningRequest, options: ScreeningEngineOptions) => Promise<ScreeningResult>;

/** What the run record says about the engine. */
export interface ScreeningEngineInfo {
  readonly name: string;
  readonly version: string;
  readonly parameters: Readonly<Record<string, number | string | boolean>>;
}

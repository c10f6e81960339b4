/**
 * The wall clock a use case reads, passed in by its front end (core never reads the clock).
 * @module
 */
import type { Instant } from '@orbwatch/core';

export interface Clock {
  readonly now: () => Instant;
}

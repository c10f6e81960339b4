/**
 * What every route handler gets: the repository, the clock and the limits the server was made with.
 * @module
 */
import type { Clock } from '@orbwatch/app';
import type { CatalogRepository } from '@orbwatch/store';
import type { ApiLimits } from './limits.js';

export interface ApiDeps {
  readonly repo: CatalogRepository;
  readonly clock: Clock;
  readonly limits: ApiLimits;
}

/** The context variable that holds the id of the API token accepted for a write request. */
export const TOKEN_ID = 'orbwatchTokenId';

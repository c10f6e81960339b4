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

/**
 * `POST /api/runs {"kind":"screening",…}`: the same use case and engine as `orbwatch screen`
 * (defaults 7 days, 5 km, all primaries, 10 m hard-body radius), on the cores available; the run's
 * report is the screening run record (counts, engine, event ids).
 * @module
 */
import { availableParallelism } from 'node:os';
import type { ScreeningRunner } from '@orbwatch/api';
import { screenCatalogue } from '@orbwatch/app';
import type { Instant } from '@orbwatch/core';
import { noradId, parseIsoInstant } from '@orbwatch/core';
import type { CatalogRepository } from '@orbwatch/store';
import { uuidV7 } from '@orbwatch/store';
import { screeningEngine } from '../commands/screen.js';

export function screeningRunner(repo: CatalogRepository, now: () => Instant): ScreeningRunner {
  return async (r, onProgress) => {
    const engine = screeningEngine(availableParallelism());
    const at = r.at === undefined ? undefined : parseIsoInstant(r.at);
    const primaries = r.primaries ?? 'all';
    const outcome = await screenCatalogue(
      repo,
      {
        windowSec: r.windowSec ?? 7 * 86_400,
        thresholdKm: r.thresholdKm ?? 5,
        hardBodyRadiusKm: (r.hardBodyRadiusM ?? 10) / 1000,
        primaries:
          primaries === 'all' || primaries === 'payloads'
            ? { kind: primaries }
            : { kind: 'ids', ids: primaries.map((n) => noradId(n)) },
        ...(at === undefined ? {} : { at }),
      },
      {
        engine: engine.engine,
        engineInfo: engine.info,
        now,
        newId: (t) => uuidV7(t),
        ...(onProgress === undefined
          ? {}
          : {
              onProgress: (p: { stage?: string; done: number; total: number }) => {
                onProgress({ stage: p.stage ?? 'screening', done: p.done, total: p.total });
              },
            }),
      },
    );
    return outcome.run;
  };
}

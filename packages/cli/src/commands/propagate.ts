/**
 * `orbwatch propagate <norad> --from --to --step [--frame] [--json|--csv]`: SGP4 states of an
 * object from its stored element sets. Each state names the element set it came from and that
 * set's age, so a reader sees how far from its epoch every number was extrapolated.
 *
 * Steps that cannot be computed (a time far from every stored set, a decayed orbit) are summed
 * up once, not reported line by line: how many failed and why (per code, with the first message),
 * the stored epochs nearest to the window, and what to try (`--allow-stale`, `--policy nearest`).
 * The text output collapses each run of failed steps into one line; `--json` keeps its `error`
 * per state and adds a `summary` object; `--csv` keeps its rows. When no step could be computed
 * the command fails with PROPAGATION_FAILED (exit 1) carrying that summary.
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, formatIso } from '@orbwatch/core';
import { propagateStored } from '@orbwatch/app';
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';

export interface PropagateCommandOptions {
  readonly from: Instant;
  readonly to: Instant;
  readonly step: number;
  readonly frame: 'TEME' | 'ITRF' | 'GCRF' | 'geodetic';
  readonly policy: 'latest-before' | 'nearest';
  readonly allowStale?: boolean;
  readonly json?: boolean;
  readonly csv?: boolean;
}

export async function runPropagate(
  repo: CatalogRepository,
  norad: NoradId,
  o: PropagateCommandOptions,
  ctx: CliContext,
): Promise<number> {
  const { document, samples, sets, count, failed, text } = await propagateStored(repo, norad, o);
  if (o.json === true) {
    writeJson(ctx, document);
  } else if (o.csv === true) {
    writeLine(
      ctx.stdout,
      o.frame === 'geodetic'
        ? 'time_utc,lat_deg,lon_deg,altitude_km,element_set_id,element_set_age_s,error'
        : 'time_utc,frame,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s,element_set_id,element_set_age_s,error',
    );
    for (const s of samples) {
      const tail = `${s.elementSetId ?? ''},${s.elementSetAgeSec?.toFixed(0) ?? ''},${s.error ?? ''}`;
      if (o.frame === 'geodetic')
        writeLine(
          ctx.stdout,
          `${s.t},${s.latDeg?.toFixed(6) ?? ''},${s.lonDeg?.toFixed(6) ?? ''},${s.altitudeKm?.toFixed(4) ?? ''},${tail}`,
        );
      else
        writeLine(
          ctx.stdout,
          `${s.t},${s.frame},${(s.rKm ?? []).map((x) => x.toFixed(6)).join(',') || ',,'},${(s.vKmPerSec ?? []).map((x) => x.toFixed(9)).join(',') || ',,'},${tail}`,
        );
    }
  } else {
    for (const set of sets) {
      writeLine(ctx.stdout, `element set ${String(set.id)}: epoch ${formatIso(set.epoch, 6)}, source ${set.source}`);
    }
    for (let k = 0; k < samples.length; k++) {
      const s = samples[k];
      if (s === undefined) break;
      const age = s.elementSetAgeSec === null ? '' : ` age ${(s.elementSetAgeSec / 86_400).toFixed(2)} d`;
      if (s.error !== undefined) {
        // one line for a run of failed steps with the same code
        let end = k;
        while (samples[end + 1]?.error === s.error) end++;
        const n = end - k + 1;
        writeLine(
          ctx.stdout,
          n === 1
            ? `${s.t}  ${s.error}: ${s.message ?? ''}${age}`
            : `${s.t} … ${samples[end]?.t ?? ''}  ${String(n)} steps not computed: ${s.error} (first: ${s.message ?? ''};${age})`,
        );
        k = end;
      } else if (o.frame === 'geodetic')
        writeLine(
          ctx.stdout,
          `${s.t}  lat ${s.latDeg?.toFixed(4) ?? ''}°  lon ${s.lonDeg?.toFixed(4) ?? ''}°  alt ${s.altitudeKm?.toFixed(3) ?? ''} km${age}`,
        );
      else
        writeLine(
          ctx.stdout,
          `${s.t}  ${s.frame}  r = [${(s.rKm ?? []).map((x) => x.toFixed(3)).join(', ')}] km  v = [${(s.vKmPerSec ?? []).map((x) => x.toFixed(6)).join(', ')}] km/s${age}`,
        );
    }
  }
  if (failed === count)
    throw new OrbwatchError(ErrorCode.PROPAGATION_FAILED, text, { norad, summary: document.summary });
  if (failed > 0) writeLine(ctx.stderr, `orbwatch propagate: warning: ${text}`);
  return EXIT_OK;
}

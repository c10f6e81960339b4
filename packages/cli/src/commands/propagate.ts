/**
 * `orbwatch propagate <norad> --from --to --step [--frame] [--json|--csv]`: SGP4 states of an
 * object from its stored element sets. Each state names the element set it came from and that
 * set's age, so a reader sees how far from its epoch every number was extrapolated.
 * @module
 */
import type { Instant, NoradId, PropagateResult, Sgp4Propagator } from '@orbwatch/core';
import {
  ErrorCode,
  OrbwatchError,
  chooseElementSet,
  createSgp4Propagator,
  formatIso,
  itrfToGeodetic,
  propagateTeme,
  radPerSecToRevPerDay,
  radToDeg,
  temeToGcrf,
  temeToItrf,
} from '@orbwatch/core';
import type { CatalogRepository, StoredElementSet } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK, EXIT_RUNTIME } from '../exit-codes.js';

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

/** Most samples one call may produce (a 7-day 1-s grid is 604,800). */
const MAX_SAMPLES = 1_000_000;

interface Sample {
  t: string;
  frame: string;
  elementSetId: number | null;
  elementSetAgeSec: number | null;
  rKm?: [number, number, number];
  vKmPerSec?: [number, number, number];
  latDeg?: number;
  lonDeg?: number;
  altitudeKm?: number;
  warnings?: readonly string[];
  error?: string;
  message?: string;
}

function describeSet(s: StoredElementSet) {
  return {
    id: s.id,
    norad: s.noradId,
    name: s.name,
    epochUtc: formatIso(s.epoch, 6),
    source: s.source,
    format: s.format,
    meanMotionRevPerDay: radPerSecToRevPerDay(s.meanMotionRadPerSec),
    eccentricity: s.eccentricity,
    inclinationDeg: radToDeg(s.inclinationRad),
    raw: s.raw,
  };
}

export async function runPropagate(
  repo: CatalogRepository,
  norad: NoradId,
  o: PropagateCommandOptions,
  ctx: CliContext,
): Promise<number> {
  if (o.to < o.from) throw new OrbwatchError(ErrorCode.USAGE, '--to is before --from', { from: o.from, to: o.to });
  const count = Math.floor((o.to - o.from) / (o.step * 1000)) + 1;
  if (count > MAX_SAMPLES) {
    throw new OrbwatchError(
      ErrorCode.USAGE,
      `${String(count)} samples requested; at most ${String(MAX_SAMPLES)} (use a larger --step)`,
      { count },
    );
  }
  const history = await repo.history(norad);
  if (history.length === 0)
    throw new OrbwatchError(ErrorCode.NOT_FOUND, `no element sets stored for ${String(norad)}`, { norad });

  const propagators = new Map<number, Sgp4Propagator | { code: string; message: string }>();
  const propagatorFor = (s: StoredElementSet): Sgp4Propagator | { code: string; message: string } => {
    let p = propagators.get(s.id);
    if (p === undefined) {
      const r = createSgp4Propagator(s);
      p = r.ok ? r.propagator : { code: r.code, message: r.message };
      propagators.set(s.id, p);
    }
    return p;
  };

  const used = new Map<number, StoredElementSet>();
  const samples: Sample[] = [];
  let failures = 0;
  for (let k = 0; k < count; k++) {
    const t = (o.from + k * o.step * 1000) as Instant;
    const tIso = formatIso(t);
    const choice = chooseElementSet(history, t, o.policy);
    if (!choice.ok) {
      failures++;
      samples.push({
        t: tIso,
        frame: o.frame,
        elementSetId: null,
        elementSetAgeSec: null,
        error: choice.code,
        message: 'no element set for this time under the policy',
      });
      continue;
    }
    const set = history[choice.index];
    if (set === undefined) throw new Error('chooseElementSet returned an index outside the history');
    used.set(set.id, set);
    const p = propagatorFor(set);
    const ageSec = (t - set.epoch) / 1000;
    if ('code' in p) {
      failures++;
      samples.push({
        t: tIso,
        frame: o.frame,
        elementSetId: set.id,
        elementSetAgeSec: ageSec,
        error: p.code,
        message: p.message,
      });
      continue;
    }
    const r: PropagateResult = propagateTeme(p, t, o.allowStale === true ? { allowStale: true } : {});
    if (!r.ok) {
      failures++;
      samples.push({
        t: tIso,
        frame: o.frame,
        elementSetId: set.id,
        elementSetAgeSec: ageSec,
        error: r.code,
        message: r.message,
      });
      continue;
    }
    const base = {
      t: tIso,
      frame: o.frame,
      elementSetId: set.id,
      elementSetAgeSec: ageSec,
      ...(r.warnings.length > 0 ? { warnings: r.warnings } : {}),
    };
    if (o.frame === 'geodetic') {
      const g = itrfToGeodetic(temeToItrf(r.state));
      samples.push({ ...base, latDeg: radToDeg(g.latRad), lonDeg: radToDeg(g.lonRad), altitudeKm: g.heightKm });
    } else {
      const s = o.frame === 'TEME' ? r.state : o.frame === 'ITRF' ? temeToItrf(r.state) : temeToGcrf(r.state);
      samples.push({ ...base, rKm: [s.r.x, s.r.y, s.r.z], vKmPerSec: [s.v.x, s.v.y, s.v.z] });
    }
  }

  const sets = [...used.values()].sort((a, b) => a.epoch - b.epoch);
  const first = sets[0];
  if (o.json === true) {
    writeJson(ctx, {
      norad,
      elementSet: first === undefined ? null : describeSet(first),
      elementSets: sets.map(describeSet),
      policy: o.policy,
      earthOrientation:
        'none (dUT1 = 0, no polar motion): ITRF/geodetic good to ~0.5 km along-track at LEO, see docs/accuracy.md',
      states: samples,
    });
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
    for (const s of samples) {
      const age = s.elementSetAgeSec === null ? '' : ` age ${(s.elementSetAgeSec / 86_400).toFixed(2)} d`;
      if (s.error !== undefined) writeLine(ctx.stdout, `${s.t}  ${s.error}: ${s.message ?? ''}${age}`);
      else if (o.frame === 'geodetic')
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
  return failures === count ? EXIT_RUNTIME : EXIT_OK;
}

/**
 * The close-approach engine, single thread: plans the request, searches every chunk of the
 * window (screen-chunk.ts) and merges what the chunks found into one {@link ScreeningResult}.
 * `@orbwatch/workers`' `screenInParallel` runs the same chunks in worker threads and the same
 * merge, so both give identical results. Pure: no clock, no I/O.
 * @module
 */
import { noradId } from '../ids/norad-id.js';
import type { ScreeningPart } from './screen-chunk.js';
import { createChunkScratch, createScreeningPart, screenChunk } from './screen-chunk.js';
import type { ScreeningEngineParameters, ScreeningPlan } from './screening-plan.js';
import { SCREENING_ENGINE, SCREENING_ENGINE_VERSION, planScreening } from './screening-plan.js';
import type { CloseApproach, ScreeningRequest, ScreeningResult, ScreeningStageCount } from './screening-types.js';

/** Options of {@link screenCloseApproaches}. */
export interface ScreeningOptions {
  /** Called after each chunk with the chunks done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Engine parameters (defaults: DEFAULT_SCREENING_ENGINE_PARAMETERS). */
  readonly engine?: ScreeningEngineParameters;
}

/** All approaches below the request's threshold between the request's pairs, single thread. */
export function screenCloseApproaches(request: ScreeningRequest, options: ScreeningOptions = {}): ScreeningResult {
  const plan = planScreening(request, options.engine);
  const part = createScreeningPart(plan);
  const scratch = createChunkScratch(plan);
  for (let c = 0; c < plan.chunkCount; c++) {
    screenChunk(plan, c, part, scratch);
    options.onProgress?.(c + 1, plan.chunkCount);
  }
  return mergeScreeningParts(summarizePlan(plan), [part]);
}

/** What merging needs from a plan (small enough to send between threads). */
export interface ScreeningPlanSummary {
  readonly screenedPairs: number;
  readonly initSkipped: readonly { readonly norad: number; readonly code: string }[];
  readonly engine: ScreeningEngineParameters;
}

/** The summary of `plan` for {@link mergeScreeningParts}. */
export function summarizePlan(plan: ScreeningPlan): ScreeningPlanSummary {
  return { screenedPairs: screenedPairCount(plan), initSkipped: plan.initSkipped, engine: plan.engine };
}

/** Two approaches of one pair closer in time than this are one approach found from two windows, ms. */
const SAME_APPROACH_MS = 10;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of screened pairs of the plan (query × others, each pair once). */
export function screenedPairCount(plan: ScreeningPlan): number {
  const n = plan.requestIndex.length;
  let q = 0;
  for (let j = 0; j < n; j++) q += plan.query[j] ?? 0;
  return q * (n - q) + (q * (q - 1)) / 2;
}

/**
 * Merges the parts of disjoint chunk sets (in any order) into the result: approaches found from
 * two windows are kept once, sorted by TCA then NORAD ids; stage counts; skipped objects.
 */
export function mergeScreeningParts(plan: ScreeningPlanSummary, parts: readonly ScreeningPart[]): ScreeningResult {
  const all: CloseApproach[] = [];
  for (const p of parts) all.push(...p.approaches);
  all.sort((x, y) => x.norad1 - y.norad1 || x.norad2 - y.norad2 || x.tcaUtc - y.tcaUtc);
  const approaches: CloseApproach[] = [];
  for (const x of all) {
    const last = approaches[approaches.length - 1];
    if (
      last !== undefined &&
      last.norad1 === x.norad1 &&
      last.norad2 === x.norad2 &&
      x.tcaUtc - last.tcaUtc < SAME_APPROACH_MS
    )
      continue;
    approaches.push(x);
  }
  approaches.sort((x, y) => x.tcaUtc - y.tcaUtc || x.norad1 - y.norad1 || x.norad2 - y.norad2);

  let reach = 0;
  const words = parts[0]?.reachBits.length ?? 0;
  for (let w = 0; w < words; w++) {
    let v = 0;
    for (const p of parts) v |= p.reachBits[w] ?? 0;
    reach += popcount(v);
  }
  const linear = new Set<number>();
  for (const p of parts) for (const k of p.linearPairs) linear.add(k);
  const conjunctionPairs = new Set(approaches.map((x) => `${String(x.norad1)}-${String(x.norad2)}`));
  const sum = (f: (p: ScreeningPart) => number): number => parts.reduce((acc, p) => acc + f(p), 0);
  const stages: ScreeningStageCount[] = [
    { stage: 'screened-pairs', pairs: plan.screenedPairs },
    { stage: 'within-reach', pairs: reach, pairWindows: sum((p) => p.pairWindows.reach) },
    { stage: 'linear-bound', pairs: linear.size, pairWindows: sum((p) => p.pairWindows.linear) },
    { stage: 'below-threshold', pairs: conjunctionPairs.size, approaches: approaches.length },
  ];

  const skipped = new Map<number, readonly [number, string]>();
  for (const x of plan.initSkipped) skipped.set(x.norad, [-1, x.code]);
  for (const p of parts) {
    for (const [norad, v] of p.skipped) {
      const prev = skipped.get(norad);
      if (prev === undefined || v[0] < prev[0]) skipped.set(norad, v);
    }
  }
  const coincident = new Set<number>();
  for (const p of parts) for (const k of p.coincident) coincident.add(k);
  return {
    approaches,
    stages,
    coincident: [...coincident]
      .sort((x, y) => x - y)
      .map((k) => ({ norad1: noradId(Math.floor(k / 1e6)), norad2: noradId(k % 1e6) })),
    engine: { name: SCREENING_ENGINE, version: SCREENING_ENGINE_VERSION, ...plan.engine },
    skipped: [...skipped.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([norad, [, code]]) => ({ norad: noradId(norad), code })),
  };
}

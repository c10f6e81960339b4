/**
 * Worker-thread side of `screenInParallel`: builds the screening plan from the request (the same
 * plan as every other thread), searches the chunks the parent hands out with core's
 * `screenChunk`, and returns its accumulated part at the end.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { createChunkScratch, createScreeningPart, planScreening, screenChunk, summarizePlan } from '@orbwatch/core';
import type { ChunkScratch, ScreeningPart, ScreeningPlan } from '@orbwatch/core';
import type { FromScreeningWorker, ToScreeningWorker } from './screening-protocol.js';

const port = parentPort;
if (port === null) throw new Error('screening-worker must run in a worker thread');

let plan: ScreeningPlan | undefined;
let part: ScreeningPart | undefined;
let scratch: ChunkScratch | undefined;

port.on('message', (msg: ToScreeningWorker) => {
  try {
    if (msg.type === 'plan') {
      plan = planScreening(msg.request, msg.engine);
      part = createScreeningPart(plan);
      scratch = createChunkScratch(plan);
      const reply: FromScreeningWorker = { type: 'planned', chunkCount: plan.chunkCount, summary: summarizePlan(plan) };
      port.postMessage(reply);
      return;
    }
    if (plan === undefined || part === undefined || scratch === undefined) throw new Error('chunk before plan');
    if (msg.type === 'chunk') {
      screenChunk(plan, msg.chunk, part, scratch);
      const reply: FromScreeningWorker = { type: 'chunk-done', chunk: msg.chunk };
      port.postMessage(reply);
      return;
    }
    const reply: FromScreeningWorker = {
      type: 'part',
      approaches: part.approaches,
      reachBits: part.reachBits,
      linearPairs: Float64Array.from(part.linearPairs),
      pairWindows: part.pairWindows,
      skipped: [...part.skipped.entries()],
      coincident: Float64Array.from(part.coincident),
      chunks: part.chunks,
    };
    port.postMessage(reply, [part.reachBits.buffer as ArrayBuffer]);
  } catch (e) {
    const reply: FromScreeningWorker = { type: 'error', message: e instanceof Error ? e.message : String(e) };
    port.postMessage(reply);
  }
});

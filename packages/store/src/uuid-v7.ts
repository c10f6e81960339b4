/**
 * UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, version 7, 74 random bits. Ids sort by
 * creation time. The time is passed in (no clock here); randomness comes from node:crypto unless
 * a source is injected (tests).
 * @module
 */
import { randomFillSync } from 'node:crypto';
import type { Instant } from '@orbwatch/core';

/** Fills a buffer with random bytes. */
export type RandomFill = (bytes: Uint8Array) => void;

const defaultFill: RandomFill = (bytes) => {
  randomFillSync(bytes);
};

/** A UUIDv7 string for the time `now` (whole ms are used). */
export function uuidV7(now: Instant, fill: RandomFill = defaultFill): string {
  const ms = Math.floor(now);
  if (!(ms >= 0 && ms < 2 ** 48)) throw new RangeError(`UUIDv7 needs a time in 1970..10889, got ${String(now)} ms`);
  const b = new Uint8Array(16);
  fill(b);
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

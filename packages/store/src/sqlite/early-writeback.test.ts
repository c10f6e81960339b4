/**
 * EarlyWriteback: one request every N batches, the descriptor released when the load ends (at
 * once, or when the last request in flight returns), and a file that cannot be opened disables it
 * without an error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EarlyWriteback } from './early-writeback.js';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 50));

describe('EarlyWriteback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-writeback-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a sync every N batches and closes its descriptor at the end', async () => {
    const path = join(dir, 'a.db');
    writeFileSync(path, Buffer.alloc(1 << 20, 1));
    const w = new EarlyWriteback(path, 4);
    expect(w.open).toBe(true);
    for (let i = 0; i < 3; i++) w.afterBatch();
    expect(w.requests).toBe(0);
    w.afterBatch(); // 4th batch: a request
    expect(w.requests).toBe(1);
    for (let i = 0; i < 4; i++) w.afterBatch(); // 8th batch, even with the first in flight
    expect(w.requests).toBe(2);
    w.close(); // requests may still be in flight: the descriptor waits for them
    await settle();
    expect(w.open).toBe(false);
    const before = w.requests;
    for (let i = 0; i < 8; i++) w.afterBatch(); // after the end: nothing
    expect(w.requests).toBe(before);
  });

  it('does nothing for a file it cannot open', () => {
    const w = new EarlyWriteback(join(dir, 'missing', 'x.db'), 1);
    w.afterBatch();
    expect([w.open, w.requests]).toEqual([false, 0]);
    w.close();
  });
});

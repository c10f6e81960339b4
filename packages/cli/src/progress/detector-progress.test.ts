import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectorProgressBars } from './detector-progress.js';

/** A stream that records what is written; a terminal when `tty`. */
function recorder(tty: boolean): Writable & { isTTY?: boolean; columns?: number; text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { isTTY?: boolean; columns?: number; text: () => string };
  if (tty) {
    w.isTTY = true;
    w.columns = 100;
  }
  w.text = () => chunks.join('');
  return w;
}

describe('detectorProgressBars', () => {
  it('draws one bar per detector on a terminal, ending at objects done / total', () => {
    const tty = recorder(true);
    const bars = detectorProgressBars(tty);
    for (let i = 1; i <= 40; i++) bars.onProgress({ kind: 'maneuver', done: i, total: 40 });
    for (let i = 1; i <= 7; i++) bars.onProgress({ kind: 'release', done: i, total: 12 });
    bars.stop();
    const text = tty.text();
    expect(text).toMatch(/maneuver\s+\[[█░]+\] 40\/40 objects/);
    // The release run stopped early (a runner may return before its last object): the bar ends where it was.
    expect(text).toMatch(/release\s+\[[█░]+\] 7\/12 objects/);
    expect(text.indexOf('maneuver')).toBeLessThan(text.indexOf('release'));
  });

  it('writes nothing when the stream is not a terminal, or when disabled', () => {
    const pipe = recorder(false);
    const a = detectorProgressBars(pipe);
    a.onProgress({ kind: 'maneuver', done: 1, total: 2 });
    a.stop();
    const tty = recorder(true);
    const b = detectorProgressBars(tty, false);
    b.onProgress({ kind: 'maneuver', done: 1, total: 2 });
    b.stop();
    expect(pipe.text()).toBe('');
    expect(tty.text()).toBe('');
  });
});

/**
 * Progress bars for detection, one per detector as it runs (`maneuver [████░░] 812/1904 objects`),
 * on stderr and only when stderr is a terminal (design.md: progress bars go to stderr, only on a
 * TTY), so piped and `--json` output stay clean. Fed by the runners' `onProgress` callback.
 * @module
 */
import cliProgress from 'cli-progress';
import type { DetectorProgress } from '@orbwatch/app';

/** One step of progress: a detector's objects, or another stage's items (the report's events). */
export type StageProgress = Omit<DetectorProgress, 'kind'> & { readonly kind: string; readonly unit?: string };

export interface DetectorProgressBars {
  /** Pass as `DetectOptions.onProgress`. */
  readonly onProgress: (p: StageProgress) => void;
  /** Ends the bar in progress (if any). */
  readonly stop: () => void;
}

/** A stream as the bars need it: written to, and a terminal or not. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * Bars on `stream`, or callbacks that do nothing when `stream` is not a terminal or `enabled` is
 * false. A new bar starts whenever another detector reports; each ends when it reports its last
 * object.
 */
export function detectorProgressBars(stream: ProgressStream, enabled = true): DetectorProgressBars {
  if (!enabled || stream.isTTY !== true) return { onProgress: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | undefined;
  let kind: string | undefined;
  const stop = (): void => {
    bar?.stop();
    bar = undefined;
    kind = undefined;
  };
  const onProgress = (p: StageProgress): void => {
    if (bar === undefined || kind !== p.kind) {
      stop();
      kind = p.kind;
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${p.kind.padEnd(13)} [{bar}] {value}/{total} ${p.unit ?? 'objects'}`,
          hideCursor: false,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(p.total, p.done);
    } else {
      bar.setTotal(p.total);
      bar.update(p.done);
    }
    if (p.done >= p.total) stop();
  };
  return { onProgress, stop };
}

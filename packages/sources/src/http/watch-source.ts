/**
 * What the watcher needs from a remote catalogue source: a stable key (its fetch state is stored
 * under it), the source name and kind its element sets are stored with, when to fetch (first and
 * after a success), and a conditional fetch that returns the payload or "not modified".
 * Implemented by the CelesTrak, Space-Track and McCants clients of this package.
 * @module
 */

/** What the watcher remembers of a source's last fetch (the validators for a conditional GET). */
export interface PreviousFetch {
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** When the last successful fetch (200 or 304) started, ms. */
  readonly lastSuccessAt: number | null;
}

export type SourceFetch =
  | { readonly kind: 'not-modified'; readonly url: string }
  | {
      readonly kind: 'payload';
      readonly url: string;
      /** The name the payload is ingested under (the URL, so every run names where its data came from). */
      readonly file: string;
      readonly data: Uint8Array;
      readonly etag: string | null;
      readonly lastModified: string | null;
    };

/** When a source is due: first (nothing fetched yet) and after a successful fetch at `now`. */
export interface Schedule {
  readonly first: (now: number) => number;
  readonly next: (now: number) => number;
  /** For the log, e.g. `every 2h`. */
  readonly text: string;
}

export interface WatchSource {
  readonly key: string;
  readonly description: string;
  readonly storedAs: { readonly name: string; readonly kind: 'official' | 'amateur' };
  readonly schedule: Schedule;
  /** The first wait after a failed fetch; doubled per further failure (with jitter) by the watcher. */
  readonly failureDelayMs: number;
  readonly fetch: (previous: PreviousFetch | undefined, now: number) => Promise<SourceFetch>;
}

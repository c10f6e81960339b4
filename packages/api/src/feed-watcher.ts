/**
 * Watches the store's alert feed for new rows, whoever wrote them (this server's runs, the
 * watcher, `orbwatch detect` in another process): one timer reads the feed head every
 * `pollMs` and wakes the streams and webhook deliveries waiting for rows beyond what they have.
 * @module
 */
import type { CatalogRepository } from '@orbwatch/store';

export class FeedWatcher {
  readonly #repo: CatalogRepository;
  readonly #pollMs: number;
  #head = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #closed = false;
  readonly #waiting = new Set<() => void>();

  constructor(repo: CatalogRepository, pollMs: number) {
    this.#repo = repo;
    this.#pollMs = pollMs;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get head(): number {
    return this.#head;
  }

  /** Reads the head now; starts the timer on first use. */
  async poll(): Promise<number> {
    const head = await this.#repo.feedHead();
    if (head !== this.#head) {
      this.#head = head;
      const wake = [...this.#waiting];
      this.#waiting.clear();
      for (const w of wake) w();
    }
    return head;
  }

  #start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      this.poll().catch(() => undefined); // a locked database now is read again at the next tick
    }, this.#pollMs);
    this.#timer.unref();
  }

  /** Resolves when the head moves past `seq`, or after `timeoutMs` (false), or on `signal`. */
  waitBeyond(seq: number, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    if (this.#closed) return Promise.resolve(false);
    this.#start();
    if (this.#head > seq) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (moved: boolean): void => {
        clearTimeout(timer);
        this.#waiting.delete(wake);
        signal?.removeEventListener('abort', onAbort);
        resolve(moved);
      };
      const wake = (): void => {
        if (this.#closed) done(false);
        else if (this.#head > seq) done(true);
        else this.#waiting.add(wake);
      };
      const onAbort = (): void => {
        done(false);
      };
      const timer = setTimeout(() => {
        done(false);
      }, timeoutMs);
      this.#waiting.add(wake);
      signal?.addEventListener('abort', onAbort);
    });
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    const wake = [...this.#waiting];
    this.#waiting.clear();
    for (const w of wake) w();
  }
}

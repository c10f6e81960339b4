/**
 * Delivers the alert feed to the webhook subscriptions: for each subscription, every feed row
 * after the last one it got that passes its kind and label filters is POSTed as JSON
 * (`{"id": seq, "type": "event"|"finding", "data": …}`) with `X-Orbwatch-Signature`
 * (HMAC-SHA256, see the app's `signWebhookBody`), `X-Orbwatch-Event` and `X-Orbwatch-Delivery`.
 * A 2xx answer is delivered; anything else (or no answer within the timeout) is retried after
 * `baseDelayMs`, 2×, 4×… up to `attempts` tries, then stored as a dead letter (listed by
 * `orbwatch webhooks`) and the subscription moves on. Rows go out in order, one at a time per
 * subscription.
 * @module
 */
import type { Clock } from '@orbwatch/app';
import { SIGNATURE_HEADER, feedItems, signWebhookBody } from '@orbwatch/app';
import type { CatalogRepository, StoredWebhook } from '@orbwatch/store';
import type { FeedWatcher } from './feed-watcher.js';

export interface WebhookOptions {
  /** Tries per delivery before it becomes a dead letter (default 5). */
  readonly attempts?: number;
  /** Wait before the first retry; doubled for each next one (default 2 s). */
  readonly baseDelayMs?: number;
  /** Longest wait for one answer (default 10 s). */
  readonly timeoutMs?: number;
  /** How often the subscription list is read again (default 5 s). */
  readonly refreshMs?: number;
  readonly fetch?: typeof fetch;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    t.unref();
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

export class WebhookDispatcher {
  readonly #repo: CatalogRepository;
  readonly #clock: Clock;
  readonly #watcher: FeedWatcher;
  readonly #attempts: number;
  readonly #baseDelayMs: number;
  readonly #timeoutMs: number;
  readonly #refreshMs: number;
  readonly #fetch: typeof fetch;
  readonly #stop = new AbortController();
  readonly #running = new Map<string, Promise<void>>();
  #loop: Promise<void> | undefined;

  constructor(repo: CatalogRepository, clock: Clock, watcher: FeedWatcher, o: WebhookOptions = {}) {
    this.#repo = repo;
    this.#clock = clock;
    this.#watcher = watcher;
    this.#attempts = Math.max(1, o.attempts ?? 5);
    this.#baseDelayMs = o.baseDelayMs ?? 2000;
    this.#timeoutMs = o.timeoutMs ?? 10_000;
    this.#refreshMs = o.refreshMs ?? 5000;
    this.#fetch = o.fetch ?? fetch;
  }

  start(): void {
    this.#loop ??= this.#supervise();
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    await this.#loop;
    await Promise.all(this.#running.values());
  }

  /** Starts a delivery loop for each subscription not yet served; re-reads the list now and then. */
  async #supervise(): Promise<void> {
    while (!this.#stop.signal.aborted) {
      try {
        for (const h of await this.#repo.webhooks())
          if (!this.#running.has(h.id))
            this.#running.set(
              h.id,
              this.#serve(h).finally(() => this.#running.delete(h.id)),
            );
      } catch {
        // a locked database: read the list again at the next round
      }
      await sleep(this.#refreshMs, this.#stop.signal);
    }
  }

  async #serve(hook: StoredWebhook): Promise<void> {
    let cursor = hook.lastSeq;
    const filter = {
      ...(hook.kinds === null ? {} : { kinds: hook.kinds }),
      ...(hook.labels === null ? {} : { labels: hook.labels }),
    };
    while (!this.#stop.signal.aborted) {
      if (!(await this.#stillSubscribed(hook.id))) return;
      const { items, last } = await feedItems(this.#repo, cursor, 100, filter);
      for (const it of items) {
        if (this.#stop.signal.aborted) return;
        const body = JSON.stringify({ id: it.seq, type: it.type, data: it.data });
        const outcome = await this.#deliver(hook, it.seq, it.type, body);
        if (outcome === 'stopped') return;
        if (outcome !== 'delivered')
          await this.#repo.saveDeadLetter({
            webhookId: hook.id,
            feedSeq: it.seq,
            payload: body,
            attempts: this.#attempts,
            lastError: outcome.error,
            failedAt: this.#clock.now(),
          });
        await this.#repo.setWebhookSeq(hook.id, it.seq);
      }
      if (last > cursor) {
        await this.#repo.setWebhookSeq(hook.id, last);
        cursor = last;
        continue;
      }
      await this.#watcher.waitBeyond(cursor, this.#refreshMs, this.#stop.signal);
    }
  }

  async #stillSubscribed(id: string): Promise<boolean> {
    return (await this.#repo.webhooks()).some((h) => h.id === id);
  }

  async #deliver(
    hook: StoredWebhook,
    seq: number,
    type: string,
    body: string,
  ): Promise<'delivered' | 'stopped' | { error: string }> {
    let error = '';
    for (let attempt = 1; attempt <= this.#attempts; attempt++) {
      if (attempt > 1) {
        await sleep(this.#baseDelayMs * 2 ** (attempt - 2), this.#stop.signal);
        if (this.#stop.signal.aborted) return 'stopped';
      }
      const nowSec = Math.floor(this.#clock.now() / 1000);
      try {
        const r = await this.#fetch(hook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [SIGNATURE_HEADER]: signWebhookBody(hook.secret, nowSec, body),
            'x-orbwatch-event': type,
            'x-orbwatch-delivery': String(seq),
            'x-orbwatch-attempt': String(attempt),
          },
          body,
          signal: AbortSignal.any([this.#stop.signal, AbortSignal.timeout(this.#timeoutMs)]),
          redirect: 'manual',
        });
        await r.body?.cancel();
        if (r.status >= 200 && r.status < 300) return 'delivered';
        error = `HTTP ${String(r.status)}`;
      } catch (e) {
        if (this.#stop.signal.aborted) return 'stopped';
        error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
    }
    return { error };
  }
}

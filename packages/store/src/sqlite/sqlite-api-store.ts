/**
 * SQLite implementation of the API's part of the repository port (used by
 * SqliteCatalogRepository): the alert feed written by triggers (migration 008), write tokens
 * and webhooks.
 * @module
 */
import type Database from 'better-sqlite3';
import type { Instant } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import type { FeedEntry, StoredApiToken, StoredWebhook, WebhookDeadLetter } from '../api-repository.js';

interface TokenRow {
  id: string;
  name: string;
  secret_sha256: string;
  created_at_ms: number;
  last_used_ms: number | null;
  revoked_at_ms: number | null;
}

interface WebhookRow {
  id: string;
  url: string;
  secret: string;
  kinds: string | null;
  labels: string | null;
  created_at_ms: number;
  last_seq: number;
}

const toToken = (r: TokenRow): StoredApiToken => ({
  id: r.id,
  name: r.name,
  secretSha256: r.secret_sha256,
  createdAt: instant(r.created_at_ms),
  lastUsedAt: r.last_used_ms === null ? null : instant(r.last_used_ms),
  revokedAt: r.revoked_at_ms === null ? null : instant(r.revoked_at_ms),
});

const toWebhook = (r: WebhookRow): StoredWebhook => ({
  id: r.id,
  url: r.url,
  secret: r.secret,
  kinds: r.kinds === null ? null : (JSON.parse(r.kinds) as string[]),
  labels: r.labels === null ? null : (JSON.parse(r.labels) as string[]),
  createdAt: instant(r.created_at_ms),
  lastSeq: r.last_seq,
});

export class SqliteApiStore {
  readonly #db: Database.Database;
  readonly #feedAfter: Database.Statement<
    [number, number],
    { seq: number; type: FeedEntry['type']; ref_id: string; created_at_ms: number }
  >;
  readonly #feedHead: Database.Statement<[], { seq: number }>;
  readonly #changes: Database.Statement<[], number>;
  readonly #dataVersion: Database.Statement<[], number>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#feedAfter = db.prepare(
      'SELECT seq, type, ref_id, created_at_ms FROM feed WHERE seq > ? ORDER BY seq LIMIT ?',
    );
    this.#feedHead = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM feed');
    this.#changes = db.prepare<[], number>('SELECT total_changes()').pluck();
    this.#dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  feedAfter(afterSeq: number, limit: number): FeedEntry[] {
    return this.#feedAfter.all(afterSeq, Math.max(0, Math.floor(limit))).map((r) => ({
      seq: r.seq,
      type: r.type,
      refId: r.ref_id,
      createdAt: instant(r.created_at_ms),
    }));
  }

  feedHead(): number {
    return this.#feedHead.get()?.seq ?? 0;
  }

  /**
   * SQLite's `data_version` (changes when another connection commits) and this connection's
   * `total_changes()` (its own writes), which together change on every commit to the file.
   */
  dataVersion(): string {
    return `${String(this.#dataVersion.get() ?? 0)}:${String(this.#changes.get() ?? 0)}`;
  }

  saveApiToken(t: Omit<StoredApiToken, 'lastUsedAt' | 'revokedAt'>): void {
    this.#db
      .prepare('INSERT INTO api_tokens (id, name, secret_sha256, created_at_ms) VALUES (?, ?, ?, ?)')
      .run(t.id, t.name, t.secretSha256, Math.round(t.createdAt));
  }

  apiTokens(): StoredApiToken[] {
    return (this.#db.prepare('SELECT * FROM api_tokens ORDER BY id').all() as TokenRow[]).map(toToken);
  }

  apiTokenByHash(secretSha256: string): StoredApiToken | null {
    const r = this.#db.prepare('SELECT * FROM api_tokens WHERE secret_sha256 = ?').get(secretSha256) as
      TokenRow | undefined;
    return r === undefined ? null : toToken(r);
  }

  revokeApiToken(idOrPrefix: string, now: Instant): StoredApiToken | null {
    const lo = idOrPrefix.toLowerCase();
    const rows = this.#db
      .prepare('SELECT * FROM api_tokens WHERE id >= ? AND id < ? AND revoked_at_ms IS NULL ORDER BY id LIMIT 2')
      .all(lo, `${lo}\uffff`) as TokenRow[];
    const [only] = rows;
    if (only === undefined || rows.length > 1) return null;
    this.#db.prepare('UPDATE api_tokens SET revoked_at_ms = ? WHERE id = ?').run(Math.round(now), only.id);
    return toToken({ ...only, revoked_at_ms: Math.round(now) });
  }

  touchApiToken(id: string, now: Instant): void {
    this.#db.prepare('UPDATE api_tokens SET last_used_ms = ? WHERE id = ?').run(Math.round(now), id);
  }

  saveWebhook(h: StoredWebhook): void {
    this.#db
      .prepare(
        'INSERT INTO webhooks (id, url, secret, kinds, labels, created_at_ms, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        h.id,
        h.url,
        h.secret,
        h.kinds === null ? null : JSON.stringify(h.kinds),
        h.labels === null ? null : JSON.stringify(h.labels),
        Math.round(h.createdAt),
        h.lastSeq,
      );
  }

  webhooks(): StoredWebhook[] {
    return (this.#db.prepare('SELECT * FROM webhooks ORDER BY id').all() as WebhookRow[]).map(toWebhook);
  }

  removeWebhook(id: string): boolean {
    return this.#db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes > 0;
  }

  setWebhookSeq(id: string, lastSeq: number): void {
    this.#db.prepare('UPDATE webhooks SET last_seq = max(last_seq, ?) WHERE id = ?').run(lastSeq, id);
  }

  saveDeadLetter(l: Omit<WebhookDeadLetter, 'id' | 'url'>): void {
    this.#db
      .prepare(
        `INSERT INTO webhook_dead_letters (webhook_id, feed_seq, payload, attempts, last_error, failed_at_ms)
        VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(l.webhookId, l.feedSeq, l.payload, l.attempts, l.lastError, Math.round(l.failedAt));
  }

  deadLetters(webhookId?: string): WebhookDeadLetter[] {
    const rows = this.#db
      .prepare(
        `SELECT d.*, w.url FROM webhook_dead_letters d JOIN webhooks w ON w.id = d.webhook_id
        ${webhookId === undefined ? '' : 'WHERE d.webhook_id = ?'} ORDER BY d.id`,
      )
      .all(...(webhookId === undefined ? [] : [webhookId])) as {
      id: number;
      webhook_id: string;
      url: string;
      feed_seq: number;
      payload: string;
      attempts: number;
      last_error: string;
      failed_at_ms: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      webhookId: r.webhook_id,
      url: r.url,
      feedSeq: r.feed_seq,
      payload: r.payload,
      attempts: r.attempts,
      lastError: r.last_error,
      failedAt: instant(r.failed_at_ms),
    }));
  }
}

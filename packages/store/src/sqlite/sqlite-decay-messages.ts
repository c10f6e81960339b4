/**
 * SQLite implementation of the decay messages (table `decay_messages`, `objects.decay_message_id`,
 * migration 012; used by SqliteCatalogRepository). A Historical message fills `decay_date_ms`
 * only where it is NULL, in the same transaction as the message, and links the object to it.
 * @module
 */
import type Database from 'better-sqlite3';
import type { DecayEpochPrecision, DecayMessage, DecayMessageType, NoradId } from '@orbwatch/core';
import { instant, noradId } from '@orbwatch/core';
import type { DecaySaveResult, StoredDecayMessage } from '../decay-repository.js';

interface DecayRow {
  id: number;
  norad_id: number;
  msg_type: DecayMessageType;
  msg_epoch_ms: number | null;
  decay_epoch_ms: number;
  precision: DecayEpochPrecision;
  decay_epoch_text: string;
  message_source: string;
  precedence: number;
  name: string | null;
  raw: string;
  run_id: string;
  stored_source: string;
}

interface ObjectDecayRow {
  decay_date_ms: number | null;
  decay_message_id: number | null;
  precedence: number | null;
  msg_epoch_ms: number | null;
}

/**
 * Whether a new Historical message sets the object's decay date: when it has none, or when the
 * date came from an earlier message that this one outranks (lower PRECEDENCE, or the same and a
 * later message). A date that SATCAT gave (no message behind it) is never replaced.
 */
function fills(cur: ObjectDecayRow, m: DecayMessage): boolean {
  if (cur.decay_date_ms === null) return true;
  if (cur.decay_message_id === null || cur.precedence === null) return false;
  if (m.precedence !== cur.precedence) return m.precedence < cur.precedence;
  return (m.messageEpoch ?? -Infinity) > (cur.msg_epoch_ms ?? -Infinity);
}

export class SqliteDecayMessages {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #ensureObject: Database.Statement;
  readonly #objectDecay: Database.Statement;
  readonly #fill: Database.Statement;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#insert = db.prepare(`INSERT INTO decay_messages
      (norad_id, msg_type, msg_epoch_ms, decay_epoch_ms, precision, decay_epoch_text, message_source, precedence, name, cospar_id, country, raw, run_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING`);
    this.#ensureObject = db.prepare(`INSERT INTO objects (norad_id, cospar_id) VALUES (?, ?)
      ON CONFLICT (norad_id) DO UPDATE SET cospar_id = coalesce(objects.cospar_id, excluded.cospar_id)`);
    this.#objectDecay = db.prepare(`SELECT o.decay_date_ms, o.decay_message_id, m.precedence, m.msg_epoch_ms
      FROM objects o LEFT JOIN decay_messages m ON m.id = o.decay_message_id WHERE o.norad_id = ?`);
    this.#fill = db.prepare('UPDATE objects SET decay_date_ms = ?, decay_message_id = ? WHERE norad_id = ?');
  }

  /** Stores `messages`; `onFact` is called, in the transaction, for each new Historical message. */
  save(runId: string, messages: readonly DecayMessage[], onFact?: (m: DecayMessage) => void): DecaySaveResult {
    return this.#db
      .transaction((): DecaySaveResult => {
        let stored = 0;
        const filled = new Set<number>();
        for (const m of messages) {
          const r = this.#insert.run(
            m.noradId,
            m.messageType,
            m.messageEpoch === null ? null : Math.round(m.messageEpoch),
            Math.round(m.decayEpoch),
            m.precision,
            m.decayEpochText,
            m.source,
            m.precedence,
            m.name,
            m.cosparId,
            m.country,
            m.raw,
            runId,
          );
          if (r.changes === 0) continue;
          stored++;
          // only a fact may become a decay date
          if (m.messageType !== 'Historical') continue;
          this.#ensureObject.run(m.noradId, m.cosparId);
          onFact?.(m);
          const cur = this.#objectDecay.get(m.noradId) as ObjectDecayRow;
          if (fills(cur, m)) {
            this.#fill.run(Math.round(m.decayEpoch), r.lastInsertRowid, m.noradId);
            filled.add(m.noradId);
          }
        }
        return { stored, duplicates: messages.length - stored, decayDatesFilled: filled.size };
      })
      .immediate();
  }

  forObject(norad: NoradId): StoredDecayMessage[] {
    const rows = this.#db
      .prepare(
        `SELECT m.id, m.norad_id, m.msg_type, m.msg_epoch_ms, m.decay_epoch_ms, m.precision, m.decay_epoch_text,
          m.message_source, m.precedence, m.name, m.raw, m.run_id, s.name AS stored_source
        FROM decay_messages m JOIN ingest_runs r ON r.id = m.run_id JOIN sources s ON s.id = r.source_id
        WHERE m.norad_id = ? ORDER BY m.msg_epoch_ms IS NULL, m.msg_epoch_ms DESC, m.precedence, m.id DESC`,
      )
      .all(norad) as DecayRow[];
    return rows.map((r) => ({
      id: r.id,
      noradId: noradId(r.norad_id),
      messageType: r.msg_type,
      messageEpoch: r.msg_epoch_ms === null ? null : instant(r.msg_epoch_ms),
      decayEpoch: instant(r.decay_epoch_ms),
      precision: r.precision,
      decayEpochText: r.decay_epoch_text,
      messageSource: r.message_source,
      precedence: r.precedence,
      name: r.name,
      raw: r.raw,
      runId: r.run_id,
      storedSource: r.stored_source,
    }));
  }
}

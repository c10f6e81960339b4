/**
 * SQLite implementation of the event part of the repository port (used by
 * SqliteCatalogRepository). Events are written in one transaction with their objects and the
 * stored ids of their element sets; the fingerprint (sha256 of kind, detector, version,
 * parameters, objects and element-set keys) makes re-saving the same event a no-op.
 * @module
 */
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DetectedEvent, ElementSetRef, Instant, NoradId } from '@orbwatch/core';
import { instant, noradId } from '@orbwatch/core';
import type { EventFilter, SaveEventsResult, StoredEvent } from '../event-repository.js';
import type { ElementSetId } from '../stored-element-set.js';
import { uuidV7 } from '../uuid-v7.js';
import { SqlConditions } from './sql-conditions.js';

interface EventRow {
  id: string;
  kind: DetectedEvent['kind'];
  start_ms: number;
  end_ms: number;
  detector: string;
  detector_version: string;
  parameters: string;
  measures: string;
  created_at_ms: number;
}

/** Stable JSON (sorted keys) so the fingerprint does not depend on property order. */
function stableJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableJson).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

/** The identity of an event: what it is, who saw it with which settings, and from which data. */
export function eventFingerprint(e: DetectedEvent): string {
  const objects = e.objects.map((o) => `${String(o.norad)}:${o.role}`).sort();
  const sets = e.elementSets.map((s) => `${String(s.noradId)}@${String(s.epoch)}`).sort();
  return hash(
    'sha256',
    stableJson({
      kind: e.kind,
      detector: e.detector,
      version: e.detectorVersion,
      parameters: e.parameters,
      objects,
      sets,
      start: e.start,
      end: e.end,
    }),
    'hex',
  );
}

export class SqliteEventStore {
  readonly #db: Database.Database;
  readonly #byFingerprint: Database.Statement<[string], { id: string }>;
  readonly #insertEvent: Database.Statement;
  readonly #insertObject: Database.Statement;
  readonly #ensureObject: Database.Statement;
  readonly #insertSet: Database.Statement;
  readonly #findSet: Database.Statement<[number, number], { id: number }>;
  readonly #findSetNear: Database.Statement<[number, number, number], { id: number }>;
  readonly #saveTx: Database.Transaction<(events: readonly DetectedEvent[], now: Instant) => SaveEventsResult>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#byFingerprint = db.prepare('SELECT id FROM events WHERE fingerprint = ?');
    this.#insertEvent =
      db.prepare(`INSERT INTO events (id, kind, start_ms, end_ms, detector, detector_version, parameters, measures, fingerprint, created_at_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#insertObject = db.prepare('INSERT OR IGNORE INTO event_objects (event_id, norad_id, role) VALUES (?, ?, ?)');
    this.#ensureObject = db.prepare('INSERT OR IGNORE INTO objects (norad_id) VALUES (?)');
    this.#insertSet = db.prepare('INSERT OR IGNORE INTO event_element_sets (event_id, element_set_id) VALUES (?, ?)');
    this.#findSet = db.prepare('SELECT id FROM element_sets WHERE norad_id = ? AND epoch_ms = ? ORDER BY id LIMIT 1');
    // Epochs that went through another representation may differ in the last float bits.
    this.#findSetNear = db.prepare(
      'SELECT id FROM element_sets WHERE norad_id = ? AND epoch_ms BETWEEN ? AND ? ORDER BY id LIMIT 1',
    );
    this.#saveTx = db.transaction((events: readonly DetectedEvent[], now: Instant): SaveEventsResult => {
      const ids: string[] = [];
      let inserted = 0;
      let existing = 0;
      for (const e of events) {
        const fp = eventFingerprint(e);
        const found = this.#byFingerprint.get(fp);
        if (found !== undefined) {
          ids.push(found.id);
          existing++;
          continue;
        }
        const id = uuidV7(now);
        this.#insertEvent.run(
          id,
          e.kind,
          e.start,
          e.end,
          e.detector,
          e.detectorVersion,
          JSON.stringify(e.parameters),
          JSON.stringify({
            measures: e.measures,
            elementSets: e.elementSets,
            ...(e.assessment === undefined ? {} : { assessment: e.assessment }),
          }),
          fp,
          Math.round(now),
        );
        for (const o of e.objects) {
          this.#ensureObject.run(o.norad);
          this.#insertObject.run(id, o.norad, o.role);
        }
        for (const s of e.elementSets) {
          const storedId = this.#resolveSet(s);
          if (storedId !== undefined) this.#insertSet.run(id, storedId);
        }
        ids.push(id);
        inserted++;
      }
      return { ids, inserted, existing };
    });
  }

  #resolveSet(s: ElementSetRef): number | undefined {
    if (s.storedId !== undefined && Number.isInteger(Number(s.storedId))) return Number(s.storedId);
    return (
      this.#findSet.get(s.noradId, s.epoch)?.id ??
      this.#findSetNear.get(s.noradId, s.epoch - 0.001, s.epoch + 0.001)?.id
    );
  }

  saveEvents(events: readonly DetectedEvent[], now: Instant): SaveEventsResult {
    return this.#saveTx.immediate(events, now);
  }

  listEvents(filter: EventFilter = {}): StoredEvent[] {
    const c = new SqlConditions()
      .add('e.kind = ?', filter.kind)
      .add('e.id IN (SELECT event_id FROM event_objects WHERE norad_id = ?)', filter.norad)
      .add('e.end_ms >= ?', filter.since)
      .add('e.start_ms < ?', filter.until)
      .add("json_extract(e.measures, '$.assessment.label') = ?", filter.label);
    if (filter.after !== undefined) c.add('(e.start_ms, e.id) > (?, ?)', filter.after.start, filter.after.id);
    const sql = `SELECT e.* FROM events e${c.where} ORDER BY e.start_ms, e.id ${filter.limit === undefined ? '' : `LIMIT ${String(Math.max(0, Math.floor(filter.limit)))}`}`;
    return (this.#db.prepare(sql).all(...c.args) as EventRow[]).map((r) => this.#hydrate(r));
  }

  getEvent(id: string): StoredEvent | null {
    const row = this.#db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
    return row === undefined ? null : this.#hydrate(row);
  }

  eventIdsWithPrefix(prefix: string, limit = 10): string[] {
    // Ids are lower-case UUIDv7 text: a range over the primary key finds every id with the prefix.
    const lo = prefix.toLowerCase();
    const rows = this.#db
      .prepare('SELECT id FROM events WHERE id >= ? AND id < ? ORDER BY id LIMIT ?')
      .all(lo, `${lo}\uffff`, Math.max(0, Math.floor(limit))) as { id: string }[];
    return rows.map((r) => r.id);
  }

  #hydrate(r: EventRow): StoredEvent {
    const objects = this.#db
      .prepare('SELECT norad_id, role FROM event_objects WHERE event_id = ? ORDER BY role, norad_id')
      .all(r.id) as { norad_id: number; role: StoredEvent['objects'][number]['role'] }[];
    const setIds = (
      this.#db
        .prepare('SELECT element_set_id FROM event_element_sets WHERE event_id = ? ORDER BY element_set_id')
        .all(r.id) as { element_set_id: number }[]
    ).map((x) => x.element_set_id);
    const body = JSON.parse(r.measures) as {
      measures: StoredEvent['measures'];
      elementSets: StoredEvent['elementSets'];
      assessment?: StoredEvent['assessment'];
    };
    return {
      id: r.id,
      kind: r.kind,
      objects: objects.map((o) => ({ norad: noradId(o.norad_id), role: o.role })),
      start: instant(r.start_ms),
      end: instant(r.end_ms),
      measures: body.measures,
      elementSets: body.elementSets,
      ...(body.assessment === undefined ? {} : { assessment: body.assessment }),
      detector: r.detector,
      detectorVersion: r.detector_version,
      parameters: JSON.parse(r.parameters) as StoredEvent['parameters'],
      createdAt: instant(r.created_at_ms),
      elementSetIds: setIds,
    };
  }

  detectorWatermarks(detector: string): Map<NoradId, ElementSetId> {
    const rows = this.#db
      .prepare('SELECT norad_id, max_element_set_id FROM detector_watermarks WHERE detector = ?')
      .all(detector) as { norad_id: number; max_element_set_id: number }[];
    return new Map(rows.map((r) => [noradId(r.norad_id), r.max_element_set_id]));
  }

  setDetectorWatermarks(
    detector: string,
    detectorVersion: string,
    marks: ReadonlyMap<NoradId, ElementSetId>,
    now: Instant,
  ): void {
    const upsert = this.#db
      .prepare(`INSERT INTO detector_watermarks (detector, detector_version, norad_id, max_element_set_id, updated_at_ms) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (detector, norad_id) DO UPDATE SET detector_version = excluded.detector_version, max_element_set_id = excluded.max_element_set_id, updated_at_ms = excluded.updated_at_ms`);
    this.#db
      .transaction(() => {
        for (const [norad, id] of marks) upsert.run(detector, detectorVersion, norad, id, Math.round(now));
      })
      .immediate();
  }

  latestElementSetIds(): Map<NoradId, ElementSetId> {
    const rows = this.#db.prepare('SELECT norad_id, max(id) AS id FROM element_sets GROUP BY norad_id').all() as {
      norad_id: number;
      id: number;
    }[];
    return new Map(rows.map((r) => [noradId(r.norad_id), r.id]));
  }
}

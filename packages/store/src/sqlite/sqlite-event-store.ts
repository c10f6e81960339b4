/**
 * SQLite implementation of the event part of the repository port (used by
 * SqliteCatalogRepository). Events are written in one transaction with their objects and the
 * stored ids of their element sets. Two fingerprints: the identity (sha256 of kind, detector,
 * version, parameters, objects, element-set keys and span; the whole fingerprint of rows stored
 * before migration 011) and the estimate (the identity plus measures and assessment). Saving an
 * event whose estimate is stored is a no-op; one whose identity is stored live with an estimate
 * the caller's `sameEstimate` accepts (a refinement the earlier estimate already allowed) is that
 * row; anything else is a new row, which detection then marks as superseding the earlier one.
 * Superseded events (migration 011) keep their rows; lists skip them unless asked.
 * @module
 */
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DetectedEvent, ElementSetRef, Instant, NoradId } from '@orbwatch/core';
import { instant, noradId } from '@orbwatch/core';
import type {
  EventFilter,
  SameEstimate,
  SaveEventsResult,
  StoredEvent,
  Supersession,
  SupersessionReason,
} from '../event-repository.js';
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
  superseded_at_ms: number | null;
  superseded_by: string | null;
  supersession_reason: SupersessionReason | null;
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

/** What the event is, who saw it with which settings, and from which data (without its estimate). */
function identity(e: DetectedEvent) {
  return {
    kind: e.kind,
    detector: e.detector,
    version: e.detectorVersion,
    parameters: e.parameters,
    objects: e.objects.map((o) => `${String(o.norad)}:${o.role}`).sort(),
    sets: e.elementSets.map((s) => `${String(s.noradId)}@${String(s.epoch)}`).sort(),
    start: e.start,
    end: e.end,
  };
}

/** The fingerprint of an estimate: {@link identity} plus what it measured and concluded. */
export function eventFingerprint(e: DetectedEvent): string {
  return hash('sha256', stableJson({ ...identity(e), measures: e.measures, assessment: e.assessment ?? null }), 'hex');
}

/** The fingerprint of the event's identity (the fingerprint of rows stored before migration 011). */
export function eventIdentityFingerprint(e: DetectedEvent): string {
  return hash('sha256', stableJson(identity(e)), 'hex');
}

/** The default {@link SameEstimate}: the same measures and assessment. */
const equalEstimate: SameEstimate = (earlier, later) =>
  stableJson([earlier.measures, earlier.assessment ?? null]) ===
  stableJson(JSON.parse(JSON.stringify([later.measures, later.assessment ?? null])));

/** The JSON body of the `measures` column. */
function eventBody(e: DetectedEvent) {
  return {
    measures: e.measures,
    elementSets: e.elementSets,
    ...(e.assessment === undefined ? {} : { assessment: e.assessment }),
  };
}

export class SqliteEventStore {
  readonly #db: Database.Database;
  readonly #byFingerprint: Database.Statement<[string], { id: string }>;
  readonly #liveByIdentity: Database.Statement<[string], { id: string; measures: string }>;
  readonly #insertEvent: Database.Statement;
  readonly #insertObject: Database.Statement;
  readonly #ensureObject: Database.Statement;
  readonly #insertSet: Database.Statement;
  readonly #findSet: Database.Statement<[number, number], { id: number }>;
  readonly #findSetNear: Database.Statement<[number, number, number], { id: number }>;
  readonly #saveTx: Database.Transaction<
    (events: readonly DetectedEvent[], now: Instant, same?: SameEstimate) => SaveEventsResult
  >;
  readonly #objectsOf: Database.Statement<[string], { norad_id: number; role: StoredEvent['objects'][number]['role'] }>;
  readonly #setIdsOf: Database.Statement<[string], { element_set_id: number }>;
  readonly #supersedeTx: Database.Transaction<(s: readonly Supersession[], now: Instant) => number>;
  readonly #reviveTx: Database.Transaction<(ids: readonly string[]) => number>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#byFingerprint = db.prepare('SELECT id FROM events WHERE fingerprint = ?');
    this.#liveByIdentity = db.prepare(
      `SELECT id, measures FROM events WHERE identity_fingerprint = ? AND superseded_at_ms IS NULL
       ORDER BY created_at_ms DESC, id DESC LIMIT 1`,
    );
    // prepared once: every listed event is hydrated with these two
    this.#objectsOf = db.prepare('SELECT norad_id, role FROM event_objects WHERE event_id = ? ORDER BY role, norad_id');
    this.#setIdsOf = db.prepare(
      'SELECT element_set_id FROM event_element_sets WHERE event_id = ? ORDER BY element_set_id',
    );
    this.#insertEvent =
      db.prepare(`INSERT INTO events (id, kind, start_ms, end_ms, detector, detector_version, parameters, measures, fingerprint, identity_fingerprint, created_at_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#insertObject = db.prepare('INSERT OR IGNORE INTO event_objects (event_id, norad_id, role) VALUES (?, ?, ?)');
    this.#ensureObject = db.prepare('INSERT OR IGNORE INTO objects (norad_id) VALUES (?)');
    this.#insertSet = db.prepare('INSERT OR IGNORE INTO event_element_sets (event_id, element_set_id) VALUES (?, ?)');
    this.#findSet = db.prepare('SELECT id FROM element_sets WHERE norad_id = ? AND epoch_ms = ? ORDER BY id LIMIT 1');
    // Epochs that went through another representation may differ in the last float bits.
    this.#findSetNear = db.prepare(
      'SELECT id FROM element_sets WHERE norad_id = ? AND epoch_ms BETWEEN ? AND ? ORDER BY id LIMIT 1',
    );
    this.#saveTx = db.transaction((events: readonly DetectedEvent[], now: Instant, same?: SameEstimate) => {
      const ids: string[] = [];
      let inserted = 0;
      let existing = 0;
      for (const e of events) {
        const fp = eventFingerprint(e);
        const idFp = eventIdentityFingerprint(e);
        const body = eventBody(e);
        const found = this.#byFingerprint.get(fp) ?? this.#acceptedEarlier(idFp, e, same);
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
          JSON.stringify(body),
          fp,
          idFp,
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
      return { ids, inserted, existing } satisfies SaveEventsResult;
    });
    const supersede = db.prepare(
      `UPDATE events SET superseded_at_ms = ?, superseded_by = ?, supersession_reason = ?
       WHERE id = ? AND superseded_at_ms IS NULL`,
    );
    this.#supersedeTx = db.transaction((list: readonly Supersession[], now: Instant): number => {
      let n = 0;
      for (const s of list)
        n += supersede.run(Math.round(now), s.by, s.by === null ? 'withdrawn' : 're-estimated', s.id).changes;
      return n;
    });
    const revive = db.prepare(
      `UPDATE events SET superseded_at_ms = NULL, superseded_by = NULL, supersession_reason = NULL
       WHERE id = ? AND superseded_at_ms IS NOT NULL`,
    );
    this.#reviveTx = db.transaction((ids: readonly string[]): number => {
      let n = 0;
      for (const id of ids) n += revive.run(id).changes;
      return n;
    });
  }

  supersedeEvents(supersessions: readonly Supersession[], now: Instant): number {
    return supersessions.length === 0 ? 0 : this.#supersedeTx.immediate(supersessions, now);
  }

  reviveEvents(ids: readonly string[]): number {
    return ids.length === 0 ? 0 : this.#reviveTx.immediate(ids);
  }

  /**
   * The newest live row of the same identity, when `same` accepts `e` as its estimate (by
   * default: equal measures and assessment, which finds rows stored before migration 011).
   */
  #acceptedEarlier(idFp: string, e: DetectedEvent, same: SameEstimate = equalEstimate): { id: string } | undefined {
    const row = this.#liveByIdentity.get(idFp);
    if (row === undefined) return undefined;
    const earlier = JSON.parse(row.measures) as Pick<DetectedEvent, 'measures' | 'assessment'>;
    return same(earlier, e) ? row : undefined;
  }

  #resolveSet(s: ElementSetRef): number | undefined {
    if (s.storedId !== undefined && Number.isInteger(Number(s.storedId))) return Number(s.storedId);
    return (
      this.#findSet.get(s.noradId, s.epoch)?.id ??
      this.#findSetNear.get(s.noradId, s.epoch - 0.001, s.epoch + 0.001)?.id
    );
  }

  saveEvents(events: readonly DetectedEvent[], now: Instant, same?: SameEstimate): SaveEventsResult {
    return this.#saveTx.immediate(events, now, same);
  }

  listEvents(filter: EventFilter = {}): StoredEvent[] {
    const c = new SqlConditions()
      .add('e.kind = ?', filter.kind)
      .add('e.detector = ?', filter.detector)
      .add('e.id IN (SELECT event_id FROM event_objects WHERE norad_id = ?)', filter.norad)
      .add('e.end_ms >= ?', filter.since)
      .add('e.start_ms < ?', filter.until)
      .add("json_extract(e.measures, '$.assessment.label') = ?", filter.label);
    if (filter.includeSuperseded !== true) c.addClause('e.superseded_at_ms IS NULL');
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
    const objects = this.#objectsOf.all(r.id);
    const setIds = this.#setIdsOf.all(r.id).map((x) => x.element_set_id);
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
      ...(r.superseded_at_ms === null
        ? {}
        : {
            superseded: {
              at: instant(r.superseded_at_ms),
              by: r.superseded_by,
              reason: r.supersession_reason ?? (r.superseded_by === null ? 'withdrawn' : 're-estimated'),
            },
          }),
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

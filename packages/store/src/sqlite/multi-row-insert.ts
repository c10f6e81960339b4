/**
 * One INSERT of many rows (`VALUES (…),(…),…`) instead of one call per row. For a load, SQLite
 * spends less per row in one statement of hundreds of rows than in as many single-row runs: on
 * the reference machine, storing the 182,144 sets of history-2026 as TLE-shaped rows costs
 * 391-452 ms in statements of 500 rows against 547-584 ms in single-row runs
 * (`bench/ingest-floor.ts --rows N`, docs/benchmarks.md). Statements of a few rows are slower
 * than single rows (2 rows: twice the time per row), so fewer than {@link MIN_ROWS} rows go one
 * by one. Used for TLE rows (8 values); OMM rows stay single-row (docs/design/storage.md).
 *
 * Rows are inserted in the order given, so ids are assigned as single-row runs would assign
 * them: the rows one call inserts take consecutive ids ending at `lastInsertRowid` (SQLite
 * gives a new row the largest id plus one, and nothing else writes to the table inside the
 * batch's transaction). Callers use that to tell which rows went in when some did not.
 * @module
 */
import type Database from 'better-sqlite3';

/** Below this many rows a call runs single-row statements. */
export const MIN_ROWS = 16;
/** Rows per statement at most: 500 rows of 8 values stay far below SQLite's 32,766 variables. */
export const MAX_ROWS = 500;
/** Statements kept per row count (a load uses one full size and a few remainders). */
const CACHED_SIZES = 8;

export interface InsertOutcome {
  /** Rows inserted (the others met the ON CONFLICT clause). */
  readonly changes: number;
  /** Id of the last row inserted; with `changes`, the consecutive ids this call assigned. */
  readonly lastId: number;
}

export class MultiRowInsert {
  readonly #db: Database.Database;
  readonly #head: string;
  readonly #row: string;
  readonly #tail: string;
  /** Values per row (placeholders in `row`). */
  readonly width: number;
  readonly #single: Database.Statement;
  readonly #bySize = new Map<number, Database.Statement>();

  /**
   * `head` is `INSERT INTO t (cols…) VALUES`, `row` one row's `(?,?,…)`, `tail` what follows the
   * rows (an ON CONFLICT clause); `width` the number of `?` in `row`.
   */
  constructor(db: Database.Database, head: string, row: string, tail: string, width: number) {
    if ((row.match(/\?/g) ?? []).length !== width)
      throw new RangeError(`row ${row} does not hold ${String(width)} values`);
    this.#db = db;
    this.#head = head;
    this.#row = row;
    this.#tail = tail;
    this.width = width;
    this.#single = db.prepare(`${head} ${row} ${tail}`);
  }

  /**
   * Inserts the rows whose values follow one another in `values` (`width` per row, at most
   * {@link MAX_ROWS} rows), in order.
   */
  run(values: readonly unknown[]): InsertOutcome {
    const w = this.width;
    const rows = values.length / w;
    if (!Number.isInteger(rows) || rows > MAX_ROWS)
      throw new RangeError(`${String(values.length)} values are not up to ${String(MAX_ROWS)} rows of ${String(w)}`);
    if (rows >= MIN_ROWS) {
      // spread, not the array form: better-sqlite3 binds positional arguments about 10 % faster
      // (docs/benchmarks.md, "Fourth round")
      const r = this.#statement(rows).run(...values);
      return { changes: r.changes, lastId: Number(r.lastInsertRowid) };
    }
    let changes = 0;
    let lastId = 0;
    for (let i = 0; i < rows; i++) {
      const r = this.#single.run(...values.slice(i * w, i * w + w));
      if (r.changes > 0) {
        changes += r.changes;
        lastId = Number(r.lastInsertRowid);
      }
    }
    return { changes, lastId };
  }

  #statement(rows: number): Database.Statement {
    let s = this.#bySize.get(rows);
    if (s === undefined) {
      if (this.#bySize.size >= CACHED_SIZES) {
        // drop a size other than the largest (the full chunks of a load)
        for (const k of this.#bySize.keys())
          if (k !== MAX_ROWS) {
            this.#bySize.delete(k);
            break;
          }
      }
      s = this.#db.prepare(`${this.#head} ${Array<string>(rows).fill(this.#row).join(',')} ${this.#tail}`);
      this.#bySize.set(rows, s);
    }
    return s;
  }
}

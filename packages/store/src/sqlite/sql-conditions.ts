/**
 * The optional conditions of a filtered query, ANDed, with their bound values in order.
 * @module
 */
export class SqlConditions {
  readonly #clauses: string[] = [];
  /** Bound values, in the order of the clauses' `?`. */
  readonly args: (string | number)[] = [];

  /**
   * Adds `clause` bound to `value` (and `more`, one per further `?`), unless `value` is
   * undefined (no such filter).
   */
  add(clause: string, value: string | number | undefined, ...more: (string | number)[]): this {
    if (value !== undefined) {
      this.#clauses.push(clause);
      this.args.push(value, ...more);
    }
    return this;
  }

  /** Adds a clause without bound values. */
  addClause(clause: string): this {
    this.#clauses.push(clause);
    return this;
  }

  /** ` WHERE c1 AND c2 …`, or the empty string when no condition was added. */
  get where(): string {
    return this.#clauses.length > 0 ? ` WHERE ${this.#clauses.join(' AND ')}` : '';
  }
}

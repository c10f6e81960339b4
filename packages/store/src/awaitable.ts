/** A value, or a promise of it: SQLite answers synchronously, PostgreSQL asynchronously. */
export type Awaitable<T> = T | Promise<T>;

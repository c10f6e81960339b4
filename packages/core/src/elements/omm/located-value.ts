/**
 * A field value as read from an input, with where it was read. Every OMM and SATCAT reader
 * turns its syntax (JSON, XML, KVN, CSV) into maps of these, so that one set of conversion
 * rules, and one set of issue locations, serves every format.
 * @module
 */

/**
 * One keyword's value and its 1-based position. Text formats give strings; JSON may give
 * numbers, booleans or null (CelesTrak publishes numbers, Space-Track strings).
 */
export interface LocatedValue {
  readonly value: string | number | boolean | null;
  readonly line: number;
  readonly column: number;
}

/** The keywords of one record, by upper-case keyword name. */
export type LocatedFields = ReadonlyMap<string, LocatedValue>;

/**
 * Issues recorded by an ingest: the parser's issues plus those the store itself finds.
 * @module
 */
import type { ParseIssue } from '@orbwatch/core';

/** Codes raised by the store (parse codes live in core's `IssueCode`). */
export const StoreIssueCode = {
  /**
   * A set with the same natural key (norad, epoch, source) is already stored with different
   * element content. The stored set is kept (append-only); the new one is rejected.
   */
  ELEMENT_SET_CONFLICT: 'ELEMENT_SET_CONFLICT',
} as const;
export type StoreIssueCode = (typeof StoreIssueCode)[keyof typeof StoreIssueCode];

/** A parse issue, or a store issue in the same shape (file/line/column/expected). */
export interface IngestIssue extends Omit<ParseIssue, 'code'> {
  readonly code: ParseIssue['code'] | StoreIssueCode;
  /** For a conflict: the id of the stored element set that the rejected one collides with. */
  readonly elementSetId?: number;
}

/**
 * Offsets to 1-based line and column numbers, for parsers that work on the whole text and
 * must still point every issue at a line and column. Lines end at `\n`; a `\r` before it is
 * part of the line break, not of the next line.
 * @module
 */

/** 1-based line and column of a position in a text (column counts UTF-16 code units). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Maps character offsets of one text to line/column in O(log lines). */
export class LineIndex {
  readonly #starts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.#starts = starts;
  }

  /** Number of lines (a text without a final newline still counts its last line). */
  get lineCount(): number {
    return this.#starts.length;
  }

  /** 1-based line and column of `offset` (clamped to the text). */
  position(offset: number): TextPosition {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(0, offset - (starts[lo] ?? 0)) + 1 };
  }

  /** Offset where 1-based `line` starts. */
  lineStart(line: number): number {
    return this.#starts[Math.min(Math.max(line, 1), this.#starts.length) - 1] ?? 0;
  }
}

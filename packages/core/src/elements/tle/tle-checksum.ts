/**
 * The TLE modulo-10 checksum (column 69 of each line).
 * @module
 */

/**
 * Checksum of characters `start` (inclusive) to `end` (exclusive) of `text`: every digit counts
 * its value, every minus sign counts 1, everything else counts 0; the sum modulo 10.
 * Internal fast path for the parser (no slicing).
 */
export function checksumOfRange(text: string, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === 45) sum += 1;
  }
  return sum % 10;
}

/**
 * The checksum a TLE line should carry in column 69: computed over columns 1-68 (characters
 * beyond column 68, such as the checksum digit itself, are ignored; a shorter line is summed
 * as far as it goes). Digits count their value, `-` counts 1, letters, blanks, `.` and `+`
 * count 0; the result is the sum modulo 10.
 */
export function tleChecksum(line: string): number {
  return checksumOfRange(line, 0, Math.min(68, line.length));
}

/**
 * A small JSON reader that keeps the offset of every value, so that a mistyped field can be
 * reported at its own line and column (`JSON.parse` gives values without positions). It
 * follows RFC 8259 exactly; on a syntax error it reports the offset where the input stopped
 * making sense. For a top-level array it recovers per element: a broken record is reported
 * and reading resumes at the next `},{`, so the other records are kept.
 * @module
 */

/** A parsed JSON value with the offsets (start inclusive, end exclusive) it spans. */
export type JsonNode =
  | { readonly kind: 'object'; readonly start: number; readonly end: number; readonly entries: readonly JsonEntry[] }
  | { readonly kind: 'array'; readonly start: number; readonly end: number; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly start: number; readonly end: number; readonly value: string }
  | { readonly kind: 'number'; readonly start: number; readonly end: number; readonly value: number }
  | { readonly kind: 'literal'; readonly start: number; readonly end: number; readonly value: boolean | null };

/** One `"key": value` member of an object; `keyStart` is the offset of the key's opening quote. */
export interface JsonEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly value: JsonNode;
}

/** A syntax error: what was expected and at which offset. */
export interface JsonSyntaxProblem {
  readonly offset: number;
  readonly expected: string;
  readonly message: string;
}

/** The outcome of reading a whole text: the top-level elements read and the problems met. */
export interface JsonDocument {
  /** The top-level array's elements (or the single top-level value), minus broken ones. */
  readonly elements: readonly JsonNode[];
  readonly problems: readonly JsonSyntaxProblem[];
}

/** Internal: unwinds the reader to the nearest recovery point; never escapes this module. */
class Stop extends Error {
  readonly problem: JsonSyntaxProblem;
  constructor(problem: JsonSyntaxProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 256;

class Reader {
  readonly text: string;
  pos = 0;
  constructor(text: string) {
    this.text = text;
  }

  fail(expected: string, message: string, offset = this.pos): never {
    throw new Stop({ offset, expected, message });
  }

  skipWs(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  describeHere(): string {
    return this.pos >= this.text.length ? 'end of input' : JSON.stringify(this.text.slice(this.pos, this.pos + 12));
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail('shallower nesting', `nesting deeper than ${MAX_DEPTH}`);
    this.skipWs();
    const start = this.pos;
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return { kind: 'string', start, value: this.string(), end: this.pos };
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      case undefined:
      default: {
        NUMBER_RE.lastIndex = start;
        const m = NUMBER_RE.exec(this.text);
        if (m === null) this.fail('a JSON value', `unexpected ${this.describeHere()}`);
        this.pos = start + m[0].length;
        return { kind: 'number', start, end: this.pos, value: Number(m[0]) };
      }
    }
  }

  literal(word: string, value: boolean | null): JsonNode {
    const start = this.pos;
    if (!this.text.startsWith(word, start)) this.fail('a JSON value', `unexpected ${this.describeHere()}`);
    this.pos += word.length;
    return { kind: 'literal', start, end: this.pos, value };
  }

  string(): string {
    const t = this.text;
    this.pos++; // opening quote
    let out = '';
    let runStart = this.pos;
    for (;;) {
      if (this.pos >= t.length) this.fail('closing "', 'unterminated string');
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) {
        out += t.slice(runStart, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail('an escaped control character', 'raw control character in string');
      if (c === 0x5c) {
        out += t.slice(runStart, this.pos);
        const e = t[this.pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e] ?? '';
          this.pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(parseInt(t.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          this.fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', 'bad escape in string', this.pos + 1);
        }
        runStart = this.pos;
      } else {
        this.pos++;
      }
    }
  }

  object(depth: number): JsonNode {
    const start = this.pos;
    this.pos++;
    const entries: JsonEntry[] = [];
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', start, end: this.pos, entries };
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"') this.fail('a "key"', `expected a quoted key, found ${this.describeHere()}`);
      const keyStart = this.pos;
      const key = this.string();
      this.skipWs();
      if (this.text[this.pos] !== ':') this.fail('":"', `expected ":" after key, found ${this.describeHere()}`);
      this.pos++;
      const value = this.value(depth + 1);
      entries.push({ key, keyStart, value });
      this.skipWs();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return { kind: 'object', start, end: this.pos, entries };
      }
      this.fail('"," or "}"', `expected "," or "}", found ${this.describeHere()}`);
    }
  }

  array(depth: number): JsonNode {
    const start = this.pos;
    this.pos++;
    const items: JsonNode[] = [];
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', start, end: this.pos, items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipWs();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return { kind: 'array', start, end: this.pos, items };
      }
      this.fail('"," or "]"', `expected "," or "]", found ${this.describeHere()}`);
    }
  }
}

const RESYNC_RE = /\}\s*,\s*\{/g;

/**
 * Reads a JSON text. A top-level array is read element by element with recovery (see module
 * doc); any other top-level value is read whole. Never throws on bad input.
 */
export function readJsonDocument(text: string): JsonDocument {
  const r = new Reader(text);
  const problems: JsonSyntaxProblem[] = [];
  const elements: JsonNode[] = [];
  const trailing = (): void => {
    r.skipWs();
    if (r.pos < text.length) {
      problems.push({
        offset: r.pos,
        expected: 'end of input',
        message: `unexpected ${r.describeHere()} after the JSON value`,
      });
    }
  };
  if (text.charCodeAt(0) === 0xfeff) r.pos = 1;
  r.skipWs();
  if (text[r.pos] !== '[') {
    try {
      elements.push(r.value(0));
      trailing();
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      problems.push(e.problem);
    }
    return { elements, problems };
  }
  r.pos++;
  r.skipWs();
  if (text[r.pos] === ']') {
    r.pos++;
    trailing();
    return { elements, problems };
  }
  for (;;) {
    try {
      elements.push(r.value(1));
      r.skipWs();
      const c = text[r.pos];
      if (c === ',') {
        r.pos++;
        continue;
      }
      if (c === ']') {
        r.pos++;
        trailing();
        return { elements, problems };
      }
      r.fail('"," or "]"', `expected "," or "]" between records, found ${r.describeHere()}`);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      problems.push(e.problem);
      RESYNC_RE.lastIndex = Math.max(e.problem.offset - 1, 0);
      const m = RESYNC_RE.exec(text);
      if (m === null) return { elements, problems };
      r.pos = m.index + m[0].length - 1; // at the next record's "{"
    }
  }
}

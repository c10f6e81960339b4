/**
 * Helpers for reporting a schema issue at its place in a located JSON document (see
 * located-json.ts): a JSON path as text (`$.norms[2].id` style), the node a path reaches, and a
 * node's plain value to validate.
 * @module
 */
import type { JsonNode } from './located-json.js';
import { readJsonDocument } from './located-json.js';
import { LineIndex } from './line-index.js';

/** `.norms[2].instruments[0]` for `['norms', 2, 'instruments', 0]` (without the leading `$`). */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${String(p)}`)).join('');
}

/** The deepest node the path reaches (the parent when the key is missing). */
export function nodeAt(root: JsonNode, path: readonly PropertyKey[]): JsonNode {
  let node = root;
  for (const key of path) {
    if (node.kind === 'object') {
      const e = node.entries.find((x) => x.key === key);
      if (e === undefined) return node;
      node = e.value;
    } else if (node.kind === 'array' && typeof key === 'number') {
      const next = node.items[key];
      if (next === undefined) return node;
      node = next;
    } else return node;
  }
  return node;
}

/** The node's value as `JSON.parse` would give it. */
export function toPlain(n: JsonNode): unknown {
  switch (n.kind) {
    case 'object':
      return Object.fromEntries(n.entries.map((e) => [e.key, toPlain(e.value)]));
    case 'array':
      return n.items.map(toPlain);
    case 'string':
    case 'number':
    case 'literal':
      return n.value;
  }
}

/** A problem located in a JSON file, as the norm and case readers report it. */
export interface LocatedJsonIssue<C extends string> {
  readonly code: C;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly expected: string;
  readonly message: string;
}

/**
 * Reads a JSON file down to its top-level value: the value (undefined when the text is not one
 * readable JSON value), a function from offsets to line and column, and the syntax issues under
 * `syntaxCode` (an empty file is one, `empty <what>`).
 */
export function readLocatedRoot<C extends string>(
  text: string,
  file: string,
  syntaxCode: C,
  what: string,
): {
  readonly root: JsonNode | undefined;
  readonly at: (offset: number) => { line: number; column: number };
  readonly issues: LocatedJsonIssue<C>[];
} {
  const lines = new LineIndex(text);
  const at = (offset: number) => lines.position(offset);
  const doc = readJsonDocument(text);
  const issues: LocatedJsonIssue<C>[] = doc.problems.map((p) => ({
    code: syntaxCode,
    file,
    ...at(p.offset),
    path: '$',
    expected: p.expected,
    message: p.message,
  }));
  const root = doc.elements[0];
  if (root === undefined && issues.length === 0)
    issues.push({
      code: syntaxCode,
      file,
      line: 1,
      column: 1,
      path: '$',
      expected: 'a JSON object',
      message: `empty ${what}`,
    });
  return { root: issues.length > 0 ? undefined : root, at, issues };
}

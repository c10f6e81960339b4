/**
 * Helpers for reporting a schema issue at its place in a located JSON document (see
 * located-json.ts): a JSON path as text (`$.norms[2].id` style), the node a path reaches, and a
 * node's plain value to validate.
 * @module
 */
import type { JsonNode } from './located-json.js';

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

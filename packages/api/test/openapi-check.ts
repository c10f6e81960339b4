/**
 * Checks responses against the served OpenAPI document: each route's declared schema for the
 * status and content type is compiled by Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1)
 * with the document's components, and a response that does not match fails the test.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';

const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

export class OpenApiChecker {
  readonly #ajv: Ajv2020;
  readonly #doc: Record<string, unknown>;
  readonly #cache = new Map<string, ValidateFunction>();
  /** Routes (`METHOD template status`) whose responses were checked. */
  readonly checked = new Set<string>();

  constructor(doc: Record<string, unknown>) {
    this.#doc = doc;
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    this.#ajv.addSchema(doc, 'openapi.json');
  }

  /** The route template of `path` for `method` (e.g. /api/objects/25544 → /api/objects/{norad}). */
  template(method: string, path: string): string {
    const paths = Object.keys(this.#doc['paths'] as Record<string, unknown>);
    const bare = path.split('?')[0] ?? path;
    const hit = paths.find((p) => {
      const re = new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const ops = (this.#doc['paths'] as Record<string, Record<string, unknown>>)[p] ?? {};
      return re.test(bare) && method.toLowerCase() in ops;
    });
    if (hit === undefined) throw new Error(`no route in the OpenAPI document for ${method} ${bare}`);
    return hit;
  }

  /** Throws with Ajv's errors when `body` does not match the documented response. */
  check(method: string, path: string, status: number, contentType: string, body: unknown): void {
    const t = this.template(method, path);
    const ct = contentType.split(';')[0]?.trim() ?? '';
    const op = (this.#doc['paths'] as Record<string, Record<string, { responses: Record<string, unknown> }>>)[t]?.[
      method.toLowerCase()
    ];
    const resp = op?.responses[String(status)] as { content?: Record<string, unknown> } | undefined;
    if (resp === undefined) throw new Error(`${method} ${t}: status ${String(status)} is not documented`);
    if (resp.content?.[ct] === undefined)
      throw new Error(`${method} ${t} ${String(status)}: content type ${ct} is not documented`);
    const ref = `openapi.json#/paths/${escape(t)}/${method.toLowerCase()}/responses/${String(status)}/content/${escape(ct)}/schema`;
    const v = this.#cache.get(ref) ?? this.#ajv.compile({ $ref: ref });
    this.#cache.set(ref, v);
    if (!v(body))
      throw new Error(
        `${method} ${path} ${String(status)} does not match its schema: ${JSON.stringify(v.errors?.slice(0, 5))}`,
      );
    this.checked.add(`${method.toUpperCase()} ${t} ${String(status)}`);
  }
}

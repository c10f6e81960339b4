/**
 * Names for the NORAD ids a command prints: each object's latest name, COSPAR id (and so its
 * launch), owner and type from the store, read in one batch per command. Every table prints an
 * id with its name beside it, and a group of objects with its launch, so a reader sees "66174
 * HTV-X1" rather than a bare number.
 * @module
 */
import type { NoradId } from '@orbwatch/core';
import type { CatalogObject, CatalogRepository } from '@orbwatch/store';

/** What a table needs to say about one object. */
export interface ObjectLabel {
  readonly norad: NoradId;
  readonly name: string | null;
  readonly cosparId: string | null;
  readonly owner: string | null;
  readonly objectType: string | null;
}

/** Up to this many objects are read one by one; more, in one listing of the catalogue. */
const ONE_BY_ONE_MAX = 40;

/** The launch part `YYYY-NNN` of a COSPAR id, null when there is none. */
export function launchOf(cosparId: string | null): string | null {
  const m = cosparId === null ? null : /^(\d{4}-\d{3})/.exec(cosparId);
  return m?.[1] ?? null;
}

/**
 * The family part of a name: trailing serial numbers and piece letters removed
 * (`STARLINK-34012` → `STARLINK`, `FLOCK 4Y 12` → `FLOCK 4Y`), so a launch's objects can be
 * summarised as `24 × STARLINK`.
 */
export function nameFamily(name: string): string {
  const n = name.trim();
  if (/^\d{4}-\d{3}[A-Z]*$/.test(n)) return '(designator only)';
  // Unnamed pieces of a launch: `JILIN GAOFEN OBJECT A` → `JILIN GAOFEN OBJECT`.
  const object = /^(.*\bOBJECT)\s+[A-Z]{1,3}$/.exec(n);
  if (object?.[1] !== undefined) return object[1];
  const stem = n.replace(/[\s\-_/]+\d+[A-Z]?$/i, '').trim();
  return stem === '' ? n : stem;
}

export class ObjectNames {
  readonly #byId: ReadonlyMap<NoradId, ObjectLabel>;

  constructor(labels: Iterable<ObjectLabel>) {
    this.#byId = new Map([...labels].map((l) => [l.norad, l]));
  }

  get(norad: NoradId): ObjectLabel | undefined {
    return this.#byId.get(norad);
  }

  /** The object's name, or `(no name)` when the store has none. */
  name(norad: NoradId): string {
    return this.#byId.get(norad)?.name ?? '(no name)';
  }

  /**
   * `66174 HTV-X1`: the id with its name; a name that says nothing by itself (`OBJECT H`, none)
   * gets the COSPAR id too: `53451 OBJECT H (2022-151H)`.
   */
  label(norad: NoradId): string {
    const name = this.name(norad);
    const cospar = this.#byId.get(norad)?.cosparId ?? null;
    const bare = name === '(no name)' || /^OBJECT\s+[A-Z]{1,3}$/.test(name);
    return `${String(norad)} ${name}${bare && cospar !== null && cospar !== name ? ` (${cospar})` : ''}`;
  }

  /** The object's launch `YYYY-NNN`, null when its COSPAR id is unknown. */
  launch(norad: NoradId): string | null {
    return launchOf(this.#byId.get(norad)?.cosparId ?? null);
  }

  /**
   * A group of objects in words: their launch(es) and name families with counts, e.g.
   * `2026-052: 7 × FLOCK 4Y` or `2026-049: 3 × LEMUR-2, 1 × OBJECT`.
   */
  group(norads: readonly NoradId[], maxFamilies = 3): string {
    const launches = [...new Set(norads.map((n) => this.launch(n) ?? 'launch unknown'))];
    const families = new Map<string, number>();
    for (const n of norads) {
      const f = nameFamily(this.name(n));
      families.set(f, (families.get(f) ?? 0) + 1);
    }
    const common = commonPrefix(norads.map((n) => this.name(n)));
    if (families.size === norads.length && norads.length > 1 && common.length >= 3)
      return `${launches.join('/')}: ${String(norads.length)} × ${common}…`;
    const ranked = [...families.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shown = ranked.slice(0, maxFamilies).map(([f, c]) => `${String(c)} × ${f}`);
    if (ranked.length > maxFamilies) shown.push(`${String(ranked.length - maxFamilies)} more name(s)`);
    return `${launches.join('/')}: ${shown.join(', ')}`;
  }

  /**
   * Up to `max` objects as `id name` joined by `, `; more as the first ones, an ellipsis and the
   * count (the event detail view lists every one).
   */
  list(norads: readonly NoradId[], max = 3): string {
    if (norads.length <= max) return norads.map((n) => this.label(n)).join(', ');
    return `${norads
      .slice(0, max - 1)
      .map((n) => this.label(n))
      .join(', ')}, … ${this.label(norads[norads.length - 1] as NoradId)} (${String(norads.length)})`;
  }
}

/** The longest common start of the names, without trailing separators. */
function commonPrefix(names: readonly string[]): string {
  const [first = ''] = names;
  let n = first.length;
  for (const x of names) {
    let i = 0;
    while (i < n && i < x.length && x[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).replace(/[\s\-_/]+$/, '');
}

const toLabel = (o: CatalogObject): ObjectLabel => ({
  norad: o.noradId,
  name: o.name,
  cosparId: o.cosparId,
  owner: o.owner,
  objectType: o.objectType,
});

/** Reads the names of `norads` from the store in one batch (a few: one by one; many: one listing). */
export async function loadObjectNames(repo: CatalogRepository, norads: Iterable<NoradId>): Promise<ObjectNames> {
  const wanted = new Set(norads);
  if (wanted.size === 0) return new ObjectNames([]);
  if (wanted.size <= ONE_BY_ONE_MAX) {
    const labels: ObjectLabel[] = [];
    for (const n of wanted) {
      const o = await repo.getObject(n);
      if (o !== null) labels.push(toLabel(o));
    }
    return new ObjectNames(labels);
  }
  return new ObjectNames((await repo.listObjects({})).filter((o) => wanted.has(o.noradId)).map(toLabel));
}

/** Names from a listing the caller already holds (e.g. `listObjects({})`). */
export function objectNamesFrom(objects: readonly CatalogObject[]): ObjectNames {
  return new ObjectNames(objects.map(toLabel));
}

/**
 * Command options passed on to a use case without the ones the user did not give. The use cases'
 * option types are exact (`exactOptionalPropertyTypes`): an absent option is left out, never
 * `undefined`.
 * @module
 */

/** `T` with every member optional and none `undefined`. */
export type DefinedOptions<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** `o` without its `undefined` members. */
export function definedOptions<T extends object>(o: T): DefinedOptions<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as DefinedOptions<T>;
}

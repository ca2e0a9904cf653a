/**
 * A value an integration hands to the built pages for one build. The
 * integrations run in the config's module graph and the pages in the
 * built bundle: one process, two copies of every module, so they meet on
 * globalThis, under a symbol registered by name.
 */
export interface BuildSlot<T> {
  get(): T | undefined;
  /** Sets the value, or with undefined removes it. */
  set(value: T | undefined): void;
}

/** The slot registered as `name`: the same one from either module graph. */
export function buildSlot<T>(name: string): BuildSlot<T> {
  const key = Symbol.for(name);
  const holder = globalThis as { [key]?: T | undefined };
  return {
    get: () => holder[key],
    set: (value) => {
      holder[key] = value;
    },
  };
}

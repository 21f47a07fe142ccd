import { Range } from "../engine";

/**
 * The value with every engine `Range` in it copied out as a plain LSP range; containers holding
 * one are copied, nothing is changed in place. A message is serialised later than it is made (the
 * writer queues behind a large publish), and by then a newer analysis may have shifted the engine's
 * ranges in place, moving their sections: what is sent must not share them.
 */
export function detached<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Range) return value.toJSON() as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || typeof item !== "object") continue;
      const d = detached(item);
      if (d !== item) (copy ??= value.slice())[i] = d;
    }
    return (copy ?? value) as T;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    if (item === null || typeof item !== "object") continue;
    const d = detached(item);
    if (d !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = d;
  }
  return (copy ?? value) as T;
}

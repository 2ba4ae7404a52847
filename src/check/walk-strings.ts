import type { JsonPath } from '../load/json-source.js';

/** A string value of a JSON value and where it is. */
export interface StringAt {
  readonly path: JsonPath;
  readonly text: string;
}

/**
 * Every string value in a JSON value, with its path, in document order
 * (array items by index, object members in key order).
 *
 * A plain recursive walk into one list, not a recursive generator: the
 * generator's `yield*` passed every string up through each level of nesting,
 * and five rules walk the whole plan, so on the bundled plan it was about
 * 20 ms of every `packet` run (issue 14).
 */
export function walkStrings(value: unknown, path: JsonPath = []): StringAt[] {
  const found: StringAt[] = [];
  collect(value, path, found);
  return found;
}

function collect(value: unknown, path: JsonPath, found: StringAt[]): void {
  if (typeof value === 'string') {
    found.push({ path, text: value });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) collect(value[i], [...path, i], found);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) collect((value as Record<string, unknown>)[key], [...path, key], found);
  }
}

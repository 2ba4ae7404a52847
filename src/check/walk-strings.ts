import type { JsonPath } from '../load/json-source.js';

/** Every string value in a JSON value, with its path. */
export function* walkStrings(value: unknown, path: JsonPath = []): Generator<{ path: JsonPath; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* walkStrings(v, [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* walkStrings(v, [...path, k]);
}

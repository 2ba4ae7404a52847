// A place inside a JSON file, kept as segments (property names and array
// indices) for as long as code looks at it, and turned into text only when a
// diagnostic is printed.

/** A JSON path as segments: `['problems', 3, 'deadline']`. A number is an array index. */
export type JsonPath = readonly (string | number)[];

/**
 * The path as a clerk reads it, in JavaScript accessor style: a property name
 * joined with a dot, an array index in brackets.
 *
 *   formatJsonPath(['problems', 3, 'deadline'])      // 'problems[3].deadline'
 *   formatJsonPath(['problems', 3, 'evidence', 0])   // 'problems[3].evidence[0]'
 *   formatJsonPath([])                               // '' (the whole document)
 *
 * Names are printed as they are, without quoting: the text is for reading, not
 * for parsing back — code that needs the place keeps the segments.
 */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}

// File paths in messages: as the user would type them, relative to the working
// directory when the file is below it, absolute otherwise.
import path from 'node:path';

/** A path for a message: relative to the working directory if inside it, else as given. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') ? file : relative;
}

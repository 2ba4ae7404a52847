// Template errors carry the template's file and line, so an office that
// rewords a template sees `templates/notice.hbs:12: 未知字段“docNumbr”` rather
// than a handlebars stack trace.
import { UserError } from '../diagnostics/user-error.js';

export class TemplateError extends UserError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(line === undefined ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
    this.name = 'TemplateError';
  }
}

/** A template fault found while rewriting or running it, before the file name is known. */
export class TemplateFault extends Error {
  constructor(
    message: string,
    /** 1-based line in the template source, when known. */
    readonly line?: number,
    /** The start of the offending line's template text, to find it in the source when the line is not known. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'TemplateFault';
  }
}

/** Every {{…}} in the source, with the 1-based line it starts on. */
function mustaches(source: string): { inner: string; line: number }[] {
  const found: { inner: string; line: number }[] = [];
  for (const match of source.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    const line = source.slice(0, match.index).split('\n').length;
    found.push({ inner: match[1]!, line });
  }
  return found;
}

/**
 * The line of the first {{…}} that uses `name` as a path segment (`name`,
 * `x.name`, `../name`, `(units name)`). Handlebars does not say where a lookup
 * on a non-object failed; this finds the expression that asked for it.
 */
export function locateField(source: string, name: string): number | undefined {
  for (const { inner, line } of mustaches(source)) {
    const tokens = inner.split(/[\s()=~{}#/^&>!]+/).filter(Boolean);
    const segments = tokens.flatMap((token) => token.split(/[./]/));
    if (segments.includes(name)) return line;
  }
  return undefined;
}

/** The first source line that, without its indentation, starts with `text`. */
export function locateText(source: string, text: string): number | undefined {
  const wanted = text.trim();
  if (wanted === '') return undefined;
  const index = source.split('\n').findIndex((line) => line.trimStart().startsWith(wanted));
  return index < 0 ? undefined : index + 1;
}

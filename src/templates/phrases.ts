// Phrase templates (templates/README.md, “Phrase templates”): the fixed wording
// of a document the program lays out — a form's titles, instructions and
// drop-down prompts, a ledger's titles and notes, a closure form's labels and
// signature lines, the packet contents list's title — as named phrases an
// office can reword with `--templates`.
//
// A phrase template is an ordinary template — the same fields, helpers and
// line grammar (render.ts, grammar.ts) — whose output holds only slot lines,
// one phrase a line: `---name text---`. The caller fills it in with a context
// and reads each phrase by name. A line that is not a slot line, a name the
// caller does not know, a phrase given twice or missing is the template's
// fault and names its file. Values stay text as everywhere: a value holding
// `---` or a newline neither ends a phrase nor starts another.

import type { TemplatePiece } from './grammar.js';
import type { TemplateSource } from './load.js';
import { renderTemplatePieces } from './render.js';
import { TemplateError, locateText } from './template-error.js';

/** The phrases of one filling of a phrase template, read by name. */
export interface Phrases<N extends string> {
  /** A phrase the template must give exactly once, with some text. */
  text(name: N): string;
  /** A phrase the template may leave out (a note under {{#if …}}); at most once. */
  optional(name: N): string | undefined;
  /** A phrase given by any number of lines, in their order: a cell of several lines. */
  lines(name: N): string[];
}

function pieceText(piece: TemplatePiece): string {
  switch (piece.kind) {
    case 'paragraph':
    case 'heading':
      return piece.text;
    case 'runIn':
      return `${piece.heading}${piece.text}`;
    case 'pageBreak':
      return '---page---';
    default:
      return '';
  }
}

function notAPhrase(template: TemplateSource, piece: TemplatePiece): TemplateError {
  const text = pieceText(piece);
  const shown = text.length > 30 ? `${text.slice(0, 30)}…` : text;
  return new TemplateError(template.fileName, locateText(template.source, text.slice(0, 8)), `此模板只写占位行“---名称 文字---”，每行一句：“${shown}”`);
}

/**
 * Fills in a phrase template with `context` and reads its slot lines. `names`
 * are the phrases the template may give (any other name is an error with the
 * list of these); which must be there is the reader's call (text, optional,
 * lines). Throws TemplateError (a UserError) for any fault of the template.
 */
export function renderPhrases<N extends string>(template: TemplateSource, context: object, names: readonly N[]): Phrases<N> {
  const pieces = renderTemplatePieces(template.source, template.fileName, context, new Set<string>(names));
  const found = new Map<string, string[]>();
  for (const piece of pieces) {
    if (piece.kind !== 'slot') throw notAPhrase(template, piece);
    found.set(piece.name, [...(found.get(piece.name) ?? []), piece.argument]);
  }
  const fault = (name: string, detail: string) => new TemplateError(template.fileName, locateText(template.source, `---${name}`), detail);
  const optional = (name: N): string | undefined => {
    const given = found.get(name) ?? [];
    if (given.length > 1) throw fault(name, `“---${name} …---”只能写一次，实有${given.length}次`);
    return given[0];
  };
  return {
    optional,
    text(name) {
      const value = optional(name);
      if (value === undefined) throw fault(name, `缺少“---${name} …---”一行（或它所在的 {{#if …}} 不成立）`);
      if (value === '') throw fault(name, `“---${name} …---”缺少文字`);
      return value;
    },
    lines: (name) => [...(found.get(name) ?? [])],
  };
}

// The line grammar of templates (templates/README.md): a template's output is
// read line by line into Blocks. Structure comes only from the template's own
// text: every value the template prints arrives wrapped in two Unicode
// noncharacters (see markValue), and marks are looked for only in the text
// outside them. So a value that begins with “#”, contains “||”, or holds a
// newline stays text inside its paragraph — data can never change structure.

import type { Block, HeadingLevel } from '../model/document/official-document.js';
import { TemplateFault } from './template-error.js';

// U+FDD0..U+FDEF are noncharacters: reserved by Unicode for a program's
// internal use and never meaningful in interchanged text. (The private-use
// area is not safe here: offices put 造字, self-made characters, there.)
const VALUE_START = '\uFDD0';
const VALUE_END = '\uFDD1';
const NONCHARACTERS = /[\uFDD0-\uFDEF]/g;

/** Removes the sentinel range, so neither data nor template text can forge a value boundary. */
export function stripNoncharacters(text: string): string {
  return text.replace(NONCHARACTERS, '');
}

/** A value as the template engine prints it: wrapped, and unable to close its wrapper early. */
export function markValue(text: string): string {
  return VALUE_START + stripNoncharacters(text) + VALUE_END;
}

interface Segment {
  readonly text: string;
  /** True for text that came from data (inside the sentinels). */
  readonly value: boolean;
}

type Line = Segment[];

export const PAGE_BREAK_LINE = '---page---';
/**
 * A slot line, `---name---` or `---name argument---`, whole line, the name in
 * the template's own text: a place the document fills with something that is
 * not text (---page---, a report's chart), or a part of the document the
 * template words but the layout places (a report's title). Which names a
 * template may use is the caller's choice; any other name is an error.
 */
const SLOT_OPEN = /^---([a-z]+)(?=$|[ \t]|---)/;
const SLOT_CLOSE = '---';
const PAGE_SLOT = 'page';

/** A slot line as read: its name and the text between the name and the closing ---. */
export interface SlotLine {
  readonly kind: 'slot';
  readonly name: string;
  readonly argument: string;
}

export type TemplatePiece = Block | SlotLine;
const RUN_IN_SEPARATOR = '||';
const MARK = /^(#{1,4})(>?)[ \t]+/;
const SPACE_START = /^[ \t]+/;
const SPACE_END = /[ \t]+$/;

/** Splits output into lines at newlines outside values; a value's own newlines stay inside it. */
function splitLines(output: string): Line[] {
  const lines: Line[] = [[]];
  const token = /\uFDD0([^\uFDD1]*)\uFDD1|\n|[^\uFDD0\n]+/y;
  while (token.lastIndex < output.length) {
    const match = token.exec(output);
    // Only reachable if a value wrapper were left open, which markValue prevents.
    if (match === null) throw new Error('template output has an unterminated value');
    const current = lines[lines.length - 1]!;
    if (match[1] !== undefined) current.push({ text: match[1], value: true });
    else if (match[0] === '\n') lines.push([]);
    else current.push({ text: match[0], value: false });
  }
  return lines;
}

/** Indentation and trailing blanks of the template's own text are layout of the template, not content. */
function trimLiteralEdges(line: Line): Line {
  const out = [...line];
  const first = out[0];
  if (first && !first.value) out[0] = { text: first.text.replace(SPACE_START, ''), value: false };
  const last = out[out.length - 1];
  if (last && !last.value) out[out.length - 1] = { text: last.text.replace(SPACE_END, ''), value: false };
  return out.filter((s) => s.text !== '');
}

function joined(segments: readonly Segment[]): string {
  return segments.map((s) => s.text).join('');
}

/** The line as the template author wrote its literal part, for error messages. */
function shown(line: Line): string {
  const text = joined(line);
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

function fault(message: string, line: Line): TemplateFault {
  const literal = line[0] && !line[0].value ? line[0].text : '';
  return new TemplateFault(`${message}：“${shown(line)}”`, undefined, literal.slice(0, 8));
}

/**
 * Splits a run-in line at the first “||” in the template's own text; blanks
 * around it belong to the template's layout. Returns null when there is none.
 */
function splitRunIn(segments: Line): [Line, Line] | null {
  const at = segments.findIndex((s) => !s.value && s.text.includes(RUN_IN_SEPARATOR));
  if (at < 0) return null;
  const seg = segments[at]!;
  const cut = seg.text.indexOf(RUN_IN_SEPARATOR);
  const before = seg.text.slice(0, cut).replace(SPACE_END, '');
  const after = seg.text.slice(cut + RUN_IN_SEPARATOR.length).replace(SPACE_START, '');
  const head = [...segments.slice(0, at), { text: before, value: false }];
  const tail = [{ text: after, value: false }, ...segments.slice(at + 1)];
  return [head, tail];
}

/** A line whose template text starts with a mark: heading or run-in heading. */
function markedLine(line: Line, mark: RegExpExecArray): Block {
  const level = mark[1]!.length as HeadingLevel;
  const first = line[0]!;
  const rest: Line = [{ text: first.text.slice(mark[0].length), value: false }, ...line.slice(1)];
  if (mark[2] === '>') {
    const parts = splitRunIn(rest);
    if (!parts) throw fault(`段首小标题行须用“${RUN_IN_SEPARATOR}”分开小标题和正文`, line);
    const heading = joined(parts[0]);
    if (heading.trim() === '') throw fault('段首小标题为空', line);
    return { kind: 'runIn', level, heading, text: joined(parts[1]) };
  }
  const text = joined(rest);
  if (text.trim() === '') throw fault('标题为空', line);
  return { kind: 'heading', level, text };
}

/** The slot a line opens, or null when it is not a slot line; faults for an unclosed or unknown slot. */
function slotLine(line: Line, slots: ReadonlySet<string>): TemplatePiece | null {
  const first = line[0]!;
  const open = SLOT_OPEN.exec(first.text);
  if (!open) return null;
  const last = line[line.length - 1]!;
  const closed = !last.value && last.text.endsWith(SLOT_CLOSE) && (line.length > 1 || first.text.length >= open[0].length + SLOT_CLOSE.length);
  if (!closed) throw fault(`占位行须以“${SLOT_CLOSE}”结尾`, line);
  const name = open[1]!;
  const inner: Line = [{ text: first.text.slice(open[0].length), value: false }, ...line.slice(1)];
  const lastInner = inner[inner.length - 1]!;
  inner[inner.length - 1] = { ...lastInner, text: lastInner.text.slice(0, -SLOT_CLOSE.length) };
  const argument = joined(trimLiteralEdges(inner));
  if (name === PAGE_SLOT) {
    if (argument !== '') throw fault(`分页行“${PAGE_BREAK_LINE}”不带文字`, line);
    return { kind: 'pageBreak' };
  }
  if (slots.has(name)) return { kind: 'slot', name, argument };
  const allowed = [PAGE_BREAK_LINE, ...[...slots].map((s) => `---${s} …---`)].join('、');
  throw fault(`未知的占位行“---${name}”（此模板可用：${allowed}）`, line);
}

function lineToPiece(raw: Line, slots: ReadonlySet<string>): TemplatePiece | null {
  const line = trimLiteralEdges(raw);
  if (joined(line).trim() === '') return null;
  const first = line[0]!;
  if (first.value) return { kind: 'paragraph', text: joined(line) };
  const slot = slotLine(line, slots);
  if (slot) return slot;
  if (first.text.startsWith('\\')) {
    // The escape: the rest of the line is a paragraph, whatever it starts with.
    return { kind: 'paragraph', text: joined([{ text: first.text.slice(1), value: false }, ...line.slice(1)]) };
  }
  if (first.text.startsWith('#')) {
    const mark = MARK.exec(first.text);
    if (!mark) throw fault('行首的“#”应为 1 至 4 个，其后可加“>”，再空一格（要以“#”开头的正文请写“\\#”）', line);
    return markedLine(line, mark);
  }
  return { kind: 'paragraph', text: joined(line) };
}

const NO_SLOTS: ReadonlySet<string> = new Set();

/**
 * Reads a template's output into pieces: blank lines are dropped, `#`…`####`
 * mark headings, `#>`…`####>` run-in headings (heading || text), a line
 * `---page---` is a page break, `---name …---` a slot when `slots` has the
 * name, every other line is one paragraph.
 */
export function parseTemplatePieces(output: string, slots: ReadonlySet<string>): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  for (const line of splitLines(output)) {
    const piece = lineToPiece(line, slots);
    if (piece) pieces.push(piece);
  }
  return pieces;
}

/** Reads the output of a template that has no slots (other than ---page---) into blocks. */
export function parseTemplateOutput(output: string): Block[] {
  return parseTemplatePieces(output, NO_SLOTS) as Block[];
}

// Plain cell values (as readXlsx gives them, for the task-table importer) as
// text and choices, and evidence names matched against evidence/ (names that
// differ only invisibly are found: model/evidence-name.ts). A unit form's
// cells are read by form-cells.ts, which sees each cell's type.
import { type IsoDate } from '../model/dates.js';
import { evidenceNameKey, isProblemEvidenceFolder, matchEvidence, nearNamesNote } from '../model/evidence-name.js';
import { type ReadCell } from '../formats/xlsx/reader.js';
import { FIELD_LABELS, NO, YES } from '../model/vocabulary.js';

export type CellValue = ReadCell['value'];

export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

const MS_PER_DAY = 86_400_000;

/**
 * Cell text as the progress file keeps it: Excel's CR LF line ends become
 * LF, the ends are trimmed, and an empty cell is undefined. A leading = + - @
 * is kept: this is text, never evaluated.
 */
export function cellText(value: CellValue): string | undefined {
  if (value === null) return undefined;
  if (value instanceof Date) return dateOfJsDate(value);
  const text = String(value).replace(/\r\n?/g, '\n').trim();
  return text === '' ? undefined : text;
}

/** A Date exceljs made from an Excel date: midnight UTC of that day, give or take float error. */
function dateOfJsDate(value: Date): IsoDate {
  return new Date(Math.round(value.getTime() / MS_PER_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** One of the allowed values, exactly (after trimming); the message lists them. */
export function parseChoice<T extends string>(value: CellValue, allowed: readonly T[], what: string): Parsed<T> {
  const text = cellText(value);
  if (text === undefined) return { ok: true, value: undefined };
  if ((allowed as readonly string[]).includes(text)) return { ok: true, value: text as T };
  return { ok: false, message: `${what}“${text}”不在可选值中，应为：${allowed.join('、')}` };
}

/** 达到序时进度: 是/否, or an Excel TRUE/FALSE. */
export function parseYesNo(value: CellValue): Parsed<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  const choice = parseChoice(value, [YES, NO], FIELD_LABELS.onSchedule);
  return choice.ok ? { ok: true, value: choice.value === undefined ? undefined : choice.value === YES } : choice;
}

/** A problem number as a cell holds it: 3, or the text 3. */
export function parseNumberCell(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const text = cellText(value);
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

// --- evidence -----------------------------------------------------------------

export interface EvidenceResult {
  paths: string[];
  errors: string[];
}

/** Whether a file under evidence/ is in the problem's own folder (07 for problem 7, 二-3: model/evidence-name.ts). */
function inProblemFolder(path: string, shownNumber: string): boolean {
  return path.includes('/') && isProblemEvidenceFolder(path.split('/')[0]!, shownNumber);
}

/**
 * File names, one a line, matched against evidence/: a path relative to it
 * (07/清单.pdf), or a bare name that only one file has — or, if several do,
 * the one in the problem's own folder. Units do not know the office's
 * folders, so a bare name is the common case.
 */
export function resolveEvidence(text: string | undefined, problem: string, files: ReadonlySet<string>): EvidenceResult {
  const paths: string[] = [];
  const errors: string[] = [];
  for (const line of (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean)) {
    const name = line.replaceAll('\\', '/').replace(/^evidence\//, '');
    const found = resolveOne(name, problem, files);
    if (typeof found === 'string') {
      if (!paths.includes(found)) paths.push(found);
    } else errors.push(found.error);
  }
  return { paths, errors };
}

function resolveOne(name: string, problem: string, files: ReadonlySet<string>): string | { error: string } {
  // A path, spelt as on disk or differing only invisibly (NFD, "./", spaces at the ends: model/evidence-name.ts).
  const match = matchEvidence(name, files);
  if (match.kind === 'outside') return { error: `佐证材料“${name}”不能指向 evidence/ 文件夹之外` };
  if (match.kind === 'exact' || match.kind === 'similar') return match.path;
  if (match.kind === 'ambiguous') return { error: `佐证材料“${name}”在 evidence/ 中有多个写法相近的文件（${match.candidates.join('、')}），请在 evidence/ 中删去或改名多余的文件` };
  const key = evidenceNameKey(name);
  const byName = [...files].filter((f) => evidenceNameKey(f.split('/').at(-1)!) === key);
  const own = byName.filter((f) => inProblemFolder(f, problem));
  if (byName.length === 1) return byName[0]!;
  if (own.length === 1) return own[0]!;
  if (byName.length > 1) return { error: `佐证材料“${name}”在 evidence/ 中有多个同名文件（${byName.join('、')}），请写明文件夹，如“${byName[0]}”` };
  const near = match.kind === 'missing' ? nearNamesNote(match.near) : '';
  return { error: `evidence/ 文件夹中没有佐证材料“${name}”${near}：请先把单位报送的文件放入 evidence/（每行写一个文件名）` };
}

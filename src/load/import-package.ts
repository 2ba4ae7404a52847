// Reading an Office file (xlsx, docx) that came from outside: a unit's filled
// form, an office's old task table. Everything is checked before a parser
// sees the bytes — size on disk, that it is a zip at all (an old .xls or an
// encrypted file is an OLE compound file), the zip-bomb limits of
// xlsx-limits.ts (sizes, counts, ratios, and that the directory tells the
// truth), and that it holds the part its kind needs — so a wrong file gets a
// clear message naming it, and a zip bomb never reaches exceljs.
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { OoxmlPackage } from '../formats/ooxml/package.js';
import { assertSafeXlsx, MAX_XLSX_FILE_BYTES, readZipDirectory, XlsxLimitError, type XlsxLimit } from './xlsx-limits.js';

/** No real form or table comes near this; checked before the file is read. */
export const MAX_OFFICE_FILE_BYTES = MAX_XLSX_FILE_BYTES;

export type OfficeKind = 'xlsx' | 'docx';

const MAIN_PART: Record<OfficeKind, string> = { xlsx: 'xl/workbook.xml', docx: 'word/document.xml' };
const KIND_NAME: Record<OfficeKind, string> = { xlsx: 'Excel 工作簿（.xlsx）', docx: 'Word 文档（.docx）' };
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** The limits' names as diagnostics' rule ids: a bomb is "too large", a zip that lies is damaged. */
const LIMIT_RULE: Record<XlsxLimit, string> = {
  'file-too-large': 'file-too-large',
  'too-many-entries': 'file-too-large',
  'unzipped-too-large': 'file-too-large',
  'compression-ratio': 'file-too-large',
  'not-a-zip': 'corrupt-file',
  'size-mismatch': 'corrupt-file',
};

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => data[i] === byte);
}

function fileError(file: string, ruleId: string, message: string): Diagnostic {
  return { file, ruleId, severity: 'error', message };
}

/**
 * Where the main part may be: under its usual name only (exceljs, which reads
 * unit forms, looks nowhere else), or wherever the package's relationships say
 * (the task-table readers of init follow them).
 */
export interface PackageOptions {
  readonly mainPart?: 'usual' | 'related';
}

function hasMainPart(data: Uint8Array, names: ReadonlySet<string>, kind: OfficeKind, options: PackageOptions): boolean {
  if (names.has(MAIN_PART[kind])) return true;
  if (options.mainPart !== 'related') return false;
  try {
    return new OoxmlPackage(data).mainPart(MAIN_PART[kind]) !== undefined;
  } catch {
    return false;
  }
}

/** Why these bytes are not a readable file of this kind, or undefined when they are. */
export function packageProblem(data: Uint8Array, kind: OfficeKind, options: PackageOptions = {}): { ruleId: string; message: string } | undefined {
  const expected = KIND_NAME[kind];
  if (startsWith(data, OLE_MAGIC)) {
    return { ruleId: 'not-ooxml', message: `这是旧版 Office 文件（.xls/.doc）或加密文件，不是${expected}：请在 Excel/Word 中取消密码并另存为 .${kind}` };
  }
  if (!startsWith(data, ZIP_MAGIC)) return { ruleId: 'not-ooxml', message: `不是${expected}` };
  const file = '#';
  try {
    assertSafeXlsx(data, file);
  } catch (error) {
    if (!(error instanceof XlsxLimitError)) throw error;
    const detail = error.limit === 'not-a-zip' ? `文件已损坏，无法打开（不是完整的${expected}）` : error.message.slice(`${file}：`.length);
    return { ruleId: LIMIT_RULE[error.limit], message: detail };
  }
  const names = new Set(readZipDirectory(data, file).map((e) => e.name));
  if (!hasMainPart(data, names, kind, options)) return { ruleId: 'not-ooxml', message: `不是${expected}（缺少 ${MAIN_PART[kind]}）` };
  return undefined;
}

/** The file's bytes after every check above; `shown` is the name diagnostics use. */
export async function readOfficeFile(file: string, shown: string, kind: OfficeKind, options: PackageOptions = {}): Promise<{ data?: Uint8Array; diagnostic?: Diagnostic }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { diagnostic: fileError(shown, 'file', '应为文件') };
    if (info.size > MAX_OFFICE_FILE_BYTES) {
      return { diagnostic: fileError(shown, 'file-too-large', `文件过大（${info.size} 字节，上限 ${MAX_OFFICE_FILE_BYTES} 字节）`) };
    }
  } catch {
    return { diagnostic: fileError(shown, 'file', '文件不存在') };
  }
  const data = new Uint8Array(await readFile(file));
  const problem = packageProblem(data, kind, options);
  return problem ? { diagnostic: fileError(shown, problem.ruleId, problem.message) } : { data };
}

// Limits on an xlsx that came from outside (a unit's filled form, an office's
// old table) before exceljs sees it. exceljs inflates every part into memory,
// so a file that is small on disk can still take all of it: a zip bomb. The
// checks are limits on sizes, counts and ratios, never on time:
//   1. the file's size, before it is read (assertSafeXlsxFile);
//   2. the zip's central directory, read without inflating anything: number
//      of entries, their declared total size, each entry's compression ratio;
//   3. that the directory tells the truth: each entry is inflated with its
//      output capped at its declared size, so a directory that understates a
//      part is caught after at most that many bytes.
import { readFile, stat } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { UserError } from '../diagnostics/user-error.js';
import { ZIP64_MARK, ZIP_CENTRAL_SIGNATURE, ZIP_DEFLATED, ZIP_EOCD_SIGNATURE, ZIP_LOCAL_SIGNATURE, ZIP_STORED } from '../formats/zip-format.js';

/** No unit's form or office table comes near this on disk (a 5,000-row table is about 1 MB). */
export const MAX_XLSX_FILE_BYTES = 20 * 1024 * 1024;
/** A workbook has tens of parts; thousands mean something else. */
export const MAX_XLSX_ENTRIES = 1_000;
/** What all parts may expand to together (exceljs holds them in memory at once). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Spreadsheet XML deflates 10–50×; a bomb deflates about 1,000×. */
export const MAX_XLSX_COMPRESSION_RATIO = 200;
/** Small parts may have any ratio (a part of repeated empty cells compresses very well). */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;


export type XlsxLimit = 'file-too-large' | 'not-a-zip' | 'too-many-entries' | 'unzipped-too-large' | 'compression-ratio' | 'size-mismatch';

/** A file refused by a limit; `limit` says which, for a caller that turns it into a diagnostic. */
export class XlsxLimitError extends UserError {
  constructor(
    readonly file: string,
    readonly limit: XlsxLimit,
    detail: string,
  ) {
    super(`${file}：${detail}`);
    this.name = 'XlsxLimitError';
  }
}

export interface ZipDirectoryEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The central directory's entries, as declared; nothing is inflated. Throws XlsxLimitError when it cannot be read. */
export function readZipDirectory(bytes: Uint8Array, file: string): ZipDirectoryEntry[] {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = (why: string) => new XlsxLimitError(file, 'not-a-zip', `不是有效的 Excel 工作簿（.xlsx）：${why} (not a valid .xlsx: ${why})`);
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  const floor = Math.max(0, data.length - 22 - 0xffff);
  let eocd = data.length - 22;
  while (eocd >= floor && data.readUInt32LE(eocd) !== ZIP_EOCD_SIGNATURE) eocd -= 1;
  if (eocd < floor) throw notZip('找不到 zip 目录');
  const count = data.readUInt16LE(eocd + 10);
  const directorySize = data.readUInt32LE(eocd + 12);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === ZIP64_MARK) throw notZip('ZIP64 文件（工作簿不会用到）');
  if (count > MAX_XLSX_ENTRIES) {
    throw new XlsxLimitError(file, 'too-many-entries', `压缩包内有 ${count} 个部件，超过上限 ${MAX_XLSX_ENTRIES} (${count} zip entries, limit ${MAX_XLSX_ENTRIES})`);
  }
  if (directoryOffset + directorySize > eocd) throw notZip('zip 目录越界');
  const entries: ZipDirectoryEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > eocd || data.readUInt32LE(at) !== ZIP_CENTRAL_SIGNATURE) throw notZip('zip 目录已损坏');
    const nameLength = data.readUInt16LE(at + 28);
    const entry = {
      name: data.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      uncompressedSize: data.readUInt32LE(at + 24),
      localHeaderOffset: data.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK) throw notZip('ZIP64 文件（工作簿不会用到）');
    entries.push(entry);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

/** Checks 2 and 3 above on bytes already in memory; throws XlsxLimitError naming the file and the limit. */
export function assertSafeXlsx(bytes: Uint8Array, file: string): void {
  if (bytes.byteLength > MAX_XLSX_FILE_BYTES) {
    throw new XlsxLimitError(file, 'file-too-large', `文件过大（${mb(bytes.byteLength)}，上限 ${mb(MAX_XLSX_FILE_BYTES)}）(file too large)`);
  }
  const entries = readZipDirectory(bytes, file);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > MAX_XLSX_UNCOMPRESSED_BYTES) {
      throw new XlsxLimitError(file, 'unzipped-too-large', `解压后超过 ${mb(MAX_XLSX_UNCOMPRESSED_BYTES)}，不是正常的工作簿（可能是“压缩炸弹”）(expands beyond ${mb(MAX_XLSX_UNCOMPRESSED_BYTES)})`);
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES && ratio > MAX_XLSX_COMPRESSION_RATIO) {
      throw new XlsxLimitError(
        file,
        'compression-ratio',
        `部件 ${entry.name} 的压缩比为 ${Math.round(ratio)}:1，超过上限 ${MAX_XLSX_COMPRESSION_RATIO}:1（可能是“压缩炸弹”）(compression ratio ${Math.round(ratio)}:1 over ${MAX_XLSX_COMPRESSION_RATIO}:1)`,
      );
    }
  }
  for (const entry of entries) assertDeclaredSize(bytes, entry, file);
}

/** Inflates one entry with its output capped at its declared size: a directory that understates it is caught there. */
function assertDeclaredSize(bytes: Uint8Array, entry: ZipDirectoryEntry, file: string): void {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mismatch = (what: string) => new XlsxLimitError(file, 'size-mismatch', `部件 ${entry.name} ${what}，与 zip 目录所记不符（文件已损坏或被篡改）(part size differs from the zip directory)`);
  const local = entry.localHeaderOffset;
  if (local + 30 > data.length || data.readUInt32LE(local) !== ZIP_LOCAL_SIGNATURE) throw mismatch('的位置');
  const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
  if (start + entry.compressedSize > data.length) throw mismatch('的压缩数据越界');
  const raw = data.subarray(start, start + entry.compressedSize);
  if (entry.method === ZIP_STORED) {
    if (entry.compressedSize !== entry.uncompressedSize) throw mismatch('的大小');
    return;
  }
  if (entry.method !== ZIP_DEFLATED) throw mismatch(`的压缩方式（${entry.method}）不受支持`);
  let inflated: Buffer;
  try {
    // maxOutputLength makes zlib stop at the declared size (+1 to see "more").
    inflated = inflateRawSync(raw, { maxOutputLength: entry.uncompressedSize + 1 });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw mismatch(code === 'ERR_BUFFER_TOO_LARGE' ? `解压后超过所记的 ${entry.uncompressedSize} 字节` : '无法解压');
  }
  if (inflated.length !== entry.uncompressedSize) throw mismatch(`解压后为 ${inflated.length} 字节而非 ${entry.uncompressedSize} 字节`);
}

/** Check 1, then reads the file and runs assertSafeXlsx: the bytes are safe to give to readXlsx. */
export async function readSafeXlsxFile(path: string, shown = path): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) throw new UserError(`${shown}：应为文件 (not a regular file)`);
  if (info.size > MAX_XLSX_FILE_BYTES) {
    throw new XlsxLimitError(shown, 'file-too-large', `文件过大（${mb(info.size)}，上限 ${mb(MAX_XLSX_FILE_BYTES)}）(file too large)`);
  }
  const bytes = new Uint8Array(await readFile(path));
  assertSafeXlsx(bytes, shown);
  return bytes;
}

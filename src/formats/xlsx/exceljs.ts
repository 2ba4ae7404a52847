// The one place that loads exceljs (4.4.0, no release since 2023:
// docs/format.md#library-facts). The reader and the writer beside this file
// use it; swapping exceljs means rewriting this folder only.

import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

// exceljs's entry point also loads its streaming reader and writer (unzipper
// and more: about 0.1 s of every command's start-up) that zhenggai never uses;
// its Workbook class, which writes and reads whole workbooks, is all it needs.
const requireExcelJs = createRequire(import.meta.url);
export const Workbook = requireExcelJs('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;

/**
 * exceljs 4.4.0 hands each XML part to JSZip as a JS string, and JSZip encodes
 * strings to UTF-8 in chunks cut by UTF-16 length: a character outside the BMP
 * (an Extension B 𠀀, an emoji) that straddles a chunk boundary comes out as
 * two U+FFFD. Handing JSZip UTF-8 bytes instead leaves nothing to cut.
 */
function encodePartsBeforeZipping(): void {
  const { ZipWriter } = requireExcelJs('exceljs/lib/utils/zip-stream.js') as {
    ZipWriter: { prototype: { append(data: unknown, options: { name: string; base64?: boolean }): void } };
  };
  const append = ZipWriter.prototype.append;
  ZipWriter.prototype.append = function appendBytes(data, options) {
    const bytes = typeof data === 'string' && !options.base64 ? Buffer.from(data, 'utf8') : data;
    append.call(this, bytes, options);
  };
}
encodePartsBeforeZipping();

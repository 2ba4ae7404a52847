// The one place that loads exceljs (4.4.0, no release since 2023:
// docs/format.md#library-facts). The reader and the writer beside this file
// use it; swapping exceljs means rewriting this folder only.

import { createRequire, Module } from 'node:module';
import type ExcelJS from 'exceljs';
import { zipFiles, type ZipFile } from '../zip-writer.js';
import type { SheetTables } from './sheet-rows.js';

// exceljs's entry point also loads its streaming reader and writer (unzipper
// and more: about 0.1 s of every command's start-up) that zhenggai never uses;
// its Workbook class, which writes and reads whole workbooks, is all it needs.
const requireExcelJs = createRequire(import.meta.url);
leaveOutCsv();
export const Workbook = requireExcelJs('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;

/**
 * exceljs's Workbook requires its CSV module (fast-csv and its streams: about
 * 20 ms of CPU at every start, issue 14) at load, for the `workbook.csv`
 * getter alone, which zhenggai never calls: no plan file is CSV. A stand-in
 * takes that module's place in Node's module cache before Workbook loads; it
 * throws if ever constructed, naming this file. Left alone when the real
 * module is already loaded (a process that imported all of exceljs first).
 */
function leaveOutCsv(): void {
  const csvPath = requireExcelJs.resolve('exceljs/lib/csv/csv.js');
  if (requireExcelJs.cache[csvPath] !== undefined) return;
  const standIn = new Module(csvPath);
  standIn.filename = csvPath;
  standIn.loaded = true;
  standIn.exports = class CsvLeftOut {
    constructor() {
      throw new Error('exceljs CSV is not loaded by zhenggai (src/formats/xlsx/exceljs.ts leaveOutCsv)');
    }
  };
  requireExcelJs.cache[csvPath] = standIn;
}

/**
 * exceljs 4.4.0 hands each XML part to JSZip as a JS string, and JSZip encodes
 * strings to UTF-8 in chunks cut by UTF-16 length: a character outside the BMP
 * (an Extension B 𠀀, an emoji) that straddles a chunk boundary comes out as
 * two U+FFFD. Handing JSZip UTF-8 bytes instead leaves nothing to cut.
 */
/**
 * The options that make exceljs's writeBuffer zip with the project's zip
 * writer (zlib, entries dated `isoDate`, YYYY-MM-DD) instead of JSZip and
 * pako: pass as `writeBuffer({ zip: zipOptions(date) })`.
 *
 * Why patched in rather than re-packed: JSZip with STORE and a re-pack by
 * zlib, and this, both deflate once with zlib; measured on the ledger at
 * 1,000 problems (CPU time of writeBuffer, median of 5, load 10): JSZip/pako
 * 644 ms, STORE + re-pack 497 ms, patched 462 ms (task table at 5,000: 786,
 * 616, 539 ms) — the re-pack still runs JSZip's CRC-32 and copies in
 * JavaScript. exceljs 4.4.0 has had no release since 2023, so the internals
 * patched here stand still; exceljs's own zip path stays for calls without
 * a date.
 */
export function zipOptions(isoDate: string): { isoDate: string } {
  return { isoDate };
}

function encodePartsBeforeZipping(): void {
  const append = ZipWriter.prototype.append;
  ZipWriter.prototype.append = function appendBytes(data, options) {
    const bytes = typeof data === 'string' && !options.base64 ? Buffer.from(data, 'utf8') : data;
    if (this.options.isoDate === undefined) return append.call(this, bytes, options);
    (this.files ??= []).push({ path: options.name, data: options.base64 ? Buffer.from(data as string, 'base64') : (bytes as Uint8Array) });
  };
  const finalize = ZipWriter.prototype.finalize;
  ZipWriter.prototype.finalize = async function finalizeWithZlib() {
    if (this.options.isoDate === undefined) return finalize.call(this);
    this.stream.end(zipFiles(this.files ?? [], this.options.isoDate));
    this.emit('finish');
  };
}

interface ZipWriterThis {
  options: { isoDate?: string };
  files?: ZipFile[];
  stream: { end(data: Uint8Array): void };
  emit(event: string): void;
}
const { ZipWriter } = requireExcelJs('exceljs/lib/utils/zip-stream.js') as {
  ZipWriter: { prototype: { append(this: ZipWriterThis, data: unknown, options: { name: string; base64?: boolean }): void; finalize(this: ZipWriterThis): Promise<void> } };
};
if (typeof ZipWriter?.prototype?.finalize !== 'function') throw new Error('exceljs: lib/utils/zip-stream.js ZipWriter changed (exceljs version changed?)');
encodePartsBeforeZipping();

// --- a sheet's rows as XML text (sheet-rows.ts says why) ----------------------

/** Marks the one row model that stands for all of a sheet's rows. */
const ROWS_AS_TEXT = Symbol('zhenggai rows as text');

interface RowsAsText {
  xml(tables: SheetTables): string;
}
interface StandInRowModel {
  [ROWS_AS_TEXT]?: RowsAsText;
  /** The rows' XML, made at preparation (when the style and string ids are given out), written at rendering. */
  xml?: string;
}
interface XmlStreamLike {
  writeXml(xml: string): void;
}
interface RangeLike {
  expand(top: number, left: number, bottom: number, right: number): void;
}

const RowXform = requireExcelJs('exceljs/lib/xlsx/xform/sheet/row-xform.js') as {
  prototype: { prepare(this: unknown, model: StandInRowModel, options: SheetTables): void; render(this: unknown, xmlStream: XmlStreamLike, model: StandInRowModel, options?: unknown): void };
};
const Range = requireExcelJs('exceljs/lib/doc/range.js') as new () => RangeLike;
const WorksheetClass = requireExcelJs('exceljs/lib/doc/worksheet.js') as { prototype: object };
const worksheetModel = Object.getOwnPropertyDescriptor(WorksheetClass.prototype, 'model')?.get;
if (typeof RowXform?.prototype?.render !== 'function' || worksheetModel === undefined) throw new Error('exceljs: RowXform or Worksheet.model changed (exceljs version changed?)');

function rowsAsTextInRowXform(): void {
  const { prepare, render } = RowXform.prototype;
  RowXform.prototype.prepare = function prepareRowsAsText(model, options) {
    const rows = model[ROWS_AS_TEXT];
    if (rows === undefined) return prepare.call(this, model, options);
    model.xml = rows.xml(options);
  };
  RowXform.prototype.render = function renderRowsAsText(xmlStream, model, options) {
    if (model[ROWS_AS_TEXT] === undefined) return render.call(this, xmlStream, model, options);
    xmlStream.writeXml(model.xml!);
  };
}
rowsAsTextInRowXform();

/**
 * Have exceljs write `ws`'s rows from `rows` (sheet-rows.ts) instead of from
 * its cells: the sheet's model gets the dimension those rows span and one
 * stand-in row that the patched RowXform writes as their XML. The sheet must
 * have no cells of its own.
 */
export function writeRowsAsText(ws: ExcelJS.Worksheet, rows: RowsAsText & { extents(expand: (row: number, first: number, last: number) => void): void }): void {
  // exceljs reads a sheet's model twice while writing; the rows' extents are found once.
  let extents: number[] | undefined;
  Object.defineProperty(ws, 'model', {
    configurable: true,
    get(this: ExcelJS.Worksheet) {
      const model = worksheetModel!.call(this) as { rows: unknown[]; dimensions: RangeLike };
      if (model.rows.length > 0) throw new Error(`exceljs: sheet ${this.name} has cells of its own and rows as text`);
      if (extents === undefined) {
        const found: number[] = [];
        rows.extents((row, first, last) => found.push(row, first, last));
        extents = found;
      }
      const dimensions = new Range();
      for (let i = 0; i < extents.length; i += 3) dimensions.expand(extents[i]!, extents[i + 1]!, extents[i]!, extents[i + 2]!);
      model.dimensions = dimensions;
      const standIn: StandInRowModel = { [ROWS_AS_TEXT]: rows };
      model.rows = extents.length > 0 ? [standIn] : [];
      return model;
    },
  });
}

// Filling a generated form the way Excel or WPS would leave it: the cells'
// XML inside the xlsx is rewritten, everything else (styles, validations,
// protection, the hidden sheet) stays as the writer made it. No exceljs, so
// the importer is tested against bytes it did not write itself.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** Zip entry dates fixed (local fields, as fflate reads them), so an edited file has the same bytes every run. */
const FIXED_MTIME = new Date(2024, 0, 1);

export type CellEdit =
  | { text: string }
  | { number: number }
  | { bool: boolean }
  /** A formula with the result Excel would have saved (omit `cached` for one never calculated). */
  | { formula: string; cached?: string | number }
  | { clear: true };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function sheetPath(files: Record<string, Uint8Array>, sheet: string): string {
  const workbook = strFromU8(files['xl/workbook.xml']!);
  const m = new RegExp(`<sheet [^>]*name="${escapeXml(sheet)}"[^>]*r:id="([^"]+)"`).exec(workbook);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const target = new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!target) throw new Error(`no part for ${sheet}`);
  return target[1]!.startsWith('/') ? target[1]!.slice(1) : `xl/${target[1]}`;
}

function cellXml(address: string, style: string, edit: CellEdit): string {
  const s = style ? ` s="${style}"` : '';
  if ('clear' in edit) return `<c r="${address}"${s}/>`;
  if ('text' in edit) return `<c r="${address}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(edit.text)}</t></is></c>`;
  if ('number' in edit) return `<c r="${address}"${s}><v>${edit.number}</v></c>`;
  if ('bool' in edit) return `<c r="${address}"${s} t="b"><v>${edit.bool ? 1 : 0}</v></c>`;
  const cached = edit.cached === undefined ? '' : `<v>${escapeXml(String(edit.cached))}</v>`;
  const type = typeof edit.cached === 'string' ? ' t="str"' : '';
  return `<c r="${address}"${s}${type}><f>${escapeXml(edit.formula)}</f>${cached}</c>`;
}

function setCell(xml: string, address: string, edit: CellEdit): string {
  const existing = new RegExp(`<c r="${address}"((?:\\s[^>]*?)?)(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  if (existing) {
    const style = /\ss="(\d+)"/.exec(existing[1] ?? '')?.[1] ?? '';
    return xml.slice(0, existing.index) + cellXml(address, style, edit) + xml.slice(existing.index + existing[0].length);
  }
  const row = Number(/\d+$/.exec(address)![0]);
  const rowOpen = new RegExp(`<row r="${row}"[^>]*?(/?)>`).exec(xml);
  if (rowOpen && rowOpen[1] === '') {
    const end = xml.indexOf('</row>', rowOpen.index);
    return xml.slice(0, end) + cellXml(address, '', edit) + xml.slice(end);
  }
  return xml.replace('</sheetData>', `<row r="${row}">${cellXml(address, '', edit)}</row></sheetData>`);
}

/** The xlsx with the given cells of one sheet replaced. */
export function editCells(data: Uint8Array, sheet: string, edits: Record<string, CellEdit>): Uint8Array {
  const files = unzipSync(data);
  const part = sheetPath(files, sheet);
  let xml = strFromU8(files[part]!);
  for (const [address, edit] of Object.entries(edits)) xml = setCell(xml, address, edit);
  files[part] = strToU8(xml);
  return zipSync(files, { mtime: FIXED_MTIME });
}

/** The xlsx with a sheet renamed (its name in workbook.xml). */
export function renameSheet(data: Uint8Array, from: string, to: string): Uint8Array {
  const files = unzipSync(data);
  files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']!).replace(`name="${escapeXml(from)}"`, `name="${escapeXml(to)}"`));
  return zipSync(files, { mtime: FIXED_MTIME });
}

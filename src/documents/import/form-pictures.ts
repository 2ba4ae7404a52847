// Pictures a unit put into its form. A photo is evidence, and a unit pastes
// it where it means it: into the row's 佐证材料 cell, as a WPS in-cell picture
// (=DISPIMG) or an Excel "place in cell" picture, or floating over that cell.
// Such a picture is taken out of the workbook and becomes evidence of the
// row's problem (the pipeline names and writes it with the progress file).
// A picture anywhere else — another column, a row without a problem, another
// sheet, not anchored to a cell — would vanish silently, so it is an error at
// its anchor cell; so is a picture whose image is not in the file (a linked
// picture) or is no image format zhenggai knows. Shapes, text boxes and charts
// are not imported, and a warning says so.
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { CellSheet, PictureMedia } from '../../formats/xlsx/cell-reader.js';
import { imageType, type ImageType } from '../../formats/image-type.js';
import { columnLetters } from '../../formats/xlsx/cells.js';
import { FIELD_LABELS } from '../../model/vocabulary.js';
import { layoutColumn, type FormLayout } from '../../model/document/unit-form-layout.js';
import type { FormWorkbook } from '../../load/xlsx-form.js';

/** A picture to be written to evidence/, from the cell it was found at. */
export interface FormPicture {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
  readonly bytes: Uint8Array;
  readonly type: ImageType;
}

export interface FoundPictures {
  /** Pictures in a problem row's evidence cell, by sheet row. */
  readonly byRow: ReadonlyMap<number, FormPicture[]>;
  /** Cells (sheet!cell) whose content is a picture: their text (=DISPIMG…) is not an answer. */
  readonly pictureCells: ReadonlySet<string>;
  readonly diagnostics: Diagnostic[];
}

interface Found {
  readonly sheet: CellSheet;
  readonly how: string;
  readonly row?: number;
  readonly column?: number;
  readonly media?: PictureMedia;
}

const EVIDENCE_LABEL = FIELD_LABELS.evidence;

export function findFormPictures(form: FormWorkbook, layout: FormLayout, problemRows: number): FoundPictures {
  const found: Found[] = [];
  const diagnostics: Diagnostic[] = [];
  const pictureCells = new Set<string>();
  const at = (sheet: string, cell: string | undefined, ruleId: string, message: string, severity: Severity = 'error'): Diagnostic => ({
    file: form.file,
    sheet,
    ...(cell === undefined ? {} : { cell }),
    ruleId,
    severity,
    message,
  });
  for (const sheet of form.sheets) {
    for (const r of sheet.rowNumbers) {
      for (const cell of sheet.cellsOf(r)) {
        if (!cell.picture) continue;
        pictureCells.add(`${sheet.name}!${cell.address}`);
        const how = cell.picture.kind === 'wps' ? '嵌入单元格的图片（WPS）' : '置于单元格内的图片（Excel）';
        found.push({ sheet, how, row: cell.row, column: cell.column, ...(cell.picture.media ? { media: cell.picture.media } : {}) });
      }
    }
    for (const object of sheet.drawings) {
      const anchor = object.anchor ? { row: object.anchor.row, column: object.anchor.column } : {};
      if (object.kind === 'picture') {
        found.push({ sheet, how: `浮动图片${object.name ? `“${object.name}”` : ''}`, ...anchor, ...(object.media ? { media: object.media } : {}) });
        continue;
      }
      const what = object.kind === 'chart' ? '图表' : object.kind === 'shape' ? (object.text ? `文本框或图形（文字“${object.text.slice(0, 30)}”）` : '图形') : '对象';
      diagnostics.push(at(sheet.name, object.anchor?.address, 'form-drawing', `此处有${what}，其内容不会被导入：要报送的文字请填在单元格中`, 'warning'));
    }
  }
  const byRow = new Map<number, FormPicture[]>();
  const evidenceColumn = layoutColumn(layout, 'evidence');
  const evidenceCell = (row: number) => `${columnLetters(evidenceColumn)}${row}`;
  for (const picture of found) {
    const cell = picture.row === undefined ? undefined : `${columnLetters(picture.column!)}${picture.row}`;
    const inProblemRow = picture.sheet.name === layout.sheet && picture.row !== undefined && picture.row >= layout.firstDataRow && picture.row < layout.firstDataRow + problemRows;
    if (!inProblemRow || picture.column !== evidenceColumn) {
      const place = cell === undefined ? '工作表中有一张未锚定在单元格上的' : '此处有';
      const move = inProblemRow
        ? `请把它移到本行的“${EVIDENCE_LABEL}”单元格 ${evidenceCell(picture.row!)}（或作为文件单独报送）`
        : `照片只能放在问题所在行的“${EVIDENCE_LABEL}”单元格（“${layout.sheet}”工作表 ${columnLetters(evidenceColumn)} 列），请移到那里或作为文件单独报送`;
      // Say where it is not: in the evidence column but outside the problems' rows (a header, a note below), or in another column.
      const inEvidenceColumn = picture.sheet.name === layout.sheet && picture.column === evidenceColumn;
      const where = inEvidenceColumn ? `不在问题所在的行（“${EVIDENCE_LABEL}”列第 ${layout.firstDataRow}–${layout.firstDataRow + problemRows - 1} 行）` : `不在“${EVIDENCE_LABEL}”列`;
      diagnostics.push(at(picture.sheet.name, cell, 'form-picture', `${place}${picture.how}，${where}，不会被导入：${move}`));
      continue;
    }
    if (!picture.media) {
      diagnostics.push(at(picture.sheet.name, cell, 'form-picture', `此处有${picture.how}，但文件中没有图片数据（可能是链接到电脑上文件的图片），无法导入：请把照片作为文件单独报送`));
      continue;
    }
    const type = imageType(picture.media.bytes);
    if (!type) {
      diagnostics.push(at(picture.sheet.name, cell, 'form-picture', `此处有${picture.how}（${picture.media.part}），但不是可识别的图片格式，无法导入：请把照片另存为 JPG 或 PNG 后作为文件报送`));
      continue;
    }
    const list = byRow.get(picture.row!) ?? [];
    list.push({ file: form.file, sheet: picture.sheet.name, cell: cell!, bytes: picture.media.bytes, type });
    byRow.set(picture.row!, list);
  }
  return { byRow, pictureCells, diagnostics };
}

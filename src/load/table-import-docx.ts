// The tables of a Word document as grids: horizontal spans (w:gridSpan, the
// old w:hMerge) and vertical merges (w:vMerge) become covered cells that name
// their anchor, as the xlsx reader's merges do, and each table comes with the
// paragraphs that precede it (the 附件 label and the title above a task
// table). The XML is read by namespace (formats/xml.ts), so any prefix and
// the Strict namespaces read alike; the parts are found through the
// package's relationships (formats/ooxml/package.ts).
//
// Every paragraph, in the body and in every cell, goes through Word's
// numbering in document order (formats/ooxml/word-numbering.ts), so a cell
// whose 序号 or measures Word numbers automatically reads as Word shows it:
// the number is in the cell's text, and each line keeps its label apart for
// the measures' split.
import { OoxmlPackage } from '../formats/ooxml/package.js';
import { OOXML_ALIASES, W } from '../formats/ooxml/namespaces.js';
import { WordNumbering, type ListLabel } from '../formats/ooxml/word-numbering.js';
import { attr, childElements, firstChild, parseXml, type XmlElement } from '../formats/xml.js';
import type { CellLine, GridCell, TableSource } from './table-import-grid.js';

/** A package that is no Word document; the message is for the clerk. */
export class NotWordprocessingError extends Error {
  override readonly name = 'NotWordprocessingError';
}

export function docxTableSources(data: Uint8Array): TableSource[] {
  const pkg = new OoxmlPackage(data);
  const main = pkg.mainPart('word/document.xml');
  const text = main === undefined ? undefined : pkg.text(main);
  if (main === undefined || text === undefined) throw new NotWordprocessingError('不是 Word 文档：找不到主文档部件 (no main document part)');
  const document = parseXml(text, { aliases: OOXML_ALIASES });
  if (document.uri !== W || document.local !== 'document') throw new NotWordprocessingError('不是 Word 文档：主文档不是 WordprocessingML（是否把 Excel 工作簿改成了 .docx？）(not WordprocessingML)');
  const numberingPart = pkg.related(main, 'numbering');
  const stylesPart = pkg.related(main, 'styles');
  const reader = new BodyReader(new WordNumbering(numberingPart && pkg.text(numberingPart), stylesPart && pkg.text(stylesPart)));
  const body = firstChild(document, W, 'body');
  return body ? reader.sources(body) : [];
}

function val(node: XmlElement | undefined): string | undefined {
  return node === undefined ? undefined : (attr(node, W, 'val') ?? attr(node, '', 'val'));
}

/** Word tables have at most 63 columns: a larger span or gridBefore is damage, read as this many. */
const MAX_GRID_COLUMNS = 63;

function intVal(node: XmlElement | undefined, fallback: number): number {
  const value = Number(val(node));
  return Number.isInteger(value) && value > 0 ? Math.min(value, MAX_GRID_COLUMNS) : fallback;
}

function isOn(node: XmlElement | undefined): boolean {
  return node !== undefined && !['0', 'false', 'off'].includes(val(node) ?? 'true');
}

/** Containers whose children are read as if they stood in the container's place. */
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins', 'moveTo', 'hyperlink', 'fldSimple', 'dir', 'bdo']);
/** Content Word does not show as the paragraph's text: tracked deletions, field codes, properties, floating objects. */
const HIDDEN = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'pPr', 'rPr', 'drawing', 'pict', 'object', 'footnoteReference', 'endnoteReference', 'commentReference']);

/** The text a run (or any inline container) shows: text, tabs and line breaks. */
function inlineText(node: XmlElement): string {
  let text = '';
  for (const child of node.children) {
    if (typeof child === 'string' || child.uri !== W || HIDDEN.has(child.local)) continue;
    if (child.local === 'r' && isOn(firstChild(firstChild(child, W, 'rPr'), W, 'vanish'))) continue;
    if (child.local === 't') text += child.children.filter((c): c is string => typeof c === 'string').join('');
    else if (child.local === 'tab' || child.local === 'ptab') text += '\t';
    else if (child.local === 'br' || child.local === 'cr') text += '\n';
    else if (child.local === 'noBreakHyphen') text += '-';
    else text += inlineText(child);
  }
  return text;
}

function lineText(line: CellLine): string {
  if (line.label === undefined || line.bullet) return line.text;
  if (line.text === '') return line.label;
  return line.label + (line.suffix === 'nothing' ? '' : ' ') + line.text;
}

class BodyReader {
  constructor(private readonly numbering: WordNumbering) {}

  /** A paragraph's label (counted now, in document order) and text. */
  private paragraph(p: XmlElement): CellLine {
    const label: ListLabel | undefined = this.numbering.next(firstChild(p, W, 'pPr'));
    const text = inlineText(p);
    if (!label || label.text === '') return { text };
    return { label: label.text, text, ...(label.bullet ? { bullet: true } : {}), suffix: label.suffix, level: label.level };
  }

  sources(body: XmlElement): TableSource[] {
    const sources: TableSource[] = [];
    const paragraphs: string[] = [];
    this.blocks(body, (block) => {
      if (block.local === 'p') paragraphs.push(lineText(this.paragraph(block)));
      else {
        const grid = this.tableGrid(block);
        sources.push({ grid, before: [...paragraphs], label: `第 ${sources.length + 1} 个表格`, rowLabel: (r) => `表格第 ${r + 1} 行` });
      }
    });
    return sources;
  }

  /** Paragraphs and tables in order, through content controls and custom XML that wrap them. */
  private blocks(node: XmlElement, visit: (block: XmlElement) => void): void {
    for (const child of childElements(node, W)) {
      if (child.local === 'p' || child.local === 'tbl') visit(child);
      else if (TRANSPARENT.has(child.local)) this.blocks(child, visit);
    }
  }

  /** Rows of a table, through wrappers; a row deleted with tracked changes is not shown. */
  private rows(node: XmlElement): XmlElement[] {
    return childElements(node, W).flatMap((child) => {
      if (child.local === 'tr') return firstChild(firstChild(child, W, 'trPr'), W, 'del') ? [] : [child];
      return TRANSPARENT.has(child.local) ? this.rows(child) : [];
    });
  }

  private cells(node: XmlElement): XmlElement[] {
    return childElements(node, W).flatMap((child) => {
      if (child.local === 'tc') return [child];
      return TRANSPARENT.has(child.local) ? this.cells(child) : [];
    });
  }

  /** A cell's paragraphs, one a line; a table nested in the cell gives its paragraphs in order. */
  private cellLines(tc: XmlElement): CellLine[] {
    const lines: CellLine[] = [];
    const walk = (node: XmlElement) => {
      for (const child of childElements(node, W)) {
        if (child.local === 'p') lines.push(this.paragraph(child));
        else if (child.local === 'tbl') for (const tr of this.rows(child)) for (const inner of this.cells(tr)) walk(inner);
        else if (TRANSPARENT.has(child.local)) walk(child);
      }
    };
    walk(tc);
    return lines;
  }

  private tableGrid(tbl: XmlElement): GridCell[][] {
    const grid: GridCell[][] = [];
    this.rows(tbl).forEach((tr, r) => {
      const row: GridCell[] = [];
      let column = intVal(firstChild(firstChild(tr, W, 'trPr'), W, 'gridBefore'), 0);
      for (let c = 0; c < column; c += 1) row.push({ text: '', anchor: `${r}:${c}`, covered: false });
      for (const tc of this.cells(tr)) {
        const props = firstChild(tc, W, 'tcPr');
        const span = intVal(firstChild(props, W, 'gridSpan'), 1);
        const vMerge = firstChild(props, W, 'vMerge');
        const hMerge = firstChild(props, W, 'hMerge');
        const lines = this.cellLines(tc);
        const above = grid[r - 1]?.[column];
        const left = row[column - 1];
        let anchorCell: GridCell;
        if (vMerge !== undefined && val(vMerge) !== 'restart' && above) anchorCell = { ...above, covered: true };
        else if (hMerge !== undefined && val(hMerge) !== 'restart' && left) anchorCell = { ...left, covered: true };
        else anchorCell = { text: lines.map(lineText).join('\n'), anchor: `${r}:${column}`, covered: false, ...(lines.some((l) => l.label !== undefined) ? { lines } : {}) };
        for (let k = 0; k < span; k += 1) row.push(k === 0 ? anchorCell : { ...anchorCell, covered: true });
        column += span;
      }
      grid.push(row);
    });
    return grid;
  }
}


// The tables of a Word document as grids: horizontal spans (w:gridSpan) and
// vertical merges (w:vMerge) become covered cells that name their anchor, as
// the xlsx reader's merges do, and each table comes with the paragraphs that
// precede it (the 附件 label and the title above a task table).
import { unzipSync, strFromU8 } from 'fflate';
import type { GridCell, TableSource } from './table-import.js';
import { elements, firstElement, parseXml, type XmlElement } from './table-import-xml.js';

const W = 'w:';

export function docxTableSources(data: Uint8Array): TableSource[] {
  const files = unzipSync(data, { filter: (f) => f.name === 'word/document.xml' });
  const xml = files['word/document.xml'];
  if (!xml) return [];
  const body = firstElement(parseXml(strFromU8(xml)), `${W}body`);
  if (!body) return [];
  const sources: TableSource[] = [];
  const paragraphs: string[] = [];
  for (const block of blocks(body)) {
    if (block.name === `${W}p`) paragraphs.push(paragraphText(block));
    else sources.push({ grid: tableGrid(block), before: [...paragraphs], label: `第 ${sources.length + 1} 个表格`, rowLabel: (r) => `表格第 ${r + 1} 行` });
  }
  return sources;
}

/** Paragraphs and tables of the body in order, through content controls (w:sdt) that wrap them. */
function blocks(node: XmlElement): XmlElement[] {
  return elements(node).flatMap((child) => {
    if (child.name === `${W}p` || child.name === `${W}tbl`) return [child];
    if (child.name === `${W}sdt`) return blocks(firstElement(child, `${W}sdtContent`) ?? child);
    return [];
  });
}

/** The text a run shows: text, tabs and line breaks; deleted text and field codes are not shown. */
function runText(node: XmlElement): string {
  let text = '';
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (child.name === `${W}t`) text += child.children.filter((c): c is string => typeof c === 'string').join('');
    else if (child.name === `${W}tab`) text += '\t';
    else if (child.name === `${W}br` || child.name === `${W}cr`) text += '\n';
    else if (child.name !== `${W}delText` && child.name !== `${W}instrText` && child.name !== `${W}del`) text += runText(child);
  }
  return text;
}

export function paragraphText(p: XmlElement): string {
  return runText(p);
}

/** A cell's paragraphs, one a line (a table nested in a cell contributes its paragraphs). */
function cellText(tc: XmlElement): string {
  const lines: string[] = [];
  const walk = (node: XmlElement) => {
    for (const child of elements(node)) {
      if (child.name === `${W}p`) lines.push(paragraphText(child));
      else if (child.name === `${W}tbl` || child.name === `${W}tr` || child.name === `${W}tc` || child.name === `${W}sdt` || child.name === `${W}sdtContent`) walk(child);
    }
  };
  walk(tc);
  return lines.join('\n');
}

function intAttr(node: XmlElement | undefined, fallback: number): number {
  const value = Number(node?.attrs[`${W}val`]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Cells of a row, through content controls that wrap them. */
function rowCells(tr: XmlElement): XmlElement[] {
  return elements(tr).flatMap((child) => {
    if (child.name === `${W}tc`) return [child];
    if (child.name === `${W}sdt`) return rowCells(firstElement(child, `${W}sdtContent`) ?? child);
    return [];
  });
}

function tableGrid(tbl: XmlElement): GridCell[][] {
  const grid: GridCell[][] = [];
  elements(tbl, `${W}tr`).forEach((tr, r) => {
    const row: GridCell[] = [];
    let column = intAttr(firstElement(firstElement(tr, `${W}trPr`) ?? tr, `${W}gridBefore`), 0);
    for (let c = 0; c < column; c += 1) row.push({ text: '', anchor: `${r}:${c}`, covered: false });
    for (const tc of rowCells(tr)) {
      const props = firstElement(tc, `${W}tcPr`);
      const span = intAttr(props && firstElement(props, `${W}gridSpan`), 1);
      const vMerge = props && firstElement(props, `${W}vMerge`);
      const continues = vMerge !== undefined && vMerge.attrs[`${W}val`] !== 'restart';
      const above = grid[r - 1]?.[column];
      const anchorCell: GridCell = continues && above ? { ...above, covered: true } : { text: cellText(tc), anchor: `${r}:${column}`, covered: false };
      for (let k = 0; k < span; k += 1) row.push(k === 0 ? anchorCell : { ...anchorCell, covered: true });
      column += span;
    }
    grid.push(row);
  });
  return grid;
}

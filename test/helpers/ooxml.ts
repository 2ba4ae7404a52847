// Small Office packages written by hand, as other producers write them: any
// namespace prefix, Strict or Transitional namespaces, the parts a reader
// must find through the package's relationships. Complete enough for Word,
// Excel and LibreOffice to open (content types and relationships included).
import { strToU8, zipSync } from 'fflate';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const S_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function rels(items: Array<[id: string, type: string, target: string]>): string {
  const body = items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL_TYPE}/${type}" Target="${target}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

function contentTypes(overrides: Array<[part: string, type: string]>): string {
  const body = overrides.map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${body}</Types>`;
}

/** WordprocessingML with prefix `w` (or another), the body's XML written with that prefix. */
export interface WordParts {
  /** The body's children (paragraphs and tables), using `prefix:`. */
  body: string;
  /** numbering.xml's children (w:abstractNum, w:num). */
  numbering?: string;
  /** styles.xml's children (w:style). */
  styles?: string;
  prefix?: string;
  /** Where the main document lives (found through _rels/.rels). */
  documentPath?: string;
}

export function wordPackage(parts: WordParts): Uint8Array {
  const w = parts.prefix ?? 'w';
  const ns = w === '' ? `xmlns="${W_NS}"` : `xmlns:${w}="${W_NS}"`;
  const q = (name: string) => (w === '' ? name : `${w}:${name}`);
  const documentPath = parts.documentPath ?? 'word/document.xml';
  const folder = documentPath.slice(0, documentPath.lastIndexOf('/') + 1);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      contentTypes([
        [documentPath, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
        ...(parts.numbering !== undefined ? [[`${folder}numbering.xml`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml'] as [string, string]] : []),
        ...(parts.styles !== undefined ? [[`${folder}styles.xml`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'] as [string, string]] : []),
      ]),
    ),
    '_rels/.rels': strToU8(rels([['rId1', 'officeDocument', documentPath]])),
    [documentPath]: strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q('document')} ${ns}><${q('body')}>${parts.body}<${q('sectPr')}/></${q('body')}></${q('document')}>`),
    [`${folder}_rels/${documentPath.slice(folder.length)}.rels`]: strToU8(
      rels([
        ...(parts.numbering !== undefined ? [['rId1', 'numbering', 'numbering.xml'] as [string, string, string]] : []),
        ...(parts.styles !== undefined ? [['rId2', 'styles', 'styles.xml'] as [string, string, string]] : []),
      ]),
    ),
  };
  if (parts.numbering !== undefined) files[`${folder}numbering.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q('numbering')} ${ns}>${parts.numbering}</${q('numbering')}>`);
  if (parts.styles !== undefined) files[`${folder}styles.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q('styles')} ${ns}>${parts.styles}</${q('styles')}>`);
  return zipSync(files);
}

/** Word XML helpers with the default prefix w. */
export const word = {
  p: (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${text === '' ? '' : `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`}</w:p>`,
  numPr: (numId: number | string, ilvl?: number) => `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`,
  style: (id: string) => `<w:pStyle w:val="${id}"/>`,
  tc: (inner: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`,
  tr: (cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`,
  tbl: (rows: string[]) => `<w:tbl><w:tblGrid/>${rows.join('')}</w:tbl>`,
  span: (n: number) => `<w:gridSpan w:val="${n}"/>`,
  restart: '<w:vMerge w:val="restart"/>',
  cont: '<w:vMerge/>',
  /** A numbering level. */
  lvl: (ilvl: number, o: { start?: number; fmt?: string; text?: string; restart?: number; legal?: boolean; pStyle?: string; suff?: string; raw?: string } = {}) =>
    `<w:lvl w:ilvl="${ilvl}">${o.start === undefined ? '<w:start w:val="1"/>' : o.start < 0 ? '' : `<w:start w:val="${o.start}"/>`}${o.raw ?? `<w:numFmt w:val="${o.fmt ?? 'decimal'}"/>`}${o.restart === undefined ? '' : `<w:lvlRestart w:val="${o.restart}"/>`}${o.pStyle ? `<w:pStyle w:val="${o.pStyle}"/>` : ''}${o.legal ? '<w:isLgl/>' : ''}${o.suff ? `<w:suff w:val="${o.suff}"/>` : ''}<w:lvlText w:val="${o.text ?? '%1.'}"/><w:lvlJc w:val="left"/></w:lvl>`,
  abstractNum: (id: number, levels: string, extra = '') => `<w:abstractNum w:abstractNumId="${id}">${extra}${levels}</w:abstractNum>`,
  num: (id: number, abstractId: number, overrides = '') => `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`,
  startOverride: (ilvl: number, start: number) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`,
};

/** SpreadsheetML parts: a workbook of sheets written with `prefix:` (or the default namespace). */
export interface SheetSpec {
  name: string;
  /** sheetData's children. */
  rows: string;
  /** After sheetData: mergeCells and the like. */
  after?: string;
  state?: 'hidden' | 'veryHidden';
}

export function spreadsheetPackage(o: { sheets: SheetSpec[]; sharedStrings?: string; styles?: string; prefix?: string; namespace?: string; workbookPath?: string }): Uint8Array {
  const x = o.prefix ?? '';
  const ns = `${x === '' ? 'xmlns' : `xmlns:${x}`}="${o.namespace ?? S_NS}"`;
  const q = (name: string) => (x === '' ? name : `${x}:${name}`);
  const workbookPath = o.workbookPath ?? 'xl/workbook.xml';
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const sheetList = o.sheets.map((s, i) => `<${q('sheet')} name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      contentTypes([
        [workbookPath, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
        ...o.sheets.map((_, i) => [`${folder}worksheets/sheet${i + 1}.xml`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'] as [string, string]),
        ...(o.sharedStrings !== undefined ? [[`${folder}sharedStrings.xml`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'] as [string, string]] : []),
        ...(o.styles !== undefined ? [[`${folder}styles.xml`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'] as [string, string]] : []),
      ]),
    ),
    '_rels/.rels': strToU8(rels([['rId1', 'officeDocument', workbookPath]])),
    [workbookPath]: strToU8(`${decl}<${q('workbook')} ${ns} xmlns:r="${R_NS}"><${q('sheets')}>${sheetList}</${q('sheets')}></${q('workbook')}>`),
    [`${folder}_rels/${workbookPath.slice(folder.length)}.rels`]: strToU8(
      rels([
        ...o.sheets.map((_, i) => [`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`] as [string, string, string]),
        ...(o.sharedStrings !== undefined ? [['rIdS', 'sharedStrings', 'sharedStrings.xml'] as [string, string, string]] : []),
        ...(o.styles !== undefined ? [['rIdT', 'styles', 'styles.xml'] as [string, string, string]] : []),
      ]),
    ),
  };
  o.sheets.forEach((s, i) => {
    files[`${folder}worksheets/sheet${i + 1}.xml`] = strToU8(`${decl}<${q('worksheet')} ${ns}><${q('sheetData')}>${s.rows}</${q('sheetData')}>${s.after ?? ''}</${q('worksheet')}>`);
  });
  if (o.sharedStrings !== undefined) files[`${folder}sharedStrings.xml`] = strToU8(`${decl}<${q('sst')} ${ns}>${o.sharedStrings}</${q('sst')}>`);
  if (o.styles !== undefined) files[`${folder}styles.xml`] = strToU8(`${decl}<${q('styleSheet')} ${ns}>${o.styles}</${q('styleSheet')}>`);
  return zipSync(files);
}

// Changing a generated form the way Excel, WPS or a clerk's copy and paste
// leave it, at the level of the xlsx's XML — cells of every stored type
// (shared and inline strings, rich text with phonetic runs, _xHHHH_ escapes,
// numbers in any number format, booleans, error values, ISO dates, formulas
// with cached results of each type), hyperlinks, pictures (WPS in-cell,
// Excel place-in-cell, floating), rows appended by the hundred thousand, a
// declared dimension, the 1904 date system. No exceljs and nothing of
// zhenggai's own reader: the importer is tested against bytes it did not
// make, and the expected value of each cell is the one the test put there.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { deflateSync } from 'node:zlib';

const FIXED_MTIME = new Date(2024, 0, 1);
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function withRelNamespace(xml: string): string {
  const open = /<worksheet[^>]*>/.exec(xml)![0];
  return open.includes('xmlns:r=') ? xml : xml.replace(open, open.replace('<worksheet ', `<worksheet xmlns:r="${REL_NS}" `));
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export type Cell =
  /** Inline string (t="inlineStr"); `raw` is put into <t> unescaped (to write _x000D_ escapes yourself). */
  | { inline: string; raw?: boolean }
  /** A shared string (t="s"), appended to sharedStrings.xml. */
  | { shared: string; raw?: boolean }
  /** Rich text as runs (each with some formatting), inline or shared, optionally with a phonetic run that is not part of the text. */
  | { runs: string[]; shared?: boolean; phonetic?: string }
  | { number: number; format?: string }
  | { bool: boolean }
  | { error: string }
  /** t="d": an ISO 8601 date as Excel writes it in strict mode. */
  | { isoDate: string; format?: string }
  /** A formula with the result Excel saved (`cached` omitted: never calculated). */
  | { formula: string; cached?: string | number | boolean; type?: 'str' | 'n' | 'b' | 'e'; format?: string }
  | { clear: true };

export class FormFile {
  private readonly files: Record<string, Uint8Array>;
  private readonly text = new Map<string, string>();
  private mediaCount = 0;

  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
  }

  private read(part: string): string {
    if (!this.text.has(part)) this.text.set(part, this.files[part] ? strFromU8(this.files[part]) : '');
    return this.text.get(part)!;
  }

  private write(part: string, xml: string): void {
    this.text.set(part, xml);
  }

  sheetPart(sheet: string): string {
    const workbook = this.read('xl/workbook.xml');
    const m = new RegExp(`<sheet [^>]*name="${escapeXml(sheet)}"[^>]*r:id="([^"]+)"`).exec(workbook);
    if (!m) throw new Error(`no sheet ${sheet}`);
    const rels = this.read('xl/_rels/workbook.xml.rels');
    const target = new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
    if (!target) throw new Error(`no part for ${sheet}`);
    return target[1]!.startsWith('/') ? target[1]!.slice(1) : `xl/${target[1]}`;
  }

  /** A cell style with this number format (added to styles.xml), as its index. */
  style(format: string): number {
    let styles = this.read('xl/styles.xml');
    const builtin: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '@': 49, 'yyyy/m/d': 14 };
    let id = builtin[format];
    if (id === undefined) {
      const existing = new RegExp(`<numFmt numFmtId="(\\d+)" formatCode="${escapeXml(format).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"/>`).exec(styles);
      if (existing) id = Number(existing[1]);
      else {
        const ids = [...styles.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
        id = Math.max(163, ...ids) + 1;
        const numFmt = `<numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`;
        styles = styles.includes('<numFmts') ? styles.replace(/<numFmts count="(\d+)">/, (_m, n: string) => `<numFmts count="${Number(n) + 1}">${numFmt}`) : styles.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="1">${numFmt}</numFmts>`);
      }
    }
    const count = Number(/<cellXfs count="(\d+)">/.exec(styles)![1]);
    styles = styles.replace(/<cellXfs count="\d+">/, `<cellXfs count="${count + 1}">`).replace('</cellXfs>', `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
    this.write('xl/styles.xml', styles);
    return count;
  }

  private sharedIndex(xmlText: string): number {
    let sst = this.read('xl/sharedStrings.xml');
    const count = Number(/uniqueCount="(\d+)"/.exec(sst)![1]);
    sst = sst.replace(/count="\d+" uniqueCount="\d+"/, `count="${count + 1}" uniqueCount="${count + 1}"`).replace('</sst>', `<si>${xmlText}</si></sst>`);
    this.write('xl/sharedStrings.xml', sst);
    return count;
  }

  private cellXml(address: string, style: string, cell: Cell): string {
    const s = (format?: string) => (format === undefined ? (style ? ` s="${style}"` : '') : ` s="${this.style(format)}"`);
    if ('clear' in cell) return `<c r="${address}"${s()}/>`;
    if ('inline' in cell) return `<c r="${address}"${s()} t="inlineStr"><is><t xml:space="preserve">${cell.raw ? cell.inline : escapeXml(cell.inline)}</t></is></c>`;
    if ('shared' in cell && typeof cell.shared === 'string') {
      const index = this.sharedIndex(`<t xml:space="preserve">${cell.raw ? cell.shared : escapeXml(cell.shared)}</t>`);
      return `<c r="${address}"${s()} t="s"><v>${index}</v></c>`;
    }
    if ('runs' in cell) {
      const runs = cell.runs.map((t, i) => `<r><rPr>${i % 2 === 0 ? '<b/>' : '<u/>'}<sz val="12"/></rPr><t xml:space="preserve">${escapeXml(t)}</t></r>`).join('');
      const phonetic = cell.phonetic === undefined ? '' : `<rPh sb="0" eb="1"><t>${escapeXml(cell.phonetic)}</t></rPh>`;
      if (cell.shared) return `<c r="${address}"${s()} t="s"><v>${this.sharedIndex(runs + phonetic)}</v></c>`;
      return `<c r="${address}"${s()} t="inlineStr"><is>${runs}${phonetic}</is></c>`;
    }
    if ('number' in cell) return `<c r="${address}"${s(cell.format)}><v>${cell.number}</v></c>`;
    if ('bool' in cell) return `<c r="${address}"${s()} t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
    if ('error' in cell) return `<c r="${address}"${s()} t="e"><v>${escapeXml(cell.error)}</v></c>`;
    if ('isoDate' in cell) return `<c r="${address}"${s(cell.format)} t="d"><v>${cell.isoDate}</v></c>`;
    const type = cell.type ?? (typeof cell.cached === 'string' ? 'str' : typeof cell.cached === 'boolean' ? 'b' : 'n');
    const cached = cell.cached === undefined ? '' : `<v>${escapeXml(typeof cell.cached === 'boolean' ? (cell.cached ? '1' : '0') : String(cell.cached))}</v>`;
    return `<c r="${address}"${s(cell.format)}${type === 'n' ? '' : ` t="${type}"`}><f>${escapeXml(cell.formula)}</f>${cached}</c>`;
  }

  /** Replaces (or adds) cells of a sheet. */
  cells(sheet: string, edits: Record<string, Cell>): this {
    const part = this.sheetPart(sheet);
    let xml = this.read(part);
    for (const [address, cell] of Object.entries(edits)) {
      const existing = new RegExp(`<c r="${address}"((?:\\s[^>]*?)?)(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
      if (existing) {
        const style = /\ss="(\d+)"/.exec(existing[1] ?? '')?.[1] ?? '';
        xml = xml.slice(0, existing.index) + this.cellXml(address, style, cell) + xml.slice(existing.index + existing[0].length);
        continue;
      }
      const row = Number(/\d+$/.exec(address)![0]);
      const rowOpen = new RegExp(`<row r="${row}"[^>]*?(/?)>`).exec(xml);
      if (rowOpen && rowOpen[1] === '') {
        const end = xml.indexOf('</row>', rowOpen.index);
        xml = xml.slice(0, end) + this.cellXml(address, '', cell) + xml.slice(end);
      } else {
        const next = [...xml.matchAll(/<row r="(\d+)"/g)].find((m) => Number(m[1]) > row);
        const rowXml = `<row r="${row}">${this.cellXml(address, '', cell)}</row>`;
        xml = next ? xml.slice(0, next.index) + rowXml + xml.slice(next.index) : xml.replace('</sheetData>', `${rowXml}</sheetData>`);
      }
    }
    this.write(part, xml);
    return this;
  }

  /** `count` rows after the sheet's last, each with `text` in `column`. */
  appendRows(sheet: string, from: number, count: number, column: string, text: string): this {
    const part = this.sheetPart(sheet);
    const rows: string[] = [];
    for (let r = from; r < from + count; r += 1) rows.push(`<row r="${r}"><c r="${column}${r}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c></row>`);
    this.write(part, this.read(part).replace('</sheetData>', `${rows.join('')}</sheetData>`));
    return this;
  }

  /** `count` empty <row> elements after the sheet's last. */
  appendEmptyRows(sheet: string, from: number, count: number): this {
    const part = this.sheetPart(sheet);
    const rows: string[] = [];
    for (let r = from; r < from + count; r += 1) rows.push(`<row r="${r}"/>`);
    this.write(part, this.read(part).replace('</sheetData>', `${rows.join('')}</sheetData>`));
    return this;
  }

  dimension(sheet: string, ref: string): this {
    const part = this.sheetPart(sheet);
    this.write(part, this.read(part).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`));
    return this;
  }

  /** A merged area added by hand. */
  merge(sheet: string, ref: string): this {
    const part = this.sheetPart(sheet);
    let xml = this.read(part);
    if (xml.includes('</mergeCells>')) xml = xml.replace(/<mergeCells count="(\d+)">/, (_m, n: string) => `<mergeCells count="${Number(n) + 1}">`).replace('</mergeCells>', `<mergeCell ref="${ref}"/></mergeCells>`);
    else xml = xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
    this.write(part, xml);
    return this;
  }

  date1904(): this {
    this.write('xl/workbook.xml', this.read('xl/workbook.xml').replace(/<workbookPr([^>]*?)\/>/, '<workbookPr$1 date1904="1"/>'));
    return this;
  }

  private addRel(ofPart: string, type: string, target: string, external = false): string {
    const slash = ofPart.lastIndexOf('/');
    const relsPart = `${ofPart.slice(0, slash + 1)}_rels/${ofPart.slice(slash + 1)}.rels`;
    let rels = this.read(relsPart) || `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1 + 50}`;
    rels = rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"${external ? ' TargetMode="External"' : ''}/></Relationships>`);
    this.write(relsPart, rels);
    return id;
  }

  private addContentType(xml: string): void {
    const types = this.read('[Content_Types].xml');
    if (!types.includes(xml)) this.write('[Content_Types].xml', types.replace('</Types>', `${xml}</Types>`));
  }

  private addMedia(bytes: Uint8Array, extension: string): string {
    this.mediaCount += 1;
    const name = `xl/media/zg-image${this.mediaCount}.${extension}`;
    this.files[name] = bytes;
    this.addContentType(`<Default Extension="${extension}" ContentType="image/${extension === 'jpg' ? 'jpeg' : extension}"/>`);
    return name;
  }

  /** A hyperlink on a cell (the cell keeps its text). */
  hyperlink(sheet: string, address: string, url: string): this {
    const part = this.sheetPart(sheet);
    const id = this.addRel(part, `${REL_NS}/hyperlink`, url, true);
    let xml = this.read(part);
    const link = `<hyperlink ref="${address}" r:id="${id}"/>`;
    if (xml.includes('</hyperlinks>')) xml = xml.replace('</hyperlinks>', `${link}</hyperlinks>`);
    else {
      // After mergeCells, conditionalFormatting and dataValidations; before printOptions and pageMargins (schema order).
      const before = ['<printOptions', '<pageMargins', '<pageSetup', '<headerFooter', '<drawing', '</worksheet>'].find((t) => xml.includes(t))!;
      xml = xml.replace(before, `<hyperlinks>${link}</hyperlinks>${before}`);
    }
    xml = withRelNamespace(xml);
    this.write(part, xml);
    return this;
  }

  /** A WPS 嵌入单元格图片 in a cell: =DISPIMG("ID_…",1) and xl/cellimages.xml. */
  wpsPicture(sheet: string, address: string, bytes: Uint8Array, extension = 'png'): this {
    const media = this.addMedia(bytes, extension);
    const id = `ID_${(0x1000 + this.mediaCount).toString(16).toUpperCase()}A2B3C4D5E6F708192A3B4C5D6E7F8`;
    let cellImages = this.read('xl/cellimages.xml');
    if (cellImages === '') {
      cellImages =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"></etc:cellImages>';
      this.addRel('xl/workbook.xml', 'http://www.wps.cn/officeDocument/2020/cellImage', 'cellimages.xml');
      this.addContentType('<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/>');
    }
    const rel = this.addRel('xl/cellimages.xml', `${REL_NS}/image`, media.slice('xl/'.length));
    cellImages = cellImages.replace(
      '</etc:cellImages>',
      `<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${this.mediaCount + 1}" name="${id}" descr="照片"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="${rel}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="714375"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>`,
    );
    this.write('xl/cellimages.xml', cellImages);
    return this.cells(sheet, { [address]: { formula: `_xlfn.DISPIMG("${id}",1)`, cached: `=DISPIMG("${id}",1)`, type: 'str' } });
  }

  private drawingPart(sheet: string): string {
    const part = this.sheetPart(sheet);
    let xml = this.read(part);
    const existing = /<drawing r:id="([^"]+)"\/>/.exec(xml);
    const name = `xl/drawings/zg-drawing-${part.split('/').at(-1)}`;
    if (existing) return name;
    this.write(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>');
    this.addContentType(`<Override PartName="/${name}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    const id = this.addRel(part, `${REL_NS}/drawing`, `../drawings/${name.split('/').at(-1)}`);
    // <drawing> goes after pageSetup/headerFooter (schema order); before legacyDrawing/tableParts/extLst.
    const before = ['<legacyDrawing', '<tableParts', '<extLst', '</worksheet>'].find((t) => xml.includes(t))!;
    xml = xml.replace(before, `<drawing r:id="${id}"/>${before}`);
    this.write(part, withRelNamespace(xml));
    return name;
  }

  private anchor(address: string, body: string): string {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>19050</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>19050</xdr:rowOff></xdr:from><xdr:to><xdr:col>${col + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
  }

  /** An ordinary (floating) picture anchored on a cell; `linked` leaves the image outside the file. */
  floatingPicture(sheet: string, address: string, bytes: Uint8Array, extension = 'png', linked = false): this {
    const drawing = this.drawingPart(sheet);
    const media = this.addMedia(bytes, extension);
    const rel = linked ? this.addRel(drawing, `${REL_NS}/image`, 'file:///C:/Users/clerk/Pictures/photo.jpg', true) : this.addRel(drawing, `${REL_NS}/image`, `../media/${media.split('/').at(-1)}`);
    const blip = linked ? `<a:blip xmlns:r="${REL_NS}" r:link="${rel}"/>` : `<a:blip xmlns:r="${REL_NS}" r:embed="${rel}"/>`;
    const pic = `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${this.mediaCount + 1}" name="图片 ${this.mediaCount}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill>${blip}<a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="714375"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`;
    this.write(drawing, this.read(drawing).replace('</xdr:wsDr>', `${this.anchor(address, pic)}</xdr:wsDr>`));
    return this;
  }

  /** A text box (a shape with text) anchored on a cell. */
  textBox(sheet: string, address: string, text: string): this {
    const drawing = this.drawingPart(sheet);
    const sp = `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="90" name="文本框 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="300000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(text)}</a:t></a:r></a:p></xdr:txBody></xdr:sp>`;
    this.write(drawing, this.read(drawing).replace('</xdr:wsDr>', `${this.anchor(address, sp)}</xdr:wsDr>`));
    return this;
  }

  /** Excel's 置于单元格内 picture: the cell is #VALUE! with vm pointing through metadata.xml to a rich value that names the image. */
  excelPicture(sheet: string, address: string, bytes: Uint8Array, extension = 'png'): this {
    const media = this.addMedia(bytes, extension);
    if (this.read('xl/metadata.xml') === '') {
      this.write('xl/richData/richValueRel.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><richValueRels xmlns="http://schemas.microsoft.com/office/spreadsheetml/2022/richvaluerel" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"></richValueRels>');
      this.write('xl/richData/rdrichvalue.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rvData xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="0"></rvData>');
      this.write(
        'xl/richData/rdrichvaluestructure.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rvStructures xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="1"><s t="_localImage"><k n="_rvRel:LocalImageIdentifier" t="i"/><k n="CalcOrigin" t="i"/></s></rvStructures>',
      );
      this.write(
        'xl/metadata.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata"><metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000"/></metadataTypes><futureMetadata name="XLRICHVALUE" count="0"></futureMetadata><valueMetadata count="0"></valueMetadata></metadata>',
      );
      this.addRel('xl/workbook.xml', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata', 'metadata.xml');
      this.addRel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2022/10/relationships/richValueRel', 'richData/richValueRel.xml');
      this.addRel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2017/06/relationships/rdRichValue', 'richData/rdrichvalue.xml');
      this.addRel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2017/06/relationships/rdRichValueStructure', 'richData/rdrichvaluestructure.xml');
    }
    const relIndex = (this.read('xl/richData/richValueRel.xml').match(/<rel /g) ?? []).length;
    const rel = this.addRel('xl/richData/richValueRel.xml', `${REL_NS}/image`, `../media/${media.split('/').at(-1)}`);
    this.write('xl/richData/richValueRel.xml', this.read('xl/richData/richValueRel.xml').replace('</richValueRels>', `<rel r:id="${rel}"/></richValueRels>`));
    const rvIndex = (this.read('xl/richData/rdrichvalue.xml').match(/<rv /g) ?? []).length;
    this.write('xl/richData/rdrichvalue.xml', this.read('xl/richData/rdrichvalue.xml').replace('</rvData>', `<rv s="0"><v>${relIndex}</v><v>5</v></rv></rvData>`));
    let meta = this.read('xl/metadata.xml');
    meta = meta.replace('</futureMetadata>', `<bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="${rvIndex}"/></ext></extLst></bk></futureMetadata>`);
    meta = meta.replace('</valueMetadata>', `<bk><rc t="1" v="${rvIndex}"/></bk></valueMetadata>`);
    this.write('xl/metadata.xml', meta);
    const part = this.sheetPart(sheet);
    this.cells(sheet, { [address]: { error: '#VALUE!' } });
    this.write(part, this.read(part).replace(`<c r="${address}"`, `<c r="${address}" vm="${rvIndex + 1}"`));
    return this;
  }

  bytes(): Uint8Array {
    const files = { ...this.files };
    for (const [part, xml] of this.text) if (xml !== '') files[part] = strToU8(xml);
    return zipSync(files, { mtime: FIXED_MTIME });
  }
}

/** A real image of one pixel, as PNG (the colour makes each one different). */
export function pngPixel(red = 200, green = 30, blue = 30): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 2;
  const pixels = deflateSync(Buffer.from([0, red, green, blue]));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]));
}

/** The start of a JPEG (enough for any reader that goes by the signature). */
export function jpegBytes(seed = 1): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, seed & 0xff, 0x00, 0xff, 0xd9]);
}

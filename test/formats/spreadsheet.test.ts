// Workbooks as other producers write them, read by formats/ooxml/spreadsheet.ts:
// any prefix or none, Strict namespaces, shared strings with rich-text runs
// and phonetic guides, inline strings, formulas with and without cached
// results, error and boolean cells, dates by number format, cells without
// references, merges, hidden sheets, parts found through relationships.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../src/formats/ooxml/spreadsheet.js';
import { spreadsheetPackage } from '../helpers/ooxml.js';

function texts(sheet: ReturnType<typeof readSpreadsheet>[number]): string[][] {
  return Array.from({ length: sheet.rowCount }, (_, r) => Array.from({ length: sheet.columnCount }, (_, c) => sheet.cell(r + 1, c + 1)?.text ?? ''));
}

describe('readSpreadsheet', () => {
  const rows = (x: string) =>
    `<${x}row r="1"><${x}c r="A1" t="s"><${x}v>0</${x}v></${x}c><${x}c r="B1" t="inlineStr"><${x}is><${x}t>行内</${x}t></${x}is></${x}c><${x}c r="C1"><${x}v>3</${x}v></${x}c></${x}row>`;
  const strings = (x: string) => `<${x}si><${x}t>共享</${x}t></${x}si>`;

  it.each([
    ['the default namespace', '', undefined],
    ['the prefix x:', 'x', undefined],
    ['the Strict namespace', 'x', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
  ])('reads a sheet written with %s', (_, prefix, namespace) => {
    const p = prefix === '' ? '' : `${prefix}:`;
    const data = spreadsheetPackage({ sheets: [{ name: '表1', rows: rows(p) }], sharedStrings: strings(p), prefix, ...(namespace ? { namespace } : {}) });
    const [sheet] = readSpreadsheet(data);
    expect(sheet!.name).toBe('表1');
    expect(texts(sheet!)).toEqual([['共享', '行内', '3']]);
  });

  it('joins rich-text runs, skips phonetic guides, unescapes _xHHHH_ and keeps line breaks', () => {
    const sharedStrings =
      '<si><r><rPr><b/></rPr><t>牵头</t></r><r><t xml:space="preserve">单位 </t></r><rPh sb="0" eb="2"><t>qiantou</t></rPh></si>' +
      '<si><t>第一行_x000D_\n第二行_x005F_x0041_</t></si>';
    const data = spreadsheetPackage({
      sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>' }],
      sharedStrings,
    });
    expect(texts(readSpreadsheet(data)[0]!)).toEqual([['牵头单位 ', '第一行\n第二行_x0041_', '富文本']]);
  });

  it('gives formulas’ cached results, flags a formula never calculated and an error value, and reads booleans', () => {
    const data = spreadsheetPackage({
      sheets: [
        {
          name: 'S',
          rows:
            '<row r="1"><c r="A1"><f>ROW()-1</f><v>1</v></c><c r="B1"><f>ROW()-1</f></c><c r="C1" t="str"><f>A1&amp;"号"</f><v>1号</v></c>' +
            '<c r="D1" t="e"><f>#REF!</f><v>#REF!</v></c><c r="E1" t="b"><v>1</v></c></row>',
        },
      ],
    });
    const sheet = readSpreadsheet(data)[0]!;
    expect(sheet.cell(1, 1)).toEqual({ text: '1', formula: 'ROW()-1' });
    expect(sheet.cell(1, 2)).toEqual({ text: '', formula: 'ROW()-1', uncalculated: true });
    expect(sheet.cell(1, 3)).toEqual({ text: '1号', formula: 'A1&"号"' });
    expect(sheet.cell(1, 4)).toEqual({ text: '', error: '#REF!', formula: '#REF!' });
    expect(sheet.cell(1, 5)?.text).toBe('TRUE');
  });

  it('reads a number shown as a date as the date, in the 1900 and 1904 systems', () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.00&quot;天&quot;"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs>';
    const row = '<row r="1"><c r="A1"><v>45291</v></c><c r="B1" s="1"><v>45291</v></c><c r="C1" s="2"><v>45291</v></c><c r="D1" s="3"><v>45291</v></c></row>';
    expect(texts(readSpreadsheet(spreadsheetPackage({ sheets: [{ name: 'S', rows: row }], styles }))[0]!)).toEqual([['45291', '2023-12-31', '2023-12-31', '45291']]);
    const data1904 = unzipSync(spreadsheetPackage({ sheets: [{ name: 'S', rows: row }], styles }));
    data1904['xl/workbook.xml'] = strToU8(new TextDecoder().decode(data1904['xl/workbook.xml']).replace('<sheets>', '<workbookPr date1904="1"/><sheets>'));
    // 1904-01-01 plus 45291 days.
    expect(texts(readSpreadsheet(zipSync(data1904))[0]!)[0]![1]).toBe('2028-01-01');
  });

  it('places cells without a reference after the one before, and rows without a number after the row before', () => {
    const data = spreadsheetPackage({ sheets: [{ name: 'S', rows: '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row><row><c r="C2" t="inlineStr"><is><t>c</t></is></c></row>' }] });
    expect(texts(readSpreadsheet(data)[0]!)).toEqual([
      ['a', 'b', ''],
      ['', '', 'c'],
    ]);
  });

  it('lists merges and sheet states, and finds parts through relationships whatever their names', () => {
    const data = spreadsheetPackage({
      workbookPath: 'xl/Workbook2.xml',
      sheets: [
        { name: '可见', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>合并</t></is></c></row>', after: '<mergeCells count="1"><mergeCell ref="A1:C2"/></mergeCells>' },
        { name: '隐藏', rows: '', state: 'hidden' },
      ],
    });
    const sheets = readSpreadsheet(data);
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ['可见', 'visible'],
      ['隐藏', 'hidden'],
    ]);
    expect(sheets[0]!.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 3 }]);
  });
});

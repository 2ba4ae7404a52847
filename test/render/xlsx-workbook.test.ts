// The exceljs adapter's optional features, read back by exceljs (through the
// adapter) and by openpyxl: validations, expression rules, protection,
// hidden sheets, text that looks like a formula.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/formats/xlsx/reader.js';
import { writeXlsx, type XlsxCellStyle, type XlsxWorkbook } from '../../src/formats/xlsx/writer.js';
import { describeWithTools, runPython } from '../helpers/tools.js';

const style: XlsxCellStyle = { font: { name: '仿宋_GB2312', sizePt: 12 }, horizontal: 'left', vertical: 'top', wrap: true, border: true };
const page = { orientation: 'landscape', marginsInch: { top: 1, right: 1, bottom: 1, left: 1, header: 0.5, footer: 0.5 } } as const;

const book: XlsxWorkbook = {
  creator: 'zhenggai',
  date: '2024-06-30',
  sheets: [
    {
      name: '台账',
      columnWidths: [10, 20],
      rows: [
        { heightPt: 20, cells: [{ value: '=1+1', style }, { value: '推进中', style: { ...style, locked: false, numFmt: '@' } }] },
        { heightPt: 20, cells: [{ value: 42, style }, { value: '已完成', style: { ...style, locked: false } }] },
      ],
      merges: [],
      page,
      dataValidations: [
        { range: { top: 1, left: 2, bottom: 2, right: 2 }, type: 'list', values: ['未启动', '推进中', '已完成'], error: '请从列表中选择' },
        { range: { top: 3, left: 2, bottom: 3, right: 2 }, type: 'date', min: '2024-01-01', max: '2024-06-30' },
      ],
      conditionalFormats: [{ range: { top: 1, left: 1, bottom: 2, right: 2 }, formula: '$B1="已完成"', fillHex: 'C6EFCE' }],
      protected: true,
    },
    { name: '元数据', columnWidths: [10], rows: [{ heightPt: 15, cells: [{ value: 'plan', style }] }], merges: [], page, state: 'veryHidden' },
  ],
};

describe('the xlsx adapter', () => {
  it('writes the same bytes twice', async () => {
    expect((await writeXlsx(book)).equals(await writeXlsx(book))).toBe(true);
  });
  it('reads back text that looks like a formula as text, numbers as numbers, and sheet states', async () => {
    const [ledger, meta] = await readXlsx(await writeXlsx(book));
    expect(ledger!.cell(1, 1)).toEqual({ address: 'A1', value: '=1+1' });
    expect(ledger!.cell(2, 1).value).toBe(42);
    expect(meta!.state).toBe('veryHidden');
  });
});

describeWithTools(['python-docx-openpyxl'], 'the xlsx adapter read by openpyxl', () => {
  it('has the list validation, the date validation, the expression rule, protection and unlocked inputs', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-wb-')), 'book.xlsx');
    writeFileSync(file, await writeXlsx(book));
    const seen = runPython<Record<string, unknown>>(
      `
import json, sys, openpyxl
args = json.load(sys.stdin)
wb = openpyxl.load_workbook(args['file'])
ws = wb['台账']
dv = [{'type': d.type, 'formula1': d.formula1, 'sqref': str(d.sqref)} for d in ws.data_validations.dataValidation]
cf = [{'range': str(r.sqref), 'types': [x.type for x in r.rules], 'formula': [x.formula for x in r.rules]} for r in ws.conditional_formatting]
print(json.dumps({'dv': dv, 'cf': cf, 'protected': ws.protection.sheet, 'b1locked': ws['B1'].protection.locked,
  'a1locked': ws['A1'].protection.locked, 'a1': ws['A1'].value, 'a1type': ws['A1'].data_type, 'hidden': wb['元数据'].sheet_state}, ensure_ascii=False))
`,
      { file },
    );
    expect(seen.dv).toContainEqual({ type: 'list', formula1: '"未启动,推进中,已完成"', sqref: expect.stringContaining('B1') });
    expect((seen.dv as Array<{ type: string }>).some((d) => d.type === 'date')).toBe(true);
    expect(seen.cf).toEqual([{ range: 'A1:B2', types: ['expression'], formula: [['$B1="已完成"']] }]);
    expect(seen).toMatchObject({ protected: true, b1locked: false, a1locked: true, a1: '=1+1', a1type: 's', hidden: 'veryHidden' });
  });
});

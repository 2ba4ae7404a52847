// The Excel task table at two levels of docs/format.md#checking-output: the XML in the zip, and
// independent readers (exceljs reading back; openpyxl in Debian's python3).
// The PDF level is in pdf.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RenderedXlsx } from '../../src/render/xlsx/task-table.js';
import { taskTableXlsx } from '../../src/documents/task-table.js';
import type { Plan } from '../../src/model/plan-schema.js';
import { expectedTexts, fieldsOf } from '../helpers/expected.js';
import { OTHER_COLUMNS, syntheticPlan } from '../helpers/synthetic-plan.js';
import { describeWithTools, runPython } from '../helpers/tools.js';
import { unzip, zipText } from '../helpers/unzip.js';
import { endSentence } from '../../src/model/prose.js';

const small = syntheticPlan(21);
const other = syntheticPlan(12, { tableColumns: OTHER_COLUMNS, extraFields: true });
let smallOut: RenderedXlsx;
let otherOut: RenderedXlsx;

beforeAll(async () => {
  smallOut = await taskTableXlsx(small);
  otherOut = await taskTableXlsx(other);
});

const sheetXml = (buf: Buffer) => zipText(buf, 'xl/worksheets/sheet1.xml');
const attr = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

describe('xlsx task table: XML', () => {
  it('prints A4 landscape, one page wide, as many pages down as needed', () => {
    const xml = sheetXml(smallOut.buffer);
    expect(attr(xml, 'pageSetup', 'paperSize')).toBe('9');
    expect(attr(xml, 'pageSetup', 'orientation')).toBe('landscape');
    expect(attr(xml, 'pageSetup', 'fitToWidth')).toBe('1');
    expect(attr(xml, 'pageSetup', 'fitToHeight')).toBe('0');
    expect(attr(xml, 'pageSetUpPr', 'fitToPage')).toBe('1');
  });

  it('has the GB/T 9704 margins turned for landscape, in inches', () => {
    const xml = sheetXml(smallOut.buffer);
    const inch = (name: string) => Number(attr(xml, 'pageMargins', name)) * 25.4;
    expect(inch('top')).toBeCloseTo(28, 6); // 订口
    expect(inch('right')).toBeCloseTo(37, 6); // 天头
    expect(inch('bottom')).toBeCloseTo(26, 6); // 切口
    expect(inch('left')).toBeCloseTo(35, 6);
  });

  it('repeats and freezes both header rows (rows 3–4, under 附件 and the title)', () => {
    expect(zipText(smallOut.buffer, 'xl/workbook.xml')).toContain('_xlnm.Print_Titles');
    expect(zipText(smallOut.buffer, 'xl/workbook.xml')).toMatch(/任务分解和责任分工表&apos;!\$3:\$4/);
    const xml = sheetXml(smallOut.buffer);
    expect(attr(xml, 'pane', 'ySplit')).toBe('4');
    expect(attr(xml, 'pane', 'state')).toBe('frozen');
  });

  it('merges the title across, the group header and the single headers down', () => {
    const merges = [...sheetXml(smallOut.buffer).matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(merges).toEqual(expect.arrayContaining(['A2:G2', 'A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4']));
    expect(merges.some((m) => /^A\d+:A\d+$/.test(m!) && m !== 'A3:A4')).toBe(true); // category merges in the body
  });

  it('wraps, centres vertically and rules every table cell; fonts by role', () => {
    const styles = zipText(smallOut.buffer, 'xl/styles.xml');
    expect(styles).toContain('<name val="方正小标宋简体"/>');
    expect(styles).toContain('<name val="黑体"/>');
    expect(styles).toContain('<name val="仿宋_GB2312"/>');
    expect(styles).toMatch(/<alignment[^>]*vertical="center"[^>]*wrapText="1"/);
    expect(styles).toMatch(/<left style="thin">/);
  });

  it('numbers pages — N — in 宋体, odd right and even left', () => {
    const xml = sheetXml(smallOut.buffer);
    expect(attr(xml, 'headerFooter', 'differentOddEven')).toBe('1');
    expect(xml).toMatch(/<oddFooter>&amp;R.*宋体.*— &amp;P —/);
    expect(xml).toMatch(/<evenFooter>&amp;L.*宋体.*— &amp;P —/);
  });

  it('sets no row above 409 pt and every row’s height explicitly', () => {
    const heights = [...sheetXml(smallOut.buffer).matchAll(/<row r="\d+" ht="([\d.]+)" customHeight="1"/g)].map((m) => Number(m[1]));
    expect(heights.length).toBeGreaterThan(21);
    expect(Math.max(...heights)).toBeLessThanOrEqual(409);
  });

  it('stamps the plan’s date, creator zhenggai, and gives the same bytes at another time', async () => {
    const core = zipText(smallOut.buffer, 'docProps/core.xml');
    expect(core).toContain('<dc:creator>zhenggai</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-06-15T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-06-15T00:00:00Z</dcterms:modified>');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-02-03T04:05:06Z'));
    const again = await taskTableXlsx(small);
    expect(Buffer.compare(again.buffer, smallOut.buffer)).toBe(0);
    for (const entry of unzip(again.buffer).values()) expect(entry.dosDate).toBe(((2023 - 1980) << 9) | (6 << 5) | 15);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('warns, as data, about a row that needs more than 409 pt or a page, and keeps the problem in one row with all its text', async () => {
    const plan = syntheticPlan(2);
    const short = { ...plan.problems[1]!, summary: '短问题。', measures: ['短措施。'] };
    const huge = { ...plan, problems: [{ ...plan.problems[0]!, measures: ['超长措施内容，'.repeat(400)] }, short] };
    const out = await taskTableXlsx(huge);
    expect(out.warnings, JSON.stringify(out.warnings)).toHaveLength(1);
    expect(out.warnings[0]).toMatchObject({ sheet: '任务分解和责任分工表', cell: 'A5' });
    expect(out.warnings[0]!.message).toContain('409');
    expect(out.warnings[0]!.message).toContain('问题1');
    const wb = new ExcelJS.Workbook();
    await loadBack(wb, out.buffer);
    const ws = wb.worksheets[0]!;
    // All of it in the one row, ended as a sentence (model/prose.ts endSentence: the trailing ，becomes 。).
    expect(String(ws.getRow(5).getCell(4).value)).toBe(endSentence(huge.problems[0]!.measures[0]!));
    expect(String(ws.getRow(6).getCell(2).value)).toBe('2');
    expect(ws.rowCount).toBe(6);
  });

  it('keeps each problem in one sheet row, whatever its length (sorting, filtering and init --from-table see whole texts)', async () => {
    const wb = new ExcelJS.Workbook();
    await loadBack(wb, smallOut.buffer);
    const ws = wb.worksheets[0]!;
    const numbers: string[] = [];
    ws.eachRow((row, r) => {
      if (r >= 5) numbers.push(String(row.getCell(2).value ?? ''));
    });
    expect(numbers).toEqual(small.problems.map((p) => String(p.number)));
  });
});

/** exceljs's load() is typed for its own Buffer; give it the bytes. */
async function loadBack(wb: ExcelJS.Workbook, bytes: Buffer): Promise<void> {
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  await wb.xlsx.load(copy as unknown as ExcelJS.Buffer);
}

/** Rows of the body as read back: values by column, rows of one problem grouped (parts of a split row). */
function problemsFromRows(plan: Plan, rows: string[][], merges: string[], firstBodyRow: number): string[][] {
  const fields = fieldsOf(plan);
  const numberCol = fields.indexOf('number');
  const categoryCol = fields.indexOf('category');
  const groups: number[][] = [];
  for (let r = firstBodyRow; r <= rows.length; r += 1) {
    if ((rows[r - 1]![numberCol] ?? '') !== '') groups.push([r]);
    else groups[groups.length - 1]!.push(r);
  }
  return groups.map((rs) =>
    fields.map((_, c) => {
      if (c === categoryCol) return valueAt(rows, merges, rs[0]!, c);
      return rs.map((r) => rows[r - 1]![c] ?? '').join('');
    }),
  );
}

/** A cell's value, or the value of the merge it lies in. */
function valueAt(rows: string[][], merges: string[], r: number, c: number): string {
  for (const m of merges) {
    const [, c1, r1, c2, r2] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m)!;
    const col = (s: string) => s.charCodeAt(0) - 65;
    if (r >= Number(r1) && r <= Number(r2) && c >= col(c1!) && c <= col(c2!)) return rows[Number(r1) - 1]![col(c1!)] ?? '';
  }
  return rows[r - 1]![c] ?? '';
}

describe('xlsx task table: exceljs reads it back', () => {
  it('finds 附件, the title, both header rows and every problem’s texts', async () => {
    for (const [plan, out] of [
      [small, smallOut],
      [other, otherOut],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      await loadBack(wb, out.buffer);
      const ws = wb.worksheets[0]!;
      expect(ws.name).toBe('任务分解和责任分工表');
      expect(ws.getCell('A1').value).toBe('附件');
      expect(ws.getCell('A2').value).toBe(plan.plan.attachmentTitle);
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        rows[r - 1] = fieldsOf(plan).map((_, c) => String(row.getCell(c + 1).value ?? ''));
      });
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      expect(problemsFromRows(plan, rows, merges, 5)).toEqual(expectedTexts(plan));
      ws.eachRow((row) => expect(row.height).toBeLessThanOrEqual(409));
    }
  });

  it('gives the other plan its own columns and header groups with no code change', async () => {
    const wb = new ExcelJS.Workbook();
    await loadBack(wb, otherOut.buffer);
    const ws = wb.worksheets[0]!;
    const header3 = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => String(ws.getRow(3).getCell(c).value ?? ''));
    const header4 = [6, 7, 8].map((c) => String(ws.getRow(4).getCell(c).value ?? ''));
    // exceljs gives a merged cell's value in every cell of the merge
    expect(header3).toEqual(['序号', '方面', '存在问题', '整改目标', '整改措施', '责任分工', '责任分工', '责任分工', '完成时限']);
    expect(header4).toEqual(['责任领导', '责任人', '责任单位']);
    expect(header3.join('')).not.toContain('配合单位');
  });
});

const OPENPYXL_READ = `
import json, sys, openpyxl
req = json.load(sys.stdin)
wb = openpyxl.load_workbook(req['path'])
ws = wb.worksheets[0]
rows = [[('' if c.value is None else str(c.value)) for c in row] for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column)]
print(json.dumps({
  'names': wb.sheetnames,
  'merges': [str(r) for r in ws.merged_cells.ranges],
  'rows': rows,
  'heights': [ws.row_dimensions[i].height for i in range(1, ws.max_row + 1)],
  'printTitleRows': ws.print_title_rows,
  'freeze': ws.freeze_panes,
  'orientation': ws.page_setup.orientation,
  'fitToWidth': ws.page_setup.fitToWidth,
  'fitToHeight': ws.page_setup.fitToHeight,
  'headerFont': ws['D3'].font.name,
  'cellFont': ws['C5'].font.name,
  'titleFont': ws['A2'].font.name,
}, ensure_ascii=False))
`;

interface OpenpyxlView {
  names: string[];
  merges: string[];
  rows: string[][];
  heights: (number | null)[];
  printTitleRows: string;
  freeze: string;
  orientation: string;
  fitToWidth: number;
  fitToHeight: number;
  headerFont: string;
  cellFont: string;
  titleFont: string;
}

describeWithTools(['python-docx-openpyxl'], 'xlsx task table: openpyxl reads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-xlsx-'));

  it('finds the merges, both header rows, print titles and every problem’s texts', () => {
    const path = join(dir, 'small.xlsx');
    writeFileSync(path, smallOut.buffer);
    const view = runPython<OpenpyxlView>(OPENPYXL_READ, { path });
    expect(view.names).toEqual(['任务分解和责任分工表']);
    expect(view.merges).toEqual(expect.arrayContaining(['A2:G2', 'A3:C3', 'D3:D4', 'G3:G4']));
    expect(view.rows[2]!.slice(0, 7)).toEqual(['整改问题', '', '', '整改措施', '整改时限', '牵头单位', '配合单位']);
    expect(view.rows[3]!.slice(0, 3)).toEqual(['发现\n问题方式', '序号', '问题简述']);
    expect(view.printTitleRows).toBe('$3:$4');
    expect(view.freeze).toBe('A5');
    expect(view.orientation).toBe('landscape');
    expect([view.fitToWidth, view.fitToHeight]).toEqual([1, 0]);
    expect([view.titleFont, view.headerFont, view.cellFont]).toEqual(['方正小标宋简体', '黑体', '仿宋_GB2312']);
    expect(Math.max(...view.heights.map((h) => h ?? 0))).toBeLessThanOrEqual(409);
    expect(problemsFromRows(small, view.rows, view.merges, 5)).toEqual(expectedTexts(small));
  });

  it('reads the other plan’s columns', () => {
    const path = join(dir, 'other.xlsx');
    writeFileSync(path, otherOut.buffer);
    const view = runPython<OpenpyxlView>(OPENPYXL_READ, { path });
    expect(view.merges).toEqual(expect.arrayContaining(['A2:I2', 'F3:H3', 'A3:A4', 'I3:I4']));
    expect(problemsFromRows(other, view.rows, view.merges, 5)).toEqual(expectedTexts(other));
  });
});

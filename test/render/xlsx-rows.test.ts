// Sheet rows written as XML text (src/formats/xlsx/sheet-rows.ts, the default)
// against the same rows written as exceljs cells (rowsBy 'library', the way
// every xlsx was written before): the whole .xlsx must be the same bytes — on
// the bundled plan's ledger, task table and unit forms, on a 1,000-problem
// plan (its ledger with a unit sheet per lead unit, its task table with the
// category merged down page by page), on a plan numbered per category
// (序号 二-3 as text beside numbers), and on texts holding what XML escapes
// or forbids. Same bytes mean every reader reads the same values, styles,
// merges, heights, print titles, filters and frozen panes; openpyxl reads
// both 1,000-problem ledgers as a reader's check of that. The golden files
// (test/golden) did not change when the rows moved to text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeLedger } from '../../src/compose/ledger.js';
import { composeUnitForms } from '../../src/compose/forms.js';
import { writeXlsx, type XlsxCellStyle, type XlsxWorkbook } from '../../src/formats/xlsx/writer.js';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { taskTableModel } from '../../src/documents/task-table.js';
import { XLSX_WIDE_SHEET_PAPER, xlsxSheetFits } from '../../src/layout/excel.js';
import { loadPlanFolder, type PlanFolder } from '../../src/load/plan-folder.js';
import type { LedgerModel } from '../../src/model/document/ledger.js';
import type { TaskTableModel } from '../../src/model/document/task-table.js';
import type { Plan } from '../../src/model/plan-schema.js';
import type { Progress } from '../../src/model/progress-schema.js';
import { renderUnitFormXlsx } from '../../src/render/xlsx/forms.js';
import { renderLedgerXlsx } from '../../src/render/xlsx/ledger.js';
import { renderTaskTableXlsx } from '../../src/render/xlsx/task-table.js';
import { loadTemplates, type TemplateSet } from '../../src/templates/load.js';
import { categoryNumberedPlan, syntheticPeriod, syntheticPlan } from '../helpers/synthetic-plan.js';
import { describeWithTools, runPython } from '../helpers/tools.js';
import { zipText } from '../helpers/unzip.js';

let templates: TemplateSet;
let folder: PlanFolder;

beforeAll(async () => {
  templates = await loadTemplates();
  const loaded = await loadPlanFolder('data/guanyang-2022');
  if (!loaded.folder) throw new Error(JSON.stringify(loaded.diagnostics));
  folder = loaded.folder;
});

function ledgerModel(plan: Plan, view: PeriodView, history: readonly Progress[]): LedgerModel {
  return composeLedger(plan, view, history, templates, { fits: xlsxSheetFits(XLSX_WIDE_SHEET_PAPER) });
}

function syntheticLedger(plan: Plan): LedgerModel {
  const { view, progress } = syntheticPeriod(plan);
  return ledgerModel(plan, view, [progress]);
}

async function ledgerBothWays(model: LedgerModel): Promise<{ text: Buffer; library: Buffer }> {
  return { text: (await renderLedgerXlsx(model)).buffer, library: (await renderLedgerXlsx(model, 'library')).buffer };
}

async function taskTableBothWays(model: TaskTableModel): Promise<{ text: Buffer; library: Buffer }> {
  return { text: (await renderTaskTableXlsx(model)).buffer, library: (await renderTaskTableXlsx(model, 'library')).buffer };
}

/** `<row` elements in a sheet part. */
function rowCount(xml: string): number {
  return xml.match(/<row /g)?.length ?? 0;
}

/** The model with every body text of its table sheets replaced by `text(row, column)`. */
function withTexts(model: LedgerModel, text: (row: number, column: number) => string): LedgerModel {
  const sheet = (s: LedgerModel['main']): LedgerModel['main'] => ({
    ...s,
    table: { ...s.table, rows: s.table.rows.map((row, r) => ({ ...row, cells: row.cells.map((cell, c) => (cell.kind === 'text' ? { ...cell, text: text(r, c) } : cell)) })) },
  });
  return { ...model, main: sheet(model.main), units: model.units.map(sheet) };
}

describe('xlsx rows written as XML text', () => {
  it('the bundled plan: ledgers of every period, the task table and the unit forms are the same bytes', async () => {
    const history = folder.progress.map((p) => p.data);
    for (const [i, progress] of history.entries()) {
      const result = derivePeriod(folder.plan, progress, history[i - 1]);
      if (!result.ok) throw new Error(result.message);
      const { text, library } = await ledgerBothWays(ledgerModel(folder.plan, result.view, history.slice(0, i + 1)));
      expect(text.equals(library), `ledger ${progress.period}`).toBe(true);
    }
    const table = await taskTableBothWays(taskTableModel(folder.plan));
    expect(table.text.equals(table.library)).toBe(true);
    const forms = composeUnitForms({ plan: folder.plan, planName: 'guanyang-2022', period: '2023-11', previous: history.at(-2), templates });
    expect(forms.length).toBeGreaterThan(3);
    for (const form of forms) {
      const [text, library] = await Promise.all([renderUnitFormXlsx(form), renderUnitFormXlsx(form, 'library')]);
      expect(text.buffer.equals(library.buffer), `form of ${form.unit}`).toBe(true);
    }
  });

  it('a 1,000-problem ledger is the same bytes: every sheet, every row', async () => {
    const model = syntheticLedger(syntheticPlan(1000));
    const { text, library } = await ledgerBothWays(model);
    expect(text.equals(library)).toBe(true);
    // What the comparison covers: 台账's title, two header rows, 1,000 body rows and the unit sheets.
    const main = zipText(text, 'xl/worksheets/sheet1.xml');
    expect(rowCount(main)).toBe(1 + model.main.table.headerRowCount + 1000);
    expect(main).toMatch(/<c r="B4" s="\d+"><v>1<\/v><\/c>/); // 序号 as a number
    expect(main).toContain('<mergeCells count=');
    expect(model.units.length).toBeGreaterThan(5);
    expect(rowCount(zipText(text, `xl/worksheets/sheet${3 + model.units.length - 1}.xml`))).toBeGreaterThan(model.main.table.headerRowCount + 1);
  });

  it('a 1,000-problem task table is the same bytes, its category merged down each page', async () => {
    const model = taskTableModel(syntheticPlan(1000));
    const { text, library } = await taskTableBothWays(model);
    expect(text.equals(library)).toBe(true);
    const sheet = zipText(text, 'xl/worksheets/sheet1.xml');
    expect(rowCount(sheet)).toBe(2 + model.headerRowCount + 1000);
    // One merge per category and page: more merges than categories, and page breaks between them.
    expect(Number(/<mergeCells count="(\d+)"/.exec(sheet)![1])).toBeGreaterThan(8);
    expect(sheet).toContain('<rowBreaks');
  });

  it('a plan numbered per category (序号 二-3, text) gives the same bytes', async () => {
    const plan = categoryNumberedPlan(120);
    expect(plan.problems.at(-1)!.shownNumber).toBe('四-30');
    const model = syntheticLedger(plan);
    const { text, library } = await ledgerBothWays(model);
    expect(text.equals(library)).toBe(true);
    expect(zipText(text, 'xl/sharedStrings.xml')).toContain('<t>四-30</t>');
    const table = await taskTableBothWays(taskTableModel(plan));
    expect(table.text.equals(table.library)).toBe(true);
  });

  it('texts with what XML escapes, forbids or keeps (spaces, line breaks, empty cells) give the same bytes', async () => {
    const awkward = ['a & b < c > d', '"引号" \'单引号\'', '控制\u0001字符\u000b\u001f', '  前后空格  ', '第一行\n第二行\n\n第四行', '', '\n', 'Ａ＆　全角', '😀 emoji 𠀀', '=1+1', '12'];
    const model = withTexts(syntheticLedger(syntheticPlan(40)), (r, c) => awkward[(r + c) % awkward.length]!);
    const { text, library } = await ledgerBothWays(model);
    expect(text.equals(library)).toBe(true);
  });
});

describe('xlsx rows as text: what a sheet may hold beyond the renderers’ tables', () => {
  const style: XlsxCellStyle = { font: { name: '仿宋_GB2312', sizePt: 12 }, horizontal: 'left', vertical: 'top', wrap: true, border: true };
  const fill: XlsxCellStyle = { ...style, fillHex: 'C6EFCE', numFmt: '@', locked: false };
  const page = { paper: 'A4', orientation: 'landscape', marginsInch: { top: 1, right: 1, bottom: 1, left: 1, header: 0.5, footer: 0.5 } } as const;

  it('merges over cells never placed and below the last row, rows with a height only, an empty sheet, numbers and text alike', async () => {
    const book: XlsxWorkbook = {
      creator: 'zhenggai',
      date: '2024-06-30',
      sheets: [
        {
          name: '一',
          columnWidths: [10, 20, 8, 8, 8],
          rows: [
            { heightPt: 20, cells: [undefined, { value: 'a', style }, undefined, { value: 0, style: fill }] },
            { heightPt: 0, cells: [] },
            { heightPt: 15, cells: [] },
            { heightPt: 18.75, cells: [{ value: 3.5, style }, { value: '', style: fill }, { value: 'b', style: fill }] },
          ],
          merges: [
            { top: 1, left: 3, bottom: 6, right: 5 },
            { top: 4, left: 1, bottom: 4, right: 2 },
          ],
          rowBreaksAfter: [2],
          page,
        },
        { name: '二', columnWidths: [10], rows: [], merges: [], page },
        { name: '三', columnWidths: [10], rows: [{ heightPt: 0, cells: [] }], merges: [], page },
      ],
    };
    const text = await writeXlsx(book);
    expect(text.equals(await writeXlsx(book, 'library'))).toBe(true);
    // What the comparison covers: a merge whose master and covered cells were never placed, reaching row 6.
    const first = zipText(text, 'xl/worksheets/sheet1.xml');
    expect(first).toContain('<dimension ref="A1:E6"/>');
    expect(first).toContain('<row r="6" spans="3:5"');
    expect(first).toContain('<row r="2" spans="3:5" x14ac:dyDescent="0.25">'); // height 0: no ht, cells of the merge only
    expect(zipText(text, 'xl/worksheets/sheet2.xml')).toContain('<sheetData/>');
  });
});

/** What openpyxl reads of a workbook: per sheet, each cell's value and style, merges, heights, print titles, filter, frozen panes. */
const OPENPYXL_DUMP = `
import json, sys, openpyxl
def color(c):
    if c is None:
        return None
    return c.rgb if isinstance(c.rgb, str) else 'theme %s' % c.theme
def side(s):
    return None if s is None or s.style is None else [s.style, color(s.color)]
def dump(path):
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                f, a, b = c.font, c.alignment, c.border
                cells.append([c.coordinate, c.value, f.name, f.sz, bool(f.b), color(f.color), c.fill.fill_type, color(c.fill.fgColor),
                              a.horizontal, a.vertical, bool(a.wrap_text), [side(b.top), side(b.right), side(b.bottom), side(b.left)]])
        sheets.append({
            'name': ws.title,
            'cells': cells,
            'merges': sorted(str(m) for m in ws.merged_cells.ranges),
            'heights': {str(k): d.height for k, d in ws.row_dimensions.items() if d.height is not None},
            'widths': {k: d.width for k, d in ws.column_dimensions.items()},
            'printTitles': ws.print_title_rows,
            'autoFilter': ws.auto_filter.ref,
            'freeze': ws.freeze_panes,
            'paper': [ws.page_setup.paperSize, ws.page_setup.orientation],
        })
    return sheets
paths = json.load(sys.stdin)
print(json.dumps([dump(p) for p in paths], ensure_ascii=False))
`;

interface DumpedSheet {
  name: string;
  cells: unknown[][];
  merges: string[];
  heights: Record<string, number>;
  printTitles: string | null;
  autoFilter: string | null;
  freeze: string | null;
  paper: [number, string];
}

describeWithTools(['python-docx-openpyxl'], 'xlsx rows as text, read by openpyxl', () => {
  it('reads the same cells, styles, merges, heights, print titles and frozen panes in a 1,000-problem ledger both ways', async () => {
    const model = syntheticLedger(syntheticPlan(1000));
    const { text, library } = await ledgerBothWays(model);
    const dir = mkdtempSync(join(tmpdir(), 'zhenggai-xlsx-rows-'));
    const paths = [join(dir, 'text.xlsx'), join(dir, 'library.xlsx')];
    writeFileSync(paths[0]!, text);
    writeFileSync(paths[1]!, library);
    const [asText, asLibrary] = runPython<[DumpedSheet[], DumpedSheet[]]>(OPENPYXL_DUMP, paths);
    expect(asText).toEqual(asLibrary);
    // What was compared: every sheet, 17 columns × 1,000 rows of 台账 and more, as the ledger is set.
    const main = asText![0]!;
    expect(main.name).toBe('台账');
    expect(main.cells.length).toBeGreaterThan(17 * 1000);
    expect(main.cells.find((c) => c[0] === 'B4')!.slice(1, 5)).toEqual([1, '仿宋_GB2312', 12, false]);
    expect(main.merges.length).toBeGreaterThan(0);
    expect(Object.keys(main.heights).length).toBe(1003);
    expect(main.printTitles).toBe('$2:$3');
    expect(main.freeze).toBe('A4');
    expect(main.paper).toEqual([8, 'landscape']);
    expect(asText!.length).toBe(2 + model.units.length);
  });
});

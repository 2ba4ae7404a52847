// The ledger (整改台账) at the first two levels of docs/format.md#checking-output: the XML in the
// zip, and independent readers — exceljs reading back (readXlsx) and openpyxl
// in Debian's python3. What each cell should say is worked out here from the
// plan and the progress files, not from the ledger's model; the hand-counted
// numbers are those of test/derive/sample-period.test.ts. The PDF level is in
// ledger-pdf.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { derivePeriod, type PeriodView } from '../../src/derive/period.js';
import { formatPercent, type Tally } from '../../src/derive/statistics.js';
import { loadPlanFolder, type PlanFolder } from '../../src/load/plan-folder.js';
import type { Plan } from '../../src/model/plan-schema.js';
import { STATUSES, type Progress } from '../../src/model/progress-schema.js';
import { ledgerXlsx } from '../../src/documents/ledger.js';
import { loadTemplates } from '../../src/templates/load.js';
import type { RenderedXlsx } from '../../src/render/xlsx/sheet-builder.js';
import { readXlsx, type ReadSheet } from '../../src/formats/xlsx/reader.js';
import { expectedTexts } from '../helpers/expected.js';
import { OTHER_COLUMNS, syntheticPeriod, syntheticPlan } from '../helpers/synthetic-plan.js';
import { describeWithTools, runPython } from '../helpers/tools.js';
import { unzip, zipText } from '../helpers/unzip.js';

let folder: PlanFolder;
let plan: Plan;
let history: Progress[];
let view: PeriodView;
let out: RenderedXlsx;
let sheets: ReadSheet[];

beforeAll(async () => {
  const loaded = await loadPlanFolder('data/guanyang-2022');
  if (!loaded.folder) throw new Error(JSON.stringify(loaded.diagnostics));
  folder = loaded.folder;
  plan = folder.plan;
  history = folder.progress.map((p) => p.data);
  const result = derivePeriod(plan, progressOf('2023-11'), progressOf('2023-10'));
  if (!result.ok) throw new Error(result.message);
  view = result.view;
  out = await ledgerXlsx(plan, view, history, await loadTemplates());
  sheets = await readXlsx(out.buffer);
});

function progressOf(period: string): Progress {
  return folder.progress.find((p) => p.data.period === period)!.data;
}

const UNITS_2023_11 = ['经发办', '农业服务中心', '规建办', '社保所', '党群办', '水利办'];
/** 2023-11 has 回头看 records (sample data): the ledger's last sheet lists them. */
const SHEETS_2023_11 = ['台账', '统计', ...UNITS_2023_11, '回头看'];
/** Columns of 台账: the plan's seven, the period's nine, and 整改轮次. */
const LEDGER_COLUMNS = 17;
/** Rows above the body on a table sheet: the title, then the two header rows (整改问题 / 整改落实情况 over the headers). */
const FIRST_BODY_ROW = 4;
const PERIOD_HEADERS = ['整改状态', '达到序时进度', '整改进展', '完成时间', '佐证材料', '未完成原因', '调整后时限', '销号日期', '预警', '整改轮次'];

// --- what each row should say, from the data --------------------------------------

/** Evidence of a problem up to the period, first-seen order, read straight from the files. */
function evidenceUpTo(number: number, period: string): string[] {
  const seen: string[] = [];
  for (const file of [...history].sort((a, b) => a.period.localeCompare(b.period))) {
    if (file.period > period) continue;
    for (const path of file.problems.find((p) => p.number === number)?.evidence ?? []) if (!seen.includes(path)) seen.push(path);
  }
  return seen;
}

/**
 * 2023-11 by hand: 8 is the one overdue problem (red); the 13 completed are green;
 * 21, closed in October, was found come back (反弹) by the 2023-11-20 回头看 and
 * reopened with a new deadline, 12月5日前 — 5 days after the as-of date: blue, round 2.
 */
const OVERDUE_2023_11 = new Set([8]);
const BLUE_2023_11 = new Set([21]);
const ROUND_2023_11 = new Map([[21, 2]]);

function periodTexts(number: number): string[] {
  const p = progressOf('2023-11').problems.find((e) => e.number === number)!;
  const completed = ['已完成', '已完成并长期坚持', '已销号'].includes(p.status);
  const overdue = OVERDUE_2023_11.has(number);
  const onSchedule = p.status !== '推进中' ? '' : overdue || p.onSchedule === false ? '否' : p.onSchedule ? '是' : '';
  return [
    p.status,
    onSchedule,
    p.progress ?? '',
    p.completedOn ?? '',
    evidenceUpTo(number, '2023-11').join('\n'),
    p.reason ?? '',
    p.extension?.deadline ?? '',
    p.closure?.date ?? '',
    completed ? '绿' : overdue ? '红' : BLUE_2023_11.has(number) ? '蓝' : '',
    String(ROUND_2023_11.get(number) ?? 1),
  ];
}

function expectedRow(number: number): string[] {
  const r = plan.problems.findIndex((p) => p.number === number);
  return [...expectedTexts(plan)[r]!, ...periodTexts(number)];
}

function text(sheet: ReadSheet, row: number, column: number): string {
  const v = sheet.cell(row, column).value;
  return v === null ? '' : String(v);
}

function rowTexts(sheet: ReadSheet, row: number, columns: number): string[] {
  return Array.from({ length: columns }, (_, c) => text(sheet, row, c + 1));
}

function sheetNamed(name: string): ReadSheet {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Summary values as the 统计 sheet prints them: counts, then the rates. */
function summaryOf(t: Tally): (number | string)[] {
  return [t.total, ...STATUSES.map((s) => t.byStatus[s]), t.completed, t.overdue, formatPercent(t.completionRate), formatPercent(t.dueCompletionRate)];
}

/** The rows of a summary table on 统计, found by its caption: label → values. */
function summaryTable(sheet: ReadSheet, caption: string): { headers: string[]; rows: Map<string, (number | string)[]>; after: number } {
  let r = 1;
  while (r <= sheet.rowCount && text(sheet, r, 1) !== caption) r += 1;
  expect(r, caption).toBeLessThanOrEqual(sheet.rowCount);
  const headers = rowTexts(sheet, r + 1, 11);
  const rows = new Map<string, (number | string)[]>();
  let at = r + 2;
  // The table ends at a blank row or at the note, which is one cell merged across.
  for (; at <= sheet.rowCount && text(sheet, at, 2) !== '' && sheet.cell(at, 2).master === undefined; at += 1) {
    rows.set(text(sheet, at, 1), Array.from({ length: 10 }, (_, c) => sheet.cell(at, c + 2).value as number | string));
  }
  return { headers, rows, after: at };
}

// --- exceljs reading back --------------------------------------------------------------

describe('ledger: sheets, read back with exceljs', () => {
  it('has 台账, 统计 and one sheet per lead unit, in plan order, and no warnings for the sample', () => {
    expect(sheets.map((s) => s.name)).toEqual(SHEETS_2023_11);
    expect(out.warnings).toEqual([]);
  });

  it('台账: the title, the headers, and every problem’s plan and period texts in one row', () => {
    const ledger = sheetNamed('台账');
    expect(text(ledger, 1, 1)).toBe(['官阳镇2022年巩固拓展脱贫攻坚成果市级', '考核评估反馈问题整改工作方案', '整改台账（截至2023年11月30日）'].join('\n'));
    expect(rowTexts(ledger, 3, LEDGER_COLUMNS).slice(7).map((h) => h.replace('\n', ''))).toEqual(PERIOD_HEADERS);
    expect(text(ledger, 2, 8)).toBe('整改落实情况');
    expect(ledger.rowCount).toBe(FIRST_BODY_ROW - 1 + 21);
    plan.problems.forEach((p, i) => expect(rowTexts(ledger, FIRST_BODY_ROW + i, LEDGER_COLUMNS), `problem ${p.number}`).toEqual(expectedRow(p.number)));
  });

  it('台账: evidence is cumulative, the extension has its column, 8 is red and the completed are green', () => {
    const ledger = sheetNamed('台账');
    const row = (n: number) => rowTexts(ledger, FIRST_BODY_ROW + n - 1, LEDGER_COLUMNS);
    expect(row(1)[11]).toBe('01/政策培训会议纪要.txt\n01/告知书张贴照片.png\n01/10月政策知晓回头看记录.txt');
    expect(row(11)[4]).toBe('10月底前完成');
    expect(row(11)[13]).toBe('12月底前完成');
    expect(row(8)[15]).toBe('红');
    expect(row(8)[8]).toBe('否');
    expect(row(2)[14]).toBe('2023-11-10');
    const words = plan.problems.map((p) => row(p.number)[15]);
    expect(words.filter((w) => w === '绿')).toHaveLength(13);
    expect(words.filter((w) => w === '红')).toHaveLength(1);
    expect(words.filter((w) => w === '蓝')).toHaveLength(1);
    // 21, reopened: in progress in its second round; its first closure stays in October's file, not in this row.
    expect([row(21)[7], row(21)[14], row(21)[15], row(21)[16]]).toEqual(['推进中', '', '蓝', '2']);
  });

  it('回头看: one row a problem checked in 2023-11, 21’s 反弹 with its round and its first closure kept', () => {
    const reviews = sheetNamed('回头看');
    expect(text(reviews, 1, 1)).toContain('2023年11月“回头看”情况（截至2023年11月30日）');
    const headers = rowTexts(reviews, 3, 11).map((h) => h.replace('\n', ''));
    expect(headers).toEqual(['序号', '问题简述', '牵头单位', '回头看日期', '检查单位（岗位）', '回头看结论', '情况说明', '佐证材料', '整改状态', '整改轮次', '此前各轮完成及销号']);
    // By hand from progress/2023-11.json: 1, 3, 4, 5, 6, 9, 17, 18 held (巩固), 21 came back (反弹).
    const numbers = Array.from({ length: reviews.rowCount - FIRST_BODY_ROW + 1 }, (_, i) => text(reviews, FIRST_BODY_ROW + i, 1));
    expect(numbers).toEqual(['1', '3', '4', '5', '6', '9', '17', '18', '21']);
    const last = rowTexts(reviews, reviews.rowCount, 11);
    expect([last[3], last[4], last[5], last[8], last[9], last[10]]).toEqual([
      '2023-11-20',
      '镇纪委',
      '反弹',
      '推进中',
      '2',
      '第1轮：2023-07-31完成，2023-10-16销号（2023-11回头看反弹）',
    ]);
  });

  it('a unit’s sheet has every problem it leads, co-led ones included and named in a note, in the compact columns', () => {
    const unitNumbers = (name: string) => {
      const s = sheetNamed(name);
      const numbers: number[] = [];
      for (let r = FIRST_BODY_ROW; r <= s.rowCount; r += 1) if (/^\d+$/.test(text(s, r, 1))) numbers.push(Number(text(s, r, 1)));
      return numbers;
    };
    for (const unit of UNITS_2023_11) {
      expect(unitNumbers(unit), unit).toEqual(plan.problems.filter((p) => p.leadUnits.includes(unit)).map((p) => p.number));
    }
    expect(unitNumbers('经发办')).toEqual(expect.arrayContaining([13, 21]));
    expect(unitNumbers('规建办')).toEqual([8, 13]);
    const jingfa = sheetNamed('经发办');
    expect(text(jingfa, jingfa.rowCount, 1)).toBe('注：本表只列主要栏目，整改措施、整改进展、佐证材料等见“台账”表。\n注：问题13、21有多个牵头单位，在每个牵头单位的表中都列出，由第一个牵头单位报送。');
    expect(text(jingfa, 1, 1)).toContain('经发办牵头问题整改台账（截至2023年11月30日）');
    const shebao = sheetNamed('社保所');
    expect(text(shebao, shebao.rowCount, 1)).not.toContain('多个牵头单位');
    // 序号, 问题简述, 整改时限, 牵头单位, then 整改状态, 达到序时进度, 完成时间, 销号日期, 预警: the 台账 row's columns 2, 3, 5, 6, 8, 9, 11, 15, 16.
    const guijian = sheetNamed('规建办');
    const full = expectedRow(8);
    expect(rowTexts(guijian, FIRST_BODY_ROW, 9)).toEqual([1, 2, 4, 5, 7, 8, 10, 14, 15].map((c) => full[c]));
  });

  it('统计: counts by lead unit equal the derived statistics (and the hand counts), with a totals row that is not the column sum', () => {
    const { headers, rows, after } = summaryTable(sheetNamed('统计'), '按牵头单位统计');
    expect(headers.map((h) => h.replace('\n', ''))).toEqual(['牵头单位', '问题数', ...STATUSES, '完成整改', '逾期', '完成率', '到期任务完成率']);
    expect([...rows.keys()]).toEqual([...UNITS_2023_11, '合计']);
    for (const u of view.statistics.byLeadUnit) expect(rows.get(u.unit.name), u.unit.name).toEqual(summaryOf(u));
    expect(rows.get('合计')).toEqual(summaryOf(view.statistics));
    // Hand counts (sample-period.test.ts): 经发办 0/2/1/6/4, 11 completed (21 reopened); totals 21, 0/8/1/7/5, 13, 1 overdue;
    // 14 due (21's new deadline is in December), 13 of them completed.
    expect(rows.get('经发办')).toEqual([13, 0, 2, 1, 6, 4, 11, 0, '84.6%', '100.0%']);
    expect(rows.get('规建办')).toEqual([2, 0, 2, 0, 0, 0, 0, 1, '0.0%', '0.0%']);
    expect(rows.get('合计')).toEqual([21, 0, 8, 1, 7, 5, 13, 1, '61.9%', '92.9%']);
    const unitSum = UNITS_2023_11.reduce((sum, u) => sum + (rows.get(u)![0] as number), 0);
    expect(unitSum).toBe(23);
    expect(text(sheetNamed('统计'), after, 1)).toBe('注：问题13、21有多个牵头单位，在各牵头单位行中分别计数，合计行每个问题只计一次，故合计不等于各行之和。');
  });

  it('统计: counts by category equal the derived statistics and add up to the totals', () => {
    const { headers, rows } = summaryTable(sheetNamed('统计'), '按发现问题方式统计');
    expect(headers[0]).toBe('发现问题方式');
    expect([...rows.keys()]).toEqual(['交叉核查', '第三方评估', '衔接资金绩效评价', '巩固脱贫成果认可度调查', '合计']);
    for (const c of view.statistics.byCategory) expect(rows.get(c.category.label), c.category.label).toEqual(summaryOf(c));
    expect(rows.get('第三方评估')).toEqual([8, 0, 5, 0, 3, 0, 3, 1, '37.5%', '75.0%']);
    const column = (i: number) => ['交叉核查', '第三方评估', '衔接资金绩效评价', '巩固脱贫成果认可度调查'].reduce((s, k) => s + (rows.get(k)![i] as number), 0);
    for (let i = 0; i < 8; i += 1) expect(column(i)).toBe(rows.get('合计')![i]);
  });
});

// --- the XML ----------------------------------------------------------------------------

const sheetXml = (n: number) => zipText(out.buffer, `xl/worksheets/sheet${n}.xml`);
const BODY_ROWS = Array.from({ length: 21 }, (_, i) => FIRST_BODY_ROW + i);
const unescapeXml = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function dataValidations(xml: string): { type: string; sqref: string; formula: string }[] {
  return [...xml.matchAll(/<dataValidation\b([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)].map((m) => ({
    type: /type="([^"]*)"/.exec(m[1]!)![1]!,
    sqref: /sqref="([^"]*)"/.exec(m[1]!)![1]!,
    formula: unescapeXml(m[2]!),
  }));
}

/** The rows an sqref (H4:H24 H30) covers, all in the given column. */
function rowsOf(sqref: string, column: string): number[] {
  return sqref.split(' ').flatMap((ref) => {
    const [a, b] = ref.split(':');
    expect(a!.startsWith(column) && (b ?? a)!.startsWith(column), ref).toBe(true);
    const from = Number(a!.slice(column.length));
    const to = Number((b ?? a)!.slice(column.length));
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}
const attr = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

describe('ledger: XML', () => {
  it('puts a list of the five statuses on the status column of every body row (台账 and unit sheets)', () => {
    const validations = dataValidations(sheetXml(1));
    expect(validations.length).toBeGreaterThan(0);
    for (const v of validations) {
      expect(v.type).toBe('list');
      expect(v.formula).toBe('"未启动,推进中,已完成,已完成并长期坚持,已销号"');
    }
    expect([...new Set(validations.flatMap((v) => rowsOf(v.sqref, 'H')))].sort((a, b) => a - b)).toEqual(BODY_ROWS);
    expect(dataValidations(sheetXml(3)).every((v) => v.type === 'list')).toBe(true);
  });

  // exceljs regroups per-cell validations after sorting addresses as text
  // (H10 before H4) and wrote overlapping ranges; the adapter now writes one.
  it('writes the drop-down as one range, without overlapping sqrefs', () => {
    expect(dataValidations(sheetXml(1)).map((v) => v.sqref)).toEqual(['H4:H24']);
  });

  it('colours rows with expression rules keyed to 预警, which LibreOffice also shows', () => {
    const xml = sheetXml(1);
    const rules = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">\s*<cfRule type="([^"]+)"[^>]*>\s*<formula>([^<]+)<\/formula>/g)].map((m) => [
      m[1],
      m[2],
      unescapeXml(m[3]!),
    ]);
    expect(rules).toEqual([
      ['A4:Q24', 'expression', '$P4="绿"'],
      ['A4:Q24', 'expression', '$P4="红"'],
      ['A4:Q24', 'expression', '$P4="黄"'],
      ['A4:Q24', 'expression', '$P4="蓝"'],
    ]);
    expect(xml).not.toContain('containsText');
    const styles = zipText(out.buffer, 'xl/styles.xml');
    expect(styles).toMatch(/<dxf>.*FFFFC7CE.*<\/dxf>/s);
    expect(styles).toMatch(/<dxf>.*FFC6EFCE.*<\/dxf>/s);
  });

  it('freezes and repeats the header, prints A3 landscape fitted to the width, every sheet on A3', () => {
    const xml = sheetXml(1);
    expect(attr(xml, 'pane', 'ySplit')).toBe('3');
    expect(attr(xml, 'pane', 'state')).toBe('frozen');
    expect(attr(xml, 'pageSetup', 'paperSize')).toBe('8'); // A3 (ECMA-376 §18.3.1.63)
    expect(attr(sheetXml(2), 'pageSetup', 'paperSize')).toBe('8');
    expect(attr(sheetXml(3), 'pageSetup', 'paperSize')).toBe('8');
    expect(attr(xml, 'pageSetup', 'orientation')).toBe('landscape');
    expect(attr(xml, 'pageSetup', 'fitToWidth')).toBe('1');
    expect(attr(xml, 'pageSetup', 'fitToHeight')).toBe('0');
    expect(zipText(out.buffer, 'xl/workbook.xml')).toMatch(/&apos;台账&apos;!\$2:\$3/);
    expect(attr(sheetXml(2), 'pageSetup', 'orientation')).toBe('landscape');
  });

  it('sets every row’s height, none above 409 pt, one sheet row per problem', () => {
    const heights = [...sheetXml(1).matchAll(/<row r="\d+" ht="([\d.]+)" customHeight="1"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(3 + 21);
    expect(Math.max(...heights)).toBeLessThanOrEqual(409);
  });

  it('makes each body row whole lines of 小四 (1.0 em, as FandolFang and 仿宋_GB2312 set them) and at most 1.15 times their height', () => {
    const heights = [...sheetXml(1).matchAll(/<row r="(\d+)" ht="([\d.]+)" customHeight="1"/g)].filter((m) => Number(m[1]) >= FIRST_BODY_ROW).map((m) => Number(m[2]));
    for (const h of heights) {
      const lines = Math.floor(h / 12);
      expect(lines).toBeGreaterThanOrEqual(1);
      expect(h / (lines * 12), `${h} pt`).toBeLessThanOrEqual(1.15);
    }
  });

  it('lays 台账 out for a print scale at which 小四 prints at 9 pt or more, and keeps each unit sheet to its main columns', () => {
    const fit = /<pageSetup [^>]*paperSize="8"[^>]*fitToWidth="1"/;
    expect(sheetXml(1)).toMatch(fit);
    const widthPt = [...sheetXml(1).matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].reduce((sum, m) => sum + (Number(m[2]) - Number(m[1]) + 1) * Number(m[3]) * 5.25, 0);
    const typeWidthPt = ((420 - 35 - 37) / 25.4) * 72; // A3 landscape type area, 348 mm
    expect((12 * typeWidthPt) / widthPt).toBeGreaterThanOrEqual(9.4); // Excel's scale; LibreOffice prints 4.7 % smaller
    const unitColumns = [...sheetXml(3).matchAll(/<col min="(\d+)" max="(\d+)"/g)].reduce((n, m) => n + Number(m[2]) - Number(m[1]) + 1, 0);
    expect(unitColumns).toBe(9);
  });

  it('is byte-identical at another time, stamped with the as-of date', async () => {
    expect(zipText(out.buffer, 'docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-30T00:00:00Z</dcterms:created>');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-02-03T04:05:06Z'));
    const again = await ledgerXlsx(plan, view, history, await loadTemplates());
    expect(Buffer.compare(again.buffer, out.buffer)).toBe(0);
    for (const entry of unzip(again.buffer).values()) expect(entry.dosDate).toBe(((2023 - 1980) << 9) | (11 << 5) | 30);
  });

  afterEach(() => {
    vi.useRealTimers();
  });
});

// --- other plans ---------------------------------------------------------------------------

describe('ledger: other plans', () => {
  it('follows the plan’s own columns (no 配合单位, 责任领导 …) and its category header', async () => {
    const other = syntheticPlan(14, { tableColumns: OTHER_COLUMNS, extraFields: true });
    const { view: v, progress } = syntheticPeriod(other);
    const rendered = await ledgerXlsx(other, v, [progress], await loadTemplates());
    const [ledger, summary] = await readXlsx(rendered.buffer);
    const headers = rowTexts(ledger!, 3, OTHER_COLUMNS.length + PERIOD_HEADERS.length).map((h) => h.replace('\n', ''));
    // exceljs repeats a merged header's text in every cell of the merge: row 3 holds the lower header row.
    expect(headers.slice(OTHER_COLUMNS.length)).toEqual(PERIOD_HEADERS);
    other.problems.forEach((p, i) => {
      expect(rowTexts(ledger!, FIRST_BODY_ROW + i, OTHER_COLUMNS.length), `problem ${p.number}`).toEqual(expectedTexts(other)[i]);
    });
    expect(summaryTable(summary!, '按方面统计').headers[0]).toBe('方面');
    expect(summaryTable(summary!, '按牵头单位统计').rows.get('合计')).toEqual(summaryOf(v.statistics));
    // Made-up texts of up to 500 characters over eighteen columns: the tallest rows pass Excel's 409 pt,
    // which is reported, by sheet and cell, as data (docs/domain.md#excel-limits).
    for (const w of rendered.warnings) expect(w.message).toContain('409');
  });

  it('gives every unit a sheet name Excel accepts: at most 31 characters, unique, no forbidden characters', async () => {
    const base = syntheticPlan(10);
    const long = (name: string) => `重庆市巫山县某某镇人民政府${name}（暨某某工作领导小组办公室）/综合组`;
    const renamed: Plan = {
      ...base,
      units: base.units.map((u) => ({ ...u, name: long(u.name) })),
      problems: base.problems.map((p) => ({ ...p, leadUnits: p.leadUnits.map(long), cooperatingUnits: p.cooperatingUnits.map(long) })),
    };
    const { view: v, progress } = syntheticPeriod(renamed);
    const names = (await readXlsx((await ledgerXlsx(renamed, v, [progress], await loadTemplates())).buffer)).map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['台账', '统计']);
    expect(names).toHaveLength(2 + v.statistics.byLeadUnit.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[\\/?*[\]:]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});

// --- openpyxl ----------------------------------------------------------------------------

const OPENPYXL_READ = `
import json, sys, openpyxl
req = json.load(sys.stdin)
wb = openpyxl.load_workbook(req['path'])
def values(ws):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column)]
ws = wb['台账']
print(json.dumps({
  'names': wb.sheetnames,
  'dv': [{'type': d.type, 'formula1': d.formula1, 'sqref': str(d.sqref)} for d in ws.data_validations.dataValidation],
  'cf': [{'range': str(r.sqref), 'types': [x.type for x in r.rules], 'formula': [x.formula for x in r.rules],
          'fill': [x.dxf.fill.bgColor.rgb for x in r.rules]} for r in ws.conditional_formatting],
  'unitDv': [d.type for d in wb['经发办'].data_validations.dataValidation],
  'freeze': ws.freeze_panes,
  'printTitleRows': ws.print_title_rows,
  'ledger': values(ws),
  'summary': values(wb['统计']),
}, ensure_ascii=False, default=str))
`;

interface OpenpyxlLedger {
  names: string[];
  dv: { type: string; formula1: string; sqref: string }[];
  cf: { range: string; types: string[]; formula: string[][]; fill: string[] }[];
  unitDv: string[];
  freeze: string;
  printTitleRows: string;
  ledger: (string | number | null)[][];
  summary: (string | number | null)[][];
}

/** A summary table in openpyxl's rows, by caption: label → the ten values. */
function pySummary(rows: (string | number | null)[][], caption: string): Map<string, (string | number | null)[]> {
  const start = rows.findIndex((r) => r[0] === caption);
  expect(start, caption).toBeGreaterThanOrEqual(0);
  const table = new Map<string, (string | number | null)[]>();
  for (let r = start + 2; r < rows.length && rows[r]![1] !== null && rows[r]![1] !== ''; r += 1) table.set(String(rows[r]![0]), rows[r]!.slice(1, 11));
  return table;
}

describeWithTools(['python-docx-openpyxl'], 'ledger read by openpyxl', () => {
  let seen: OpenpyxlLedger;
  beforeAll(() => {
    const path = join(mkdtempSync(join(tmpdir(), 'zhenggai-ledger-')), '整改台账-2023-11.xlsx');
    writeFileSync(path, out.buffer);
    seen = runPython<OpenpyxlLedger>(OPENPYXL_READ, { path });
  });

  it('finds the status drop-down on H4:H24 and four expression rules with their fills', () => {
    expect(seen.names).toEqual(SHEETS_2023_11);
    for (const d of seen.dv) expect(d).toMatchObject({ type: 'list', formula1: '"未启动,推进中,已完成,已完成并长期坚持,已销号"' });
    const rows = new Set(seen.dv.flatMap((d) => rowsOf(d.sqref, 'H')));
    expect([...rows].sort((x, y) => x - y)).toEqual(BODY_ROWS);
    // openpyxl groups the rules by range: one range, four expression rules, first match first.
    expect(seen.cf.map((c) => [c.range, c.types, c.formula])).toEqual([
      ['A4:Q24', ['expression', 'expression', 'expression', 'expression'], [['$P4="绿"'], ['$P4="红"'], ['$P4="黄"'], ['$P4="蓝"']]],
    ]);
    expect(seen.cf[0]!.fill).toEqual(['FFC6EFCE', 'FFFFC7CE', 'FFFFEB9C', 'FFDDEBF7']);
    expect(seen.unitDv.length).toBeGreaterThan(0);
    expect(seen.unitDv.every((t) => t === 'list')).toBe(true);
    expect(seen.freeze).toBe('A4');
    expect(seen.printTitleRows).toBe('$2:$3');
  });

  it('reads every problem’s texts in its row', () => {
    plan.problems.forEach((p, i) => {
      const row = seen.ledger[FIRST_BODY_ROW - 1 + i]!.map((v) => (v === null ? '' : String(v)));
      expect(row, `problem ${p.number}`).toEqual(expectedRow(p.number));
    });
  });

  it('reads both summary tables equal to the derived statistics', () => {
    const byUnit = pySummary(seen.summary, '按牵头单位统计');
    for (const u of view.statistics.byLeadUnit) expect(byUnit.get(u.unit.name), u.unit.name).toEqual(summaryOf(u));
    expect(byUnit.get('合计')).toEqual(summaryOf(view.statistics));
    const byCategory = pySummary(seen.summary, '按发现问题方式统计');
    for (const c of view.statistics.byCategory) expect(byCategory.get(c.category.label), c.category.label).toEqual(summaryOf(c));
    expect(byCategory.get('合计')).toEqual([21, 0, 8, 1, 7, 5, 13, 1, '61.9%', '92.9%']);
  });
});

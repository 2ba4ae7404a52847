// The broken-form corpus (test/fixtures/broken-forms/): each case is a good
// form from the fixture plan with one thing a clerk (or a mail client, or a
// colleague with another plan) could get wrong. The files are committed so a
// reader can open them; this module says how each was made, and the test
// checks the committed bytes are still what it makes.
import { strToU8, zipSync } from 'fflate';
import { composeUnitForm } from '../../src/compose/forms.js';
import { FORM_META_SHEET, FORM_SHEET } from '../../src/model/document/unit-form-layout.js';
import { loadPlanFolder } from '../../src/load/plan-folder.js';
import { renderUnitFormXlsx } from '../../src/render/xlsx/forms.js';
import { loadTemplates } from '../../src/templates/load.js';
import { editCells, renameSheet, type CellEdit } from './form-editor.js';

export const CORPUS_DIR = 'test/fixtures/broken-forms';
export const CORPUS_PLAN = `${CORPUS_DIR}/plan`;
export const CORPUS_PERIOD = '2024-06';
/** The unit whose form the cases start from: it reports problems 1 (row 5) and 4 (row 6) and co-leads problem 2. */
export const CORPUS_UNIT = '农办';

export interface Expected {
  file: string;
  sheet?: string;
  cell?: string;
  ruleId: string;
  message: string;
}

export interface BrokenCase {
  name: string;
  /** File names (in the corpus folder), imported together in this order. */
  files: string[];
  expect: Expected;
}

type Make = (good: Uint8Array) => Uint8Array;

interface CaseSpec {
  name: string;
  make: Make | Make[];
  sheet?: string;
  cell?: string;
  ruleId: string;
  message: string;
}

const cells = (edits: Record<string, CellEdit>): Make => (good) => editCells(good, FORM_SHEET, edits);
const meta = (edits: Record<string, CellEdit>): Make => (good) => editCells(good, FORM_META_SHEET, edits);
const inProgress = { G5: { text: '推进中' }, J5: { clear: true } } as const;

const SPECS: CaseSpec[] = [
  { name: 'not-xlsx', make: () => strToU8('这不是表格，是改了扩展名的文本文件。\n'), ruleId: 'not-ooxml', message: '不是Excel 工作簿' },
  { name: 'old-xls', make: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(56).fill(0)]), ruleId: 'not-ooxml', message: '旧版 Office 文件' },
  { name: 'truncated', make: (good) => good.slice(0, Math.floor(good.length / 2)), ruleId: 'corrupt-file', message: '文件已损坏' },
  { name: 'zip-not-workbook', make: () => zipSync({ 'readme.txt': strToU8('not a workbook') }, { mtime: new Date(2024, 0, 1) }), ruleId: 'not-ooxml', message: '缺少 xl/workbook.xml' },
  { name: 'no-hidden-sheet', make: (good) => renameSheet(good, FORM_META_SHEET, 'Sheet3'), sheet: FORM_META_SHEET, ruleId: 'form-not-zhenggai', message: '不是 zhenggai 生成的填报表' },
  { name: 'sheet-renamed', make: (good) => renameSheet(good, FORM_SHEET, 'Sheet1'), sheet: FORM_SHEET, ruleId: 'form-sheet-missing', message: `缺少工作表“${FORM_SHEET}”` },
  { name: 'other-plan', make: meta({ B3: { text: '东河府发〔2023〕12号' } }), sheet: FORM_META_SHEET, cell: 'B3', ruleId: 'form-other-plan', message: '不是本方案' },
  { name: 'other-period', make: meta({ B5: { text: '2024-05' } }), sheet: FORM_META_SHEET, cell: 'B5', ruleId: 'form-other-period', message: '此表是 2024-05 期的填报表' },
  { name: 'unknown-unit', make: meta({ B4: { text: '水务站' } }), sheet: FORM_META_SHEET, cell: 'B4', ruleId: 'form-unknown-unit', message: '“水务站”不是本方案的牵头单位' },
  { name: 'plan-changed', make: meta({ B6: { text: '0'.repeat(64) }, B7: { text: '1:000000000000' } }), sheet: FORM_META_SHEET, cell: 'B6', ruleId: 'form-plan-changed', message: '第 1 号问题的内容有改动' },
  { name: 'header-moved', make: cells({ G4: { text: '状态' } }), sheet: FORM_SHEET, cell: 'G4', ruleId: 'form-header', message: '表头应为“整改状态”' },
  { name: 'edited-number', make: cells({ A5: { text: '7' } }), sheet: FORM_SHEET, cell: 'A5', ruleId: 'form-number-edited', message: '此行应为第 1 号问题' },
  // A form made while the plan numbered per category (二-3), imported after it switched to one numbering: said so, not “edited”.
  { name: 'number-by-category', make: cells({ A5: { text: '一-1' } }), sheet: FORM_SHEET, cell: 'A5', ruleId: 'form-number-edited', message: '序号“一-1”是各类别分别编号的写法，方案现在全方案统一编号，此行是第 1 号问题' },
  { name: 'row-copied', make: cells({ A6: { text: '1' } }), sheet: FORM_SHEET, cell: 'A6', ruleId: 'form-number-edited', message: '此行应为第 4 号问题，读到“1”，与第 5 行重复' },
  { name: 'extra-row', make: cells({ A7: { number: 5 }, I7: { text: '新增加的问题' } }), sheet: FORM_SHEET, cell: 'A7', ruleId: 'form-extra-row', message: '多出的内容不会被导入' },
  { name: 'bad-status', make: cells({ G5: { text: '完成了' } }), sheet: FORM_SHEET, cell: 'G5', ruleId: 'form-value', message: '应为：未启动、推进中、已完成、已完成并长期坚持、已销号' },
  { name: 'blank-status', make: cells({ G5: { clear: true } }), sheet: FORM_SHEET, cell: 'G5', ruleId: 'form-value', message: '未填写整改状态' },
  { name: 'formula-without-result', make: cells({ G5: { formula: 'IF(TRUE,"已完成")' } }), sheet: FORM_SHEET, cell: 'G5', ruleId: 'form-formula', message: '没有保存计算结果' },
  { name: 'bad-yes-no', make: cells({ ...inProgress, H5: { text: '差不多' } }), sheet: FORM_SHEET, cell: 'H5', ruleId: 'form-value', message: '应为：是、否' },
  { name: 'not-a-date', make: cells({ J5: { text: '下周' } }), sheet: FORM_SHEET, cell: 'J5', ruleId: 'form-value', message: '“下周”不是日期' },
  { name: 'impossible-date', make: cells({ J5: { text: '2024-02-30' } }), sheet: FORM_SHEET, cell: 'J5', ruleId: 'form-value', message: '不是存在的日期' },
  // (7月2日 without a year would now read as 2023-07-02, the latest 2 July on or before the as-of date.)
  { name: 'date-after-as-of', make: cells({ J5: { text: '2024-07-02' } }), sheet: FORM_SHEET, cell: 'J5', ruleId: 'form-date-after-as-of', message: '完成时间 2024-07-02 晚于本期统计截止日期 2024-06-30' },
  { name: 'completed-without-date', make: cells({ J5: { clear: true } }), sheet: FORM_SHEET, cell: 'J5', ruleId: 'form-completed-without-date', message: '须填写完成时间' },
  { name: 'date-while-in-progress', make: cells({ G5: { text: '推进中' }, H5: { text: '是' } }), sheet: FORM_SHEET, cell: 'J5', ruleId: 'form-completed-without-date', message: '不应填写完成时间' },
  { name: 'missing-evidence', make: cells({ K5: { text: '清河记录.txt\n不存在的照片.jpg' } }), sheet: FORM_SHEET, cell: 'K5', ruleId: 'form-evidence', message: '没有佐证材料“不存在的照片.jpg”' },
  { name: 'evidence-outside', make: cells({ K5: { text: '../plan.json' } }), sheet: FORM_SHEET, cell: 'K5', ruleId: 'form-evidence', message: '不能指向 evidence/ 文件夹之外' },
  { name: 'extension-incomplete', make: cells({ ...inProgress, H5: { text: '否' }, M5: { text: '9月底前完成' } }), sheet: FORM_SHEET, cell: 'N5', ruleId: 'form-extension-incomplete', message: '缺少调整原因' },
  { name: 'extension-phrase', make: cells({ ...inProgress, H5: { text: '否' }, M5: { text: '尽快' }, N5: { text: '汛期施工受阻' }, O5: { text: '2024/6/3' } }), sheet: FORM_SHEET, cell: 'M5', ruleId: 'form-value', message: '无法理解整改时限“尽快”' },
  { name: 'closed-without-closure', make: cells({ G5: { text: '已销号' } }), sheet: FORM_SHEET, cell: 'G5', ruleId: 'form-closure', message: '须经销号审批' },
  { name: 'duplicate', make: [(good) => good, (good) => good], sheet: FORM_SHEET, cell: 'A5', ruleId: 'form-duplicate', message: '同一次导入中不能重复填报' },
];

function fileNames(spec: CaseSpec): string[] {
  return Array.isArray(spec.make) ? spec.make.map((_, i) => `${spec.name}-${String.fromCharCode(97 + i)}.xlsx`) : [`${spec.name}.xlsx`];
}

export function brokenCases(): BrokenCase[] {
  return SPECS.map((spec) => {
    const files = fileNames(spec);
    const expect: Expected = { file: files.at(-1)!, ruleId: spec.ruleId, message: spec.message, ...(spec.sheet ? { sheet: spec.sheet } : {}), ...(spec.cell ? { cell: spec.cell } : {}) };
    return { name: spec.name, files, expect };
  });
}

/** The good form every case starts from, made as `zhenggai forms` makes it. */
export async function goodForm(): Promise<Uint8Array> {
  const { folder } = await loadPlanFolder(CORPUS_PLAN);
  if (!folder) throw new Error('the corpus plan does not load');
  const previous = folder.progress.filter((p) => p.fileperiod < CORPUS_PERIOD).at(-1)?.data;
  const model = composeUnitForm({ plan: folder.plan, planName: folder.name, period: CORPUS_PERIOD, previous, templates: await loadTemplates() }, CORPUS_UNIT);
  return new Uint8Array((await renderUnitFormXlsx(model)).buffer);
}

/** Every corpus file by name. */
export async function brokenFiles(): Promise<Map<string, Uint8Array>> {
  const good = await goodForm();
  const files = new Map<string, Uint8Array>();
  for (const spec of SPECS) {
    const makers = Array.isArray(spec.make) ? spec.make : [spec.make];
    fileNames(spec).forEach((name, i) => files.set(name, makers[i]!(good)));
  }
  return files;
}

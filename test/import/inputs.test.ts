// More inputs of the kinds issue 13 found (test/import/cases.test.ts has the
// reported ones), each made from the corpus's good form (农办, 2024-06: row 5
// is problem 1, completed; row 6 is problem 4, in progress) by changing its
// XML the way Excel, WPS or a clerk would (form-builder.ts), and imported
// through the CLI. Expected values are written here, from what each cell was
// given. Kind 1: what a cell holds reaches the file as shown or is an error at
// the cell; pictures become evidence. Kind 2: everyday date spellings. Kind 5:
// big or hostile forms (the memory test is in form-limits.test.ts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { CORPUS_PERIOD, CORPUS_PLAN, goodForm } from './broken-forms.js';
import { FormFile, jpegBytes, pngPixel, type Cell } from './form-builder.js';

const SHEET = '进展填报';
let good: Uint8Array;
beforeAll(async () => {
  good = await goodForm();
});

const form = () => new FormFile(good);

function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)).toString('base64')]),
  );
}

interface Imported {
  exit: number;
  out: string;
  err: string;
  dir: string;
  files: string[];
  before: Record<string, string>;
  entry(n: number): Record<string, unknown> | undefined;
  /** The stderr line at file sheet!cell with this severity (the first form's file). */
  at(cell: string, severity?: 'error' | 'warning', sheet?: string): string | undefined;
}

async function importForms(forms: Uint8Array[], setup: (dir: string) => void = () => {}): Promise<Imported> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-inputs-'));
  const dir = path.join(tmp, 'plan');
  cpSync(CORPUS_PLAN, dir, { recursive: true });
  setup(dir);
  const before = tree(dir);
  const files = forms.map((bytes, i) => {
    const file = path.join(tmp, `农办${i === 0 ? '' : `-${i + 1}`}.xlsx`);
    writeFileSync(file, bytes);
    return file;
  });
  const result = await runCli(['import', dir, '--period', CORPUS_PERIOD, ...files]);
  const progress = path.join(dir, 'progress', `${CORPUS_PERIOD}.json`);
  const entries = existsSync(progress) ? (JSON.parse(readFileSync(progress, 'utf8')) as { problems: Array<Record<string, unknown>> }).problems : [];
  return {
    ...result,
    dir,
    files,
    before,
    entry: (n) => entries.find((e) => e.number === n),
    at: (cell, severity = 'error', sheet = SHEET) => result.err.split('\n').find((l) => l.startsWith(`${files[0]} ${sheet}!${cell}  ${severity}  `)),
  };
}

const importForm = (bytes: Uint8Array, setup?: (dir: string) => void) => importForms([bytes], setup);

function expectNothingWritten(r: Imported): void {
  expect(r.exit).toBe(1);
  expect(r.err).toContain('未写入任何文件');
  expect(tree(r.dir)).toEqual(r.before);
}

describe('kind 1: every text value as the unit sees it, whatever the cell type', () => {
  const cases: Array<[string, Cell, string]> = [
    ['rich text without a link', { runs: ['河道', '清理', '完毕'] }, '河道清理完毕'],
    ['shared rich text with a phonetic run (not part of the text)', { runs: ['已清理', '河道'], shared: true, phonetic: 'ヘイセイ' }, '已清理河道'],
    ['inline rich text with a phonetic run', { runs: ['已清理'], phonetic: 'かな' }, '已清理'],
    ['a shared string with _x000D_ escapes (Excel\'s CR)', { shared: '第一行_x000D_\n第二行', raw: true }, '第一行\n第二行'],
    ['rich text whose CR (_x000D_) ends one run and LF starts the next: one line break', { runs: ['第一行_x000D_', '\n第二行'] }, '第一行\n第二行'],
    ['a literal _x000D_ escaped as _x005F_x000D_', { shared: '编号_x005F_x000D_保留', raw: true }, '编号_x000D_保留'],
    ['an inline string with escapes', { inline: '甲_x0009_乙', raw: true }, '甲\t乙'],
    ['an emoji written as two _xHHHH_ escapes', { inline: '完成_xD83D__xDC4D_', raw: true }, '完成👍'],
    ['a formula\'s cached text', { formula: 'CONCATENATE("河道","清理")', cached: '河道清理', type: 'str' }, '河道清理'],
    ['a whole number in a text cell', { number: 100 }, '100'],
    ['a decimal in a General cell', { number: 12.5, format: 'General' }, '12.5'],
    ['a date in a text cell, in its date format', { number: 45356, format: 'yyyy"年"m"月"d"日"' }, '2024年3月5日'],
    ['an ISO date cell (t="d") in a text cell', { isoDate: '2024-03-05', format: 'yyyy-mm-dd' }, '2024-03-05'],
    ['text starting with = + - @', { inline: '=清理完毕' }, '=清理完毕'],
  ];
  for (const [what, cell, expected] of cases) {
    it(`${what}: 整改进展 is “${expected.replace(/\n/g, '\\n')}”`, async () => {
      const r = await importForm(form().cells(SHEET, { I5: cell }).bytes());
      expect(r.exit, r.err).toBe(0);
      expect(r.entry(1)?.progress).toBe(expected);
    });
  }

  const refused: Array<[string, Cell, string]> = [
    ['an error value', { error: '#N/A' }, '错误值 #N/A'],
    ['a formula whose result is an error', { formula: 'VLOOKUP(A1,B:B,2,0)', cached: '#REF!', type: 'e' }, '错误值 #REF!'],
    ['a logical value', { bool: true }, '逻辑值 TRUE'],
    ['a number Excel rounds in General (0.1+0.2)', { number: 0.30000000000000004, format: 'General' }, '数字 0.30000000000000004'],
    ['a number in a number format', { number: 3.14159, format: '0.00' }, '格式“0.00”'],
    ['a date and time in a text cell', { number: 45356.5, format: 'yyyy-mm-dd hh:mm' }, '数字 45356.5'],
  ];
  for (const [what, cell, fragment] of refused) {
    it(`${what}: an error at I5, nothing written`, async () => {
      const r = await importForm(form().cells(SHEET, { I5: cell }).bytes());
      expect(r.at('I5'), r.err).toContain(fragment);
      expectNothingWritten(r);
    });
  }

  it('a hyperlink on 未完成原因: the text is imported, a warning names the link', async () => {
    const r = await importForm(form().cells(SHEET, { L6: { runs: ['汛期', '停工'] } }).hyperlink(SHEET, 'L6', 'https://example.org/a?b=1&c=2').bytes());
    expect(r.exit, r.err).toBe(0);
    expect(r.entry(4)?.reason).toBe('汛期停工');
    expect(r.at('L6', 'warning')).toContain('https://example.org/a?b=1&c=2');
  });

  it('a status in rich text, shared, or from a formula is the status shown', async () => {
    const r = await importForm(form().cells(SHEET, { G5: { runs: ['已', '完成'] }, G6: { formula: 'IF(1,"推进中")', cached: '推进中', type: 'str' }, H6: { shared: '否' } }).bytes());
    expect(r.exit, r.err).toBe(0);
    expect(r.entry(1)?.status).toBe('已完成');
    expect(r.entry(4)).toMatchObject({ status: '推进中', onSchedule: false });
  });

  it('a status given as a number or an error value is refused with the allowed values', async () => {
    const r = await importForm(form().cells(SHEET, { G5: { number: 1 }, G6: { error: '#VALUE!' } }).bytes());
    expect(r.at('G5')).toContain('应为：未启动、推进中、已完成、已完成并长期坚持、已销号');
    expect(r.at('G6')).toContain('错误值 #VALUE!');
    expectNothingWritten(r);
  });

  it('an answer cell merged into another row is refused at the covered cell', async () => {
    const r = await importForm(form().cells(SHEET, { I5: { inline: '两行合写' } }).merge(SHEET, 'I5:I6').bytes());
    expect(r.at('I6')).toContain('与 I5 合并');
    expectNothingWritten(r);
  });
});

describe('kind 1: every date plausible for the plan (notice 2024-03-15: from 2023-01-01; as of 2024-06-30)', () => {
  const dates: Array<[string, Cell, string | RegExp]> = [
    ['1900-01-12 (12.5 typed into the date cell)', { number: 12.5 }, /是数字 12\.5（Excel 显示为 1900-01-12），早于本方案可能的最早日期 2023-01-01/],
    ['a real Excel date of 1990', { number: 32874 }, /完成时间为 1990-01-01，早于本方案可能的最早日期 2023-01-01/],
    ['text 2022-12-31, a day too early', { inline: '2022-12-31' }, /完成时间为 2022-12-31，早于/],
    ['a date in 2099', { inline: '2099年1月1日' }, '完成时间 2099-01-01 晚于本期统计截止日期 2024-06-30'],
    ['an ISO date cell in 1899', { isoDate: '1899-12-31T00:00:00' }, /早于本方案可能的最早日期/],
  ];
  for (const [what, cell, message] of dates) {
    it(`${what}: an error at J5 saying what was read and what is expected`, async () => {
      const r = await importForm(form().cells(SHEET, { J5: cell }).bytes());
      const line = r.at('J5');
      expect(line, r.err).toBeDefined();
      expect(line).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
      expectNothingWritten(r);
    });
  }

  it('the first plausible day and the as-of date are accepted', async () => {
    const first = await importForm(form().cells(SHEET, { J5: { inline: '2023-01-01' } }).bytes());
    expect(first.entry(1)?.completedOn).toBe('2023-01-01');
    const last = await importForm(form().cells(SHEET, { J5: { number: 45473 } }).bytes()); // 2024-06-30
    expect(last.entry(1)?.completedOn).toBe('2024-06-30');
  });

  it('a workbook in the 1904 date system gives the same day', async () => {
    const r = await importForm(form().date1904().cells(SHEET, { J5: { number: 45432 - 1462 } }).bytes()); // 2024-05-20
    expect(r.exit, r.err).toBe(0);
    expect(r.entry(1)?.completedOn).toBe('2024-05-20');
  });

  it('an approval date and an extension deadline must be plausible too', async () => {
    const approval = await importForm(form().cells(SHEET, { H6: { inline: '否' }, M6: { inline: '9月底前完成' }, N6: { inline: '汛期' }, O6: { number: 12 } }).bytes());
    expect(approval.at('O6')).toContain('1900-01-12');
    expectNothingWritten(approval);
    const deadline = await importForm(form().cells(SHEET, { H6: { inline: '否' }, M6: { inline: '2203年12月底前' }, N6: { inline: '汛期' }, O6: { inline: '2024-06-03' } }).bytes());
    expect(deadline.at('M6')).toContain('读作 2203-12-31');
    expectNothingWritten(deadline);
    const fine = await importForm(form().cells(SHEET, { H6: { inline: '否' }, M6: { inline: '9月底前完成' }, N6: { inline: '汛期' }, O6: { inline: '6月3号' } }).bytes());
    expect(fine.exit, fine.err).toBe(0);
    expect(fine.entry(4)?.extension).toEqual({ deadline: '9月底前完成', reason: '汛期', approvedOn: '2024-06-03' });
  });
});

describe('kind 1: pictures in the form', () => {
  const red = pngPixel(200, 0, 0);
  const blue = pngPixel(0, 0, 200);
  const saved = (r: Imported, p: string) => readFileSync(path.join(r.dir, 'evidence', ...p.split('/')));

  it('a WPS in-cell picture in 佐证材料 of problem 4 becomes evidence/04/农办-2024-06-1.png (a new folder, two digits)', async () => {
    const r = await importForm(form().wpsPicture(SHEET, 'K6', red).bytes());
    expect(r.exit, r.err).toBe(0);
    expect(r.entry(4)?.evidence).toEqual(['04/农办-2024-06-1.png']);
    expect(Buffer.from(saved(r, '04/农办-2024-06-1.png')).equals(Buffer.from(red))).toBe(true);
  });

  it('an Excel place-in-cell picture, and file names typed beside floating pictures', async () => {
    const excel = await importForm(form().excelPicture(SHEET, 'K6', blue).bytes());
    expect(excel.exit, excel.err).toBe(0);
    expect(Buffer.from(saved(excel, '04/农办-2024-06-1.png')).equals(Buffer.from(blue))).toBe(true);
    const both = await importForm(form().cells(SHEET, { K5: { inline: '巡河照片.txt' } }).floatingPicture(SHEET, 'K5', jpegBytes(7), 'jpeg').floatingPicture(SHEET, 'K5', red).bytes());
    expect(both.exit, both.err).toBe(0);
    // The problem's own folder is "1" here; the type comes from the bytes (jpeg → .jpg).
    expect(both.entry(1)?.evidence).toEqual(['1/巡河照片.txt', '1/农办-2024-06-1.jpg', '1/农办-2024-06-2.png']);
  });

  it('never overwrites: a name already in evidence/ is skipped, and the file there is unchanged', async () => {
    const r = await importForm(form().floatingPicture(SHEET, 'K5', red).bytes(), (dir) => writeFileSync(path.join(dir, 'evidence', '1', '农办-2024-06-1.png'), 'earlier'));
    expect(r.exit, r.err).toBe(0);
    expect(r.entry(1)?.evidence).toEqual(['1/农办-2024-06-2.png']);
    expect(saved(r, '1/农办-2024-06-1.png').toString()).toBe('earlier');
  });

  it('a form imported again (--force) keeps its pictures\' names and saves nothing twice; a new photo gets the next name', async () => {
    const first = await importForm(form().floatingPicture(SHEET, 'K5', red).bytes());
    expect(first.entry(1)?.evidence).toEqual(['1/农办-2024-06-1.png']);
    writeFileSync(first.files[0]!, form().floatingPicture(SHEET, 'K5', red).floatingPicture(SHEET, 'K5', blue).bytes());
    const again = await runCli(['import', first.dir, '--period', CORPUS_PERIOD, '--force', first.files[0]!]);
    expect(again.exit, again.err).toBe(0);
    expect(again.out).toContain('未重复保存');
    const entries = (JSON.parse(readFileSync(path.join(first.dir, 'progress', `${CORPUS_PERIOD}.json`), 'utf8')) as { problems: Array<Record<string, unknown>> }).problems;
    expect(entries.find((e) => e.number === 1)?.evidence).toEqual(['1/农办-2024-06-1.png', '1/农办-2024-06-2.png']);
    expect(readdirSync(path.join(first.dir, 'evidence', '1')).sort()).toEqual(['农办-2024-06-1.png', '农办-2024-06-2.png', '巡河照片.txt', '清河记录.txt']);
    expect(Buffer.from(saved(first, '1/农办-2024-06-2.png')).equals(Buffer.from(blue))).toBe(true);
  });

  it('the same photo pasted twice into one cell is saved and listed once', async () => {
    const r = await importForm(form().floatingPicture(SHEET, 'K5', red).floatingPicture(SHEET, 'K5', red).bytes());
    expect(r.entry(1)?.evidence).toEqual(['1/农办-2024-06-1.png']);
    expect(readdirSync(path.join(r.dir, 'evidence', '1')).filter((n) => n.startsWith('农办'))).toEqual(['农办-2024-06-1.png']);
  });

  // Each says where the picture is not: another column, or the evidence column outside the problems' rows (K4 is the header).
  const elsewhere: Array<[string, (f: FormFile) => FormFile, string, RegExp, string?]> = [
    ['floating over 整改进展 (I5)', (f) => f.floatingPicture(SHEET, 'I5', red), 'I5', /图片.*不在“佐证材料”列/],
    ['below the table (A9)', (f) => f.floatingPicture(SHEET, 'A9', red), 'A9', /图片.*不在“佐证材料”列/],
    ['in the header (K4)', (f) => f.wpsPicture(SHEET, 'K4', red), 'K4', /图片.*不在问题所在的行（“佐证材料”列第 5–\d+ 行）/],
    ['on the information sheet', (f) => f.floatingPicture('共同牵头问题（仅供参考）', 'C4', red), 'C4', /图片.*不在“佐证材料”列/, '共同牵头问题（仅供参考）'],
  ];
  for (const [what, add, cell, says, sheet] of elsewhere) {
    it(`a picture ${what} is an error at its anchor cell saying a picture was found; nothing written`, async () => {
      const r = await importForm(add(form()).bytes());
      const lines = r.err.split('\n').filter((l) => l.startsWith(`${r.files[0]} ${sheet ?? SHEET}!${cell}  error  `));
      expect(lines.some((l) => says.test(l)), r.err).toBe(true);
      expectNothingWritten(r);
    });
  }

  it('a linked picture (no image in the file) and bytes that are no image are errors at the cell', async () => {
    const linked = await importForm(form().floatingPicture(SHEET, 'K5', red, 'png', true).bytes());
    expect(linked.at('K5')).toContain('没有图片数据');
    expectNothingWritten(linked);
    const notImage = await importForm(form().floatingPicture(SHEET, 'K5', new TextEncoder().encode('<svg/>'), 'png').bytes());
    expect(notImage.at('K5')).toContain('不是可识别的图片格式');
    expectNothingWritten(notImage);
  });

  it('a text box is not imported, and a warning says so', async () => {
    const r = await importForm(form().textBox(SHEET, 'M5', '请领导审阅').bytes());
    expect(r.exit, r.err).toBe(0);
    expect(r.at('M5', 'warning')).toContain('请领导审阅');
  });

  it('all or nothing: a picture is not written when another form has an error', async () => {
    const withPicture = form().floatingPicture(SHEET, 'K5', red).bytes();
    const broken = form().cells(SHEET, { G6: { inline: '完成了' } }).bytes();
    const r = await importForms([withPicture, broken]);
    expect(r.exit).toBe(1);
    expect(tree(r.dir)).toEqual(r.before);
  });

  it('all or nothing: a failure after the pictures are written removes them again', async () => {
    const saved = process.env.ZHENGGAI_FAIL_AFTER;
    process.env.ZHENGGAI_FAIL_AFTER = 'pictures';
    try {
      const r = await importForm(form().floatingPicture(SHEET, 'K5', red).bytes());
      expect(r.exit).toBe(1);
      expect(r.err).toContain('ZHENGGAI_FAIL_AFTER');
      expect(tree(r.dir)).toEqual(r.before);
    } finally {
      if (saved === undefined) delete process.env.ZHENGGAI_FAIL_AFTER;
      else process.env.ZHENGGAI_FAIL_AFTER = saved;
    }
  });
});

describe('kind 2: everyday date spellings in 完成时间 (as-of 2024-06-30)', () => {
  const spellings: Array<[string, string]> = [
    ['2024年5月20号', '2024-05-20'],
    ['5月20号', '2024-05-20'],
    ['5月20日', '2024-05-20'],
    ['20240520', '2024-05-20'],
    ['2024.5.20', '2024-05-20'],
    ['2024-5-20 上午', '2024-05-20'],
    ['2024/5/20', '2024-05-20'],
    ['２０２４年５月２０日', '2024-05-20'],
    ['2024　年　5　月　20　日', '2024-05-20'],
    ['12月5日', '2023-12-05'], // the latest 5 December on or before 2024-06-30
  ];
  for (const [typed, expected] of spellings) {
    it(`“${typed}” reads as ${expected}`, async () => {
      const r = await importForm(form().cells(SHEET, { J5: { inline: typed } }).bytes());
      expect(r.exit, r.err).toBe(0);
      expect(r.entry(1)?.completedOn).toBe(expected);
    });
  }

  it('an interpretation is echoed as a warning at the cell', async () => {
    const r = await importForm(form().cells(SHEET, { J5: { inline: '12月5号' } }).bytes());
    expect(r.at('J5', 'warning')).toBe(`${r.files[0]} ${SHEET}!J5  warning  “12月5号”读作 2023-12-05（未写年份，取 2023 年，“号”按“日”读）  [form-value-read-as]`);
  });

  it('20240520 typed as a number into the date cell reads as 2024-05-20', async () => {
    const r = await importForm(form().cells(SHEET, { J5: { number: 20240520 } }).bytes());
    expect(r.entry(1)?.completedOn).toBe('2024-05-20');
    expect(r.at('J5', 'warning')).toContain('读作 2024-05-20');
  });

  it('二〇二四年五月二十日 (Chinese numerals, as an official date line writes it) reads as 2024-05-20, with a note at the cell', async () => {
    const r = await importForm(form().cells(SHEET, { J5: { inline: '二〇二四年五月二十日' } }).bytes());
    expect(r.entry(1)?.completedOn).toBe('2024-05-20');
    expect(r.at('J5', 'warning')).toContain('读作 2024-05-20（中文数字按阿拉伯数字读）');
  });

  for (const typed of ['24.5.20', '24/5/20', '24年5月20日', '5/12', '12.5', '12-5', '二四年五月二十日']) {
    it(`“${typed}” is refused with the accepted spellings listed`, async () => {
      const r = await importForm(form().cells(SHEET, { J5: { inline: typed } }).bytes());
      expect(r.at('J5'), r.err).toContain('应写作 2023-12-05、2023/12/5、2023.12.5、2023年12月5日（或5号）、20231205、12月5日');
      expectNothingWritten(r);
    });
  }
});

describe('kind 5: big forms', () => {
  it('60,000 extra rows: one line naming five cells and counting the rest', async () => {
    const r = await importForm(form().appendRows(SHEET, 7, 60_000, 'B', '新问题').bytes());
    const line = r.at('B7');
    expect(line, r.err.slice(0, 2000)).toContain('B7、B8、B9、B10、B11 及另外 59,995 处');
    expect(r.err.split('\n').length).toBeLessThan(10);
    expectNothingWritten(r);
  }, 30_000);

  it('content right of the last column is reported the same way', async () => {
    const r = await importForm(form().cells(SHEET, { Q5: { inline: '备用' }, R6: { number: 3 } }).bytes());
    expect(r.at('Q5')).toContain('表格右侧（P 列之后）多出的内容不会被导入（Q5、R6）');
    expectNothingWritten(r);
  });

  it('a declared dimension of A1:XFD1048576 is refused before any cell is read', async () => {
    const started = performance.now();
    const r = await importForm(form().dimension(SHEET, 'A1:XFD1048576').bytes());
    expect(r.err).toContain(`${r.files[0]} ${SHEET}!  error  表格过大：工作表“${SHEET}”有声明的范围 A1:XFD1048576（含空行），超过 200,000 行的上限`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expectNothingWritten(r);
  });

  it('a million empty rows are refused at row 200,001', async () => {
    const bytes = form().appendEmptyRows(SHEET, 7, 1_048_570).bytes();
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    const started = performance.now();
    const r = await importForm(bytes);
    expect(r.at('A200001'), r.err).toContain('表格过大');
    expect(performance.now() - started).toBeLessThan(15_000);
    expectNothingWritten(r);
  }, 30_000);
});

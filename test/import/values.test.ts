// Reading single answer cells: dates in every accepted spelling (and the
// rejected ones, and the window of plausible days), text of every cell type,
// yes/no, numbers, evidence names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, parseChoice, parseNumberCell, parseYesNo, resolveEvidence } from '../../src/load/cell-values.js';
import { readDateText } from '../../src/load/date-spellings.js';
import { formDate, shownText } from '../../src/load/form-cells.js';
import type { CellData, SheetCell } from '../../src/formats/xlsx/cell-reader.js';
import { excelSerialFromIsoDate, isoDateFromExcelSerial } from '../../src/formats/xlsx/cells.js';

const ok = (value: unknown) => ({ ok: true, value });

const cell = (data: CellData | undefined, numberFormat = 'General', extra: Partial<SheetCell> = {}): SheetCell => ({ address: 'J5', row: 5, column: 10, numberFormat, ...(data ? { data } : {}), ...extra });
const text = (t: string, rich = false): CellData => ({ type: 'text', text: t, rich });
const num = (n: number): CellData => ({ type: 'number', number: n });
const WINDOW = { min: '2022-01-01', max: '2023-12-31', date1904: false };

describe('readDateText: everyday spellings', () => {
  it.each([
    ['2023-10-05', '2023-10-05', false],
    ['2023.10.5', '2023-10-05', false],
    ['2023/10/5', '2023-10-05', false],
    ['2023年10月5日', '2023-10-05', false],
    ['2023年10月5', '2023-10-05', true],
    ['2023.10.5.', '2023-10-05', false],
    // Excel's and WPS's long dates: 2023-10-30 was a Monday, 2023-10-29 a Sunday.
    ['2023年10月30日星期一', '2023-10-30', true],
    ['2023年10月29日（星期日）', '2023-10-29', true],
    ['2023-10-30 周一 14:30', '2023-10-30', true],
    ['2023 年 10 月 5 日', '2023-10-05', false],
    ['2023年10月30号', '2023-10-30', true],
    ['12月5号', '2023-12-05', true],
    ['10月5日', '2023-10-05', true],
    [' 10 月 5 日 ', '2023-10-05', true],
    ['20231205', '2023-12-05', true],
    ['2023-12-5 上午', '2023-12-05', true],
    ['2023-12-5下午3点', '2023-12-05', true],
    ['2023年12月5日 14:30', '2023-12-05', true],
    ['2023-10-05 00:00:00', '2023-10-05', true],
    ['2023-10-05T00:00:00', '2023-10-05', true],
    ['２０２３．１０．５', '2023-10-05', true],
    ['２０２３年１２月５日', '2023-12-05', true],
    ['2023　年　12　月　5　日', '2023-12-05', false],
    // Chinese numerals, as an official date line writes a date.
    ['二〇二三年十二月五日', '2023-12-05', true],
    ['二零二三年十月三十一日', '2023-10-31', true],
    ['二〇二三年十一月二十号', '2023-11-20', true],
    ['十二月五日', '2023-12-05', true],
    ['二〇二三年十月三十日星期一', '2023-10-30', true],
  ])('reads %s as %s', (typed, expected, noted) => {
    const read = readDateText(typed, '2023-12-31');
    expect(read).toMatchObject({ ok: true, date: expected });
    expect(read.ok && read.note !== undefined).toBe(noted);
    if (read.ok && read.note) expect(read.note).toContain(`读作 ${expected}`);
  });

  it('gives a date without a year the latest year that puts it on or before the as-of date', () => {
    expect(readDateText('12月5日', '2024-01-31')).toMatchObject({ ok: true, date: '2023-12-05', note: '“12月5日”读作 2023-12-05（未写年份，取 2023 年）' });
    expect(readDateText('1月31日', '2024-01-31')).toMatchObject({ ok: true, date: '2024-01-31' });
    expect(readDateText('2月1日', '2024-01-31')).toMatchObject({ ok: true, date: '2023-02-01' });
    expect(readDateText('2月29日', '2023-12-31')).toMatchObject({ ok: true, date: '2020-02-29' });
  });

  it.each([
    ['下周', '“下周”不是日期，应写作 2023-12-05、2023/12/5、2023.12.5、2023年12月5日（或5号）、20231205、12月5日'],
    ['2023-02-29', '“2023-02-29”不是存在的日期'],
    ['2023年10月30日星期二', '“2023年10月30日星期二”的星期与日期不符（2023-10-30 是星期一），无法确定是哪一天'],
    ['13月1日', '“13月1日”不是存在的日期'],
    ['20231305', '“20231305”不是存在的日期'],
    ['5/12', '“5/12”只有两个数字，分不清是几月几日'],
    ['12.5', '“12.5”只有两个数字'],
    ['12-5', '“12-5”只有两个数字'],
    ['23.12.5', '“23.12.5”的年份只有两位'],
    ['23/12/5', '的年份只有两位'],
    ['23年12月5日', '的年份只有两位'],
    ['2023.10', '“2023.10”不是日期'],
    ['2023-12/5', '不是日期'],
    ['2023-12-5 第三周', '不是日期'],
    ['202312051', '不是日期'],
    ['二〇二三年十三月五日', '“二〇二三年十三月五日”不是存在的日期'],
    ['二〇二三年十二月三十二日', '不是存在的日期'],
    ['二〇二三年十二月', '不是日期'],
    ['二三年十二月五日', '不是日期'],
  ])('refuses %s', (typed, message) => {
    const read = readDateText(typed, '2023-12-31');
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toContain(message);
    // A date that exists in a form that is read, but with another weekday, is no spelling question.
    if (!read.ok && !/不是存在的日期|星期与日期不符/.test(read.message)) expect(read.message).toContain('应写作 2023-12-05、');
  });

  it('reads every accepted spelling of any date back to that date', () => {
    const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        const [y, m, d] = iso.split('-') as [string, string, string];
        const [M, D] = [Number(m), Number(d)];
        for (const typed of [iso, `${y}.${M}.${D}`, `${y}/${M}/${D}`, `${y}年${M}月${D}日`, `${y}年${M}月${D}号`, `${y}${m}${d}`, `${y}-${M}-${D} 上午`]) {
          expect(readDateText(typed, '2099-12-31')).toMatchObject({ ok: true, date: iso });
        }
        expect(readDateText(`${M}月${D}日`, iso)).toMatchObject({ ok: true, date: iso });
        // In Chinese numerals (二〇二三年十二月五日), each written here digit by digit and by tens, independently of the reader.
        const digit = (c: string) => '〇一二三四五六七八九'[Number(c)]!;
        const numeral = (n: number) => (n < 10 ? digit(String(n)) : `${n >= 20 ? digit(String(Math.floor(n / 10))) : ''}十${n % 10 === 0 ? '' : digit(String(n % 10))}`);
        expect(readDateText(`${[...y].map(digit).join('')}年${numeral(M)}月${numeral(D)}日`, '2099-12-31')).toMatchObject({ ok: true, date: iso });
        expect(isoDateFromExcelSerial(excelSerialFromIsoDate(iso))).toBe(iso);
      }),
    );
  });
});

describe('formDate: a date cell, whatever it holds, within the plan\'s window', () => {
  it('reads Excel dates, eight-digit numbers and spellings', () => {
    expect(formDate(cell(num(45204), 'yyyy-mm-dd'), '完成时间', WINDOW)).toEqual({ ok: true, value: '2023-10-05' });
    expect(formDate(cell(num(45204.75), 'yyyy-mm-dd'), '完成时间', WINDOW)).toEqual({ ok: true, value: '2023-10-05' });
    expect(formDate(cell(num(20231205), 'yyyy-mm-dd'), '完成时间', WINDOW)).toMatchObject({ ok: true, value: '2023-12-05', note: expect.stringContaining('读作 2023-12-05') });
    expect(formDate(cell(num(20231205)), '完成时间', WINDOW)).toMatchObject({ ok: true, value: '2023-12-05' });
    expect(formDate(cell({ type: 'date', iso: '2023-10-05T00:00:00Z' }), '完成时间', WINDOW)).toEqual({ ok: true, value: '2023-10-05' });
    expect(formDate(cell(text('2023年10月30号')), '完成时间', WINDOW)).toMatchObject({ ok: true, value: '2023-10-30' });
    expect(formDate(cell(undefined), '完成时间', WINDOW)).toEqual({ ok: true, value: undefined });
    expect(formDate(cell(text('  ')), '完成时间', WINDOW)).toEqual({ ok: true, value: undefined });
  });

  it('counts serials from 1904 in a 1904 workbook', () => {
    expect(formDate(cell(num(45204 - 1462), 'yyyy-mm-dd'), '完成时间', { ...WINDOW, date1904: true })).toEqual({ ok: true, value: '2023-10-05' });
  });

  it('refuses 12.5 typed into a date cell, naming what Excel shows and the accepted spellings', () => {
    const read = formDate(cell(num(12.5), 'yyyy-mm-dd'), '完成时间', WINDOW);
    expect(read).toMatchObject({ ok: false, ruleId: 'form-date-implausible' });
    expect(read.ok ? '' : read.message).toBe(
      '完成时间是数字 12.5（Excel 显示为 1900-01-12），早于本方案可能的最早日期 2022-01-01（通知印发前一年的 1 月 1 日）：请填写实际日期，应写作 2023-12-05、2023/12/5、2023.12.5、2023年12月5日（或5号）、20231205、12月5日（年份取不晚于本期截止日期的最近一年）',
    );
  });

  it('refuses a number the unit does not see as a date, a logical value and an error value', () => {
    for (const [data, fragment] of [
      [num(12.5), '单元格中是数字 12.5，不是日期'],
      [num(45204), '单元格中是数字 45204，不是日期'],
      [{ type: 'boolean', value: true }, '逻辑值 TRUE'],
      [{ type: 'error', error: '#N/A' }, '错误值 #N/A'],
    ] as Array<[CellData, string]>) {
      const read = formDate(cell(data), '完成时间', WINDOW);
      expect(read.ok ? '' : read.message).toContain(fragment);
    }
  });

  it('refuses days outside the window: before 1 January of the year before the notice, after the as-of date', () => {
    expect(formDate(cell(text('2021-12-31')), '完成时间', WINDOW)).toMatchObject({ ok: false, ruleId: 'form-date-implausible', message: expect.stringContaining('完成时间为 2021-12-31，早于本方案可能的最早日期 2022-01-01') });
    expect(formDate(cell(text('2022-01-01')), '完成时间', WINDOW)).toEqual({ ok: true, value: '2022-01-01' });
    expect(formDate(cell(text('2023-12-31')), '完成时间', WINDOW)).toEqual({ ok: true, value: '2023-12-31' });
    expect(formDate(cell(text('2024-01-01')), '完成时间', WINDOW)).toMatchObject({ ok: false, ruleId: 'form-date-after-as-of', message: '完成时间 2024-01-01 晚于本期统计截止日期 2023-12-31' });
    expect(formDate(cell(num(1), 'yyyy-mm-dd'), '完成时间', WINDOW)).toMatchObject({ ok: false, message: expect.stringContaining('1900-01-01') });
    expect(formDate(cell(num(5e6), 'yyyy-mm-dd'), '完成时间', WINDOW)).toMatchObject({ ok: false, message: expect.stringContaining('不是 Excel 能表示的日期') });
  });
});

describe('shownText: a text cell, whatever its type', () => {
  it('gives text as written (rich or not), numbers and dates only as Excel shows them', () => {
    expect(shownText(cell(text('  一是…\r\n二是…  ', true)), false)).toEqual({ ok: true, value: '一是…\n二是…' });
    expect(shownText(cell(num(100), '@'), false)).toEqual({ ok: true, value: '100' });
    expect(shownText(cell(num(3.5)), false)).toEqual({ ok: true, value: '3.5' });
    expect(shownText(cell(num(45265), 'yyyy"年"m"月"d"日"'), false)).toEqual({ ok: true, value: '2023年12月5日' });
    expect(shownText(cell(num(45265), 'yyyy-mm-dd'), false)).toEqual({ ok: true, value: '2023-12-05' });
    expect(shownText(cell({ type: 'date', iso: '2023-12-05' }, 'yyyy/m/d'), false)).toEqual({ ok: true, value: '2023/12/5' });
    expect(shownText(cell(undefined), false)).toEqual({ ok: true, value: undefined });
  });

  it('refuses what it cannot show faithfully: rounded numbers, formatted numbers, times, logical and error values', () => {
    for (const [data, format, fragment] of [
      [num(0.1 + 0.2), 'General', '数字 0.30000000000000004'],
      [num(1234567890123), 'General', '数字 1234567890123'],
      [num(3.14159), '0.00', '格式“0.00”'],
      [num(45265.5), 'yyyy-mm-dd hh:mm', '数字 45265.5'],
      [{ type: 'boolean', value: false }, 'General', '逻辑值 FALSE'],
      [{ type: 'error', error: '#DIV/0!' }, 'General', '错误值 #DIV/0!'],
      [{ type: 'date', iso: '2023-12-05T10:30:00' }, 'General', '日期时间 2023-12-05T10:30:00'],
    ] as Array<[CellData, string, string]>) {
      const shown = shownText(cell(data, format), false);
      expect(shown.ok, fragment).toBe(false);
      expect(shown.ok ? '' : shown.message).toContain(fragment);
    }
  });
});

describe('other cells', () => {
  it('keeps text as typed, with line ends made LF, and = + - @ at the start kept', () => {
    expect(cellText('  一是…\r\n二是…  ')).toBe('一是…\n二是…');
    for (const t of ['=SUM(A1)', '+3', '-', '@所有人']) expect(cellText(t)).toBe(t);
    expect(cellText(100)).toBe('100');
    expect(cellText('')).toBeUndefined();
    expect(cellText(null)).toBeUndefined();
  });

  it('reads 是/否 and TRUE/FALSE, and lists the allowed values otherwise', () => {
    expect(parseYesNo('是')).toEqual(ok(true));
    expect(parseYesNo(' 否 ')).toEqual(ok(false));
    expect(parseYesNo(true)).toEqual(ok(true));
    expect(parseYesNo(null)).toEqual(ok(undefined));
    expect(parseYesNo('Y')).toEqual({ ok: false, message: '达到序时进度“Y”不在可选值中，应为：是、否' });
    expect(parseChoice('已完成 ', ['已完成'], '整改状态')).toEqual(ok('已完成'));
  });

  it('reads problem numbers typed as numbers or text, and nothing else', () => {
    expect(parseNumberCell(7)).toBe(7);
    expect(parseNumberCell('7')).toBe(7);
    expect(parseNumberCell(7.5)).toBeUndefined();
    expect(parseNumberCell('七')).toBeUndefined();
  });
});

describe('resolveEvidence', () => {
  const files = new Set(['07/清单.pdf', '08/记录.txt', '09/记录.txt', '10/照片.png', '照片.png']);
  it('takes paths relative to evidence/, bare names one file has, and the problem\'s own folder when several do', () => {
    expect(resolveEvidence('07/清单.pdf\n清单.pdf\n evidence\\08\\记录.txt ', '7', files)).toEqual({ paths: ['07/清单.pdf', '08/记录.txt'], errors: [] });
    expect(resolveEvidence('记录.txt', '9', files)).toEqual({ paths: ['09/记录.txt'], errors: [] });
    expect(resolveEvidence(undefined, '1', files)).toEqual({ paths: [], errors: [] });
  });
  it('names what does not match', () => {
    expect(resolveEvidence('记录.txt', '3', files).errors[0]).toContain('有多个同名文件（08/记录.txt、09/记录.txt）');
    expect(resolveEvidence('照片.png', '10', files)).toEqual({ paths: ['照片.png'], errors: [] }); // a path at evidence/'s top wins
    expect(resolveEvidence('没有.doc', '3', files).errors[0]).toContain('evidence/ 文件夹中没有佐证材料“没有.doc”');
    expect(resolveEvidence('../plan.json', '3', files).errors[0]).toContain('不能指向 evidence/ 文件夹之外');
  });
  it('offers the file a unit may have meant: the name without its extension, or the extension in capitals', () => {
    const note = '（evidence/ 中有名称相近的文件：“07/清单.pdf”，请核对大小写、扩展名和文件夹）';
    expect(resolveEvidence('清单', '7', files).errors).toEqual([`evidence/ 文件夹中没有佐证材料“清单”${note}：请先把单位报送的文件放入 evidence/（每行写一个文件名）`]);
    expect(resolveEvidence('清单.PDF', '7', files).errors[0]).toContain(note);
  });
});

// Reading single answer cells: dates in every accepted spelling (and the
// rejected ones), yes/no, numbers, text, evidence names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, parseChoice, parseFormDate, parseNumberCell, parseYesNo, resolveEvidence } from '../../src/load/cell-values.js';
import { excelSerialFromIsoDate, isoDateFromExcelSerial } from '../../src/formats/xlsx/cells.js';

const ok = (value: unknown) => ({ ok: true, value });

describe('parseFormDate', () => {
  it.each([
    ['2023-10-05', '2023-10-05'],
    ['2023.10.5', '2023-10-05'],
    ['2023/10/5', '2023-10-05'],
    ['2023年10月5日', '2023-10-05'],
    ['2023年10月5', '2023-10-05'],
    ['10月5日', '2023-10-05'],
    [' 10 月 5 日 ', '2023-10-05'],
    ['２０２３．１０．５', '2023-10-05'],
    ['2023-10-05 00:00:00', '2023-10-05'],
  ])('reads %s', (typed, expected) => {
    expect(parseFormDate(typed, 2023)).toEqual(ok(expected));
  });

  it('reads Excel dates and serials; an empty cell is no date', () => {
    expect(parseFormDate(new Date('2023-10-05T00:00:00Z'), 2023)).toEqual(ok('2023-10-05'));
    expect(parseFormDate(new Date('2023-10-04T23:59:59.999Z'), 2023)).toEqual(ok('2023-10-05'));
    expect(parseFormDate(45204, 2023)).toEqual(ok('2023-10-05'));
    expect(parseFormDate(45204.75, 2023)).toEqual(ok('2023-10-05'));
    expect(parseFormDate(null, 2023)).toEqual(ok(undefined));
    expect(parseFormDate('  ', 2023)).toEqual(ok(undefined));
  });

  it.each([
    ['下周', '“下周”不是日期，应写作 2023-10-05、2023.10.5、2023/10/5、2023年10月5日或10月5日'],
    ['2023-02-29', '“2023-02-29”不是存在的日期'],
    ['13月1日', '“13月1日”不是存在的日期'],
    ['10/5', '“10/5”不是日期'],
    ['2023.10', '“2023.10”不是日期'],
  ])('refuses %s', (typed, message) => {
    const result = parseFormDate(typed, 2023);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('refuses serials outside Excel\'s dates', () => {
    expect(parseFormDate(-3, 2023).ok).toBe(false);
    expect(parseFormDate(3e7, 2023).ok).toBe(false);
  });

  it('reads every spelling of any date back to that date', () => {
    const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        for (const typed of [iso, `${y}.${m}.${d}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${m}月${d}日`]) expect(parseFormDate(typed, y)).toEqual(ok(iso));
        expect(parseFormDate(excelSerialFromIsoDate(iso), 2000)).toEqual(ok(iso));
        expect(isoDateFromExcelSerial(excelSerialFromIsoDate(iso))).toBe(iso);
      }),
    );
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
    expect(resolveEvidence('07/清单.pdf\n清单.pdf\n evidence\\08\\记录.txt ', 7, files)).toEqual({ paths: ['07/清单.pdf', '08/记录.txt'], errors: [] });
    expect(resolveEvidence('记录.txt', 9, files)).toEqual({ paths: ['09/记录.txt'], errors: [] });
    expect(resolveEvidence(undefined, 1, files)).toEqual({ paths: [], errors: [] });
  });
  it('names what does not match', () => {
    expect(resolveEvidence('记录.txt', 3, files).errors[0]).toContain('有多个同名文件（08/记录.txt、09/记录.txt）');
    expect(resolveEvidence('照片.png', 10, files)).toEqual({ paths: ['照片.png'], errors: [] }); // a path at evidence/'s top wins
    expect(resolveEvidence('没有.doc', 3, files).errors[0]).toContain('evidence/ 文件夹中没有佐证材料“没有.doc”');
    expect(resolveEvidence('../plan.json', 3, files).errors[0]).toContain('不能指向 evidence/ 文件夹之外');
  });
});

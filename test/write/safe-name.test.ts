import { describe, expect, it } from 'vitest';
import { safeFileName, safeFileNameKeepingExtension, safeFileStem, uniqueNames } from '../../src/layout/safe-name.js';

describe('safe file names', () => {
  it('keeps Chinese titles and replaces path syntax with full-width look-alikes', () => {
    expect(safeFileName('官阳府发〔2023〕27号-关于印发《方案》的通知', 'docx')).toBe('官阳府发〔2023〕27号-关于印发《方案》的通知.docx');
    expect(safeFileStem('a/b\\c:d*e?f"g<h>i|j')).toBe('a／b＼c：d＊e？f＂g＜h＞i｜j');
  });
  it('cannot climb out of the output folder', () => {
    expect(safeFileStem('..')).toBe('_');
    expect(safeFileStem('../../etc/passwd')).toBe('..／..／etc／passwd');
    expect(safeFileStem('')).toBe('_');
  });
  it('avoids names Windows rejects', () => {
    expect(safeFileStem('CON')).toBe('_CON');
    expect(safeFileStem('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeFileStem('报告. . ')).toBe('报告');
    expect(safeFileStem('行1\n行2\t')).toBe('行1行2');
  });
  it('truncates over-long names by bytes without splitting a character', () => {
    const stem = safeFileStem('长'.repeat(200));
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(200);
    expect(stem).toBe('长'.repeat(66));
  });
  it('makes names unique, ignoring case', () => {
    expect(uniqueNames(['经发办.xlsx', '经发办.xlsx', 'A.txt', 'a.txt'])).toEqual(['经发办.xlsx', '经发办 (2).xlsx', 'A.txt', 'a (2).txt']);
  });
  it('shortens a whole file name before its extension, which it keeps (issue 13)', () => {
    const long = `${'验收照片'.repeat(30)}.jpeg`;
    const name = safeFileNameKeepingExtension(long);
    expect(name.endsWith('.jpeg')).toBe(true);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    // 200 bytes less ".jpeg" (5) leaves 195: 65 characters of 3 bytes.
    expect(name).toBe(`${'验收照片'.repeat(16)}验.jpeg`);
    // Names that fit are made safe exactly as safeFileStem makes them.
    for (const short of ['照片.png', '末尾空格.png ', 'CON.txt', 'a/b.pdf', '无扩展名', '.hidden']) expect(safeFileNameKeepingExtension(short)).toBe(safeFileStem(short));
    // A long name without an extension is only shortened.
    expect(safeFileNameKeepingExtension('长'.repeat(200))).toBe('长'.repeat(66));
    // The extension survives uniqueNames too.
    expect(uniqueNames([name, name])[1]).toBe(`${'验收照片'.repeat(16)}验 (2).jpeg`);
  });
});

import { describe, expect, it } from 'vitest';
import { safeFileName, safeFileStem, uniqueNames } from '../../src/layout/safe-name.js';

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
});

import { describe, expect, it } from 'vitest';
import { chineseNumeral, measureOrdinal, measuresText } from '../../src/model/measures.js';
import { unitsText } from '../../src/derive/units.js';

describe('measuresText', () => {
  it('prints a single measure as a sentence: as it is when it ends with a mark, else with 。', () => {
    expect(measuresText(['立即清理整改。'])).toBe('立即清理整改。');
    expect(measuresText(['立即清理整改'])).toBe('立即清理整改。');
    expect(measuresText(['立即清理整改；'])).toBe('立即清理整改。');
  });

  it('numbers several measures 一是…二是…三是…', () => {
    expect(measuresText(['全面排查。', '建立台账；', '长期坚持。'])).toBe('一是全面排查。二是建立台账；三是长期坚持。');
  });

  it('closes an unpunctuated measure before the next ordinal, keeps a ； there, and ends the last one as a sentence', () => {
    expect(measuresText(['全面排查', '建立台账'])).toBe('一是全面排查。二是建立台账。');
    expect(measuresText(['全面排查；', '建立台账；'])).toBe('一是全面排查；二是建立台账。');
    expect(measuresText(['全面排查，', '推进“积分制”“清单制”'])).toBe('一是全面排查。二是推进“积分制”“清单制”。');
  });

  it('counts on past ten: 十一是, 二十是', () => {
    const many = Array.from({ length: 21 }, (_, i) => `第${i + 1}项。`);
    const text = measuresText(many);
    expect(text).toContain('十是第10项。十一是第11项。');
    expect(text).toContain('二十是第20项。二十一是第21项。');
  });
});

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [35, '三十五'],
    [99, '九十九'],
  ])('%i → %s', (n, text) => expect(chineseNumeral(n)).toBe(text));

  it('rejects numbers outside 1..99', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
  });

  it('ordinals', () => expect(measureOrdinal(0)).toBe('一是'));
});

describe('unitsText', () => {
  it('joins with 、 in the data order', () => {
    expect(unitsText(['财政所', '卫生院', '派出所'])).toBe('财政所、卫生院、派出所');
    expect(unitsText(['财政所'])).toBe('财政所');
    expect(unitsText([])).toBe('');
  });
});

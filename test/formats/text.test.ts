// Text files must be UTF-8: everything else is refused with what it appears to
// be and where the first byte that is not UTF-8 sits (issue 13, kind 4).
// Expected places are counted by hand in the inputs below.
import { describe, expect, it } from 'vitest';
import { decodeUtf8Text, type EncodingProblem } from '../../src/formats/text.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const bytes = (...parts: Array<Uint8Array | number[] | string>) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));
const gbk = (s: string): Uint8Array => {
  // 各单位：请认真贯彻落实。 in GBK, as Windows Notepad saves it ("ANSI"); bytes from the python codec.
  const table: Record<string, number[]> = {
    各: [0xb8, 0xf7], 单: [0xb5, 0xa5], 位: [0xce, 0xbb], '：': [0xa3, 0xba], 请: [0xc7, 0xeb], 认: [0xc8, 0xcf], 真: [0xd5, 0xe6],
    贯: [0xb9, 0xe1], 彻: [0xb3, 0xb9], 落: [0xc2, 0xe4], 实: [0xca, 0xb5], '。': [0xa1, 0xa3],
  };
  return new Uint8Array([...s].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

function refused(input: Uint8Array): EncodingProblem {
  const result = decodeUtf8Text(input);
  if (result.ok) throw new Error(`decoded: ${result.text}`);
  return result.problem;
}

describe('decodeUtf8Text', () => {
  it('reads UTF-8, and drops a UTF-8 byte-order mark', () => {
    expect(decodeUtf8Text(utf8('{"标题": "整改"}'))).toEqual({ ok: true, text: '{"标题": "整改"}' });
    expect(decodeUtf8Text(bytes([0xef, 0xbb, 0xbf], '{"a": 1}'))).toEqual({ ok: true, text: '{"a": 1}' });
    expect(decodeUtf8Text(bytes('😀 U+FFFD � stays'))).toEqual({ ok: true, text: '😀 U+FFFD � stays' });
  });

  it('refuses what Unicode calls ill-formed (surrogates, overlong forms, past U+10FFFF), and keeps a NUL of a UTF-8 file', () => {
    // ED A0 80 is U+D800 encoded; C0 AF an overlong '/'; F4 90 80 80 would be U+110000 (Unicode Table 3-7).
    expect(refused(bytes('{"a": "', [0xed, 0xa0, 0x80], '"}'))).toMatchObject({ line: 1, column: 8 });
    expect(refused(bytes('ab', [0xc0, 0xaf]))).toMatchObject({ line: 1, column: 3 });
    expect(refused(bytes('整改\n', [0xf4, 0x90, 0x80, 0x80]))).toMatchObject({ line: 2, column: 1 });
    // One NUL is no UTF-16: the text reads as written (control-characters, a check rule, reports it).
    expect(decodeUtf8Text(bytes('{"a": "x', [0x00], '"}'))).toEqual({ ok: true, text: '{"a": "x\u0000"}' });
  });

  it('refuses UTF-16 with a byte-order mark, either order, naming it', () => {
    const le = refused(bytes([0xff, 0xfe], new Uint8Array(Buffer.from('{"a": "各单位"}', 'utf16le'))));
    expect(le).toMatchObject({ line: 1, column: 1, encoding: 'utf-16le' });
    expect(le.message).toContain('UTF-16');
    expect(le.message).toContain('另存为”UTF-8');
    const beBody = Buffer.from('{"a": 1}', 'utf16le').swap16();
    expect(refused(bytes([0xfe, 0xff], new Uint8Array(beBody)))).toMatchObject({ encoding: 'utf-16be' });
  });

  it('refuses UTF-16 without a byte-order mark, even when Chinese characters put a NUL on the other side (U+5200 刀)', () => {
    const text = '{\n  "summary": "刀具管理不到位，各单位落实"\n}\n';
    expect(refused(new Uint8Array(Buffer.from(text, 'utf16le')))).toMatchObject({ line: 1, column: 1, encoding: 'utf-16le' });
    expect(refused(new Uint8Array(Buffer.from(text, 'utf16le').swap16()))).toMatchObject({ encoding: 'utf-16be' });
    // A template: mostly Chinese, a few ASCII characters (each with its NUL).
    expect(refused(new Uint8Array(Buffer.from('各单位：\n请认真贯彻落实。\n', 'utf16le')))).toMatchObject({ encoding: 'utf-16le' });
  });

  it('refuses UTF-32 with a byte-order mark', () => {
    expect(refused(bytes([0xff, 0xfe, 0x00, 0x00, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]))).toMatchObject({ encoding: 'utf-32le' });
    expect(refused(bytes([0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x7b]))).toMatchObject({ encoding: 'utf-32be' });
  });

  it('names GBK (Notepad "ANSI") and the place of its first non-UTF-8 byte', () => {
    const problem = refused(gbk('各单位：\n请认真贯彻落实。\n'));
    expect(problem).toMatchObject({ line: 1, column: 1, encoding: 'gbk' });
    expect(problem.message).toContain('GBK');
    expect(problem.message).toContain('0xB8');
    // After ASCII, on the second line: column counts the characters before it.
    expect(refused(bytes('{\n  "title": "', gbk('各单位'), '"\n}'))).toMatchObject({ line: 2, column: 13, encoding: 'gbk' });
  });

  it('a UTF-8 file with one bad byte sequence: its line and column, and that it is the only one', () => {
    // Line 3: 4 spaces, "note" (6), colon, space, quote, 三个字 = 16 characters before it, so column 17 (characters, not bytes).
    const input = bytes('{\n  "a": "一二",\n    "note": "三个字', [0xff], '后面"\n}\n');
    const problem = refused(input);
    expect(problem).toMatchObject({ line: 3, column: 17, encoding: 'utf-8-damaged' });
    expect(problem.message).toContain('第 3 行第 17 列');
    expect(problem.message).toContain('0xFF');
    expect(problem.message).toContain('只有这一处');
  });

  it('counts the damaged places, and reports the first', () => {
    const input = bytes('整改措施一\n整', [0xe6, 0x94], '\n措施', [0xc0, 0x80], '完成\n');
    const problem = refused(input);
    expect(problem).toMatchObject({ line: 2, column: 2, encoding: 'utf-8-damaged' });
    expect(problem.message).toContain('共 2 处');
  });

  it('lines end at LF, CR LF or a lone CR', () => {
    expect(refused(bytes('一\r\n二\r\n三', [0xff]))).toMatchObject({ line: 3, column: 2 });
    expect(refused(bytes('一\r二\r三', [0xff]))).toMatchObject({ line: 3, column: 2 });
  });

  it('a column after a byte-order mark counts from the first character', () => {
    expect(refused(bytes([0xef, 0xbb, 0xbf], '整改整改', [0xa0], '整改'))).toMatchObject({ line: 1, column: 5 });
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a sequence cut off by the end of the file', [0xe6, 0x94]],
    ['a lone continuation byte', [0x80]],
  ])('refuses %s', (_name, bad) => {
    expect(refused(bytes('整改整改：', bad))).toMatchObject({ line: 1, column: 6 });
  });
});

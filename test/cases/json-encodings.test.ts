// Plan and progress files in the encodings Windows editors save (issue 13,
// kind 4): a UTF-8 byte-order mark is read; UTF-16 (with or without its mark),
// GBK and a UTF-8 file with one bad byte are refused, naming the file, the
// encoding problem and — where there is one — the line and column.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCopy, checkJson, shown } from './support.js';

describe('plan files in other encodings', () => {
  it('plan.json and a progress file with a UTF-8 byte-order mark are read as without it', async () => {
    const plain = await checkJson(bundledCopy());
    const dir = bundledCopy();
    for (const file of [path.join(dir, 'plan.json'), path.join(dir, 'progress', '2023-11.json')]) {
      writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    }
    const withBom = await checkJson(dir);
    expect(withBom.exit).toBe(0);
    // Same findings at the same places (the mark is not a column).
    const strip = (ds: typeof plain.diagnostics) => ds.map((d) => ({ ...d, file: path.basename(d.file) }));
    expect(strip(withBom.diagnostics)).toEqual(strip(plain.diagnostics));
  });

  it.each([
    ['UTF-16 LE with its mark (Notepad "Unicode")', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]), 'UTF-16', 1, 1],
    ['UTF-16 BE with its mark', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]), 'UTF-16', 1, 1],
    ['UTF-16 LE without a mark', (t: string) => Buffer.from(t, 'utf16le'), 'UTF-16', 1, 1],
    ['UTF-16 BE without a mark', (t: string) => Buffer.from(t, 'utf16le').swap16(), 'UTF-16', 1, 1],
  ])('plan.json in %s is refused at 1:1, naming the encoding', async (_name, encode, words, line, column) => {
    const dir = bundledCopy();
    const file = path.join(dir, 'plan.json');
    writeFileSync(file, encode(readFileSync(file, 'utf8')));
    const { exit, diagnostics } = await checkJson(dir);
    expect(exit).toBe(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: shown(file), line, column, ruleId: 'encoding', severity: 'error' });
    expect(diagnostics[0]!.message).toContain(words);
    expect(diagnostics[0]!.message).toContain('UTF-8');
  });

  it('plan.json in GBK: named as GBK, at the first Chinese character', async () => {
    const dir = bundledCopy();
    const file = path.join(dir, 'plan.json');
    const text = readFileSync(file, 'utf8');
    // Encoded with the GB 18030 decoder's inverse: every character of the bundled plan is in GBK.
    writeFileSync(file, encodeGbk(text));
    const { exit, diagnostics } = await checkJson(dir);
    expect(exit).toBe(1);
    // Line 4 of the bundled plan: `    "issuerMark": "巫山县…` — the first Chinese character is after 19 characters.
    expect(text.split('\n')[3]!.indexOf('巫')).toBe(19);
    expect(diagnostics).toMatchObject([{ file: shown(file), line: 4, column: 20, ruleId: 'encoding' }]);
    expect(diagnostics[0]!.message).toContain('GBK');
  });

  it('a progress file that is UTF-8 but for one pasted byte: its line and column', async () => {
    const dir = bundledCopy();
    const file = path.join(dir, 'progress', '2023-10.json');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const lineIndex = lines.findIndex((l) => l.includes('"progress"'));
    const column = lines[lineIndex]!.indexOf('"progress"') + 1;
    // A Windows-1252 curly quote (0x93) typed before the key.
    const before = Buffer.from(lines.slice(0, lineIndex).join('\n') + '\n' + lines[lineIndex]!.slice(0, column - 1), 'utf8');
    const after = Buffer.from(lines[lineIndex]!.slice(column - 1) + '\n' + lines.slice(lineIndex + 1).join('\n'), 'utf8');
    writeFileSync(file, Buffer.concat([before, Buffer.from([0x93]), after]));
    const { exit, diagnostics } = await checkJson(dir);
    expect(exit).toBe(1);
    const found = diagnostics.filter((d) => d.severity === 'error');
    expect(found).toMatchObject([{ file: shown(file), line: lineIndex + 1, column, ruleId: 'encoding' }]);
    expect(found[0]!.message).toContain('0x93');
    expect(found[0]!.message).toContain('只有这一处');
  });
});

/** GBK bytes of a text, from a table built by decoding every GBK double-byte code. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([lead, trail]));
      if (c.length === 1 && c !== '\uFFFD' && !table.has(c)) table.set(c, [lead, trail]);
    }
  }
  return Buffer.from(
    [...text].flatMap((c) => {
      if (c.charCodeAt(0) < 0x80) return [c.charCodeAt(0)];
      const code = table.get(c);
      if (!code) throw new Error(`not in GBK: ${c}`);
      return code;
    }),
  );
}

// Word's automatic numbering, computed as Word shows it. Each document below
// is a list of paragraphs; the expected labels are worked out by hand from
// ISO/IEC 29500-1 §17.9 and Word's documented deviations ([MS-OI29500]
// 2.1.282: lvlRestart), not from the code. Where LibreOffice is installed,
// its own rendering of the same documents (its text export prints the list
// labels) is compared too, as an independent reader.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxTableSources } from '../../src/load/table-import-docx.js';
import { formatNumber } from '../../src/formats/ooxml/word-numbering.js';
import { word as w, wordPackage } from '../helpers/ooxml.js';
import { describeWithTools } from '../helpers/tools.js';

/** The paragraphs of a document as read: "label text", or the label alone. A table at the end carries them. */
function shown(parts: { body: string; numbering?: string; styles?: string }): string[] {
  const doc = wordPackage({ ...parts, body: parts.body + w.tbl([w.tr([w.tc(w.p('end'))])]) });
  return [...docxTableSources(doc)[0]!.before!];
}

interface Case {
  name: string;
  body: string;
  numbering: string;
  styles?: string;
  expected: string[];
}

const DECIMAL = w.abstractNum(0, w.lvl(0, { text: '%1.' }));
const TWO_LEVELS = w.abstractNum(1, w.lvl(0, { text: '%1.' }) + w.lvl(1, { text: '%1.%2' }));
const n = (numId: number, ilvl = 0) => w.numPr(numId, ilvl);

const CASES: Case[] = [
  {
    name: 'decimal %1. counts on',
    numbering: DECIMAL + w.num(1, 0),
    body: [w.p('甲', n(1)), w.p('乙', n(1)), w.p('丙', n(1))].join(''),
    expected: ['1. 甲', '2. 乙', '3. 丙'],
  },
  {
    name: '（%1） in Chinese counting from 9',
    numbering: w.abstractNum(0, w.lvl(0, { start: 9, fmt: 'chineseCounting', text: '（%1）', suff: 'nothing' })) + w.num(1, 0),
    body: [w.p('甲', n(1)), w.p('乙', n(1)), w.p('丙', n(1))].join(''),
    expected: ['（九）甲', '（十）乙', '（十一）丙'],
  },
  {
    name: 'two levels: the second restarts under each first',
    numbering: TWO_LEVELS + w.num(1, 1),
    body: [w.p('a', n(1, 0)), w.p('b', n(1, 1)), w.p('c', n(1, 1)), w.p('d', n(1, 0)), w.p('e', n(1, 1))].join(''),
    expected: ['1. a', '1.1 b', '1.2 c', '2. d', '2.1 e'],
  },
  {
    name: 'lvlRestart 0: the second level never restarts',
    numbering: w.abstractNum(1, w.lvl(0, { text: '%1.' }) + w.lvl(1, { text: '%1.%2', restart: 0 })) + w.num(1, 1),
    body: [w.p('a', n(1, 0)), w.p('b', n(1, 1)), w.p('c', n(1, 1)), w.p('d', n(1, 0)), w.p('e', n(1, 1))].join(''),
    expected: ['1. a', '1.1 b', '1.2 c', '2. d', '2.3 e'],
  },
  {
    name: 'lvlRestart 1 on the third level: a second-level paragraph does not restart it, a first-level one does',
    numbering:
      w.abstractNum(1, w.lvl(0, { text: '%1.' }) + w.lvl(1, { text: '%1.%2' }) + w.lvl(2, { text: '%1.%2.%3', restart: 1 })) + w.num(1, 1),
    body: [w.p('a', n(1, 0)), w.p('b', n(1, 1)), w.p('c', n(1, 2)), w.p('d', n(1, 1)), w.p('e', n(1, 2)), w.p('f', n(1, 0)), w.p('g', n(1, 1)), w.p('h', n(1, 2))].join(''),
    expected: ['1. a', '1.1 b', '1.1.1 c', '1.2 d', '1.2.2 e', '2. f', '2.1 g', '2.1.1 h'],
  },
  {
    name: 'instances of one abstract list share its counters',
    numbering: DECIMAL + w.num(1, 0) + w.num(2, 0),
    body: [w.p('a', n(1)), w.p('b', n(1)), w.p('c', n(2)), w.p('d', n(1))].join(''),
    expected: ['1. a', '2. b', '3. c', '4. d'],
  },
  {
    name: 'startOverride restarts where its instance is first used',
    numbering: DECIMAL + w.num(1, 0) + w.num(3, 0, w.startOverride(0, 1)),
    body: [w.p('a', n(1)), w.p('b', n(1)), w.p('c', n(3)), w.p('d', n(3))].join(''),
    expected: ['1. a', '2. b', '1. c', '2. d'],
  },
  {
    name: 'numbering from the paragraph style, through basedOn; numId 0 switches it off',
    numbering: DECIMAL + w.num(7, 0),
    styles:
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="MyList"><w:name w:val="My List"/><w:basedOn w:val="ListNumber"/></w:style>',
    body: [w.p('a', w.style('ListNumber')), w.p('plain'), w.p('b', w.style('MyList')), w.p('c', w.style('ListNumber') + w.numPr(0)), w.p('d', w.style('ListNumber'))].join(''),
    expected: ['1. a', 'plain', '2. b', 'c', '3. d'],
  },
  {
    name: 'a level linked to a heading style gives the level',
    numbering: w.abstractNum(2, w.lvl(0, { text: '第%1章', pStyle: 'Heading1', suff: 'space' }) + w.lvl(1, { text: '%1.%2', pStyle: 'Heading2', suff: 'space' })) + w.num(4, 2),
    styles:
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>',
    body: [w.p('总则', w.style('Heading1')), w.p('目的', w.style('Heading2')), w.p('范围', w.style('Heading2')), w.p('要求', w.style('Heading1'))].join(''),
    expected: ['第1章 总则', '1.1 目的', '1.2 范围', '第2章 要求'],
  },
  {
    name: 'isLgl shows every level in digits',
    numbering: w.abstractNum(3, w.lvl(0, { fmt: 'upperRoman', text: '%1.' }) + w.lvl(1, { text: '%1.%2', legal: true })) + w.num(1, 3),
    body: [w.p('a', n(1, 0)), w.p('b', n(1, 0)), w.p('c', n(1, 1))].join(''),
    expected: ['I. a', 'II. b', '2.1 c'],
  },
  {
    name: 'zero-padded, circled and bullet levels',
    numbering:
      w.abstractNum(0, w.lvl(0, { fmt: 'decimalZero', text: '%1' })) +
      w.abstractNum(1, w.lvl(0, { fmt: 'decimalEnclosedCircle', text: '%1', suff: 'nothing' })) +
      w.abstractNum(2, w.lvl(0, { fmt: 'bullet', text: '●' })) +
      w.num(1, 0) +
      w.num(2, 1) +
      w.num(3, 2),
    body: [w.p('a', n(1)), w.p('b', n(2)), w.p('c', n(2)), w.p('d', n(3))].join(''),
    expected: ['01 a', '①b', '②c', 'd'],
  },
  {
    name: 'a numbering style links an abstract list to the list it names',
    numbering:
      w.abstractNum(10, '', '<w:numStyleLink w:val="ListStyle"/>') +
      w.abstractNum(12, w.lvl(0, { fmt: 'chineseCounting', text: '%1、', suff: 'nothing' }), '<w:styleLink w:val="ListStyle"/>') +
      w.num(10, 10) +
      w.num(11, 12),
    styles: '<w:style w:type="numbering" w:styleId="ListStyle"><w:name w:val="List Style"/><w:pPr><w:numPr><w:numId w:val="11"/></w:numPr></w:pPr></w:style>',
    body: [w.p('a', n(10)), w.p('b', n(10)), w.p('c', n(11))].join(''),
    expected: ['一、a', '二、b', '三、c'],
  },
];

describe('Word numbering as Word shows it', () => {
  it.each(CASES)('$name', ({ body, numbering, styles, expected }) => {
    expect(shown({ body, numbering, ...(styles ? { styles } : {}) })).toEqual(expected);
  });

  it('counts paragraphs inside tables in document order', () => {
    const numbering = DECIMAL + w.abstractNum(5, w.lvl(0, { text: '%1)', start: 3 })) + w.num(1, 0) + w.num(2, 5);
    const table = w.tbl([w.tr([w.tc(w.p('x', n(2))), w.tc(w.p('b', n(1)))]), w.tr([w.tc(w.p('y', n(2))), w.tc(w.p('c', n(1)))])]);
    const doc = wordPackage({ body: w.p('a', n(1)) + table + w.p('d', n(1)), numbering });
    const [first] = docxTableSources(doc);
    expect(first!.grid.map((row) => row.map((c) => c.text))).toEqual([
      ['3) x', '2. b'],
      ['4) y', '3. c'],
    ]);
  });

  it('formats numbers as Word does', () => {
    expect([1, 10, 11, 20, 21, 100, 101, 110, 1001].map((v) => formatNumber(v, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零一', '一百一十', '一千零一']);
    expect([1, 10, 12].map((v) => formatNumber(v, 'chineseLegalSimplified'))).toEqual(['壹', '壹拾', '壹拾贰']);
    expect([1, 10].map((v) => formatNumber(v, 'ideographDigital'))).toEqual(['一', '一〇']);
    expect([1, 4, 9, 14, 40, 1999].map((v) => formatNumber(v, 'upperRoman'))).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIX']);
    expect([1, 26, 27, 28].map((v) => formatNumber(v, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'bb']);
    expect([1, 2, 3, 11, 22].map((v) => formatNumber(v, 'ordinal'))).toEqual(['1st', '2nd', '3rd', '11th', '22nd']);
    expect([1, 20, 21].map((v) => formatNumber(v, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '21']);
    expect([1, 12].map((v) => formatNumber(v, 'decimalFullWidth'))).toEqual(['１', '１２']);
    expect([1, 11].map((v) => formatNumber(v, 'ideographTraditional'))).toEqual(['甲', '甲']);
    expect(formatNumber(7, 'decimal', 3)).toBe('007');
    expect(formatNumber(3, 'none')).toBe('');
  });

  it('reads Word 2010’s custom "001, 002, 003" format, and its fallback', () => {
    const custom =
      '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">' +
      '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>';
    const numbering = w.abstractNum(0, w.lvl(0, { raw: custom, text: '%1' })) + w.num(1, 0);
    expect(shown({ body: w.p('a', n(1)) + w.p('b', n(1)), numbering })).toEqual(['001 a', '002 b']);
  });
});

/** LibreOffice's text export of documents (one soffice run): each document's paragraphs, list labels included, white space dropped. */
function libreOfficeLines(docs: Uint8Array[]): string[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-lo-'));
  const files = docs.map((doc, i) => {
    const file = path.join(dir, `doc${i}.docx`);
    writeFileSync(file, doc);
    return file;
  });
  const profile = `file://${path.join(dir, 'profile')}`;
  const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, ...files], { encoding: 'utf8', timeout: 240_000 });
  expect(result.status).toBe(0);
  return docs.map((_, i) =>
    readFileSync(path.join(dir, `doc${i}.txt`), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+/g, ''))
      .filter(Boolean),
  );
}

describeWithTools(['soffice'], 'the same numbers as LibreOffice shows', () => {
  // Where LibreOffice (7.x) differs from Word, the case is Word's alone: it counts each instance (w:num) of an
  // abstract list apart, reads neither w:lvlRestart nor w:isLgl, and takes level 0 for a style whose level is
  // given by the list's w:lvl/w:pStyle (ISO/IEC 29500-1 §17.9.24).
  const WORD_ONLY = new Set([
    'instances of one abstract list share its counters',
    'a numbering style links an abstract list to the list it names',
    'lvlRestart 0: the second level never restarts',
    'lvlRestart 1 on the third level: a second-level paragraph does not restart it, a first-level one does',
    'isLgl shows every level in digits',
    'a level linked to a heading style gives the level',
  ]);
  const agreed = CASES.filter((c) => !WORD_ONLY.has(c.name));
  it('for every paragraph of each document', () => {
    const docs = agreed.map((c) => wordPackage({ body: c.body + w.p('end'), numbering: c.numbering, ...(c.styles ? { styles: c.styles } : {}) }));
    const theirs = libreOfficeLines(docs);
    const compared = agreed.map((c, i) => ({ name: c.name, lines: theirs[i]!.slice(0, -1).map((l) => l.replace(/^[•●]/u, '')) }));
    expect(compared).toEqual(agreed.map((c) => ({ name: c.name, lines: c.expected.map((line) => line.replace(/\s+/g, '')) })));
  }, 300_000);
});

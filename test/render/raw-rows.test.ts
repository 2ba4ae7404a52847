// The task table's body rows written as XML text (render/docx/raw-rows.ts,
// table-rows.ts rowsXml) against the same rows written by the docx library
// (rowsBy 'library'): the whole .docx must be the same bytes — on a table
// large enough to matter (1,000 rows, four categories merged down and
// restarted at page starts), on another plan's columns, and on texts holding
// what XML escapes or forbids. The golden files (test/golden) check the same
// for the bundled plan's table, notice and reports.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { taskTableModel } from '../../src/documents/task-table.js';
import type { TaskTableModel } from '../../src/model/document/task-table.js';
import { renderTaskTableDocx } from '../../src/render/docx/task-table.js';
import { splicedBytes, spliceRawRows, standInRow } from '../../src/render/docx/raw-rows.js';
import { portraitSection, ruledTable, textCell, type RuledRow } from '../../src/render/docx/form-table.js';
import { packDocx } from '../../src/render/docx/pack.js';
import type { RowsBy } from '../../src/render/docx/table-rows.js';
import { Document } from 'docx';
import { OTHER_COLUMNS, syntheticPlan } from '../helpers/synthetic-plan.js';
import { zipText } from '../helpers/unzip.js';

async function bothWays(model: TaskTableModel): Promise<{ xml: Buffer; library: Buffer }> {
  return { xml: await renderTaskTableDocx(model, 'xml'), library: await renderTaskTableDocx(model, 'library') };
}

/** The model with every body text replaced by `text(row, column)`. */
function withTexts(model: TaskTableModel, text: (row: number, column: number) => string): TaskTableModel {
  return {
    ...model,
    rows: model.rows.map((row, r) => ({ ...row, cells: row.cells.map((cell, c) => (cell.kind === 'text' ? { ...cell, text: text(r, c) } : cell)) })),
  };
}

describe('task table rows written as XML text', () => {
  it('a 1,000-row table is the same docx, byte for byte, as the library writes', async () => {
    const model = taskTableModel(syntheticPlan(1000));
    const { xml, library } = await bothWays(model);
    const documentXml = zipText(xml, 'word/document.xml');
    expect(documentXml).toBe(zipText(library, 'word/document.xml'));
    expect(xml.equals(library)).toBe(true);
    // What the comparison covers: every row, merges restarted at page starts, rows that may break.
    expect(documentXml.match(/<w:tr>/g)).toHaveLength(1000 + model.headerRowCount);
    expect(documentXml).toContain('<w:vMerge w:val="continue"/>');
    expect(documentXml.match(/<w:vMerge w:val="restart"\/>/g)!.length).toBeGreaterThan(8);
    expect(documentXml).toContain('<w:cantSplit w:val="off"/>');
    expect(documentXml).toContain('<w:vAlign w:val="top"/>');
    expect(documentXml).not.toContain('zhenggai-rows');
  });

  it('another plan’s columns (整改目标, 责任领导, 责任人) give the same bytes', async () => {
    const { xml, library } = await bothWays(taskTableModel(syntheticPlan(40, { tableColumns: OTHER_COLUMNS, extraFields: true })));
    expect(xml.equals(library)).toBe(true);
  });

  it('texts with what XML escapes, forbids or keeps (spaces, line breaks, empty lines) give the same bytes', async () => {
    const model = taskTableModel(syntheticPlan(30));
    const awkward = ['a & b < c > d', '"引号" \'单引号\'', '控制\u0001字符\u000b\u001f', '  前后空格  ', '第一行\n第二行\n\n第四行', '', '\n', 'Ａ＆　全角', '😀 emoji 𠀀'];
    const { xml, library } = await bothWays(withTexts(model, (r, c) => awkward[(r + c) % awkward.length]!));
    expect(zipText(xml, 'word/document.xml')).toBe(zipText(library, 'word/document.xml'));
  });

  it('any cell texts give the same document.xml (property)', async () => {
    const model = taskTableModel(syntheticPlan(12));
    const texts = fc.array(fc.string({ unit: fc.constantFrom('整', 'a', ' ', '\n', '&', '<', '"', "'", '>', '\u0002', '\t', '１', '。') }), { minLength: 84, maxLength: 84 });
    await fc.assert(
      fc.asyncProperty(texts, async (list) => {
        const { xml, library } = await bothWays(withTexts(model, (r, c) => list[(r * 7 + c) % list.length]!));
        expect(zipText(xml, 'word/document.xml')).toBe(zipText(library, 'word/document.xml'));
      }),
      { numRuns: 25, seed: 14 },
    );
  });

  it('ruled tables (closure forms, contents list): spans, several lines a cell, right-set lines, least heights, header rows give the same bytes', async () => {
    const rows: RuledRow[] = Array.from({ length: 300 }, (_, i) => ({
      keepWhole: i % 3 !== 0,
      ...(i === 0 ? { header: true } : i % 4 === 1 ? { header: false } : {}),
      ...(i % 5 === 2 ? { minHeightTwip: 1200 + i } : {}),
      cells:
        i % 2 === 0
          ? [textCell([`标签${i}`], '黑体', 14, 'center'), textCell([`值 & <${i}>`], '仿宋_GB2312', 14, 'left'), textCell(['标签'], '黑体', 14, 'center'), textCell(['"值"\n第二行'], '仿宋_GB2312', 14, 'justify')]
          : [textCell([`意见${i}`], '黑体', 12, 'center'), textCell(['同意销号。', '', { text: '签字：', right: true }, { text: '年　月　日', right: true }], '仿宋_GB2312', 12, 'left', 3, 'bottom')],
    }));
    const docx = (rowsBy: RowsBy) =>
      packDocx(new Document({ sections: [portraitSection([ruledTable([1640, 2782, 1640, 2782], rows, rowsBy)])] }), { title: '销号审批表', date: '2023-11-30' });
    const [xml, library] = [await docx('xml'), await docx('library')];
    expect(zipText(xml, 'word/document.xml')).toBe(zipText(library, 'word/document.xml'));
    expect(zipText(xml, 'word/document.xml')).toContain('<w:gridSpan w:val="3"/>');
  });

  it('a part spliced as bytes in chunks, however small, is the UTF-8 of the part spliced whole (no character cut in two)', () => {
    const rows = ['<w:tr><w:t>甲 &amp; 乙</w:t></w:tr>', '<w:tr><w:t>😀𠀀 emoji</w:t></w:tr>', '<w:tr><w:t>ascii</w:t></w:tr>'];
    /** A stand-in row as the library writes it: one cell, one run holding the stand-in's mark. */
    const standIn = () => {
      const mark = /\uE000zhenggai-rows-\d+\uE000/.exec(JSON.stringify(standInRow(() => rows)))![0];
      return `<w:tr><w:tc><w:p><w:r><w:t>${mark}</w:t></w:r></w:p></w:tc></w:tr>`;
    };
    for (const chunkChars of [1, 7, 1 << 16]) {
      const chunks = splicedBytes(`<w:tbl>${standIn()}<w:p>中</w:p>${standIn()}</w:tbl>`, chunkChars);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(`<w:tbl>${rows.join('')}<w:p>中</w:p>${rows.join('')}</w:tbl>`);
      expect(chunks.length).toBe(chunkChars === 1 ? 9 : chunkChars === 7 ? 9 : 1);
    }
  });

  it('a stand-in whose rows are unknown is an error, not a mark on paper', () => {
    expect(() => spliceRawRows('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>\uE000zhenggai-rows-999999\uE000</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')).toThrow(/999999/);
    expect(spliceRawRows('<w:p/>')).toBe('<w:p/>');
  });
});

// The packet's contents list (报送材料清单): its subtitle breaks where a reader
// would break it, not where the line runs out (issue 12: 日） stood alone on
// the second line). Widths: 三号 = 16 pt = 320 twip an em; the type area is
// 156 mm = 8844 twip = 27.6 em.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderContentsListDocx, subtitleLines } from '../../src/render/docx/contents-list.js';
import { convertToPdf } from '../../src/write/pdf.js';
import { describeWithTools, runTool } from '../helpers/tools.js';
import { zipText } from '../helpers/unzip.js';

/** The bundled packet's subtitle as templates/packet.hbs words it: 28.6 em with its 0.2 em spaces. */
const BUNDLED = '巫山县官阳镇人民政府　2023年11月（截至2023年11月30日）';

const list = (subtitle: string) => ({
  title: '报送材料清单',
  subtitle,
  headers: ['序号', '材料名称', '文件数', '页数'],
  date: '2023-11-30',
  rows: [{ index: 1, title: '整改台账（2023-11）', fileCount: 1, pageCount: 21 }],
});

describe('contents list subtitle', () => {
  it('keeps a subtitle that fits on one line', () => {
    expect(subtitleLines('东河镇人民政府　2024年6月')).toEqual(['东河镇人民政府　2024年6月']);
  });

  it('breaks the bundled subtitle before its bracket, not before its last two characters', () => {
    expect(subtitleLines(BUNDLED)).toEqual(['巫山县官阳镇人民政府　2023年11月', '（截至2023年11月30日）']);
  });

  it('breaks at a space, dropping it, when that gives the shorter longest line', () => {
    const text = `${'某'.repeat(14)}　${'甲'.repeat(15)}`;
    expect(subtitleLines(text)).toEqual(['某'.repeat(14), '甲'.repeat(15)]);
  });

  it('leaves a subtitle with no sensible break to Word', () => {
    const text = '某'.repeat(40);
    expect(subtitleLines(text)).toEqual([text]);
  });

  it('writes the two lines as one paragraph with a line break', async () => {
    const xml = zipText(await renderContentsListDocx(list(BUNDLED)), 'word/document.xml');
    expect(xml).toMatch(/巫山县官阳镇人民政府　2023年11月<\/w:t><\/w:r><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:br\/><w:t[^>]*>（截至2023年11月30日）/);
  });
});

describeWithTools(['soffice', 'pdftotext'], 'contents list in LibreOffice', () => {
  let lines: string[];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhenggai-contents-'));
    const docx = join(dir, 'contents.docx');
    writeFileSync(docx, await renderContentsListDocx(list(BUNDLED)));
    const [pdf] = await convertToPdf([docx], dir);
    lines = runTool('pdftotext', ['-layout', pdf!, '-'])
      .split('\n')
      .map((line) => line.replace(/\s+/g, ''))
      .filter(Boolean);
  }, 600_000);

  it('prints the subtitle on two whole lines: the issuer and month, then the date in its brackets', () => {
    expect(lines[1]).toBe('巫山县官阳镇人民政府2023年11月');
    expect(lines[2]).toBe('（截至2023年11月30日）');
    expect(lines.some((line) => line === '日）')).toBe(false);
  });
});

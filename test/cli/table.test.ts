import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run.js';
import { pdfTargets } from '../../src/write/pdf-beside.js';

const TITLE = '2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改任务分解和责任分工表';

describe('zhenggai table', () => {
  it('writes the Word and Excel task table under <out>/<plan>/, named after the attachment title', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-table-'));
    const result = await run(['table', 'data/guanyang-2022', '--out', out]);
    expect(result.exit).toBe(0);
    expect(readdirSync(path.join(out, 'guanyang-2022')).sort()).toEqual([`${TITLE}.docx`, `${TITLE}.xlsx`]);
    expect(result.err).toContain('12 个警告');
  });
  it('writes only the type asked for', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-table-'));
    expect((await run(['table', 'data/guanyang-2022', '--out', out, '--type', 'xlsx'])).exit).toBe(0);
    expect(readdirSync(path.join(out, 'guanyang-2022'))).toEqual([`${TITLE}.xlsx`]);
  });
  it('with --pdf and no LibreOffice: a clear message, exit 1, nothing written', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-table-'));
    const result = await run(['table', 'data/guanyang-2022', '--out', out, '--pdf'], { SOFFICE: '/nonexistent/soffice' });
    expect(result.exit).toBe(1);
    expect(result.err).toContain('未找到 LibreOffice');
    expect(existsSync(path.join(out, 'guanyang-2022'))).toBe(false);
  });
  it('refuses a plan with errors and writes nothing', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-table-'));
    const result = await run(['table', 'test/fixtures/broken/unknown-unit', '--out', out]);
    expect(result.exit).toBe(1);
    expect(result.err).toMatch(/plan\.json:\d+:\d+ {2}error {2}单位“水务站”/);
    expect(result.err).toContain('未生成任何文件');
    expect(existsSync(path.join(out, 'unknown-unit'))).toBe(false);
  });
  it('names PDFs after their documents without letting a Word and an Excel file collide', () => {
    expect(pdfTargets(['o/表.docx', 'o/表.xlsx', 'o/台账.xlsx'])).toEqual(['o/表.pdf', 'o/表.xlsx.pdf', 'o/台账.pdf']);
  });
});

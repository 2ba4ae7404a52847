// Phrase templates (templates/README.md, “Phrase templates”): a document's
// fixed wording as named slot lines, and an office's own template changing
// one phrase in the output.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, test } from 'vitest';
import { buildPacket } from '../../src/documents/packet.js';
import { ledgerXlsx } from '../../src/documents/ledger.js';
import { derivePeriod } from '../../src/derive/period.js';
import { readXlsx } from '../../src/formats/xlsx/reader.js';
import { loadPlanFolder, type PlanFolder } from '../../src/load/plan-folder.js';
import { loadTemplates } from '../../src/templates/load.js';
import { renderPhrases } from '../../src/templates/phrases.js';
import { TemplateError } from '../../src/templates/template-error.js';
import { runCli } from '../cli/run.js';
import { zipText } from '../helpers/unzip.js';

const NAMES = ['title', 'note', 'line'] as const;
const phrases = (source: string, context: object = {}) =>
  renderPhrases({ name: 'packet', fileName: 'my/packet.hbs', source, overridden: true }, context, NAMES);

describe('reading phrases', () => {
  test('one phrase a slot line, by name; optional ones may be absent; lines keep their order', () => {
    const p = phrases('{{!-- 注释 --}}\n---title 报送材料清单---\n\n---line 第一行---\n  ---line 第二行{{n}}---\n', { n: 2 });
    expect(p.text('title')).toBe('报送材料清单');
    expect(p.optional('note')).toBeUndefined();
    expect(p.lines('line')).toEqual(['第一行', '第二行2']);
  });

  test('a phrase under an {{#if}} that does not hold is left out', () => {
    const source = '---title 台账---\n{{#if coLed}}\n---note 注：问题{{join coLed}}有多个牵头单位。---\n{{/if}}\n';
    expect(phrases(source, { coLed: [] }).optional('note')).toBeUndefined();
    expect(phrases(source, { coLed: [13, 21] }).optional('note')).toBe('注：问题13、21有多个牵头单位。');
  });

  test('a value stays text: ---, a newline or a # in the data neither ends the phrase nor starts another', () => {
    const p = phrases('---title {{v}}（截至）---', { v: '甲---\n---note 乙---\n# 丙' });
    expect(p.text('title')).toBe('甲---\n---note 乙---\n# 丙（截至）');
    expect(p.optional('note')).toBeUndefined();
  });

  test('ordinary blanks at the ends are the template’s layout; full-width blanks are text', () => {
    expect(phrases('---title   验收人（签字）：　　　　 ---').text('title')).toBe('验收人（签字）：　　　　');
  });

  test('a line that is not a slot line is an error naming the file and line', () => {
    expect(() => phrases('---title 甲---\n这是一个段落\n')).toThrow(TemplateError);
    expect(() => phrases('---title 甲---\n这是一个段落\n')).toThrow('my/packet.hbs:2: 此模板只写占位行');
    expect(() => phrases('# 标题\n')).toThrow('此模板只写占位行');
    expect(() => phrases('---title 甲---\n---page---\n')).toThrow('此模板只写占位行');
  });

  test('a name the reader does not know is an error listing those it does', () => {
    expect(() => phrases('---titel 甲---')).toThrow('未知的占位行“---titel”（此模板可用：---page---、---title …---、---note …---、---line …---）');
  });

  test('a phrase given twice, missing or without text is an error', () => {
    expect(() => phrases('---title 甲---\n---title 乙---').text('title')).toThrow('my/packet.hbs:1: “---title …---”只能写一次，实有2次');
    expect(() => phrases('---line 甲---').text('title')).toThrow('my/packet.hbs: 缺少“---title …---”一行');
    expect(() => phrases('---title---').text('title')).toThrow('“---title …---”缺少文字');
  });
});

describe('an office’s own phrase templates', () => {
  const BUNDLED = path.resolve('templates');
  let folder: PlanFolder;

  /** A templates folder holding the bundled `name` with one line replaced. */
  function override(name: string, from: string, to: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zg-phrases-'));
    const source = readFileSync(path.join(BUNDLED, name), 'utf8');
    expect(source).toContain(from);
    writeFileSync(path.join(dir, name), source.replace(from, to));
    return dir;
  }

  beforeAll(async () => {
    const loaded = await loadPlanFolder('data/guanyang-2022');
    if (!loaded.folder) throw new Error(JSON.stringify(loaded.diagnostics));
    folder = loaded.folder;
  });

  it('packet.hbs: a new contents title is printed, and nothing else of the list changes', async () => {
    const dir = override('packet.hbs', '---title 报送材料清单---', '---title 报送材料目录（{{period}}）---');
    const bundled = zipText(Buffer.from(await (await buildPacket(folder, '2023-11', await loadTemplates())).contents(undefined)), 'word/document.xml');
    const own = zipText(Buffer.from(await (await buildPacket(folder, '2023-11', await loadTemplates(dir))).contents(undefined)), 'word/document.xml');
    expect(bundled).toContain('报送材料清单');
    expect(own).toContain('报送材料目录（2023-11）');
    expect(own).not.toContain('报送材料清单');
    expect(own.replace('报送材料目录（2023-11）', '报送材料清单')).toBe(bundled);
  });

  it('ledger.hbs: a new sheet title line is printed under the plan’s title', async () => {
    const dir = override('ledger.hbs', '---title 整改台账（截至{{chineseDate asOf}}）---', '---title 问题整改工作台账（{{chineseMonth period}}）---');
    const history = folder.progress.map((p) => p.data);
    const result = derivePeriod(folder.plan, history.at(-1)!, history.at(-2));
    if (!result.ok) throw new Error(result.message);
    const [ledger] = await readXlsx((await ledgerXlsx(folder.plan, result.view, history, await loadTemplates(dir))).buffer);
    expect(String(ledger!.cell(1, 1).value).split('\n').at(-1)).toBe('问题整改工作台账（2023年11月）');
  });

  it('forms --templates: a reworded instruction reaches the 填表说明 row', async () => {
    const dir = override('unit-form.hbs', '---instructions 8. 请勿增删行列、修改序号或工作表名称。---', '---instructions 8. 请勿改动表格结构。---\n---instructions 9. 有疑问请致电整改办。---');
    const out = mkdtempSync(path.join(os.tmpdir(), 'zg-forms-'));
    const result = await runCli(['forms', 'data/guanyang-2022', '--period', '2023-11', '--out', out, '--templates', dir]);
    expect(result.exit, result.err).toBe(0);
    const [sheet] = await readXlsx(readFileSync(path.join(out, 'guanyang-2022', 'forms-2023-11', '经发办.xlsx')));
    const lines = String(sheet!.cell(3, 1).value).split('\n');
    // Lines 8 and 9 as reworded; the bundled template's closed-rows note (2023-11 records closures) follows them.
    expect(lines.slice(7, 10)).toEqual(['8. 请勿改动表格结构。', '9. 有疑问请致电整改办。', '9. 以下问题整改办已录入销号，整行为灰色、已锁定，按录入内容预填，无需填写：']);
    expect(lines[0]).toBe('填表说明：1. 灰色列为方案内容，不能修改；白色列由本单位填写，已预填2023年10月的填报内容，请逐项更新。');
  });

  it('closure-forms --templates: the file title names the files', async () => {
    const dir = override('closure-form.hbs', '（{{#if filled}}本期已销号{{else}}已完成待签字{{/if}}）', '（{{#if filled}}已销号{{else}}待签字{{/if}}）');
    const out = mkdtempSync(path.join(os.tmpdir(), 'zg-closure-'));
    const result = await runCli(['closure-forms', 'data/guanyang-2022', '--period', '2023-11', '--out', out, '--templates', dir]);
    expect(result.exit, result.err).toBe(0);
    expect(readdirSync(path.join(out, 'guanyang-2022', '2023-11')).sort()).toEqual(['整改问题销号审批表（已销号）.docx', '整改问题销号审批表（待签字）.docx']);
  });

  it('an own template that leaves a phrase out is refused by name, and nothing is written', async () => {
    const dir = override('packet.hbs', '---ledger 整改台账（{{period}}）---', '');
    const out = mkdtempSync(path.join(os.tmpdir(), 'zg-packet-'));
    const result = await runCli(['packet', 'data/guanyang-2022', '--period', '2023-11', '--out', out, '--templates', dir]);
    expect(result.exit).not.toBe(0);
    expect(result.err).toContain(`${path.join(dir, 'packet.hbs')}: 缺少“---ledger …---”一行`);
    expect(existsSync(path.join(out, 'guanyang-2022'))).toBe(false);
  });
});

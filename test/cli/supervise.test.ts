// `zhenggai supervise` end to end on the 河口乡 fixture written to a folder:
// the notices, the numbers recorded on the first run and kept on the next.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePlan, baseProgress } from '../helpers/fixture-folder.js';
import { DEBIAN_PYTHON, itWithTools, runTool } from '../helpers/tools.js';
import { zipText } from '../helpers/unzip.js';
import { runCli as run } from './run.js';

/** A plan folder on disk: April records 督办 3 and 4 of 2024; May has 1 blue (农办) and 2 yellow (林业站, 农办). */
function folder(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-supervise-')), 'hekou');
  mkdirSync(path.join(dir, 'progress'), { recursive: true });
  mkdirSync(path.join(dir, 'evidence', '1'), { recursive: true });
  writeFileSync(path.join(dir, 'evidence', '1', '清河记录.txt'), '清河记录');
  writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(basePlan(), null, 2));
  const april = { ...baseProgress('2024-04', '2024-04-30'), supervision: { date: '2024-04-30', numbers: [{ unit: '林业站', number: 3 }, { unit: '各村', number: 4 }] } };
  april.problems[0] = { number: 1, status: '推进中', onSchedule: true };
  const may = baseProgress('2024-05', '2024-05-31');
  may.problems[0] = { number: 1, status: '推进中', onSchedule: true, progress: '清河过半。' };
  Object.assign(may.problems[1]!, { onSchedule: false });
  writeFileSync(path.join(dir, 'progress', '2024-04.json'), JSON.stringify(april, null, 2));
  writeFileSync(path.join(dir, 'progress', '2024-05.json'), JSON.stringify(may, null, 2));
  return dir;
}

function documentText(file: string): string {
  const xml = zipText(readFileSync(file), 'word/document.xml');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

const NOTICES = ['督办〔2024〕5号-督办单（农办）.docx', '督办〔2024〕6号-督办单（林业站）.docx'];

describe('zhenggai supervise', () => {
  it('writes one notice per unit with coloured problems, numbered on from April, and records the numbers', async () => {
    const dir = folder();
    const out = path.join(dir, '..', 'out');
    const result = await run(['supervise', dir, '--period', '2024-05', '--out', out]);
    expect(result.exit).toBe(0);
    const notices = path.join(out, 'hekou', '2024-05', '督办');
    expect(readdirSync(notices).sort()).toEqual([...NOTICES].sort());
    const recorded = JSON.parse(readFileSync(path.join(dir, 'progress', '2024-05.json'), 'utf8')) as { supervision: unknown; problems: unknown[] };
    expect(recorded.supervision).toEqual({ date: '2024-05-31', numbers: [{ unit: '农办', number: 5 }, { unit: '林业站', number: 6 }] });
    expect(Object.keys(recorded).indexOf('supervision')).toBe(Object.keys(recorded).indexOf('problems') - 1);
    const nongban = documentText(path.join(notices, NOTICES[0]!));
    // 农办 leads 1 (blue, due that day) and 2 (yellow, with 林业站); 2024-05-31 is a Friday: reply by 2024-06-07.
    expect(nongban).toContain('督办〔2024〕5号');
    expect(nongban).toContain('1．河道垃圾清理不及时。');
    expect(nongban).toContain('2．污水直排。');
    expect(nongban).toContain('与林业站共同牵头');
    expect(nongban).toContain('你单位牵头的问题中，未达到序时进度的1个、7日内到整改时限的1个，现予督办：');
    expect(nongban).toContain('2024年6月7日前');
    expect(documentText(path.join(notices, NOTICES[1]!))).not.toContain('河道垃圾');
  });

  it('a rerun removes the notice of a unit no longer supervised (its problem completed since), and keeps its number recorded', async () => {
    const dir = folder();
    const out = path.join(dir, '..', 'out');
    expect((await run(['supervise', dir, '--period', '2024-05', '--out', out])).exit).toBe(0);
    const notices = path.join(out, 'hekou', '2024-05', '督办');
    writeFileSync(path.join(notices, '督办〔2024〕6号-督办单（林业站）.pdf'), 'pdf of the first run');
    writeFileSync(path.join(notices, '说明.txt'), 'a clerk’s note');
    // What a clerk saves beside the notices under names of their own stays: a scanned receipt, a Word note.
    writeFileSync(path.join(notices, '督办〔2024〕6号-督办单（林业站）-签收回执.pdf'), 'a scanned receipt');
    writeFileSync(path.join(notices, '督办工作情况说明.docx'), 'a clerk’s Word note');
    // Problem 2 (yellow, 林业站 with 农办) completed after all: 林业站 leads nothing coloured in May any more, and 农办 only a blue
    // problem — a 提醒函 under its number 5 instead of the 督办单.
    const progressFile = path.join(dir, 'progress', '2024-05.json');
    const may = JSON.parse(readFileSync(progressFile, 'utf8')) as { problems: Record<string, unknown>[] };
    Object.assign(may.problems[1]!, { status: '已完成', completedOn: '2024-05-20', onSchedule: undefined });
    writeFileSync(progressFile, JSON.stringify(may, null, 2));
    const result = await run(['supervise', dir, '--period', '2024-05', '--out', out]);
    expect(result.exit).toBe(0);
    expect(readdirSync(notices).sort()).toEqual(['说明.txt', '督办工作情况说明.docx', '督办〔2024〕6号-督办单（林业站）-签收回执.pdf', '督办〔2024〕5号-提醒函（农办）.docx'].sort());
    expect(result.out).toContain(`已删除上次生成、与本期数据不符的督办文书 ${path.join(notices, '督办〔2024〕5号-督办单（农办）.docx')}`);
    expect(result.out).toContain(`已删除上次生成、与本期数据不符的督办文书 ${path.join(notices, '督办〔2024〕6号-督办单（林业站）.docx')}`);
    expect(result.out).toContain(`已删除上次生成、与本期数据不符的督办文书 ${path.join(notices, '督办〔2024〕6号-督办单（林业站）.pdf')}`);
    const recorded = JSON.parse(readFileSync(progressFile, 'utf8')) as { supervision: unknown };
    expect(recorded.supervision).toEqual({ date: '2024-05-31', numbers: [{ unit: '农办', number: 5 }, { unit: '林业站', number: 6 }] });
  });

  it('a notice written again without --pdf takes the PDF of its earlier text away with it', async () => {
    const dir = folder();
    const out = path.join(dir, '..', 'out');
    expect((await run(['supervise', dir, '--period', '2024-05', '--out', out])).exit).toBe(0);
    const notices = path.join(out, 'hekou', '2024-05', '督办');
    const earlierPdf = path.join(notices, '督办〔2024〕5号-督办单（农办）.pdf');
    writeFileSync(earlierPdf, 'the PDF of the first run');
    const result = await run(['supervise', dir, '--period', '2024-05', '--out', out]);
    expect(result.exit).toBe(0);
    expect(readdirSync(notices).sort()).toEqual([...NOTICES].sort());
    expect(result.out).toContain(`已删除上次生成、与本期数据不符的督办文书 ${earlierPdf}`);
  });

  it('never renumbers: a rerun leaves the progress file as it was and writes the same names and bytes', async () => {
    const dir = folder();
    const out = path.join(dir, '..', 'out');
    expect((await run(['supervise', dir, '--period', '2024-05', '--out', out])).exit).toBe(0);
    const file = path.join(dir, 'progress', '2024-05.json');
    const first = readFileSync(file);
    const notices = path.join(out, 'hekou', '2024-05', '督办');
    const bytes = NOTICES.map((n) => readFileSync(path.join(notices, n)));
    const again = await run(['supervise', dir, '--period', '2024-05', '--out', out]);
    expect(again.exit).toBe(0);
    expect(again.out).not.toContain('记下');
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(readdirSync(notices).sort()).toEqual([...NOTICES].sort());
    NOTICES.forEach((n, i) => expect(readFileSync(path.join(notices, n)).equals(bytes[i]!)).toBe(true));
  });

  it('writes nothing and records nothing for a period without blue, yellow or red problems', async () => {
    const dir = folder();
    const out = path.join(dir, '..', 'out');
    const before = readFileSync(path.join(dir, 'progress', '2024-04.json'));
    // April: 1 in progress on schedule, due 5月底 (31 days away); 2 on schedule; 3 completed.
    const result = await run(['supervise', dir, '--period', '2024-04', '--out', out]);
    expect(result.exit).toBe(0);
    expect(result.out).toContain('无需督办文书');
    expect(readFileSync(path.join(dir, 'progress', '2024-04.json')).equals(before)).toBe(true);
  });

  it('refuses a period without a progress file or a malformed one, naming it, with no stack trace', async () => {
    const dir = folder();
    const missing = await run(['supervise', dir, '--period', '2024-07', '--out', path.join(dir, '..', 'out')]);
    expect(missing.exit).toBe(1);
    expect(missing.err).toContain('progress/2024-07.json');
    const bad = await run(['supervise', dir, '--period', '2024-5', '--out', path.join(dir, '..', 'out')]);
    expect(bad.exit).toBe(1);
    expect(bad.err).toContain('YYYY-MM');
    expect(`${missing.err}${bad.err}`).not.toMatch(/\n\s+at /);
  });

  itWithTools(['python-docx-openpyxl'], 'reads back with python-docx: number, title, recipient, signature and date', async () => {
    const dir = folder();
    const out = path.join(dir, '..', 'out');
    expect((await run(['supervise', dir, '--period', '2024-05', '--out', out])).exit).toBe(0);
    const file = path.join(out, 'hekou', '2024-05', '督办', NOTICES[1]!);
    const program = `import docx,sys\nd=docx.Document(sys.argv[1])\nprint("\\n".join(p.text for p in d.paragraphs if p.text.strip()))`;
    const lines = runTool(DEBIAN_PYTHON, ['-c', program, file]).split('\n').filter((l) => l !== '');
    expect(lines.slice(0, 4)).toEqual(['青石县河口乡人民政府', '督办〔2024〕6号', '关于滞后问题整改的督办单', '林业站：']);
    expect(lines.slice(-2)).toEqual(['青石县河口乡人民政府', '2024年5月31日']);
  });
});

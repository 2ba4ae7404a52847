// Case template-not-utf8 (issue 13, kind 4): a template that is not UTF-8 is
// refused as plan files are — exit 1, the file named, the encoding said — and
// the documents already written stay exactly as they were: templates and data
// are loaded before anything is written.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { bundledCopy, CASES, shown, snapshot, tmp } from './support.js';

const CASE = path.join(CASES, 'template-not-utf8');

/** A good run of `args`, then the same with `--templates bad`: exit 1 naming the file, output unchanged. */
async function refusedKeepingOutput(args: string[], bad: string, badFile: string, words: string[]): Promise<void> {
  const out = tmp('tpl-out');
  const good = await runCli([...args, '--out', out]);
  expect(good.exit, good.err).toBe(0);
  const before = snapshot(out);
  expect(before.size).toBeGreaterThan(0);
  const refused = await runCli([...args, '--out', out, '--templates', bad]);
  expect(refused.exit).toBe(1);
  expect(refused.out).toBe('');
  expect(refused.err).toContain(shown(badFile));
  for (const word of words) expect(refused.err).toContain(word);
  expect(refused.err).not.toContain('内部错误');
  // Byte for byte, and no file more or less (no temporary file left behind).
  expect(snapshot(out)).toEqual(before);
}

describe('case template-not-utf8', () => {
  it('the case: notice.hbs in GBK — exit 1, "tpl/notice.hbs", GBK; the notice already in o/ left as it was', async () => {
    const plan = bundledCopy();
    await refusedKeepingOutput(['notice', plan], path.join(CASE, 'tpl'), path.join(CASE, 'tpl', 'notice.hbs'), ['GBK', 'UTF-8', '未生成任何文件']);
  });

  it('the variant: notice.hbs in UTF-16 LE with its mark — refused for its encoding, not as a syntax error', async () => {
    const plan = bundledCopy();
    const tpl = path.join(CASE, 'tpl-utf16');
    await refusedKeepingOutput(['notice', plan], tpl, path.join(tpl, 'notice.hbs'), ['UTF-16', 'UTF-8']);
    const again = await runCli(['notice', plan, '--out', tmp('o'), '--templates', tpl]);
    expect(again.err).not.toContain('模板语法错误');
  });

  it('report.hbs with one bad byte: report and packet refuse it, naming line and column; their output unchanged', async () => {
    const plan = bundledCopy();
    const dir = tmp('tpl');
    const source = readFileSync('templates/report.hbs', 'utf8');
    const lines = source.split('\n');
    const lineIndex = lines.findIndex((l) => /[\u4e00-\u9fff]/.test(l));
    const column = lines[lineIndex]!.search(/[\u4e00-\u9fff]/) + 1;
    const before = Buffer.from([...lines.slice(0, lineIndex), lines[lineIndex]!.slice(0, column - 1)].join('\n'), 'utf8');
    const after = Buffer.from(lines[lineIndex]!.slice(column - 1) + '\n' + lines.slice(lineIndex + 1).join('\n'), 'utf8');
    writeFileSync(path.join(dir, 'report.hbs'), Buffer.concat([before, Buffer.from([0xa0]), after]));
    const place = `${shown(path.join(dir, 'report.hbs'))}:${lineIndex + 1}:${column}`;
    await refusedKeepingOutput(['report', plan, '--period', '2023-11'], dir, path.join(dir, 'report.hbs'), [place, '0xA0', '只有这一处']);
    await refusedKeepingOutput(['packet', plan, '--period', '2023-11', '--zip'], dir, path.join(dir, 'report.hbs'), [place]);
  });

  it('plan.hbs saved as UTF-16 without a mark is refused too', async () => {
    const plan = bundledCopy();
    const dir = tmp('tpl');
    writeFileSync(path.join(dir, 'plan.hbs'), Buffer.from(readFileSync('templates/plan.hbs', 'utf8'), 'utf16le'));
    await refusedKeepingOutput(['notice', plan], dir, path.join(dir, 'plan.hbs'), ['UTF-16']);
  });

  it('a template with a UTF-8 byte-order mark is read as without it: the same notice, byte for byte', async () => {
    const plan = bundledCopy();
    const plain = tmp('tpl');
    const bom = tmp('tpl');
    copyFileSync('templates/notice.hbs', path.join(plain, 'notice.hbs'));
    writeFileSync(path.join(bom, 'notice.hbs'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync('templates/notice.hbs')]));
    const a = tmp('o');
    const b = tmp('o');
    expect((await runCli(['notice', plan, '--out', a, '--templates', plain])).exit).toBe(0);
    expect((await runCli(['notice', plan, '--out', b, '--templates', bom])).exit).toBe(0);
    expect(snapshot(b)).toEqual(snapshot(a));
  });
});

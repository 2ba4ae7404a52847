// Case evidence-name-normalization (issue 13, kind 8): evidence the clerk can
// see on disk is found when its name differs only invisibly from the progress
// file's reference — with a warning saying how — and the packet carries that
// file; when several files match, it is an error saying how each differs.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { zipText } from '../helpers/unzip.js';
import { bundledCopy, checkJson, shown, tmp } from './support.js';

const PERIOD_FILE = ['progress', '2023-11.json'];
const BUNDLED_REFERENCE = '"02/旧房拆除验收照片.png"';

/** A copy of the bundled plan whose problem 2 lists `references` in 2023-11 instead of its photo, with `files` added under evidence/. */
function variant(references: string[], files: Record<string, string>): string {
  const dir = bundledCopy();
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, 'evidence', ...name.split('/')), content);
  const file = path.join(dir, ...PERIOD_FILE);
  const text = readFileSync(file, 'utf8');
  expect(text.split(BUNDLED_REFERENCE)).toHaveLength(2);
  writeFileSync(file, text.replace(BUNDLED_REFERENCE, references.map((r) => JSON.stringify(r)).join(', ')));
  return dir;
}

/** Every file under the packet's evidence folder of problem 2, by name, with its content. */
function packetEvidenceOfProblem2(out: string): Map<string, string> {
  const evidenceRoot = path.join(out, 'g', 'packet-2023-11');
  const folder = readdirSync(evidenceRoot).find((n) => n.endsWith('-佐证材料'))!;
  const problem = readdirSync(path.join(evidenceRoot, folder)).find((n) => n.startsWith('02-'))!;
  const dir = path.join(evidenceRoot, folder, problem);
  return new Map(readdirSync(dir).filter((n) => statSync(path.join(dir, n)).isFile()).map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]));
}

const NFC_NAME = 'L\u01DA村验收照片.png'; // as typed on Windows
const NFD_NAME = 'Lu\u0308\u030C村验收照片.png'; // as copied from a Mac

describe('case evidence-name-normalization', () => {
  it.each([
    // Packet names are NFC (docs/domain.md#safe-file-names), whatever the name on disk.
    ['1. NFD on disk, NFC in the progress file', `02/${NFC_NAME}`, { [`02/${NFD_NAME}`]: 'nfd photo' }, 'Unicode 规范化形式不同', NFC_NAME, 'nfd photo'],
    ['2. a leading "./"', './02/旧房拆除验收照片.png', {}, '“./”', '旧房拆除验收照片.png', undefined],
    ['3. a trailing space on disk', '02/末尾空格.png ', { '02/末尾空格.png ': 'trailing space' }, '空格', '末尾空格.png', 'trailing space'],
  ])('%s: found, with a warning saying how; the packet carries the file', async (_name, reference, files, how, packetName, content) => {
    const dir = variant([reference], files);
    const { exit, diagnostics } = await checkJson(dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(exit).toBe(0);
    const warning = diagnostics.find((d) => d.ruleId === 'evidence-name-differs');
    expect(warning).toMatchObject({ file: shown(path.join(dir, ...PERIOD_FILE)), path: 'problems[1].evidence[0]', severity: 'warning' });
    expect(warning!.message).toContain(how);

    const out = tmp('evidence-out');
    const packet = await runCli(['packet', dir, '--period', '2023-11', '--out', out]);
    expect(packet.exit, packet.err).toBe(0);
    const carried = packetEvidenceOfProblem2(out);
    expect(carried.has(packetName)).toBe(true);
    if (content !== undefined) expect(carried.get(packetName)).toBe(content);
  });

  it('the ledger lists the file as it is named on disk, once, however many spellings refer to it', async () => {
    const dir = variant(['./02/旧房拆除验收照片.png', '02／旧房拆除验收照片.png', '02\\旧房拆除验收照片.png'], {});
    expect((await checkJson(dir)).exit).toBe(0);
    const out = tmp('ledger');
    expect((await runCli(['report', dir, '--period', '2023-11', '--out', out])).exit).toBe(0);
    const ledger = readFileSync(path.join(out, 'g', '2023-11', '整改台账-2023-11.xlsx'));
    const strings = zipText(ledger, 'xl/sharedStrings.xml');
    expect(strings).toContain('02/旧房拆除验收照片.png');
    expect(strings).not.toContain('./02/');
    expect(strings).not.toContain('02／');
    expect(strings).not.toContain('02\\');
  });

  it('a full-width slash and a doubled slash are found too; a backslash needs no warning', async () => {
    const dir = variant(['02／旧房拆除验收照片.png', '02//建新拆旧回头看台账.txt', '02\\旧房拆除验收照片.png'], {});
    const { exit, diagnostics } = await checkJson(dir);
    expect(exit).toBe(0);
    const warnings = diagnostics.filter((d) => d.ruleId === 'evidence-name-differs');
    expect(warnings.map((d) => d.path)).toEqual(['problems[1].evidence[0]', 'problems[1].evidence[1]']);
    expect(warnings[0]!.message).toContain('全角斜杠');
    expect(warnings[1]!.message).toContain('“//”');
  });

  it('two files that look alike (NFC and NFD both on disk): an error naming both and how each differs; no packet', async () => {
    const dir = variant([`./02/${NFC_NAME}`], { [`02/${NFC_NAME}`]: 'nfc', [`02/${NFD_NAME}`]: 'nfd' });
    const { exit, diagnostics } = await checkJson(dir);
    expect(exit).toBe(1);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toMatchObject([{ ruleId: 'missing-evidence', path: 'problems[1].evidence[0]' }]);
    expect(errors[0]!.message).toContain('2 个写法相近的文件');
    expect(errors[0]!.message).toContain(`“02/${NFC_NAME}”（多了表示当前文件夹的“./”）`);
    expect(errors[0]!.message).toContain('Unicode 规范化形式不同');
    const out = tmp('ambiguous');
    const packet = await runCli(['packet', dir, '--period', '2023-11', '--out', out]);
    expect(packet.exit).toBe(1);
    // The exact name, when there is one, is no ambiguity.
    const exact = variant([`02/${NFD_NAME}`], { [`02/${NFC_NAME}`]: 'nfc', [`02/${NFD_NAME}`]: 'nfd' });
    expect((await checkJson(exact)).exit).toBe(0);
  });

  it('a file name too long for the packet keeps its extension there', async () => {
    const long = `${'村卫生室药品检查现场照片'.repeat(6)}.jpeg`; // 72 characters, 216 bytes before the extension
    const dir = variant([`02/${long}`], { [`02/${long}`]: 'long' });
    const out = tmp('long');
    expect((await runCli(['packet', dir, '--period', '2023-11', '--out', out])).exit).toBe(0);
    const names = [...packetEvidenceOfProblem2(out).keys()].filter((n) => n.startsWith('村卫生室'));
    expect(names).toHaveLength(1);
    expect(names[0]!.endsWith('.jpeg')).toBe(true);
    expect(Buffer.byteLength(names[0]!)).toBeLessThanOrEqual(200);
  });
});

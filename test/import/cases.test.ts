// The failing inputs of issue 13 (test/fixtures/cases/, each with its README):
// the 经发办 form of 2023-12 with one thing a unit did to it, imported into a
// copy of the bundled plan. Each expected value is written here from what the
// cell holds (read off the README and the file), not from zhenggai's reader.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { readXlsx } from '../../src/formats/xlsx/reader.js';

const CASES = 'test/fixtures/cases';
const PERIOD = '2023-12';

function planCopy(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenggai-case-')), 'guanyang-2022');
  cpSync('data/guanyang-2022', dir, { recursive: true });
  return dir;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function importCase(file: string): Promise<{ exit: number; out: string; err: string; dir: string; before: string[]; entry: (n: number) => Record<string, unknown> | undefined }> {
  const dir = planCopy();
  const before = files(dir);
  const result = await runCli(['import', dir, '--period', PERIOD, path.join(CASES, file)]);
  const progress = path.join(dir, 'progress', `${PERIOD}.json`);
  const entries = existsSync(progress) ? (JSON.parse(readFileSync(progress, 'utf8')) as { problems: Array<Record<string, unknown>> }).problems : [];
  return { ...result, dir, before, entry: (n) => entries.find((e) => e.number === n) };
}

/** The one line of stderr at this place with this severity. */
function lineAt(err: string, file: string, place: string, severity: 'error' | 'warning'): string | undefined {
  return err.split('\n').find((l) => l.startsWith(`${path.join(CASES, file)} ${place}  ${severity}  `));
}

describe('import-date-typed-as-number: 12.5 in a date cell is not 1900-01-12', () => {
  it('is an error at J14 naming the number, the day Excel shows and the earliest plausible day; nothing written', async () => {
    const file = 'import-date-typed-as-number/t7-date-12.5-number.xlsx';
    const r = await importCase(file);
    expect(r.exit).toBe(1);
    const line = lineAt(r.err, file, '进展填报!J14', 'error');
    expect(line, r.err).toBeDefined();
    expect(line).toContain('12.5');
    expect(line).toContain('1900-01-12');
    expect(line).toContain('2022-01-01'); // 1 January of the year before the notice (2023-09-07)
    expect(line).toContain('2023年12月5日'); // the accepted spellings are listed
    expect(files(r.dir)).toEqual(r.before);
  });
});

describe('import-richtext-link: linked text with mixed formatting', () => {
  for (const file of ['import-richtext-link/t2-hyperlink-richtext.xlsx', 'import-richtext-link/t2b-hyperlink-plain.xlsx']) {
    it(`${path.basename(file)}: the text the unit sees, and a warning that the link is not imported`, async () => {
      const r = await importCase(file);
      expect(r.exit, r.err).toBe(0);
      expect(r.entry(16)?.progress).toBe('已完成整改，公示照片见镇政府网站');
      expect(lineAt(r.err, file, '进展填报!I14', 'warning')).toContain('http://www.example.gov.cn/gs/2023/16.html');
      expect(readFileSync(path.join(r.dir, 'progress', `${PERIOD}.json`), 'utf8')).not.toContain('[object Object]');
    });
  }
});

describe('the same cell through readXlsx (exceljs; init reads office tables with it)', () => {
  it('gives the linked rich text as text, not [object Object]', async () => {
    const sheets = await readXlsx(readFileSync(path.join(CASES, 'import-richtext-link/t2-hyperlink-richtext.xlsx')));
    expect(sheets.find((s) => s.name === '进展填报')!.cell(14, 9).value).toBe('已完成整改，公示照片见镇政府网站');
  });
});

describe('import-pictures-in-form: photos in the form', () => {
  /** The image part inside the case's own zip, read with fflate. */
  const imageOf = (file: string) => unzipSync(new Uint8Array(readFileSync(path.join(CASES, file))))['xl/media/image1.png']!;

  for (const file of ['import-pictures-in-form/t15-wps-cell-image.xlsx', 'import-pictures-in-form/t16-floating-photo.xlsx']) {
    it(`${path.basename(file)}: the picture on K14 becomes evidence/16/经发办-2023-12-1.png, listed for problem 16`, async () => {
      const r = await importCase(file);
      expect(r.exit, r.err).toBe(0);
      expect(r.entry(16)?.evidence).toEqual(['16/经发办-2023-12-1.png']);
      expect(Buffer.from(readFileSync(path.join(r.dir, 'evidence', '16', '经发办-2023-12-1.png'))).equals(Buffer.from(imageOf(file)))).toBe(true);
      expect(r.out).toContain('进展填报!K14 提取图片');
      expect(JSON.stringify(r.entry(16))).not.toContain('DISPIMG');
      const check = await runCli(['check', r.dir]);
      expect(check.exit, check.out).toBe(0);
    });
  }

  it('t15b: a WPS picture in 整改进展 (I14) is an error naming the cell and the picture; nothing written, no formula in the file', async () => {
    const file = 'import-pictures-in-form/t15b-wps-cell-image-in-progress.xlsx';
    const r = await importCase(file);
    expect(r.exit).toBe(1);
    const line = lineAt(r.err, file, '进展填报!I14', 'error');
    expect(line, r.err).toContain('图片');
    expect(line).toContain('K14');
    expect(files(r.dir)).toEqual(r.before);
  });
});

describe('import-everyday-dates: 2023年10月30号', () => {
  it('reads 2023-10-30 and says so at J14', async () => {
    const file = 'import-everyday-dates/t17-date-hao.xlsx';
    const r = await importCase(file);
    expect(r.exit, r.err).toBe(0);
    expect(r.entry(16)?.completedOn).toBe('2023-10-30');
    expect(lineAt(r.err, file, '进展填报!J14', 'warning')).toContain('读作 2023-10-30');
  });
});

describe('form-many-extra-rows: 130,000 rows below the table', () => {
  it('is one error at I7 naming five cells and counting the other 129,995, quickly, without a crash; nothing written', async () => {
    const file = 'form-many-extra-rows/规建办-130k-rows.xlsx';
    const started = performance.now();
    const r = await importCase(file);
    const seconds = (performance.now() - started) / 1000;
    expect(r.exit).toBe(1);
    const line = lineAt(r.err, file, '进展填报!I7', 'error');
    expect(line, r.err).toBeDefined();
    expect(line).toContain('I7、I8、I9、I10、I11 及另外 129,995 处');
    expect(r.err.split('\n').length).toBeLessThan(10);
    expect(r.err).not.toContain('内部错误');
    expect(seconds).toBeLessThan(30);
    expect(files(r.dir)).toEqual(r.before);
  }, 60_000);
});

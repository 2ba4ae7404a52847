// The third level of docs/format.md#checking-output: LibreOffice prints both task tables, and
// the PDFs are landscape A4 with the header on every page and every text of
// the data whole. One soffice run converts every file (beforeAll).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf, findSoffice, fontsConfPath, SofficeNotFoundError } from '../../src/write/pdf.js';
import { taskTableDocx } from '../../src/documents/task-table.js';
import { taskTableXlsx } from '../../src/documents/task-table.js';
import type { Plan } from '../../src/model/plan-schema.js';
import { expectedTexts, fieldsOf, squash } from '../helpers/expected.js';
import { OTHER_COLUMNS, syntheticPlan } from '../helpers/synthetic-plan.js';
import { describeWithTools, itWithTools, pdfFaces, runTool } from '../helpers/tools.js';

/**
 * Is `text` in `doc` (both squashed)? A cell that a page break divides comes
 * out in pieces (the next page's header lies between), so the text may be
 * found as consecutive pieces, a few more for longer texts.
 */
function foundInPieces(text: string, doc: string): boolean {
  let rest = squash(text);
  const maxPieces = 2 + Math.floor(rest.length / 250);
  for (let pieces = 0; rest.length > 0; pieces += 1) {
    if (pieces === maxPieces) return false;
    let lo = 0;
    let hi = rest.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (doc.includes(rest.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    if (lo === 0) return false;
    rest = rest.slice(lo);
  }
  return true;
}

interface Case {
  readonly name: string;
  readonly plan: Plan;
  /** A header text that no cell repeats: counted once a page. */
  readonly headerMark: string;
}

const cases: Case[] = [
  { name: 'small', plan: syntheticPlan(21), headerMark: '整改时限' },
  { name: 'large', plan: syntheticPlan(300, { seed: 7 }), headerMark: '整改时限' },
  { name: 'other', plan: syntheticPlan(15, { tableColumns: OTHER_COLUMNS, extraFields: true }), headerMark: '完成时限' },
];

describeWithTools(['soffice', 'pdftotext', 'pdfinfo', 'pdffonts'], 'task table PDFs (LibreOffice)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-pdf-'));
  const profiles = mkdtempSync(join(tmpdir(), 'zhenggai-pdf-profiles-'));
  const pdfs = new Map<string, string>();

  beforeAll(async () => {
    const files: string[] = [];
    for (const c of cases) {
      const xlsx = join(dir, `${c.name}-table.xlsx`);
      const docx = join(dir, `${c.name}-table.docx`.replace('-table.docx', '-table-w.docx'));
      writeFileSync(xlsx, (await taskTableXlsx(c.plan)).buffer);
      writeFileSync(docx, await taskTableDocx(c.plan));
      files.push(xlsx, docx);
    }
    const out = await convertToPdf(files, dir, { tempDir: profiles });
    cases.forEach((c, i) => {
      pdfs.set(`${c.name}.xlsx`, out[2 * i]!);
      pdfs.set(`${c.name}.docx`, out[2 * i + 1]!);
    });
  }, 600_000);

  const info = (pdf: string) => runTool('pdfinfo', [pdf]);
  const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(info(pdf))![1]);
  const pageText = (pdf: string, page: number) => squash(runTool('pdftotext', ['-raw', '-f', String(page), '-l', String(page), pdf, '-']));

  for (const c of cases) {
    for (const kind of ['xlsx', 'docx'] as const) {
      describe(`${c.name} plan, ${kind}`, () => {
        it('is landscape A4 (842 × 595 pt) on every page', () => {
          const pdf = pdfs.get(`${c.name}.${kind}`)!;
          const sizes = [...runTool('pdfinfo', ['-f', '1', '-l', String(pages(pdf)), pdf]).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)];
          expect(sizes).toHaveLength(pages(pdf));
          for (const [, w, h] of sizes) {
            expect(Number(w)).toBeCloseTo(841.89, 1); // 297 mm
            expect(Number(h)).toBeCloseTo(595.28, 0); // 210 mm
          }
        });

        it('shows every text of the data whole', () => {
          const pdf = pdfs.get(`${c.name}.${kind}`)!;
          const doc = squash(runTool('pdftotext', ['-raw', pdf, '-']));
          expect(doc).toContain(squash(c.plan.plan.attachmentTitle));
          expect(doc.startsWith('附件') || doc.includes('附件')).toBe(true);
          const fields = fieldsOf(c.plan);
          const missing: string[] = [];
          expectedTexts(c.plan).forEach((texts, r) => {
            texts.forEach((text, col) => {
              if (text !== '' && !foundInPieces(text, doc)) missing.push(`problem ${c.plan.problems[r]!.number} ${fields[col]}: ${text.slice(0, 40)}`);
            });
          });
          expect(missing).toEqual([]);
        });

        it('prints every text at 9 pt or more (word boxes are 1.3 times the size of 仿宋 and 小标宋, more for 黑体)', () => {
          const pdf = pdfs.get(`${c.name}.${kind}`)!;
          const xml = runTool('pdftotext', ['-bbox', pdf, '-']);
          const sizes = [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map((m) => (Number(m[2]) - Number(m[1])) / 1.3);
          expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8.95);
        });

        it('repeats the header on every page and numbers every page', () => {
          const pdf = pdfs.get(`${c.name}.${kind}`)!;
          const n = pages(pdf);
          expect(n).toBeGreaterThan(0);
          for (let p = 1; p <= n; p += 1) {
            const text = pageText(pdf, p);
            expect(text.split(c.headerMark).length - 1, `page ${p}`).toBe(1);
            expect(text, `page ${p}`).toContain(`—${p}—`);
          }
        });

        itWithTools(['fandol-fonts'], 'uses the faces fonts.conf maps the official names to, and no fallback', () => {
          const faces = pdfFaces(pdfs.get(`${c.name}.${kind}`)!);
          expect(faces).toContain('FandolFang-Regular'); // 仿宋 (cells)
          expect(faces.some((f) => f.startsWith('UMingCN'))).toBe(true); // 宋体 (page numbers)
          expect(faces.some((f) => /^NotoSansCJK\w*-Regular/.test(f))).toBe(true); // 黑体 (header)
          expect(faces.some((f) => /^NotoSerifCJK\w*-Bold/.test(f))).toBe(true); // 小标宋 (title), Bold by fonts.conf
          expect(faces.filter((f) => !/^(FandolFang|UMingCN|NotoSansCJK|NotoSerifCJK)/.test(f))).toEqual([]);
        });
      });
    }
  }

  it('gives the large plan many pages in both formats', () => {
    expect(pages(pdfs.get('large.xlsx')!)).toBeGreaterThan(50);
    expect(pages(pdfs.get('large.docx')!)).toBeGreaterThan(50);
  });

  it('leaves no LibreOffice profile behind', () => {
    expect(readdirSync(profiles)).toEqual([]);
  });
});

describe('convertToPdf without LibreOffice', () => {
  it('throws SofficeNotFoundError with a Chinese and English message', async () => {
    const none = { env: { PATH: '/nonexistent' }, installPlaces: [] };
    expect(await findSoffice(none.env, none.installPlaces)).toBeUndefined();
    const error = await convertToPdf(['/tmp/x.docx'], tmpdir(), { search: none }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SofficeNotFoundError);
    expect((error as Error).message).toMatch(/未找到 LibreOffice/);
    expect((error as Error).message).toMatch(/LibreOffice \(soffice\) not found/);
  });

  it('finds the project’s fonts.conf from its own place in the package', () => {
    expect(fontsConfPath()).toMatch(/fonts[\\/]fonts\.conf$/);
  });

  it('does nothing for no files', async () => {
    expect(await convertToPdf([], tmpdir())).toEqual([]);
  });
});

describeWithTools(['fc-match', 'fandol-fonts'], 'fonts/fonts.conf', () => {
  const match = (conf: string, pattern: string) => runTool('env', [`FONTCONFIG_FILE=${conf}`, 'fc-match', '-f', '%{family[0]} %{weight}', pattern]);
  /** fontconfig's weight of a Bold face (FC_WEIGHT_BOLD); Regular is 80. */
  const BOLD = 200;

  it.each([
    ['方正小标宋简体', `Noto Serif CJK SC ${BOLD}`],
    ['方正小标宋_GBK', `Noto Serif CJK SC ${BOLD}`],
    ['小标宋', `Noto Serif CJK SC ${BOLD}`],
    ['仿宋_GB2312', 'FandolFang 80'],
    ['仿宋', 'FandolFang 80'],
    ['FangSong', 'FandolFang 80'],
    ['宋体', 'AR PL UMing CN 50'],
    ['黑体', 'Noto Sans CJK SC 80'],
    ['楷体_GB2312', 'FandolKai 80'],
    ['楷体', 'FandolKai 80'],
    ['KaiTi', 'FandolKai 80'],
  ])('maps %s to %s (family, weight)', (name, face) => {
    expect(match(fontsConfPath(), name)).toBe(face);
  });

  it('falls back to AR PL UMing CN and AR PL UKai CN where the Fandol fonts are missing', (ctx) => {
    // The same map without its font folders (fonts/fandol/ is relative to the file).
    const dir = mkdtempSync(join(tmpdir(), 'zhenggai-fonts-conf-'));
    const conf = join(dir, 'fonts.conf');
    writeFileSync(conf, readFileSync(fontsConfPath(), 'utf8').replace(/^\s*<dir\b.*<\/dir>$/gm, ''));
    // Fandol installed for the whole system: nothing to fall back from here.
    if (match(conf, 'FandolFang').startsWith('FandolFang ')) ctx.skip();
    expect(match(conf, '仿宋_GB2312')).toMatch(/^AR PL UMing CN /);
    expect(match(conf, '楷体_GB2312')).toMatch(/^AR PL UKai CN /);
  });

  it('leaves other names alone', () => {
    const out = match(fontsConfPath(), 'serif');
    expect(out).not.toMatch(/UMing|UKai|Fandol/);
    expect(out).not.toMatch(new RegExp(` ${BOLD}$`));
  });
});

// Damaged and hostile forms through import's cell reader
// (src/formats/xlsx/cell-reader.ts): whatever is wrong inside the package —
// XML that does not parse, nesting deep enough to exhaust a recursive walk,
// bytes that are not UTF-8, references to parts that are not there — ends in
// exit 1 with the file named, never an internal error.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { CORPUS_PERIOD, CORPUS_PLAN, goodForm } from '../import/broken-forms.js';
import { FormFile, pngPixel } from '../import/form-builder.js';

let good: Uint8Array;
beforeAll(async () => {
  good = await goodForm();
});

async function importBytes(bytes: Uint8Array) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-hostile-form-'));
  const dir = path.join(tmp, 'plan');
  cpSync(CORPUS_PLAN, dir, { recursive: true });
  const file = path.join(tmp, '农办.xlsx');
  writeFileSync(file, bytes);
  return { ...(await runCli(['import', dir, '--period', CORPUS_PERIOD, file])), file };
}

function withPart(bytes: Uint8Array, part: string, edit: (xml: string) => string | Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const edited = edit(files[part] ? strFromU8(files[part]) : '');
  files[part] = typeof edited === 'string' ? strToU8(edited) : edited;
  return zipSync(files, { mtime: new Date(2024, 0, 1) });
}

describe('a damaged form is a placed error, never an internal one', () => {
  it('a drawing nested 20,000 deep (small enough for the zip checks, deep enough to exhaust a recursive walk)', async () => {
    const f = new FormFile(good).floatingPicture('进展填报', 'K5', pngPixel());
    const bytes = f.bytes();
    const drawing = Object.keys(unzipSync(bytes)).find((p) => p.startsWith('xl/drawings/') && p.endsWith('.xml'))!;
    const r = await importBytes(withPart(bytes, drawing, (xml) => xml.replace('<xdr:clientData/>', `${'<xdr:grpSp>'.repeat(20_000)}${'</xdr:grpSp>'.repeat(20_000)}<xdr:clientData/>`)));
    expect(r.exit).toBe(1);
    expect(r.err).toContain(`${r.file}  error  无法读取此 Excel 文件`);
    expect(r.err).toContain('嵌套');
  });

  it('a sheet that is not UTF-8, a shared string that is not there, an entity never declared', async () => {
    const sheet = new FormFile(good).sheetPart('进展填报');
    for (const broken of [
      withPart(good, sheet, () => new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e])),
      withPart(good, sheet, (xml) => xml.replace(/<c r="I5"([^>]*) t="s"><v>\d+<\/v>/, '<c r="I5"$1 t="s"><v>99999</v>')),
      withPart(good, sheet, (xml) => xml.replace('</sheetData>', '<row r="9"><c r="A9" t="inlineStr"><is><t>&bomb;</t></is></c></row></sheetData>')),
      withPart(good, 'xl/workbook.xml', (xml) => xml.replace(/r:id="rId\d+"/, 'r:id="rId999"')),
    ]) {
      const r = await importBytes(broken);
      expect(r.exit, r.err).toBe(1);
      expect(r.err).not.toContain('内部错误');
      expect(r.err.split('\n').some((l) => l.startsWith(`${r.file} `))).toBe(true);
    }
  });

  it('a picture placed at an absolute position (no anchor cell) is an error naming the sheet', async () => {
    const bytes = new FormFile(good).floatingPicture('进展填报', 'K5', pngPixel()).bytes();
    const drawing = Object.keys(unzipSync(bytes)).find((p) => p.startsWith('xl/drawings/') && p.endsWith('.xml'))!;
    const absolute = withPart(bytes, drawing, (xml) =>
      xml
        .replace(/<xdr:twoCellAnchor[^>]*>[\s\S]*?<\/xdr:to>/, '<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="952500" cy="714375"/>')
        .replace('</xdr:twoCellAnchor>', '</xdr:absoluteAnchor>'),
    );
    const r = await importBytes(absolute);
    expect(r.exit).toBe(1);
    expect(r.err).toContain(`${r.file} 进展填报!  error  工作表中有一张未锚定在单元格上的浮动图片`);
  });

  it('random damage to the sheet XML: exit 0 or 1, and a placed message on 1', async () => {
    const sheet = new FormFile(good).sheetPart('进展填报');
    const xml = strFromU8(unzipSync(good)[sheet]!);
    const damage = fc.array(fc.tuple(fc.nat(xml.length - 1), fc.constantFrom('<', '>', '&', '"', '/', '<c r="ZZZ9">', '</row>', '<row r="0">', '\u0000', 'é', '_x0000_', ''), fc.nat(20)), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(damage, async (edits) => {
        let text = xml;
        for (const [at, insert, cut] of edits) text = text.slice(0, at % text.length) + insert + text.slice((at % text.length) + cut);
        const r = await importBytes(withPart(good, sheet, () => text));
        expect([0, 1], r.err).toContain(r.exit);
        if (r.exit === 1) expect(r.err.split('\n').some((l) => l.startsWith(`${r.file} `) && / {2}error {2}/.test(l)), r.err).toBe(true);
      }),
      { numRuns: Number(process.env.FC_IMPORT_RUNS ?? 40), ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
  }, 120_000);
});

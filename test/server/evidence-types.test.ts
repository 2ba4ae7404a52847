// Evidence types decided by content (src/server/evidence.ts checkUploads):
// the six types allowed, each found by file-type in the bytes; the name
// keeps its stem and takes the true type's extension; a plain zip, a GIF,
// HTML are refused with the message at the field.

import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { checkUploads } from '../../src/server/evidence.js';

// Minimal headers written out by hand: an HEIC's ftyp box (brand heic), a JPEG's SOI/APP0 (JFIF)/EOI, a GIF89a.
const HEIC = Buffer.from('000000186674797068656963000000006d69663168656963', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const GIF = Buffer.from('474946383961010001000000002c00000000010001000002003b', 'hex');

it('accepts JPEG, HEIC, Word and Excel by content, with the true type’s extension on the name’s stem', async () => {
  const { passed, refusals } = await checkUploads(
    [
      { filename: 'IMG_0001.HEIC', data: HEIC },
      { filename: '现场.jpeg', data: JPEG },
      { filename: '台账', data: readFileSync('test/fixtures/broken-forms/bad-status.xlsx') },
      { filename: '纪要.doc', data: readFileSync('test/fixtures/cases/init-header-synonyms/i5-header-synonyms.docx') },
    ],
    [],
  );
  expect(refusals).toEqual([]);
  expect(passed.map((p) => [p.name, p.type])).toEqual([
    ['IMG_0001.heic', 'heic'],
    ['现场.jpg', 'jpg'],
    ['台账.xlsx', 'xlsx'],
    ['纪要.docx', 'docx'],
  ]);
});

it('refuses a plain zip, a GIF and HTML, whatever they are named', async () => {
  const zip = Buffer.from(zipSync({ 'a.txt': new Uint8Array([104, 105]) }));
  const { passed, refusals } = await checkUploads(
    [
      { filename: '材料.docx', data: zip },
      { filename: '动图.png', data: GIF },
      { filename: 'x.pdf', data: Buffer.from('<!doctype html><p>hi') },
    ],
    [],
  );
  expect(passed).toEqual([]);
  expect(refusals).toEqual([
    '“材料.docx”：按文件内容是 zip 文件，只接受照片（JPEG、PNG、HEIC）、PDF、Word（.docx）和 Excel（.xlsx）文件',
    '“动图.png”：按文件内容是 gif 文件，只接受照片（JPEG、PNG、HEIC）、PDF、Word（.docx）和 Excel（.xlsx）文件',
    '“x.pdf”：按文件内容不是可识别的图片或文档，只接受照片（JPEG、PNG、HEIC）、PDF、Word（.docx）和 Excel（.xlsx）文件',
  ]);
});

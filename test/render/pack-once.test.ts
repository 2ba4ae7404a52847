// Official documents are deflated once (packDeterministicDocx): docx's compiled
// parts are fixed and zipped, instead of docx zipping them, the zip being
// unzipped to fix it and zipped again (withDeterministicParts). The bytes must
// be those of the two passes, with a chart (random ids, embedded workbook,
// drawing ids) and without one.
import { describe, expect, test } from 'vitest';
import type { OfficialDocument } from '../../src/model/document/official-document.js';
import { withDeterministicParts } from '../../src/render/docx/deterministic.js';
import { buildOfficialDocument } from '../../src/render/docx/official-document.js';
import { packDeterministicDocx, packDocx } from '../../src/render/docx/pack.js';
import { bundledNotice, CONTINUOUS_TEXT, UP_REPORT } from './official-document.support.js';

async function twoPasses(doc: OfficialDocument, meta: { title: string; date: string }): Promise<Buffer> {
  return withDeterministicParts(await packDocx(buildOfficialDocument(doc), meta), meta.date);
}

describe('packDeterministicDocx', () => {
  const cases: [string, () => Promise<OfficialDocument>][] = [
    ['a report with a chart', async () => UP_REPORT],
    ['a page of text', async () => CONTINUOUS_TEXT],
    ['the bundled notice with its task table', async () => (await bundledNotice()).doc],
  ];
  test.each(cases)('gives the bytes of packing, unzipping, fixing and zipping again: %s', async (_, make) => {
    const doc = await make();
    const meta = { title: doc.title.lines.join(''), date: '2024-03-05' };
    // Each pass builds its own Document (docx's drawing counter runs on between them; both number from 1).
    const once = packDeterministicDocx(buildOfficialDocument(doc), meta);
    expect(once.equals(await twoPasses(doc, meta))).toBe(true);
    expect(packDeterministicDocx(buildOfficialDocument(doc), meta).equals(once)).toBe(true);
  });
});

// An official document (model/document/official-document.ts) as a GB/T 9704-2012
// Word file. One portrait section holds the 版头, the 主体 and the documents
// it issues (enclosures); each attachment is a section of its own (a new
// page; the task table landscape); the 版记, when the data has one, is a last
// section on an even page. Page numbers run on through every section.

import { AlignmentType, Document, type FileChild, type ISectionOptions } from 'docx';
import type { Attachment, Enclosure, OfficialDocument } from '../../model/document/official-document.js';
import {
  ATTACHMENT_BODY_BLANK_LINES,
  ATTACHMENT_LABEL_FONT,
  ATTACHMENT_LABEL_SIZE_HALF_PT,
  ATTACHMENT_TITLE_BLANK_LINES,
  BODY_FONT,
  BODY_SIZE_HALF_PT,
  ENCLOSURE_TITLE_BLANK_LINES,
  RECIPIENTS_BLANK_LINES,
  TITLE_BLANK_LINES,
} from '../../layout/gbt9704.js';
import { blockParagraphs } from './blocks.js';
import { colophonSection } from './colophon.js';
import { cjkFont, CHINESE_TEXT } from './fonts.js';
import { headerParagraphs } from './header.js';
import { packDeterministicDocx } from './pack.js';
import { attachmentsNoteParagraphs, blankLines, gridParagraph, recipientsParagraph, textRuns, titleParagraph } from './paragraphs.js';
import { portraitSection } from './portrait-section.js';
import { landscapeSection } from './section.js';
import { annotationParagraph, signatureParagraphs } from './signature.js';
import { taskTableSection } from './task-table.js';

/** The zip format's first day: the fixed timestamp of a document with neither date nor 印发日期. */
const UNDATED = '1980-01-01';

/** The document as .docx bytes; the same document always gives the same bytes. */
export async function renderOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  const title = doc.title.lines.join('');
  const date = doc.signature?.date ?? doc.colophon?.printDate ?? UNDATED;
  return packDeterministicDocx(buildOfficialDocument(doc), { title, date });
}

export function buildOfficialDocument(doc: OfficialDocument): Document {
  return new Document({
    creator: 'zhenggai',
    lastModifiedBy: 'zhenggai',
    title: doc.title.lines.join(''),
    // §7.5: odd pages carry the number on the right, even pages on the left.
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: cjkFont(BODY_FONT), size: BODY_SIZE_HALF_PT, language: CHINESE_TEXT } } } },
    sections: officialDocumentSections(doc),
  });
}

export function officialDocumentSections(doc: OfficialDocument): ISectionOptions[] {
  return [
    portraitSection([...mainChildren(doc), ...doc.enclosures.flatMap(enclosureChildren)], { firstPageNumber: 1 }),
    ...doc.attachments.map(attachmentSection),
    ...(doc.colophon === undefined ? [] : [colophonSection(doc.colophon)]),
  ];
}

/** 版头, title, 主送, body, 附件说明, 署名 and date, 附注 — GB/T 9704 §7.2, §7.3 in order. */
function mainChildren(doc: OfficialDocument): FileChild[] {
  const signed = doc.signature !== undefined;
  const note = doc.attachmentsNote ?? [];
  return [
    ...headerParagraphs(doc.header),
    ...blankLines(TITLE_BLANK_LINES),
    titleParagraph(doc.title.lines),
    ...blankLines(RECIPIENTS_BLANK_LINES),
    ...(doc.recipients === undefined ? [] : [recipientsParagraph(doc.recipients)]),
    // A signature never stands on a page without text (§7.3.5.3 would rather tighten the
    // spacing), so the text just above it — the 附件说明, else the body's last lines — moves with it.
    ...blockParagraphs(doc.body, signed && note.length === 0),
    ...attachmentsNoteParagraphs(note, signed),
    ...(doc.signature === undefined ? [] : signatureParagraphs(doc.signature, doc.annotation !== undefined)),
    ...(doc.annotation === undefined ? [] : [annotationParagraph(doc.annotation)]),
  ];
}

/** A document this one issues: its own title and numbering, its own 附件说明 at its end. */
function enclosureChildren(enclosure: Enclosure): FileChild[] {
  return [
    titleParagraph(enclosure.title.lines, { pageBreakBefore: enclosure.newPage }),
    ...blankLines(ENCLOSURE_TITLE_BLANK_LINES),
    ...blockParagraphs(enclosure.body),
    ...attachmentsNoteParagraphs(enclosure.attachmentsNote ?? []),
  ];
}

/**
 * Each attachment on a new page. The task table always goes landscape: its
 * column widths are the landscape type area's (task-table.ts, the one table
 * builder the standalone table uses too).
 */
function attachmentSection(attachment: Attachment): ISectionOptions {
  const { content } = attachment;
  if (content.kind === 'taskTable') {
    return taskTableSection({ ...content.table, label: attachment.label, titleLines: attachment.title.lines });
  }
  const children = [...attachmentHead(attachment), ...blankLines(ATTACHMENT_BODY_BLANK_LINES), ...blockParagraphs(content.blocks)];
  return attachment.orientation === 'landscape' ? landscapeSection(children) : portraitSection(children);
}

/** §7.3.7: 附件 (附件2) in 3号黑体 flush left on the first line; the title centred on the third. */
function attachmentHead(attachment: Attachment): FileChild[] {
  return [
    gridParagraph(textRuns(attachment.label, { face: ATTACHMENT_LABEL_FONT, sizeHalfPt: ATTACHMENT_LABEL_SIZE_HALF_PT }), { alignment: AlignmentType.LEFT }),
    ...blankLines(ATTACHMENT_TITLE_BLANK_LINES),
    titleParagraph(attachment.title.lines),
  ];
}

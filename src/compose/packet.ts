// The county packet (报送材料): which parts it has, in which order, under which
// names, and its contents list worded by templates/packet.hbs. Pure: the
// files' bytes are made elsewhere and written by write/packet.
import { shownNumber } from '../model/numbering.js';
import type { IsoDate } from '../model/dates.js';
import type { EvidenceItem } from '../model/evidence-item.js';
import type { Problem } from '../model/plan-schema.js';
import { safeFileName, safeFileNameKeepingExtension, safeFileStem, uniqueNames } from '../layout/safe-name.js';
import {
  EVIDENCE_FOLDER,
  type ContentsList,
  type PartKind,
  type PacketPart,
  type EvidenceCopy,
  type PacketLayout,
} from '../model/document/packet.js';
import { CONTENTS_LIST_HEADERS } from '../model/vocabulary.js';
import type { TemplateSet } from '../templates/load.js';
import { renderPhrases } from '../templates/phrases.js';

/** Characters of a problem's summary kept in its evidence folder's name. */
export const SHORT_SUMMARY_CHARS = 16;

const pad = (n: number) => String(n).padStart(2, '0');

/** The summary up to its first full stop or comma, shortened: enough to recognise the problem in a folder list. */
export function shortSummary(summary: string): string {
  const clause = summary.split(/[。，；：,;:]/u)[0] ?? summary;
  return [...clause].slice(0, SHORT_SUMMARY_CHARS).join('');
}

/** A document part of the packet, before it is numbered: the report, the ledger, a set of closure forms. */
export interface PacketDocumentPart {
  readonly kind: Exclude<PartKind, 'evidence'>;
  /** As the contents list names it. */
  readonly title: string;
  /** The file name without its number and extension. */
  readonly stem: string;
  readonly extension: 'docx' | 'xlsx';
}

/**
 * Number the parts in the order given and name their files `<NN>-<stem>.<ext>`;
 * the evidence folder, when any problem has evidence, comes last. Parts with
 * nothing in them are left out by the caller, so the numbers close up.
 */
export function layoutPacket(documents: readonly PacketDocumentPart[], problems: readonly Problem[], evidence: ReadonlyMap<number, EvidenceItem[]>): PacketLayout {
  const copies = evidenceCopies(problems, evidence, `${pad(documents.length + 1)}-${EVIDENCE_FOLDER}`);
  const parts = documents.map((doc, i): PacketPart => ({ index: i + 1, kind: doc.kind, title: doc.title, files: [safeFileName(`${pad(i + 1)}-${doc.stem}`, doc.extension)] }));
  if (copies.length > 0) parts.push({ index: parts.length + 1, kind: 'evidence', title: EVIDENCE_FOLDER, files: copies.map((c) => c.to) });
  return { parts, evidence: copies };
}

/**
 * A problem's number in its evidence folder's name: the plan-wide number,
 * padded to the widest number of the plan (03, or 003 in a plan of more than
 * 99 problems), so that folders sort in plan order in any file list — a zip's,
 * the manifest's, a file manager that compares names character by character;
 * in a plan numbered per category, followed by the shown number (04-二-1),
 * which names the problem as the county knows it (二-10 alone sorted before
 * 二-2, and 100 before 99).
 */
function evidenceFolderNumber(problem: Problem, digits: number): string {
  const ordinal = String(problem.number).padStart(digits, '0');
  const shown = shownNumber(problem);
  return shown === String(problem.number) ? ordinal : `${ordinal}-${shown}`;
}

/** One folder a problem, `<序号>-<short summary>`, holding every evidence file so far. */
function evidenceCopies(problems: readonly Problem[], evidence: ReadonlyMap<number, EvidenceItem[]>, root: string): EvidenceCopy[] {
  const copies: EvidenceCopy[] = [];
  const digits = Math.max(2, ...problems.map((p) => String(p.number).length));
  for (const problem of problems) {
    const items = evidence.get(problem.number) ?? [];
    if (items.length === 0) continue;
    const folder = `${root}/${safeFileStem(`${evidenceFolderNumber(problem, digits)}-${shortSummary(problem.summary)}`)}`;
    // Files from different months may share a name: keep each, numbered.
    const names = uniqueNames(items.map((item) => safeFileNameKeepingExtension(item.path.split('/').pop() ?? item.path)));
    items.forEach((item, i) => copies.push({ problem: problem.number, shownNumber: shownNumber(problem), from: item.path, to: `${folder}/${names[i]}` }));
  }
  return copies;
}

// --- wording: templates/packet.hbs ---------------------------------------------

/** What templates/packet.hbs sees (documented in templates/README.md). */
export interface PacketTemplateContext {
  readonly period: string;
  readonly asOf: IsoDate;
  /** Who sends the packet: the report's 署名 (report.issuer). */
  readonly issuer: string;
  readonly planTitle: string;
  /** The plan's subject (plan.subject), else derived from the task table's title. */
  readonly subject: string;
}

/** The phrases packet.hbs gives. */
export const PACKET_PHRASES = ['title', 'subtitle', 'ledger'] as const;

/** The packet's own wording: the contents list's title and subtitle, and the ledger part's name in it. */
export interface PacketWording {
  readonly contentsTitle: string;
  readonly contentsSubtitle: string;
  readonly ledgerTitle: string;
}

export function packetWording(templates: Pick<TemplateSet, 'packet'>, context: PacketTemplateContext): PacketWording {
  const p = renderPhrases(templates.packet, context, PACKET_PHRASES);
  return { contentsTitle: p.text('title'), contentsSubtitle: p.text('subtitle'), ledgerTitle: p.text('ledger') };
}

/** The contents list: every part with its file count, and its page count by part index when PDFs were made. */
export function composeContentsList(layout: PacketLayout, wording: PacketWording, pages: ReadonlyMap<number, number> | undefined, date: IsoDate): ContentsList {
  return {
    title: wording.contentsTitle,
    subtitle: wording.contentsSubtitle,
    headers: CONTENTS_LIST_HEADERS,
    rows: layout.parts.map((part) => ({ index: part.index, title: part.title, fileCount: part.files.length, ...(pages?.has(part.index) ? { pageCount: pages.get(part.index)! } : {}) })),
    date,
  };
}

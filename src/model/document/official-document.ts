// An official document (公文, GB/T 9704-2012) as a model: which elements it
// has and what they say, in reading order. No fonts, no twips, no page
// geometry: the Word renderer (with layout/gbt9704.ts and friends) turns
// this into pages. Compose modules build it; nothing here reads files.

import type { IsoDate } from '../dates.js';
import { chineseNumeral } from '../measures.js';
import type { ChartSpec } from './chart-spec.js';
import type { TaskTableModel } from './task-table.js';

/**
 * 版头. A 下行文 (to lower offices) centres the 发文字号; a 上行文 (a report to
 * the county) puts it on the left with 签发人 on the right of the same line.
 */
export type DocumentHeader =
  | { readonly kind: 'down'; readonly issuerMark: string; readonly docNumber: string }
  | { readonly kind: 'up'; readonly issuerMark: string; readonly docNumber: string; readonly signer: string }
  /**
   * 信函格式 (GB/T 9704 §10.1), the format of a 函 such as a supervision
   * notice: the mark near the top, a red double line under it, the 发文字号
   * on the right below the line — a short letter fits on one page.
   */
  | { readonly kind: 'letter'; readonly issuerMark: string; readonly docNumber: string };

/** A title as printed: one entry a line (GB/T 9704 §7.3.1: long titles break into balanced lines). */
export interface DocumentTitle {
  readonly lines: readonly string[];
}

export type HeadingLevel = 1 | 2 | 3 | 4;

/**
 * The body's building blocks. Heading text never carries its number: the
 * renderer asks numberHeadings() for 一、 （一） 1. （1）, so numbering cannot
 * disagree with structure and is never sniffed out of free text.
 */
export type Block =
  /** A heading on its own line. */
  | { readonly kind: 'heading'; readonly level: HeadingLevel; readonly text: string }
  /**
   * A run-in heading (段首小标题): number and heading in the heading's font,
   * then the text in body font, all one paragraph — the seed's
   * “（一）强化组织领导。成立……”. Counts in the same sequence as headings of its level.
   */
  | { readonly kind: 'runIn'; readonly level: HeadingLevel; readonly heading: string; readonly text: string }
  /** A body paragraph (first line indented two characters). */
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'pageBreak' }
  /** A chart set on its own between paragraphs (a report's completion by lead unit). */
  | { readonly kind: 'chart'; readonly chart: ChartSpec };

/** 附件说明 lines are attachment names; the renderer writes 附件： and numbers them when there are several. */
export type AttachmentsNote = readonly string[];

/**
 * A document issued by this one and printed after its signature — the plan a
 * 印发 notice sends out (the seed: notice, 署名, 附注, then the plan under its
 * own title). It has its own heading numbering and may carry the 附件说明
 * (the seed prints 附件： at the end of the plan, not of the notice).
 */
export interface Enclosure {
  readonly title: DocumentTitle;
  readonly body: readonly Block[];
  readonly attachmentsNote?: AttachmentsNote;
  /** Start the enclosure on a new page. */
  readonly newPage: boolean;
}

export interface Signature {
  /** 署名: the issuing office. */
  readonly signatory: string;
  /** 成文日期; printed 2023年9月7日. */
  readonly date: IsoDate;
  /** With a seal the date is right-indented 4 characters, without 2 (GB/T 9704 §7.3.5). */
  readonly sealed: boolean;
}

export interface Colophon {
  /** 抄送机关. */
  readonly cc?: readonly string[];
  /** 印发机关. */
  readonly printer: string;
  readonly printDate: IsoDate;
}

export type AttachmentContent =
  /**
   * A table of the problems, fully composed (see compose/task-table.ts): the
   * plan's task-decomposition table, or a report's progress table (the same
   * model with the period's columns added, compose/progress-table.ts).
   */
  | { readonly kind: 'taskTable'; readonly table: TaskTableModel }
  | { readonly kind: 'blocks'; readonly blocks: readonly Block[] };

export interface Attachment {
  /** 附件, or 附件1 / 附件2 when there are several. */
  readonly label: string;
  /** Wins over any title inside the content. */
  readonly title: DocumentTitle;
  readonly content: AttachmentContent;
  readonly orientation: 'portrait' | 'landscape';
}

/** Elements in GB/T 9704 order; the renderer lays them out in this order. */
export interface OfficialDocument {
  readonly header: DocumentHeader;
  readonly title: DocumentTitle;
  /** 主送机关, without the closing colon (the renderer adds ：). */
  readonly recipients?: string;
  readonly body: readonly Block[];
  /** 附件说明 right after the body (ordinary documents). */
  readonly attachmentsNote?: AttachmentsNote;
  readonly signature?: Signature;
  /** 附注 without its parentheses, e.g. 此件公开发布. */
  readonly annotation?: string;
  /** Documents this one issues, printed after the signature and 附注. */
  readonly enclosures: readonly Enclosure[];
  /** Each starts on a new page, before the 版记 (GB/T 9704 §8). */
  readonly attachments: readonly Attachment[];
  /** 版记, only when the data has one. */
  readonly colophon?: Colophon;
}

// --- heading numbers --------------------------------------------------------

const LEVELS = [1, 2, 3, 4] as const;

/**
 * The number text of the n-th heading (1-based) at a level: 一、 （一） 1. （1）
 * (GB/T 9704 §7.3.3). Levels 3 and 4 use Arabic numerals with a half-width
 * full stop and full-width parentheses respectively.
 */
export function headingNumber(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/**
 * The number of every heading and run-in heading in a block list, aligned by
 * index (null for other blocks). A heading restarts the count of every level
 * below it, so （一） starts again under each 一、. Call it once per body: an
 * enclosure or an attachment numbers from 一、 again.
 */
export function numberHeadings(blocks: readonly Block[]): (string | null)[] {
  const counters: Record<HeadingLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  return blocks.map((block) => {
    if (block.kind !== 'heading' && block.kind !== 'runIn') return null;
    counters[block.level] += 1;
    for (const deeper of LEVELS) if (deeper > block.level) counters[deeper] = 0;
    return headingNumber(block.level, counters[block.level]);
  });
}

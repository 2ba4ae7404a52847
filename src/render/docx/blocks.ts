// A body's blocks as Word paragraphs: headings numbered by numberHeadings
// (never sniffed from the text), run-in headings, paragraphs, page breaks and
// charts.

import type { Paragraph } from 'docx';
import { numberHeadings, type Block } from '../../model/document/official-document.js';
import { chartParagraph } from './chart.js';
import { bodyParagraph, headingParagraph, runInParagraph, type Flow } from './paragraphs.js';

/**
 * The paragraphs of a body. A page break becomes page-break-before on the
 * next paragraph rather than a break character, which would leave an empty
 * line at the top of the new page; a break with nothing after it is dropped.
 * `keepLastWithNext` keeps the end of the body on the page of what follows it
 * (the signature, which never stands on a page without text).
 */
export function blockParagraphs(blocks: readonly Block[], keepLastWithNext = false): Paragraph[] {
  const numbers = numberHeadings(blocks);
  const printed = blocks.flatMap((block, i) => (block.kind === 'pageBreak' ? [] : [{ block, number: numbers[i] ?? '', breakBefore: blocks[i - 1]?.kind === 'pageBreak' }]));
  return printed.map(({ block, number, breakBefore }, i) =>
    blockParagraph(block, number, { pageBreakBefore: breakBefore, keepNext: keepLastWithNext && i === printed.length - 1 }),
  );
}

function blockParagraph(block: Exclude<Block, { kind: 'pageBreak' }>, number: string, flow: Flow): Paragraph {
  switch (block.kind) {
    case 'heading':
      return headingParagraph(block.level, number, block.text, flow);
    case 'runIn':
      return runInParagraph(block.level, number, block.heading, block.text, flow);
    case 'paragraph':
      return bodyParagraph(block.text, flow);
    case 'chart':
      return chartParagraph(block.chart, flow);
  }
}

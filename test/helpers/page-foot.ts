// How much of a portrait page's type area a PDF leaves empty under its last
// line of text, in grid lines (GB/T 9704 §5.2.3: 22 lines of 579 twip fill
// the 225 mm type area). Measured from pdftotext's word boxes; the page
// number (— N —, under the type area) is not text of the page.
import { runTool } from './tools.js';

const PT_PER_MM = 72 / 25.4;
/** §5.2.1: the type area's foot, 37 + 225 mm from the top. */
const TYPE_FOOT_PT = (37 + 225) * PT_PER_MM;
const LINE_PT = 579 / 20;
/** A 三号 line's characters end about 1.5 mm above the foot of its exact grid line (gbt9704.ts TEXT_FOOT_ABOVE_LINE_FOOT_MM). */
const TEXT_FOOT_MM = 1.5;

/** Per page, from 1: the empty grid lines under the last text line, or null for a landscape page or one without text. */
export function emptyLinesAtFoot(pdf: string): (number | null)[] {
  const out = runTool('pdftotext', ['-bbox', pdf, '-']);
  return [...out.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, width, height, body]) => {
    if (Number(width) > Number(height)) return null;
    const feet = [...body!.matchAll(/yMax="([\d.]+)">([^<]*)<\/word>/g)].filter(([, y, text]) => !text!.includes('—') && Number(y) < TYPE_FOOT_PT + 5).map(([, y]) => Number(y));
    if (feet.length === 0) return null;
    const lastLineFoot = Math.max(...feet) + TEXT_FOOT_MM * PT_PER_MM;
    return Math.round(((TYPE_FOOT_PT - lastLineFoot) / LINE_PT) * 10) / 10;
  });
}

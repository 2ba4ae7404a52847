// Run fonts with every slot named. Word picks the face for Chinese text from
// the eastAsia slot and for Latin letters and digits from ascii/hAnsi; a bare
// font name fills only the Latin slots, so Chinese would fall back to the
// document default (docs/format.md#fonts).

import type { IFontAttributesProperties } from 'docx';
import { FONT_LATIN } from '../../layout/gbt9704.js';

/** A Chinese face for Chinese text, Times New Roman for Latin letters and digits. */
export function cjkFont(eastAsia: string): IFontAttributesProperties {
  return { ascii: FONT_LATIN, hAnsi: FONT_LATIN, eastAsia, cs: FONT_LATIN };
}

/** One face in every slot: for the page number, whose digits are 宋体 too (GB/T 9704 §7.5 半角宋体). */
export function singleFont(name: string): IFontAttributesProperties {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

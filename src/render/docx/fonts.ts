// Run fonts with every slot named. Word picks the face for Chinese text from
// the eastAsia slot and for Latin letters and digits from ascii/hAnsi; a bare
// font name fills only the Latin slots, so Chinese would fall back to the
// document default (docs/format.md#fonts).
//
// And the language of the Chinese text: each document's default run says its
// East Asian text is zh-CN, so Word and LibreOffice draw simplified-Chinese
// glyph forms and punctuation whatever the reader's own default language.

import type { IFontAttributesProperties, IRunOptions } from 'docx';
import { FONT_LATIN } from '../../layout/gbt9704.js';

/** A Chinese face for Chinese text, Times New Roman for Latin letters and digits. */
export function cjkFont(eastAsia: string): IFontAttributesProperties {
  return { ascii: FONT_LATIN, hAnsi: FONT_LATIN, eastAsia, cs: FONT_LATIN };
}

/** One face in every slot: for the page number, whose digits are 宋体 too (GB/T 9704 §7.5 半角宋体). */
export function singleFont(name: string): IFontAttributesProperties {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

/** The language of every document's East Asian text: `<w:lang w:eastAsia="zh-CN"/>` in the default run properties. */
export const CHINESE_TEXT = { eastAsia: 'zh-CN' } as const satisfies IRunOptions['language'];

// GB/T 9704-2012 党政机关公文格式 — the one module of layout constants.
//
// Every writer takes its numbers from here; nothing in render/ types a twip or
// a half-point of its own. Each constant carries its unit in its name and the
// clause of the standard beside it. Values are derived from the standard's
// millimetres and 字号 rather than retyped, so a reader can check the
// arithmetic once, here. Sections grow by document part: page, grid, fonts,
// sizes, page number, tables, colours. The notice writer extends this file.

// ---------------------------------------------------------------------------
// Units. OOXML measures page geometry in twips (1/20 pt), run sizes in
// half-points and borders in eighths of a point.

export const TWIP_PER_PT = 20;
export const TWIP_PER_INCH = 1440;
export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;
export const HALF_PT_PER_PT = 2;
export const EIGHTH_PT_PER_PT = 8;

/**
 * Millimetres to twips, rounded to the nearest twip. docx's own
 * convertMillimetersToTwip floors (37 mm → 2097), which moves the type area
 * by a twip against the standard's 37 mm = 2097.6 → 2098.
 */
export function mmToTwip(mm: number): number {
  return Math.round((mm * TWIP_PER_INCH) / MM_PER_INCH);
}

export function ptToTwip(pt: number): number {
  return Math.round(pt * TWIP_PER_PT);
}

export function ptToHalfPt(pt: number): number {
  return Math.round(pt * HALF_PT_PER_PT);
}

export function mmToPt(mm: number): number {
  return (mm * PT_PER_INCH) / MM_PER_INCH;
}

export function mmToInch(mm: number): number {
  return mm / MM_PER_INCH;
}

// ---------------------------------------------------------------------------
// Paper and type area — §5.1 幅面尺寸, §5.2.1 页边与版心尺寸.

/** §5.1: A4, 210 mm × 297 mm. */
export const A4_WIDTH_MM = 210;
export const A4_HEIGHT_MM = 297;
export const A4_WIDTH_TWIP = mmToTwip(A4_WIDTH_MM); // 11906
export const A4_HEIGHT_TWIP = mmToTwip(A4_HEIGHT_MM); // 16838

/** §5.2.1: 天头（上白边）37 mm ± 1 mm. */
export const MARGIN_TOP_MM = 37;
/** §5.2.1: 订口（左白边）28 mm ± 1 mm. */
export const MARGIN_LEFT_MM = 28;
/** §5.2.1: 版心 156 mm × 225 mm (不含页码). */
export const TYPE_AREA_WIDTH_MM = 156;
export const TYPE_AREA_HEIGHT_MM = 225;
/** §5.2.1: what the type area leaves on the right (切口): 210 − 28 − 156 = 26 mm. */
export const MARGIN_RIGHT_MM = A4_WIDTH_MM - MARGIN_LEFT_MM - TYPE_AREA_WIDTH_MM;
/** §5.2.1: what the type area leaves at the foot: 297 − 37 − 225 = 35 mm. */
export const MARGIN_BOTTOM_MM = A4_HEIGHT_MM - MARGIN_TOP_MM - TYPE_AREA_HEIGHT_MM;

export const MARGIN_TOP_TWIP = mmToTwip(MARGIN_TOP_MM); // 2098
export const MARGIN_LEFT_TWIP = mmToTwip(MARGIN_LEFT_MM); // 1587
export const MARGIN_RIGHT_TWIP = mmToTwip(MARGIN_RIGHT_MM); // 1474
export const MARGIN_BOTTOM_TWIP = mmToTwip(MARGIN_BOTTOM_MM); // 1984
export const TYPE_AREA_WIDTH_TWIP = mmToTwip(TYPE_AREA_WIDTH_MM); // 8844
export const TYPE_AREA_HEIGHT_TWIP = mmToTwip(TYPE_AREA_HEIGHT_MM); // 12756

/**
 * §8 公文中的表格: a landscape page is the portrait sheet turned a quarter
 * turn clockwise, so the table's head faces the binding edge (订口) on odd
 * pages and the outer edge (切口) on even pages, which are printed on the back.
 * The portrait margins therefore move round with the sheet:
 *
 *   landscape top    = portrait left   (订口 28 mm)
 *   landscape right  = portrait top    (天头 37 mm)
 *   landscape bottom = portrait right  (切口 26 mm)
 *   landscape left   = portrait bottom (35 mm)
 *
 * and the type area is 225 mm wide × 156 mm high. (§8 then puts the page
 * number on the table's left side: odd pages bottom-left, even top-left —
 * the portrait foot turned with the sheet.)
 */
export const LANDSCAPE_MARGIN_TOP_MM = MARGIN_LEFT_MM;
export const LANDSCAPE_MARGIN_RIGHT_MM = MARGIN_TOP_MM;
export const LANDSCAPE_MARGIN_BOTTOM_MM = MARGIN_RIGHT_MM;
export const LANDSCAPE_MARGIN_LEFT_MM = MARGIN_BOTTOM_MM;
export const LANDSCAPE_MARGIN_TOP_TWIP = MARGIN_LEFT_TWIP; // 1587
export const LANDSCAPE_MARGIN_RIGHT_TWIP = MARGIN_TOP_TWIP; // 2098
export const LANDSCAPE_MARGIN_BOTTOM_TWIP = MARGIN_RIGHT_TWIP; // 1474
export const LANDSCAPE_MARGIN_LEFT_TWIP = MARGIN_BOTTOM_TWIP; // 1984
export const LANDSCAPE_TYPE_AREA_WIDTH_MM = TYPE_AREA_HEIGHT_MM; // 225
export const LANDSCAPE_TYPE_AREA_HEIGHT_MM = TYPE_AREA_WIDTH_MM; // 156
export const LANDSCAPE_TYPE_AREA_WIDTH_TWIP = TYPE_AREA_HEIGHT_TWIP; // 12756
export const LANDSCAPE_TYPE_AREA_HEIGHT_TWIP =
  A4_WIDTH_TWIP - LANDSCAPE_MARGIN_TOP_TWIP - LANDSCAPE_MARGIN_BOTTOM_TWIP; // 8845

// ---------------------------------------------------------------------------
// Fonts — §5.2.2 字体和字号 and the clauses of each element. The official names
// go into the files; fonts/fonts.conf maps them to free faces for rendering.

export const FONT_XIAOBIAOSONG = '方正小标宋简体'; // §7.2.4 发文机关标志, §7.3.1 标题
export const FONT_FANGSONG = '仿宋_GB2312'; // §5.2.2 各要素一般用3号仿宋体字
export const FONT_HEITI = '黑体'; // §7.3.3 第一层标题; §7.3.7 “附件”二字
export const FONT_KAITI = '楷体_GB2312'; // §7.3.3 第二层标题; §7.2.6 签发人姓名
export const FONT_SONGTI = '宋体'; // §7.5 页码 4号半角宋体
/** §5.2.2 names no face for Latin letters and digits; Times New Roman is the usual choice. */
export const FONT_LATIN = 'Times New Roman';

// ---------------------------------------------------------------------------
// 字号 — the Chinese type sizes in points (§5.2.2 uses them by name).

export const ZIHAO_PT = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
} as const;
export type Zihao = keyof typeof ZIHAO_PT;

export const ZIHAO_HALF_PT: Readonly<Record<Zihao, number>> = Object.fromEntries(
  Object.entries(ZIHAO_PT).map(([name, pt]) => [name, ptToHalfPt(pt)]),
) as Record<Zihao, number>;

/** §5.2.2, §7.3.3: 正文 3号. */
export const BODY_SIZE_PT = ZIHAO_PT.三号;
export const BODY_SIZE_HALF_PT = ptToHalfPt(BODY_SIZE_PT);
export const BODY_SIZE_TWIP = ptToTwip(BODY_SIZE_PT);
/** §7.3.1: 标题 2号小标宋体字; §7.3.7: 附件格式要求同正文, so its title likewise. */
export const TITLE_SIZE_PT = ZIHAO_PT.二号;
export const TITLE_SIZE_HALF_PT = ptToHalfPt(TITLE_SIZE_PT);
/** §7.3.7: “附件”二字 3号黑体. */
export const ATTACHMENT_LABEL_SIZE_PT = ZIHAO_PT.三号;
export const ATTACHMENT_LABEL_SIZE_HALF_PT = ptToHalfPt(ATTACHMENT_LABEL_SIZE_PT);

// ---------------------------------------------------------------------------
// Grid — §5.2.3 行数和字数: 22 lines of 28 characters in the type area.

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/**
 * §5.2.3: the exact line pitch that puts 22 lines in 225 mm: ⌊12756 / 22⌋ =
 * 579 twip. Measured in LibreOffice 7.4: 22 lines fill the type area (560
 * gives 22 too but leaves the area short).
 */
export const LINE_PITCH_TWIP = Math.floor(TYPE_AREA_HEIGHT_TWIP / LINES_PER_PAGE); // 579
/**
 * §5.2.3: character spacing that fits 28 三号 characters in 156 mm:
 * ⌊8844 / 28⌋ − 320 = −5 twip (−0.25 pt). Measured: without it 27 fit.
 */
export const CHAR_SPACING_TWIP = Math.floor(TYPE_AREA_WIDTH_TWIP / CHARS_PER_LINE) - BODY_SIZE_TWIP; // −5
/** §7.3.3 正文 first-line indent: two characters. */
export const FIRST_LINE_INDENT_TWIP = 2 * BODY_SIZE_TWIP; // 640

// ---------------------------------------------------------------------------
// Page number — §7.5 页码.

/** §7.5: 4号半角宋体阿拉伯数字. */
export const PAGE_NUMBER_FONT = FONT_SONGTI;
export const PAGE_NUMBER_SIZE_PT = ZIHAO_PT.四号;
export const PAGE_NUMBER_SIZE_HALF_PT = ptToHalfPt(PAGE_NUMBER_SIZE_PT);
/** §7.5: 数字左右各放一条一字线 (— is U+2014, separated by half-width spaces). */
export const PAGE_NUMBER_DASH = '\u2014';
/** §7.5: 一字线上距版心下边缘 7 mm. */
export const PAGE_NUMBER_GAP_MM = 7;
/** §7.5: 单页码居右空一字，双页码居左空一字 — one 四号 character. */
export const PAGE_NUMBER_INDENT_TWIP = ptToTwip(PAGE_NUMBER_SIZE_PT); // 280
/** The page-number line is set exact at its own size, so its top sits where §7.5 puts it. */
export const PAGE_NUMBER_LINE_TWIP = ptToTwip(PAGE_NUMBER_SIZE_PT); // 280
/**
 * Word measures the footer from the page's bottom edge to the footer's last
 * line; the number's top must be 7 mm under the type area, so the footer
 * distance is (bottom margin − 7 mm) less one number line.
 */
export function footerDistanceTwip(bottomMarginMm: number): number {
  return mmToTwip(bottomMarginMm - PAGE_NUMBER_GAP_MM) - PAGE_NUMBER_LINE_TWIP;
}
export const FOOTER_DISTANCE_TWIP = footerDistanceTwip(MARGIN_BOTTOM_MM); // 1307
/** §8: on a landscape page the number belongs on the table's side; docx cannot turn it, so it goes to the page's foot (see docx/section.ts). */
export const LANDSCAPE_FOOTER_DISTANCE_TWIP = footerDistanceTwip(LANDSCAPE_MARGIN_BOTTOM_MM); // 797
/** Header distance is not set by the standard; half the top margin keeps any header clear of the type area. */
export const HEADER_DISTANCE_TWIP = Math.round(MARGIN_LEFT_TWIP / 2);

// ---------------------------------------------------------------------------
// Attachments — §7.3.4 附件说明, §7.3.7 附件.

/** §7.3.7: “附件”二字 3号黑体，顶格编排在版心左上角第一行. */
export const ATTACHMENT_LABEL_FONT = FONT_HEITI;
/** §7.3.7: 附件标题居中编排在版心第三行 — one blank line between label and title. */
export const ATTACHMENT_TITLE_BLANK_LINES = 1;
export const ATTACHMENT_TITLE_FONT = FONT_XIAOBIAOSONG;
/** Not in the standard: half a grid line between an attachment's title and its table keeps the title off the table's top rule. */
export const ATTACHMENT_TABLE_GAP_TWIP = Math.round(LINE_PITCH_TWIP / 2); // 290

// ---------------------------------------------------------------------------
// Tables — §8 公文中的表格 allows A4 landscape. The standard names no cell
// fonts; the office practice in docs/format.md#landscape-tables is cell text 仿宋 4号 or 小4号,
// header 黑体, header rows repeated on every page.

export const TABLE_HEADER_FONT = FONT_HEITI;
export const TABLE_CELL_FONT = FONT_FANGSONG;
/** docs/format.md#landscape-tables: 小4号 is the smaller of the two sizes the design allows; it keeps seven columns readable on 225 mm. */
export const TABLE_CELL_SIZE_PT = ZIHAO_PT.小四;
export const TABLE_CELL_SIZE_HALF_PT = ptToHalfPt(TABLE_CELL_SIZE_PT);
export const TABLE_CELL_SIZE_TWIP = ptToTwip(TABLE_CELL_SIZE_PT);
export const TABLE_HEADER_SIZE_PT = ZIHAO_PT.小四;
export const TABLE_HEADER_SIZE_HALF_PT = ptToHalfPt(TABLE_HEADER_SIZE_PT);
/**
 * Line pitch inside table cells as a multiple of the type size. An exact pitch
 * makes rows the same height whichever face stands in for 仿宋 (Noto's line
 * gap is 1.45 em, FandolFang's and UMing's about 1.0 em); 1.25 em leaves
 * room for the glyphs.
 */
export const TABLE_LINE_PITCH_RATIO = 1.25;
export const TABLE_CELL_LINE_TWIP = ptToTwip(TABLE_CELL_SIZE_PT * TABLE_LINE_PITCH_RATIO); // 300
export const TABLE_HEADER_LINE_TWIP = ptToTwip(TABLE_HEADER_SIZE_PT * TABLE_LINE_PITCH_RATIO); // 300
/** Cell padding: 1.5 mm either side keeps text off the rules; 0.5 mm above and below. */
export const TABLE_CELL_PADDING_X_MM = 1.5;
export const TABLE_CELL_PADDING_Y_MM = 0.5;
export const TABLE_CELL_PADDING_X_TWIP = mmToTwip(TABLE_CELL_PADDING_X_MM); // 85
export const TABLE_CELL_PADDING_Y_TWIP = mmToTwip(TABLE_CELL_PADDING_Y_MM); // 28
/** Table rules: a single thin line, 0.5 pt (border sizes are eighths of a point). */
export const TABLE_BORDER_PT = 0.5;
export const TABLE_BORDER_EIGHTH_PT = TABLE_BORDER_PT * EIGHTH_PT_PER_PT; // 4

// ---------------------------------------------------------------------------
// Colours — §5.2.4 文字一般为黑色; §7.2.4 发文机关标志 and §7.2.7 分隔线 红色.

export const COLOR_RED_HEX = 'FF0000';
export const COLOR_BLACK_HEX = '000000';

// ---------------------------------------------------------------------------
// Closure forms (整改销号审批表) — a form, not a 公文, but printed on the same
// A4 page inside the GB/T 9704 margins. docs/domain.md#closure: 四号 or 小四 to
// fit one page; text that does not fit continues on a second page.

/** Sizes tried in order: the first that fits the form on one page wins. */
export const CLOSURE_FORM_SIZES_PT: readonly number[] = [ZIHAO_PT.四号, ZIHAO_PT.小四];
export const CLOSURE_FORM_LABEL_FONT = FONT_HEITI;
export const CLOSURE_FORM_TEXT_FONT = FONT_FANGSONG;
/** Same reasoning as TABLE_LINE_PITCH_RATIO: an exact pitch with room for any stand-in face. */
export const CLOSURE_FORM_LINE_PITCH_RATIO = TABLE_LINE_PITCH_RATIO;
/** The four grid columns (label, value, label, value) as shares of the type area. */
export const CLOSURE_FORM_COLUMN_SHARES: readonly number[] = [0.18, 0.32, 0.18, 0.32];
/** Blank lines left for a handwritten opinion above its signature line. */
export const CLOSURE_FORM_OPINION_BLANK_LINES = 3;
/** The packet's contents list (报送材料清单): 序号, 材料名称, 文件, 页数 as shares of the type area; 小四 text. */
export const CONTENTS_COLUMN_SHARES: readonly number[] = [0.1, 0.6, 0.15, 0.15];
export const CONTENTS_SIZE_PT = ZIHAO_PT.小四;
/** The title's own line pitch and the gap under it, in grid lines (§5.2.3). */
export const CLOSURE_FORM_TITLE_LINES = 2;
/**
 * A form that fits one page is stretched to fill it: the opinion and
 * signature boxes share what the page leaves, less this much — room for the
 * estimate to be short by a wrapped line (350 twip at 四号) without pushing
 * the form's foot onto a second page. One grid line. (Measured: LibreOffice
 * ends every stretched form of the sample data within 20 twip of the
 * estimate.)
 */
export const CLOSURE_FORM_FILL_SLACK_TWIP = LINE_PITCH_TWIP;

// ---------------------------------------------------------------------------
// Official documents (公文) — §7 公文格式各要素编排规则: the 版头, the 主体 and
// the 版记, in the order they appear on the page. An indent of n 字 is n 三号
// characters (§5.2.2: 各要素一般用3号仿宋体字); a gap of n 行 is n grid lines.

/** One 字 of body text, the unit of every indent in the 版头 and 主体. */
export const CHAR_TWIP = BODY_SIZE_TWIP; // 320

export function charsToTwip(chars: number): number {
  return Math.round(chars * CHAR_TWIP);
}

/** A gap of `lines` grid lines (§5.2.3). */
export function linesToTwip(lines: number): number {
  return lines * LINE_PITCH_TWIP;
}

/**
 * The space Word and LibreOffice add where Chinese meets Latin letters or
 * digits (Word's 自动调整中文与西文/数字的间距, on by default; LibreOffice
 * applies it to every docx paragraph and ignores w:autoSpaceDE/DN). Measured
 * in LibreOffice 7.4: 3.2 pt at 三号, 0.2 em.
 */
export const AUTOSPACE_EM = 0.2;

/**
 * How wide a run of 三号 body text prints: its em width, the grid's character
 * spacing after each character, and the automatic space at each change
 * between Chinese and Latin. The signature block lines the date up under the
 * 署名 with it (§7.3.5).
 */
export function bodyTextWidthTwip(widthEm: number, characterCount: number, scriptChanges: number): number {
  return Math.round((widthEm + scriptChanges * AUTOSPACE_EM) * BODY_SIZE_TWIP + characterCount * CHAR_SPACING_TWIP);
}

// --- 主体: body and headings (§7.3.3) ---------------------------------------

/** §7.3.3 正文 3号仿宋; the same face for 主送机关, 附件说明, 署名, 日期, 附注 (§5.2.2). */
export const BODY_FONT = FONT_FANGSONG;
/** §7.3.3: 第一层 黑体字, 第二层 楷体字, 第三层和第四层 仿宋体字 — all 3号, like the text. */
export const HEADING_FONT_BY_LEVEL: Readonly<Record<1 | 2 | 3 | 4, string>> = {
  1: FONT_HEITI,
  2: FONT_KAITI,
  3: FONT_FANGSONG,
  4: FONT_FANGSONG,
};
export const HEADING_SIZE_HALF_PT = BODY_SIZE_HALF_PT;
/** Headings start where paragraphs do, two characters in (the seed; §7.3.3 figure). */
export const HEADING_FIRST_LINE_INDENT_TWIP = FIRST_LINE_INDENT_TWIP;

// --- 版头 (§7.2) --------------------------------------------------------------

/** §7.2.4: 发文机关标志上边缘至版心上边缘为35mm — set as the mark paragraph's space before. */
export const ISSUER_MARK_TOP_MM = 35;
export const ISSUER_MARK_TOP_TWIP = mmToTwip(ISSUER_MARK_TOP_MM); // 1984
/** §7.2.4: 推荐使用小标宋体字，颜色为红色. */
export const ISSUER_MARK_FONT = FONT_XIAOBIAOSONG;
export const ISSUER_MARK_COLOR_HEX = COLOR_RED_HEX;
/**
 * §7.2.4 gives no size, only 醒目、美观、庄重. The largest of these 字号 that
 * puts the whole mark on one line of the 156 mm type area is used: 初号 up to
 * 10 characters, 小初 for 11–12 (巫山县官阳镇人民政府文件: 12 × 36 pt = 432 of
 * 442 pt). A mark too long even at the last size keeps that size and is
 * squeezed sideways (w:w), as offices do with joint marks.
 */
export const ISSUER_MARK_SIZES_PT: readonly number[] = [ZIHAO_PT.初号, ZIHAO_PT.小初, ZIHAO_PT.一号, ZIHAO_PT.小一, ZIHAO_PT.二号];
/** The type area's width in points: what a mark may take. */
export const TYPE_AREA_WIDTH_PT = mmToPt(TYPE_AREA_WIDTH_MM);
export const FULL_SCALE_PERCENT = 100;

/**
 * The mark's exact line height as a multiple of its size. An exact line puts
 * its extra height above the text, and a line as tall as the type lets the
 * characters stand 0.05 em above the line's top (measured: 34.4 mm instead of
 * 35 under a 36 pt mark); 1.05 em brings their top down to the line's top.
 */
export const ISSUER_MARK_LINE_RATIO = 1.05;

export interface IssuerMarkLayout {
  readonly sizeHalfPt: number;
  /** Exact line height, chosen so the characters' top is the line's top (35 mm down). */
  readonly lineTwip: number;
  /** Horizontal scale in percent; 100 unless the mark had to be squeezed. */
  readonly scalePercent: number;
}

/** Size (and squeeze) of a mark `widthEm` em wide (full-width characters count 1). */
export function issuerMarkLayout(widthEm: number): IssuerMarkLayout {
  const fits = ISSUER_MARK_SIZES_PT.find((pt) => widthEm * pt <= TYPE_AREA_WIDTH_PT);
  const pt = fits ?? ISSUER_MARK_SIZES_PT[ISSUER_MARK_SIZES_PT.length - 1]!;
  const scalePercent = fits === undefined ? Math.floor((FULL_SCALE_PERCENT * TYPE_AREA_WIDTH_PT) / (widthEm * pt)) : FULL_SCALE_PERCENT;
  return { sizeHalfPt: ptToHalfPt(pt), lineTwip: ptToTwip(pt * ISSUER_MARK_LINE_RATIO), scalePercent };
}

/** §7.2.5: 发文字号 编排在发文机关标志下空二行位置. */
export const DOC_NUMBER_BLANK_LINES = 2;
export const DOC_NUMBER_FONT = FONT_FANGSONG;
/** §7.2.5: 上行文的发文字号居左空一字编排. */
export const UP_DOC_NUMBER_INDENT_TWIP = charsToTwip(1);
/** §7.2.6: 签发人 居右空一字; the label 3号仿宋, the name 3号楷体. */
export const SIGNER_RIGHT_INDENT_TWIP = charsToTwip(1);
export const SIGNER_LABEL_FONT = FONT_FANGSONG;
export const SIGNER_NAME_FONT = FONT_KAITI;
/** Where the right tab stop for 签发人 stands: one character in from the type area's right edge. */
export const SIGNER_TAB_TWIP = TYPE_AREA_WIDTH_TWIP - SIGNER_RIGHT_INDENT_TWIP;

/** §7.2.7: 在发文字号之下4mm处居中印一条与版心等宽的红色分隔线. */
export const RED_LINE_GAP_MM = 4;
export const RED_LINE_COLOR_HEX = COLOR_RED_HEX;
/**
 * §7.2.7 gives no thickness; 1 pt reads as a rule without competing with the
 * mark. Drawn as the bottom border of an empty paragraph across the whole
 * type area (no indents), which Word, WPS and LibreOffice all draw alike.
 */
export const RED_LINE_PT = 1;
export const RED_LINE_EIGHTH_PT = RED_LINE_PT * EIGHTH_PT_PER_PT; // 8
/**
 * Where the characters of a 三号 line end above the foot of its exact 579-twip
 * line. Word and LibreOffice put an exact line's extra height above the text,
 * so the characters' foot is about one descent above the line's: 1.5 mm,
 * measured in LibreOffice 7.4 PDFs of 官阳府发〔2023〕27号 (the brackets reach
 * lowest) with the fonts.conf faces.
 */
export const TEXT_FOOT_ABOVE_LINE_FOOT_MM = 1.5;
export const TEXT_FOOT_ABOVE_LINE_FOOT_TWIP = mmToTwip(TEXT_FOOT_ABOVE_LINE_FOOT_MM); // 85
/** Height of the empty paragraph under the 发文字号 whose bottom border is the red line. */
export const RED_LINE_SPACER_TWIP = mmToTwip(RED_LINE_GAP_MM) - TEXT_FOOT_ABOVE_LINE_FOOT_TWIP;

// --- 信函格式 (§10.1) ------------------------------------------------------------

/**
 * §10.1: 发文机关标志上边缘距上页边30mm. The type area starts 37 mm down
 * (§5.2.1), so the mark is set at the type area's top — 7 mm lower than the
 * standard's place, a section of its own with another top margin being more
 * than a one-page letter needs (docs/format.md).
 */
export const LETTER_MARK_TOP_TWIP = 0;
/** §10.1: 发文机关标志下4mm处印一条红色双线（上粗下细）; drawn as a paragraph's bottom border, 2.25 pt in all. */
export const LETTER_DOUBLE_LINE_EIGHTH_PT = 18;
export const LETTER_DOUBLE_LINE_SPACER_TWIP = mmToTwip(RED_LINE_GAP_MM);
/** §10.1: 发文字号置于武文线下一行版心右边缘顶格. */
export const LETTER_DOC_NUMBER_RIGHT_INDENT_TWIP = 0;

// --- 主体 (§7.3) ----------------------------------------------------------------

/** §7.3.1: 标题 2号小标宋体字，编排于红色分隔线下空二行位置，分一行或多行居中排布. */
export const TITLE_FONT = FONT_XIAOBIAOSONG;
export const TITLE_BLANK_LINES = 2;
/** §7.3.2: 主送机关 编排于标题下空一行位置，居左顶格 …… 最后一个机关名称后标全角冒号. */
export const RECIPIENTS_BLANK_LINES = 1;
export const FULL_WIDTH_COLON = '：';
/**
 * §7.3.4: 在正文下空一行左空二字编排“附件”二字，后标全角冒号和附件名称 ……
 * 附件名称较长需回行时，应当与上一行附件名称的首字对齐.
 */
export const ATTACHMENTS_NOTE_BLANK_LINES = 1;
export const ATTACHMENTS_NOTE_INDENT_TWIP = charsToTwip(2);
/** §7.3.5.2: 在正文（或附件说明）下空一行 …… 编排发文机关署名. */
export const SIGNATURE_BLANK_LINES = 1;
/**
 * §7.3.5.1 puts the seal over 署名 and date, its top within one line of the
 * text. A 42 mm seal is about four grid lines tall, centred a little above the
 * two lines it presses, so two blank lines above the 署名 leave its top just
 * under the text. Not a number of the standard: our reading of it.
 */
export const SEALED_SIGNATURE_BLANK_LINES = 2;
/** §7.3.5.2: 署名右空二字; 成文日期首字比署名首字右移二字; a date longer than that is 右空二字 and the 署名 moves left. */
export const SIGNATORY_RIGHT_TWIP = charsToTwip(2);
export const DATE_SHIFT_TWIP = charsToTwip(2);
export const DATE_MIN_RIGHT_TWIP = charsToTwip(2);
/** §7.3.5.1: 加盖印章的公文 成文日期一般右空四字; 署名 以成文日期为准居中. */
export const SEALED_DATE_RIGHT_TWIP = charsToTwip(4);

export interface SignatureIndents {
  /** The 署名 is set right-aligned, this far from the type area's right edge. */
  readonly signatoryRightTwip: number;
  /**
   * The date: set left-aligned this far from the type area's left edge
   * (unsealed: its first character then stands exactly DATE_SHIFT_TWIP right
   * of the 署名's first, whatever its digits' width in the printing face), or
   * right-aligned this far from the right edge.
   */
  readonly date: { readonly leftTwip: number } | { readonly rightTwip: number };
}

/**
 * Where the 署名 and the date stand, from their printed widths.
 * Unsealed (§7.3.5.2): the 署名 two characters from the right; the date's
 * first character two characters right of the 署名's first — set from the
 * left, so only the 署名's width (Chinese characters, known) is estimated,
 * not the date's digits. When the date would then come within two
 * characters of the right edge, the date keeps two (set from the right) and
 * the 署名 moves left instead. Sealed (§7.3.5.1): the date four characters
 * in, the 署名 centred over it.
 */
export function signatureIndents(signatoryTwip: number, dateTwip: number, sealed: boolean): SignatureIndents {
  if (sealed) {
    const centred = SEALED_DATE_RIGHT_TWIP + Math.round((dateTwip - signatoryTwip) / 2);
    return { signatoryRightTwip: Math.max(0, centred), date: { rightTwip: SEALED_DATE_RIGHT_TWIP } };
  }
  const dateRight = SIGNATORY_RIGHT_TWIP + signatoryTwip - DATE_SHIFT_TWIP - dateTwip;
  if (dateRight >= DATE_MIN_RIGHT_TWIP) {
    return { signatoryRightTwip: SIGNATORY_RIGHT_TWIP, date: { leftTwip: TYPE_AREA_WIDTH_TWIP - SIGNATORY_RIGHT_TWIP - signatoryTwip + DATE_SHIFT_TWIP } };
  }
  return { signatoryRightTwip: SIGNATORY_RIGHT_TWIP + DATE_MIN_RIGHT_TWIP - dateRight, date: { rightTwip: DATE_MIN_RIGHT_TWIP } };
}

/** §7.3.6 附注: 居左空二字加圆括号编排在成文日期下一行. */
export const ANNOTATION_INDENT_TWIP = charsToTwip(2);

/**
 * A document printed after the notice (the plan it issues) starts a page with
 * its own 2号小标宋 title on the first line and one blank line under it, as in
 * the seed — the 主送机关 rule (§7.3.2) applied to a title without 主送.
 */
export const ENCLOSURE_TITLE_BLANK_LINES = 1;
/** §7.3.7 附件: after the title on the third line, one blank line before the text (as under a 公文 title). */
export const ATTACHMENT_BODY_BLANK_LINES = 1;

// --- 版记 (§7.4) ----------------------------------------------------------------

/** §7.4.2, §7.4.3: 抄送 and 印发 in 4号仿宋体字. */
export const COLOPHON_FONT = FONT_FANGSONG;
export const COLOPHON_SIZE_PT = ZIHAO_PT.四号;
export const COLOPHON_SIZE_HALF_PT = ptToHalfPt(COLOPHON_SIZE_PT);
export const COLOPHON_CHAR_TWIP = ptToTwip(COLOPHON_SIZE_PT); // 280
/** §7.4.2: 抄送 左右各空一字; §7.4.3: 印发机关左空一字，印发日期右空一字 — 4号 characters. */
export const COLOPHON_INDENT_TWIP = COLOPHON_CHAR_TWIP;
/**
 * The 版记 is a one-column table as wide as the type area, so its rules run
 * the full width (§7.4.1) while its cell margins give the one-character
 * indents; a paragraph's borders would stop at its indents.
 */
export const COLOPHON_TEXT_WIDTH_TWIP = TYPE_AREA_WIDTH_TWIP - 2 * COLOPHON_INDENT_TWIP;
/** The right tab stop for the 印发日期, at the cell text's right edge (tabs count from the cell's text). */
export const COLOPHON_DATE_TAB_TWIP = COLOPHON_TEXT_WIDTH_TWIP;
/** Characters of 4号 text a 版记 line holds between its one-character indents. */
export const COLOPHON_LINE_EM = COLOPHON_TEXT_WIDTH_TWIP / COLOPHON_CHAR_TWIP;
/** The 版记's lines keep the page's grid pitch, so the last one lands on the last grid line (§5.2.3). */
export const COLOPHON_LINE_TWIP = LINE_PITCH_TWIP;
/** §7.4.1: 首条分隔线和末条分隔线用粗线（推荐高度为0.35mm），中间的分隔线用细线（推荐高度为0.25mm）. */
export const COLOPHON_OUTER_RULE_MM = 0.35;
export const COLOPHON_INNER_RULE_MM = 0.25;
export const COLOPHON_OUTER_RULE_EIGHTH_PT = Math.round(mmToPt(COLOPHON_OUTER_RULE_MM) * EIGHTH_PT_PER_PT); // 8
export const COLOPHON_INNER_RULE_EIGHTH_PT = Math.round(mmToPt(COLOPHON_INNER_RULE_MM) * EIGHTH_PT_PER_PT); // 6
export const COLOPHON_RULE_COLOR_HEX = COLOR_BLACK_HEX;
/** A border of `eighths` eighth-points is this many twips tall: rows grow by their borders. */
export function eighthPtToTwip(eighths: number): number {
  return (eighths * TWIP_PER_PT) / EIGHTH_PT_PER_PT;
}
/**
 * Height of the empty paragraph that pushes the 版记 to the page's foot, so
 * that 末条分隔线与公文最后一面的版心下边缘重合 (§7.4.1): the type area less
 * the 版记's lines and rules, less a little slack so rounding in the layout
 * engine never pushes the last line onto a page of its own.
 */
export const COLOPHON_SLACK_TWIP = TWIP_PER_PT * 2;
/**
 * Word ends every section with a paragraph, so one follows the 版记 table; it
 * is one point high, so it still fits on the page under the table.
 */
export const COLOPHON_TAIL_LINE_TWIP = TWIP_PER_PT;
export function colophonFillerTwip(lineCount: number, ruleEighths: readonly number[]): number {
  const rules = ruleEighths.reduce((sum, e) => sum + eighthPtToTwip(e), 0);
  return Math.floor(TYPE_AREA_HEIGHT_TWIP - lineCount * COLOPHON_LINE_TWIP - rules - COLOPHON_TAIL_LINE_TWIP - COLOPHON_SLACK_TWIP);
}

// --- Charts (progress reports) ------------------------------------------------
// Not in the standard: a native Word chart (docx/charts) inside the 主体, as
// wide as the type area. Sizes are in pixels at 96 per inch (the docx API's unit).

export const PX_PER_INCH = 96;
export const TWIP_PER_PX = TWIP_PER_INCH / PX_PER_INCH; // 15
export const CHART_WIDTH_PX = Math.floor(TYPE_AREA_WIDTH_TWIP / TWIP_PER_PX); // 589
/** Ten grid lines tall: room for a dozen categories' labels without crowding the page. */
export const CHART_HEIGHT_LINES = 10;
export const CHART_HEIGHT_PX = Math.floor(linesToTwip(CHART_HEIGHT_LINES) / TWIP_PER_PX); // 386
export const CHART_FONT = FONT_FANGSONG;
/** Chart title 4号, labels 小四: smaller than the text, as a figure's are. */
export const CHART_TITLE_SIZE_PT = ZIHAO_PT.四号;
export const CHART_TEXT_SIZE_PT = ZIHAO_PT.小四;
/** A count axis has at most this many steps above 0; each step 1, 2 or 5 times a power of ten (never half a problem). */
export const CHART_MAX_AXIS_STEPS = 8;
/** The count axis' labels: whole numbers (an Excel number format). */
export const CHART_COUNT_FORMAT = '0';
/**
 * The width of the plot's category axis, in em of CHART_TEXT_SIZE_PT: the
 * chart's width less the value axis (its title turned on its side and
 * numbers of up to three digits, about four em) and the plot's margins (about
 * one em). What the category labels share.
 */
export const CHART_CATEGORY_AXIS_EM = (CHART_WIDTH_PX * TWIP_PER_PX) / ptToTwip(CHART_TEXT_SIZE_PT) - 5;
/** Room kept between two neighbouring category labels, in em: LibreOffice treats labels closer than this as crowded. */
export const CHART_LABEL_GAP_EM = 0.5;
/** Category labels that crowd across are turned this far (degrees, reading upwards): each then fits its column's width. */
export const CHART_CROWDED_LABEL_ROTATION_DEG = -90;

/**
 * Characters of a title line when the data gives no lines of its own: 二号
 * (22 pt) across the 156 mm type area is 156 ÷ (22 × 25.4 ÷ 72) = 20.1
 * characters (GB/T 9704 §7.3.1, §5.2.1). The renderer may pass its own figure.
 */
export const TITLE_MAX_EM = 20;

/** Label of the single attachment (附件, not 附件1, when there is only one: GB/T 9704 §7.3.7). */
export const TASK_TABLE_LABEL = '附件';

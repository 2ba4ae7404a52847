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
// fonts; the office practice in DESIGN.md §4 is cell text 仿宋 4号 or 小4号,
// header 黑体, header rows repeated on every page.

export const TABLE_HEADER_FONT = FONT_HEITI;
export const TABLE_CELL_FONT = FONT_FANGSONG;
/** DESIGN.md §4: 小4号 is the smaller of the two sizes the design allows; it keeps seven columns readable on 225 mm. */
export const TABLE_CELL_SIZE_PT = ZIHAO_PT.小四;
export const TABLE_CELL_SIZE_HALF_PT = ptToHalfPt(TABLE_CELL_SIZE_PT);
export const TABLE_CELL_SIZE_TWIP = ptToTwip(TABLE_CELL_SIZE_PT);
export const TABLE_HEADER_SIZE_PT = ZIHAO_PT.小四;
export const TABLE_HEADER_SIZE_HALF_PT = ptToHalfPt(TABLE_HEADER_SIZE_PT);
/**
 * Line pitch inside table cells as a multiple of the type size. An exact pitch
 * makes rows the same height whichever face stands in for 仿宋 (Noto's line
 * gap is 1.45 em, UMing's about 1.0 em); 1.25 em leaves room for the glyphs.
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
// A4 page inside the GB/T 9704 margins. DESIGN.md §3 Closure: 四号 or 小四 to
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

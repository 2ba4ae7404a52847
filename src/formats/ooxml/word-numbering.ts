// Word's automatic numbering, computed as Word shows it. A numbered paragraph
// holds no digits: its number comes from word/numbering.xml and the order of
// the paragraphs (ISO/IEC 29500-1 §17.9, with Word's own behaviour where
// [MS-OI29500] records that it differs). What is modelled:
//
// - which list a paragraph is in: its own w:numPr, else its paragraph style's
//   (through w:basedOn, and the document's default paragraph style); a level
//   that names the style (w:lvl/w:pStyle) gives the level, before the
//   style's own w:ilvl (§17.9.24); w:numId 0 is none;
// - w:num → w:abstractNum, through w:numStyleLink to the numbering style's list;
// - counters belong to the abstract list, so instances (w:num) of one list
//   continue each other's numbers; an instance's w:lvlOverride/w:startOverride
//   (or an overriding w:lvl's w:start) restarts that level where the instance
//   is first used, and is the start value whenever the level restarts;
// - w:start (0 when absent), w:lvlRestart (0 never; N: when level N or a
//   higher one is used — Word's reading; absent: when any higher level is
//   used), w:isLgl (every number decimal);
// - w:lvlText with %1…%9, each level in its own w:numFmt: decimal,
//   decimalZero, the full-width and enclosed digits, Roman, letters,
//   ordinal, cardinalText, ordinalText, chineseCounting(Thousand),
//   chineseLegalSimplified, ideographDigital, ideographTraditional,
//   ideographZodiac, the Taiwanese and Japanese counting forms, none and
//   bullet; Word 2010's custom formats "01, 02, 03, ..." (zero-padded);
//   others fall back to w:numFmt inside mc:Fallback, then to decimal;
// - w:suff (tab, space, nothing) between the number and the text.
import { attr, childElements, firstChild, parseXml, type XmlElement } from '../xml.js';
import { MC, OOXML_ALIASES, W } from './namespaces.js';

interface Level {
  readonly start: number;
  readonly format: string;
  /** The zero-padded width of a custom "001, 002, ..." format. */
  readonly padTo?: number;
  readonly text?: string;
  readonly restart?: number;
  readonly legal: boolean;
  readonly suffix: 'tab' | 'space' | 'nothing';
  readonly style?: string;
}

interface AbstractList {
  readonly id: string;
  readonly levels: ReadonlyMap<number, Level>;
  readonly numStyleLink?: string;
}

interface Instance {
  readonly abstractId: string;
  readonly overrides: ReadonlyMap<number, { start?: number; level?: Level }>;
}

interface ParagraphStyle {
  readonly basedOn?: string;
  readonly numId?: string;
  readonly ilvl?: number;
}

/** The number Word shows before a paragraph. */
export interface ListLabel {
  /** As shown: "1.", "（一）", "①", or a bullet character. */
  readonly text: string;
  /** What separates it from the paragraph's text. */
  readonly suffix: 'tab' | 'space' | 'nothing';
  readonly bullet: boolean;
  /** The level (0–8) and its counter. */
  readonly level: number;
  readonly value: number;
}

const MAX_LEVEL = 8;

function val(node: XmlElement | undefined): string | undefined {
  // Word writes w:val; a few producers leave the attribute unqualified.
  return node === undefined ? undefined : (attr(node, W, 'val') ?? attr(node, '', 'val'));
}

function intVal(node: XmlElement | undefined): number | undefined {
  const text = val(node);
  if (text === undefined || !/^-?\d+$/.test(text.trim())) return undefined;
  return Number(text);
}

function wAttr(node: XmlElement | undefined, local: string): string | undefined {
  return node === undefined ? undefined : (attr(node, W, local) ?? attr(node, '', local));
}

/** The level's number format: w:numFmt, or inside mc:AlternateContent the custom format Word 2010 writes, else its fallback. */
function numberFormat(lvl: XmlElement): { format: string; padTo?: number } {
  const direct = firstChild(lvl, W, 'numFmt');
  if (direct) return { format: val(direct) ?? 'decimal' };
  const alternate = firstChild(lvl, MC, 'AlternateContent');
  if (!alternate) return { format: 'decimal' };
  for (const choice of childElements(alternate, MC, 'Choice')) {
    const fmt = firstChild(choice, W, 'numFmt');
    const custom = wAttr(fmt, 'format');
    const padded = custom === undefined ? undefined : /^(0+1)\s*,/.exec(custom.trim());
    if (val(fmt) === 'custom' && padded) return { format: 'decimal', padTo: padded[1]!.length };
  }
  const fallback = firstChild(firstChild(alternate, MC, 'Fallback'), W, 'numFmt');
  return { format: val(fallback) ?? 'decimal' };
}

function readLevel(lvl: XmlElement): Level {
  const suffix = val(firstChild(lvl, W, 'suff'));
  const legal = firstChild(lvl, W, 'isLgl');
  const text = firstChild(lvl, W, 'lvlText');
  const style = val(firstChild(lvl, W, 'pStyle'));
  const restart = intVal(firstChild(lvl, W, 'lvlRestart'));
  return {
    start: intVal(firstChild(lvl, W, 'start')) ?? 0,
    ...numberFormat(lvl),
    ...(text ? { text: val(text) ?? '' } : {}),
    ...(restart !== undefined ? { restart } : {}),
    legal: legal !== undefined && !['0', 'false', 'off'].includes(val(legal) ?? 'true'),
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    ...(style ? { style } : {}),
  };
}

function levelIndex(lvl: XmlElement): number | undefined {
  const n = Number(wAttr(lvl, 'ilvl'));
  return Number.isInteger(n) && n >= 0 && n <= MAX_LEVEL ? n : undefined;
}

/** The numbering of one document: definitions, styles, and the counters as paragraphs are met in order. */
export class WordNumbering {
  private readonly abstracts = new Map<string, AbstractList>();
  private readonly instances = new Map<string, Instance>();
  private readonly paragraphStyles = new Map<string, ParagraphStyle>();
  private readonly numberingStyles = new Map<string, string>();
  private defaultParagraphStyle: string | undefined;
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly used = new Set<string>();

  /** From the texts of numbering.xml and styles.xml (either may be absent). */
  constructor(numberingXml: string | undefined, stylesXml: string | undefined) {
    if (stylesXml !== undefined) this.readStyles(parseXml(stylesXml, { aliases: OOXML_ALIASES }));
    if (numberingXml !== undefined) this.readNumbering(parseXml(numberingXml, { aliases: OOXML_ALIASES }));
  }

  private readStyles(root: XmlElement): void {
    for (const style of childElements(root, W, 'style')) {
      const id = wAttr(style, 'styleId');
      if (id === undefined) continue;
      const numPr = firstChild(firstChild(style, W, 'pPr'), W, 'numPr');
      const numId = val(firstChild(numPr, W, 'numId'));
      const type = wAttr(style, 'type') ?? 'paragraph';
      if (type === 'numbering') {
        if (numId !== undefined) this.numberingStyles.set(id, numId);
        continue;
      }
      if (type !== 'paragraph') continue;
      const basedOn = val(firstChild(style, W, 'basedOn'));
      const ilvl = intVal(firstChild(numPr, W, 'ilvl'));
      this.paragraphStyles.set(id, { ...(basedOn ? { basedOn } : {}), ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}) });
      if (['1', 'true', 'on'].includes(wAttr(style, 'default') ?? '')) this.defaultParagraphStyle = id;
    }
  }

  private readNumbering(root: XmlElement): void {
    for (const abstract of childElements(root, W, 'abstractNum')) {
      const id = wAttr(abstract, 'abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of childElements(abstract, W, 'lvl')) {
        const index = levelIndex(lvl);
        if (index !== undefined && !levels.has(index)) levels.set(index, readLevel(lvl));
      }
      const link = val(firstChild(abstract, W, 'numStyleLink'));
      this.abstracts.set(id, { id, levels, ...(link ? { numStyleLink: link } : {}) });
    }
    for (const num of childElements(root, W, 'num')) {
      const id = wAttr(num, 'numId');
      const abstractId = val(firstChild(num, W, 'abstractNumId'));
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of childElements(num, W, 'lvlOverride')) {
        const index = levelIndex(o);
        if (index === undefined) continue;
        const start = intVal(firstChild(o, W, 'startOverride'));
        const lvl = firstChild(o, W, 'lvl');
        overrides.set(index, { ...(start !== undefined ? { start } : {}), ...(lvl ? { level: readLevel(lvl) } : {}) });
      }
      this.instances.set(id, { abstractId, overrides });
    }
  }

  /** The abstract list an instance counts in, through numbering-style links. */
  private abstractOf(instance: Instance): AbstractList | undefined {
    let abstract = this.abstracts.get(instance.abstractId);
    for (let hops = 0; abstract?.numStyleLink !== undefined && hops < 4; hops += 1) {
      const numId = this.numberingStyles.get(abstract.numStyleLink);
      const linked = numId === undefined ? undefined : this.instances.get(numId);
      const next = linked && this.abstracts.get(linked.abstractId);
      if (!next || next === abstract) break;
      abstract = next;
    }
    return abstract;
  }

  /** The paragraph style's list, through w:basedOn. */
  private styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: number; styles: string[] } {
    const styles: string[] = [];
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (let id = styleId, hops = 0; id !== undefined && hops < 20; hops += 1) {
      const style = this.paragraphStyles.get(id);
      if (!style) break;
      styles.push(id);
      numId ??= style.numId;
      ilvl ??= style.ilvl;
      id = style.basedOn;
    }
    return { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}), styles };
  }

  /**
   * The label of the next paragraph in document order, given its w:pPr, with
   * the counters moved on; undefined when the paragraph is not numbered.
   * Call it for every paragraph, in order.
   */
  next(pPr: XmlElement | undefined): ListLabel | undefined {
    const numPr = firstChild(pPr, W, 'numPr');
    const styleId = val(firstChild(pPr, W, 'pStyle')) ?? this.defaultParagraphStyle;
    const fromStyle = this.styleNumbering(styleId);
    const numId = val(firstChild(numPr, W, 'numId')) ?? fromStyle.numId;
    if (numId === undefined || numId === '0') return undefined;
    const instance = this.instances.get(numId);
    const abstract = instance && this.abstractOf(instance);
    if (!instance || !abstract) return undefined;
    const levelOf = (n: number): Level | undefined => instance.overrides.get(n)?.level ?? abstract.levels.get(n);
    const styled = [...abstract.levels].find(([, l]) => l.style !== undefined && fromStyle.styles.includes(l.style))?.[0];
    // A level linked to the paragraph's style wins over the style's own w:ilvl (§17.9.24); the paragraph's own w:ilvl wins over both.
    const ilvl = intVal(firstChild(numPr, W, 'ilvl')) ?? styled ?? fromStyle.ilvl ?? 0;
    const level = levelOf(ilvl);
    if (ilvl < 0 || ilvl > MAX_LEVEL || !level) return undefined;

    const startOf = (n: number) => instance.overrides.get(n)?.start ?? levelOf(n)?.start ?? 0;
    let counters = this.counters.get(abstract.id);
    if (!counters) this.counters.set(abstract.id, (counters = []));
    const override = instance.overrides.get(ilvl);
    const firstUse = !this.used.has(`${numId}:${ilvl}`);
    this.used.add(`${numId}:${ilvl}`);
    if (firstUse && override && (override.start !== undefined || override.level !== undefined)) counters[ilvl] = startOf(ilvl);
    else counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper <= MAX_LEVEL; deeper += 1) {
      // Word ignores lvlRestart in an overriding level ([MS-OI29500] 2.1.282).
      const restart = abstract.levels.get(deeper)?.restart;
      const restarts = restart === undefined || restart > deeper ? true : restart > 0 && ilvl + 1 <= restart;
      if (restarts) counters[deeper] = undefined;
    }

    const value = counters[ilvl]!;
    if (level.format === 'bullet') return { text: level.text ?? '', suffix: level.suffix, bullet: true, level: ilvl, value };
    const text = (level.text ?? '').replace(/%([1-9])/g, (_, d: string) => {
      const n = Number(d) - 1;
      const shown = levelOf(n);
      if (!shown || n > ilvl) return '';
      const number = counters![n] ?? startOf(n);
      return level.legal ? String(number) : formatNumber(number, shown.format, shown.padTo);
    });
    return { text, suffix: level.suffix, bullet: false, level: ilvl, value };
  }
}

// --- number formats ------------------------------------------------------------------------

const CHINESE_DIGITS = '〇一二三四五六七八九';
/** Counting writes a zero inside a number as 零 (一百零一); digit by digit it is 〇 (一〇一). */
const COUNTING_DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** 1–20 in the enclosed forms Word uses (beyond 20 it writes plain digits). */
function enclosed(n: number, first: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(first + n - 1) : String(n);
}

function cycle(n: number, symbols: string): string {
  const chars = [...symbols];
  return n >= 1 ? chars[(n - 1) % chars.length]! : String(n);
}

/**
 * Counting in Chinese: 一 … 十, 十一, 二十, 一百零一, 一千零一十, up to 9999
 * (Word writes larger numbers with the same units; plan numbers never are).
 */
function chineseCounting(n: number, digits: string, units: readonly [string, string, string], tenAlone: boolean): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return digits[0]!;
  const places: Array<[number, string]> = [
    [Math.floor(n / 1000), units[2]],
    [Math.floor(n / 100) % 10, units[1]],
    [Math.floor(n / 10) % 10, units[0]],
    [n % 10, ''],
  ];
  let out = '';
  let zero = false;
  for (const [d, unit] of places) {
    if (d === 0) {
      zero ||= out !== '';
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    out += (tenAlone && out === '' && d === 1 && unit === units[0] ? '' : digits[d]!) + unit;
  }
  return out;
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** A, B, … Z, AA, BB, … as Word letters its lists. */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

const ONES = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen'];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];
const ORDINAL_ONES: Record<string, string> = { One: 'First', Two: 'Second', Three: 'Third', Five: 'Fifth', Eight: 'Eighth', Nine: 'Ninth', Twelve: 'Twelfth' };

function cardinalText(n: number): string {
  if (n < 0 || n > 99) return String(n);
  if (n < 20) return ONES[n]!;
  const rest = n % 10;
  return rest === 0 ? TENS[Math.floor(n / 10)]! : `${TENS[Math.floor(n / 10)]}-${ONES[rest]!.toLowerCase()}`;
}

function ordinalText(n: number): string {
  const cardinal = cardinalText(n);
  if (cardinal === String(n)) return cardinal;
  const parts = cardinal.split('-');
  const last = parts.at(-1)!;
  const capital = last[0]!.toUpperCase() + last.slice(1);
  const ordinal = ORDINAL_ONES[capital] ?? (capital.endsWith('y') ? `${capital.slice(0, -1)}ieth` : `${capital}th`);
  parts[parts.length - 1] = parts.length > 1 ? ordinal.toLowerCase() : ordinal;
  return parts.join('-');
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** A counter in one of Word's number formats (ST_NumberFormat). */
export function formatNumber(n: number, format: string, padTo?: number): string {
  const CHINESE_UNITS = ['十', '百', '千'] as const;
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474);
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCodePoint(0x3280 + n - 1) : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'ordinal':
      return ordinal(n);
    case 'cardinalText':
      return cardinalText(n);
    case 'ordinalText':
      return ordinalText(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n, COUNTING_DIGITS, CHINESE_UNITS, true);
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_DIGITS, ['拾', '佰', '仟'], false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => CHINESE_DIGITS[Number(d)]!);
    case 'ideographTraditional':
      return cycle(n, '甲乙丙丁戊己庚辛壬癸');
    case 'ideographZodiac':
      return cycle(n, '子丑寅卯辰巳午未申酉戌亥');
    default: {
      const text = String(n);
      return padTo !== undefined && text.length < padTo ? text.padStart(padTo, '0') : text;
    }
  }
}

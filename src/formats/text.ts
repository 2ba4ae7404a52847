// Text files at the edge: plan.json, progress/*.json and templates/*.hbs are
// UTF-8 (a UTF-8 byte-order mark is allowed and dropped). Anything else is
// refused with what it most likely is — UTF-16 (Notepad's "Unicode"), GBK
// (Notepad's "ANSI" on a Chinese Windows), or UTF-8 with a stray byte — and
// where the first byte that is not UTF-8 sits, so the clerk knows what to do.
// Never decoded leniently: a U+FFFD in place of a bad byte would reach paper.

import { isUtf8 } from 'node:buffer';

/** Where a text file stops being UTF-8, and what it appears to be instead. */
export interface EncodingProblem {
  /** 1-based line and column (UTF-16 units, as JSON positions are counted) of the first byte that is not UTF-8. */
  readonly line: number;
  readonly column: number;
  /** What the file appears to be: 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'gbk' or 'unknown' (not UTF-8, nothing better known). */
  readonly encoding: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'gbk' | 'utf-8-damaged' | 'unknown';
  /** Chinese, for the clerk: what is wrong and what to do. */
  readonly message: string;
}

export type DecodedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: EncodingProblem };

const SAVE_AS = '请在编辑器中“另存为”UTF-8 编码';

/** Length of the well-formed UTF-8 sequence at `i` (Unicode Table 3-7), or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

interface Utf8Scan {
  /** Offset of the first byte that does not start a well-formed sequence, or -1. */
  firstBad: number;
  /** Bytes of that ill-formed stretch (up to the next well-formed sequence, at most 4). */
  badBytes: number[];
  /** Number of ill-formed stretches, of well-formed multi-byte sequences, and of those of three or four bytes (CJK in UTF-8). */
  bad: number;
  multi: number;
  wide: number;
}

function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { firstBad: -1, badBytes: [], bad: 0, multi: 0, wide: 0 };
  let inBad = false;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      if (n > 1) scan.multi += 1;
      if (n > 2) scan.wide += 1;
      inBad = false;
      i += n;
      continue;
    }
    if (!inBad) scan.bad += 1;
    if (scan.firstBad < 0) scan.firstBad = i;
    if (scan.firstBad >= 0 && i - scan.firstBad === scan.badBytes.length && scan.badBytes.length < 4) scan.badBytes.push(bytes[i]!);
    inBad = true;
    i += 1;
  }
  return scan;
}

/** Line and column of byte `offset`, counting columns in UTF-16 units of the (valid UTF-8) text before it on its line. */
function positionOfByte(bytes: Uint8Array, offset: number, bomLength: number): { line: number; column: number } {
  let line = 1;
  let lineStart = bomLength;
  for (let i = 0; i < offset; i += 1) {
    // LF, CR LF, or a lone CR, as the JSON positions count lines (load/json-source.ts).
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes.subarray(Math.max(lineStart, bomLength), offset));
  return { line, column: before.length + 1 };
}

/** NUL bytes at even and odd offsets: text in UTF-16 has them in every other byte (ASCII) or now and then (a newline, a brace). */
function zeroBytes(bytes: Uint8Array): { even: number; odd: number } {
  const zeros = { even: 0, odd: 0 };
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) zeros.even += 1;
      else zeros.odd += 1;
    }
  }
  return zeros;
}

/**
 * UTF-16 without a byte-order mark: the NULs fall on one side — the high
 * byte of every ASCII character — and hardly ever on the other (only a
 * character such as U+5200 has a zero low byte). Mostly ASCII (JSON): NULs in
 * at least 30 % of that side's bytes. Otherwise only when the file is not
 * UTF-8 anyway.
 */
function utf16WithoutBom(bytes: Uint8Array, validUtf8: boolean): 'utf-16le' | 'utf-16be' | undefined {
  const { even, odd } = zeroBytes(bytes);
  const pairs = Math.floor(bytes.length / 2);
  const oneSided = (side: number, other: number) => side > 0 && side >= 10 * other && (side >= pairs * 0.3 || !validUtf8);
  if (oneSided(odd, even)) return 'utf-16le';
  if (oneSided(even, odd)) return 'utf-16be';
  return undefined;
}

function decodesAsGbk(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const hex = (bytes: readonly number[]) => bytes.map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');

/**
 * The text of `bytes` when they hold no NUL and are well-formed UTF-8: every
 * plan and template in practice. Node checks that natively (isUtf8, which
 * accepts exactly the well-formed sequences of Unicode Table 3-7, as
 * scanUtf8 does), where scanUtf8 walks the bytes in JavaScript: a few ms of
 * every command's start (issue 14); on a 4.4 MB plan.json 17–23 ms instead
 * of 34–45, the decoding itself being the rest. Without a NUL no byte
 * pattern of UTF-16 is there (utf16WithoutBom counts NULs), so the answer is
 * the one the full path gives; anything else goes that way, to say what is
 * wrong and where.
 */
function wellFormedWithoutNul(bytes: Uint8Array): string | undefined {
  if (bytes.indexOf(0) !== -1 || !isUtf8(bytes)) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * The text of a file that must be UTF-8, without its byte-order mark; or
 * what is wrong with it, at the first byte that is not UTF-8.
 */
export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
  const at1 = { line: 1, column: 1 };
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xfe, 0x00, 0x00)) return { ok: false, problem: { ...at1, encoding: 'utf-32le', message: `文件是 UTF-32 编码（开头有 UTF-32 LE 字节顺序标记），不是 UTF-8：${SAVE_AS}` } };
  if (starts(0x00, 0x00, 0xfe, 0xff)) return { ok: false, problem: { ...at1, encoding: 'utf-32be', message: `文件是 UTF-32 编码（开头有 UTF-32 BE 字节顺序标记），不是 UTF-8：${SAVE_AS}` } };
  if (starts(0xff, 0xfe)) return { ok: false, problem: { ...at1, encoding: 'utf-16le', message: `文件是 UTF-16 编码（开头有 UTF-16 LE 字节顺序标记，记事本中称为“Unicode”），不是 UTF-8：${SAVE_AS}` } };
  if (starts(0xfe, 0xff)) return { ok: false, problem: { ...at1, encoding: 'utf-16be', message: `文件是 UTF-16 编码（开头有 UTF-16 BE 字节顺序标记，记事本中称为“Unicode big endian”），不是 UTF-8：${SAVE_AS}` } };
  const bom = starts(0xef, 0xbb, 0xbf) ? 3 : 0;
  const text = wellFormedWithoutNul(bytes.subarray(bom));
  if (text !== undefined) return { ok: true, text };
  const scan = scanUtf8(bytes);
  const utf16 = utf16WithoutBom(bytes, scan.firstBad < 0);
  if (utf16) {
    return { ok: false, problem: { ...at1, encoding: utf16, message: `文件似乎是不带字节顺序标记的 UTF-16 编码（${utf16 === 'utf-16le' ? 'LE' : 'BE'}，字节中夹有 0），不是 UTF-8：${SAVE_AS}` } };
  }
  if (scan.firstBad < 0) return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom)) };
  const place = positionOfByte(bytes, scan.firstBad, bom);
  const where = `第 ${place.line} 行第 ${place.column} 列的字节 ${hex(scan.badBytes)} 不是 UTF-8`;
  // Mostly UTF-8: at least two well-formed Chinese (three-byte) characters a damaged place. GBK bytes read as
  // UTF-8 fall out of step and now and then form a well-formed pair, hardly ever a three-byte character.
  const damagedUtf8 = () => {
    const count = scan.bad === 1 ? '只有这一处' : `共 ${scan.bad} 处，这是第一处`;
    return { ok: false as const, problem: { ...place, encoding: 'utf-8-damaged' as const, message: `文件是 UTF-8 编码，但${where}（${count}，可能是从别处粘贴或文件被截断所致）：请在编辑器中改正此处，另存为 UTF-8` } };
  };
  if (scan.wide >= 2 * scan.bad) return damagedUtf8();
  if (decodesAsGbk(bytes.subarray(bom))) {
    return { ok: false, problem: { ...place, encoding: 'gbk', message: `文件似乎是 GBK/GB 18030 编码（记事本中称为“ANSI”），不是 UTF-8（${where}）：${SAVE_AS}` } };
  }
  if (scan.multi > scan.bad) return damagedUtf8();
  return { ok: false, problem: { ...place, encoding: 'unknown', message: `文件不是 UTF-8 编码（${where}）：${SAVE_AS}` } };
}

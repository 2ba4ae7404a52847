// The one zip writer (zlib): readable by another zip reader, the same bytes
// every run, dated by the given day, photos stored rather than inflated.
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../src/formats/zip-writer.js';

const text = (s: string) => new TextEncoder().encode(s);
const u16 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint16(at, true);
const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

describe('zipFiles', () => {
  const photo = randomBytes(5000);
  const files = [
    { path: '[Content_Types].xml', data: text('<Types>'.repeat(200)) },
    { path: 'word/报告.xml', data: text('整改'.repeat(500)) },
    { path: 'evidence/photo.png', data: photo },
    { path: 'empty.txt', data: new Uint8Array() },
  ];

  it('unzips, with another reader, to the same files in the same order', () => {
    const zip = zipFiles(files, '2023-11-30');
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(files.map((f) => f.path));
    for (const f of files) expect(Buffer.from(back[f.path]!).equals(Buffer.from(f.data))).toBe(true);
  });

  it('gives the same bytes every run, every entry dated the given day at 00:00, with its CRC-32', () => {
    const zip = zipFiles(files, '2023-11-30');
    expect(zipFiles(files, '2023-11-30').equals(zip)).toBe(true);
    let at = 0;
    for (const f of files) {
      expect(u32(zip, at)).toBe(0x04034b50);
      expect(u16(zip, at + 10)).toBe(0); // 00:00:00
      expect(u16(zip, at + 12)).toBe(((2023 - 1980) << 9) | (11 << 5) | 30);
      expect(u32(zip, at + 14)).toBe(crc32(f.data));
      at += 30 + u16(zip, at + 26) + u32(zip, at + 18);
    }
  });

  it('flags names that are not ASCII as UTF-8, deflates text and stores what deflate does not shrink', () => {
    const zip = zipFiles(files, '2023-11-30');
    const locals: Array<{ flags: number; method: number; size: number }> = [];
    let at = 0;
    for (let i = 0; i < files.length; i += 1) {
      locals.push({ flags: u16(zip, at + 6), method: u16(zip, at + 8), size: u32(zip, at + 18) });
      at += 30 + u16(zip, at + 26) + u32(zip, at + 18);
    }
    expect(locals.map((l) => l.flags & 0x800)).toEqual([0, 0x800, 0, 0]);
    expect(locals.map((l) => l.method)).toEqual([8, 8, 0, 0]);
    expect(locals[2]!.size).toBe(photo.length);
  });

  it('refuses a date a zip cannot hold', () => {
    expect(() => zipFiles(files, '1979-12-31')).toThrow(RangeError);
  });
});

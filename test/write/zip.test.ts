import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../../src/write/zip.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('zipEntries', () => {
  it('is byte-identical for the same entries in any order, with sorted entries', () => {
    const a = zipEntries([{ path: 'b/佐证.txt', data: text('2') }, { path: 'a.txt', data: text('1') }], '2023-10-31');
    const b = zipEntries([{ path: 'a.txt', data: text('1') }, { path: 'b/佐证.txt', data: text('2') }], '2023-10-31');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Object.keys(unzipSync(a))).toEqual(['a.txt', 'b/佐证.txt']);
  });
  it('sets the UTF-8 name flag on Chinese names', () => {
    const zip = zipEntries([{ path: '报送材料清单.docx', data: text('x') }], '2023-10-31');
    const flags = new DataView(zip.buffer, zip.byteOffset).getUint16(6, true);
    expect(flags & 0x800).toBe(0x800);
  });
});

// What kind of image some bytes are, by their signature (never by a name a
// file gives itself): the picture formats Excel, WPS and phones put into a
// workbook. Anything else is not taken for a picture.

export type ImageType = 'png' | 'jpg' | 'gif' | 'bmp' | 'webp' | 'tif' | 'emf' | 'wmf' | 'heic';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

/** The image type, used as the file extension; undefined when the bytes are no image zhenggai knows. */
export function imageType(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26) return 'bmp';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tif';
  if (startsWith(bytes, [0x01, 0x00, 0x00, 0x00]) && ascii(bytes, 40, 4) === ' EMF') return 'emf';
  if (startsWith(bytes, [0xd7, 0xcd, 0xc6, 0x9a]) || startsWith(bytes, [0x01, 0x00, 0x09, 0x00]) || startsWith(bytes, [0x02, 0x00, 0x09, 0x00])) return 'wmf';
  if (ascii(bytes, 4, 4) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1', 'heif'].includes(ascii(bytes, 8, 4))) return 'heic';
  return undefined;
}

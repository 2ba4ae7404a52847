// File names built from office data (unit names, summaries, titles) must not
// escape out/ and must be names Windows accepts, since packets are opened there.

/** Windows rejects these as base names, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Characters Windows or a zip reader treat as path syntax or refuse; replaced by
// full-width look-alikes so a Chinese title still reads naturally.
const REPLACEMENTS: Record<string, string> = {
  '/': '／',
  '\\': '＼',
  ':': '：',
  '*': '＊',
  '?': '？',
  '"': '＂',
  '<': '＜',
  '>': '＞',
  '|': '｜',
};
/** Bytes, not characters: ext4 and NTFS limit a name to 255; leave room for " (12)" and an extension. */
export const MAX_NAME_BYTES = 200;

function truncateToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += char;
  }
  return out;
}

/** A single safe path segment (no extension handling: pass the stem). */
export function safeFileStem(name: string, maxBytes = MAX_NAME_BYTES): string {
  let stem = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[/\\:*?"<>|]/g, (c) => REPLACEMENTS[c] ?? '_')
    .replace(/\s+/g, ' ')
    .trim();
  stem = truncateToBytes(stem, maxBytes).replace(/[. ]+$/, '');
  if (stem === '' || /^\.+$/.test(stem)) stem = '_';
  if (RESERVED.test(stem)) stem = `_${stem}`;
  return stem;
}

/** An extension kept when a name is shortened: letters and digits after the last dot, as file managers show them. */
const EXTENSION = /\.([\p{L}\p{N}_-]{1,16})$/u;

/**
 * A whole file name from data (an evidence file's), made safe as
 * safeFileStem makes a stem; a name too long is shortened before its
 * extension, which is kept, so a photo still opens as a photo
 * (照片……很长.png → 照片…….png, not 照片……很).
 */
export function safeFileNameKeepingExtension(name: string, maxBytes = MAX_NAME_BYTES): string {
  const whole = safeFileStem(name, maxBytes);
  if (whole === safeFileStem(name, Number.MAX_SAFE_INTEGER)) return whole;
  const cleaned = name.normalize('NFC').replace(/\s+$/u, '');
  const extension = EXTENSION.exec(cleaned);
  if (!extension || extension.index === 0) return whole;
  const ext = extension[1]!.normalize('NFC');
  return `${safeFileStem(cleaned.slice(0, extension.index), maxBytes - Buffer.byteLength(ext, 'utf8') - 1)}.${ext}`;
}

/** `stem.ext`, safe; the extension is trusted (it comes from code, not data). */
export function safeFileName(stem: string, extension: string): string {
  return `${safeFileStem(stem)}.${extension}`;
}

/** Make names unique case-insensitively (Windows and macOS fold case) by adding " (2)", " (3)"… */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})${ext}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

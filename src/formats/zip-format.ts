// The zip format's fixed numbers (PKWARE APPNOTE.TXT), shared by the zip the
// project writes (zip-writer.ts), the dates it fixes in others' zips
// (zip-dates.ts) and the packages it reads and checks (xlsx/package.ts,
// load/xlsx-limits.ts).

/** Local file header signature (APPNOTE 4.3.7). */
export const ZIP_LOCAL_SIGNATURE = 0x04034b50;
/** Central directory file header signature (APPNOTE 4.3.12). */
export const ZIP_CENTRAL_SIGNATURE = 0x02014b50;
/** End of central directory record signature (APPNOTE 4.3.16). */
export const ZIP_EOCD_SIGNATURE = 0x06054b50;
/** Compression methods (APPNOTE 4.4.5): stored and deflated. */
export const ZIP_STORED = 0;
export const ZIP_DEFLATED = 8;
/** A 32-bit size or offset with this value means "see the ZIP64 record". */
export const ZIP64_MARK = 0xffffffff;

// Sheet names Excel accepts: at most 31 characters, none of \ / ? * [ ] :,
// not starting or ending with an apostrophe, and unique in the workbook
// (compared without case, as Excel does). docs/domain.md#excel-limits: shortened uniquely.

import { EXCEL_MAX_SHEET_NAME_CHARS, EXCEL_SHEET_NAME_FORBIDDEN } from '../../layout/excel.js';

const FALLBACK_NAME = 'Sheet';

export function safeSheetName(wanted: string, taken: ReadonlySet<string> = new Set()): string {
  const cleaned = wanted.replace(EXCEL_SHEET_NAME_FORBIDDEN, '').replace(/^'+|'+$/g, '').trim() || FALLBACK_NAME;
  const lowerTaken = new Set([...taken].map((n) => n.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : `(${n})`;
    // Cutting can leave an apostrophe at the end, which Excel refuses as much as one at the start.
    const candidate = (truncate(cleaned, EXCEL_MAX_SHEET_NAME_CHARS - suffix.length).replace(/'+$/, '').trim() || FALLBACK_NAME) + suffix;
    if (!lowerTaken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Excel counts UTF-16 code units; never cut a surrogate pair in half. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

import { FIELD_LABELS } from '../../model/vocabulary.js';
import { shownNumberOf } from '../../model/numbering.js';
import type { JsonPath } from '../../diagnostics/json-path.js';
import type { Finding, Rule } from '../rule.js';

/**
 * The most characters a unit's free text in one period is expected to hold
 * (docs/domain.md#long-text): at 小四 in the report's 整改进展 column (about 16
 * em) 1,000 characters are some 60 lines — two pages of one table cell. A
 * month's progress is a few sentences; a text this long is almost always a
 * paste by mistake (a fresh tester put 20,016 characters online and they were
 * printed in the report). A warning, not an error: the office decides.
 */
export const LONG_TEXT_CHARS = 1_000;

const FIELDS = ['progress', 'reason', 'note'] as const;

export const longText: Rule = {
  id: 'long-text',
  severity: 'warning',
  description: `一期进展中单位填写的文字（整改进展、未完成原因、备注、调整原因）超过 ${LONG_TEXT_CHARS} 字：报告表格中一格超过一页，多为误粘贴 / a unit's free text in a period over ${LONG_TEXT_CHARS} characters: more than a page of one report cell, usually a paste by mistake`,
  check({ folder }) {
    const findings: Finding[] = [];
    for (const file of folder.progress) {
      for (const [index, entry] of file.data.problems.entries()) {
        const number = shownNumberOf(folder.plan, entry.number);
        const texts: { path: JsonPath; label: string; text: string | undefined }[] = [
          ...FIELDS.map((field) => ({ path: ['problems', index, field], label: FIELD_LABELS[field], text: entry[field] })),
          { path: ['problems', index, 'extension', 'reason'], label: FIELD_LABELS.extensionReason, text: entry.extension?.reason },
        ];
        for (const { path, label, text } of texts) {
          const length = text === undefined ? 0 : [...text].length;
          if (length > LONG_TEXT_CHARS) {
            findings.push({ source: file.source, path, message: `第 ${number} 号问题的${label}共 ${length} 字，超过 ${LONG_TEXT_CHARS} 字：报告表格中这一格将超过一页，请核对是否误粘贴` });
          }
        }
      }
    }
    return findings;
  },
};

import { measuresText } from '../../derive/measures.js';
import type { JsonSource } from '../../load/json-source.js';
import type { Finding, Rule } from '../rule.js';
import { walkStrings } from '../walk-strings.js';

/** Excel's hard limit on the characters of one cell. */
export const EXCEL_CELL_MAX_CHARS = 32_767;

function tooLong(source: JsonSource): Finding[] {
  const findings: Finding[] = [];
  for (const { path, text } of walkStrings(source.value)) {
    if (text.length > EXCEL_CELL_MAX_CHARS) {
      findings.push({ source, path, message: `文本长 ${text.length} 字符，超过 Excel 单元格上限 ${EXCEL_CELL_MAX_CHARS}，表格中无法完整保存` });
    }
  }
  return findings;
}

export const excelCellLimit: Rule = {
  id: 'excel-cell-limit',
  severity: 'error',
  description: '写入表格的文本不能超过 Excel 单元格上限 32767 字符',
  check({ folder }) {
    const findings = [folder.planSource, ...folder.progress.map((p) => p.source)].flatMap(tooLong);
    // Measures share one cell in the table, so their joined text must fit too.
    for (const [index, problem] of folder.plan.problems.entries()) {
      const joined = measuresText(problem.measures).length;
      const eachFits = problem.measures.every((m) => m.length <= EXCEL_CELL_MAX_CHARS);
      if (eachFits && joined > EXCEL_CELL_MAX_CHARS) {
        findings.push({ source: folder.planSource, path: ['problems', index, 'measures'], message: `整改措施合计 ${joined} 字符，超过 Excel 单元格上限 ${EXCEL_CELL_MAX_CHARS}` });
      }
    }
    return findings;
  },
};

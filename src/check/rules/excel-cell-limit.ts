import { shownNumberOf } from '../../model/numbering.js';
import { cumulativeEvidenceByProblem } from '../../derive/evidence.js';
import { measuresText } from '../../model/measures.js';
import { unitsText } from '../../derive/units.js';
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
  description: '文本超过 Excel 单元格上限 32767 字符（含合在一格的整改措施、单位和累计佐证材料） / text longer than an Excel cell holds (32,767 characters), counting measures, units and evidence that share a cell',
  check({ folder }) {
    const findings = [folder.planSource, ...folder.progress.map((p) => p.source)].flatMap(tooLong);
    // Measures share one cell in the table, so their joined text must fit too.
    for (const [index, problem] of folder.plan.problems.entries()) {
      const joined = measuresText(problem.measures).length;
      const eachFits = problem.measures.every((m) => m.length <= EXCEL_CELL_MAX_CHARS);
      if (eachFits && joined > EXCEL_CELL_MAX_CHARS) {
        findings.push({ source: folder.planSource, path: ['problems', index, 'measures'], message: `整改措施合计 ${joined} 字符，超过 Excel 单元格上限 ${EXCEL_CELL_MAX_CHARS}` });
      }
      // So do the units of a problem (牵头单位, 配合单位: one cell each, joined with 、).
      for (const [field, name] of [['leadUnits', '牵头单位'], ['cooperatingUnits', '配合单位']] as const) {
        const units = unitsText(problem[field]).length;
        if (units > EXCEL_CELL_MAX_CHARS) {
          findings.push({ source: folder.planSource, path: ['problems', index, field], message: `${name}合计 ${units} 字符，超过 Excel 单元格上限 ${EXCEL_CELL_MAX_CHARS}` });
        }
      }
    }
    // And the ledger's 佐证材料 cell: every file so far, one a line.
    for (const file of folder.progress) {
      const evidence = cumulativeEvidenceByProblem(folder.progress.map((p) => p.data), file.data.period);
      for (const [index, entry] of file.data.problems.entries()) {
        const joined = (evidence.get(entry.number) ?? []).map((e) => e.path).join('\n').length;
        if (entry.evidence.length > 0 && joined > EXCEL_CELL_MAX_CHARS) {
          findings.push({ source: file.source, path: ['problems', index, 'evidence'], message: `第 ${shownNumberOf(folder.plan, entry.number)} 号问题截至 ${file.data.period} 的佐证材料路径合计 ${joined} 字符，超过 Excel 单元格上限 ${EXCEL_CELL_MAX_CHARS}（台账中放不下）` });
        }
      }
    }
    return findings;
  },
};

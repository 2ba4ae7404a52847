// Scale limits, stated rather than discovered (docs/domain.md#scale-limits):
// a plan the documents cannot be made for in a few minutes and about 1.5 GB
// of memory on a two-core machine is refused by `check`, and so by every
// command that reads a plan before it renders anything (documents/files.ts
// loadCheckedFolder, documents/import.ts), instead of running out of memory
// after minutes. The figures are bench/scale.js's, on synthetic plans.
import type { JsonSource } from '../../load/json-source.js';
import type { Finding, Rule } from '../rule.js';
import { walkStrings } from '../walk-strings.js';

/**
 * Most problems a plan may have. Memory grows about 0.25 MB a problem in the
 * report and the packet: 5,000 problems (12 lead units, 1 million characters
 * of text) 1.2–1.3 GB at most; 10,000 problems 1.7–2.5 GB for the notice,
 * report, closure forms and packet; 20,000 the report did not finish in 300 s.
 */
export const MAX_PROBLEMS = 5_000;

/**
 * Most lead units: the ledger has a sheet, and `forms` a workbook, for each.
 * 5,000 problems led by 1,000 units: the report 1.67 GB, the packet 1.72 GB;
 * by 5,000 units the report 2.09 GB.
 */
export const MAX_UNITS = 200;

/**
 * Most characters of text (all strings, counted in UTF-16 units: a Chinese
 * character is one) in plan.json.
 */
export const MAX_PLAN_TEXT_CHARS = 5_000_000;

/**
 * Most characters of text in one progress file: its progress texts go into
 * the report, the ledger and the closure forms.
 */
export const MAX_PROGRESS_TEXT_CHARS = 2_500_000;

// All four at once (5,000 problems, 200 lead units, 5.3 and 2.6 million
// characters): every command within 1.4 GB and 200 s. Twice the units and
// text (500 units, 10.4 and 5.2 million): the report and the packet 1.62 GB.

const WHY = '超过此规模，生成任务分解表、报告和报送材料所需的内存会超过约 1.5 GB、时间超过数分钟（见 docs/domain.md“规模上限”）';

function tooMuchText(source: JsonSource, what: string, limit: number): Finding | undefined {
  let total = 0;
  for (const { path, text } of walkStrings(source.value)) {
    total += text.length;
    if (total > limit) {
      return { source, path, message: `${what}的文字到此处已超过 ${limit.toLocaleString('en-US')} 字符，超过本工具的上限：${WHY}；请精简文字或把方案拆分为几个方案文件夹` };
    }
  }
  return undefined;
}

export const planSize: Rule = {
  id: 'plan-size',
  severity: 'error',
  description: `方案超过本工具能生成文件的规模上限（问题 ${MAX_PROBLEMS} 个、牵头单位 ${MAX_UNITS} 个、plan.json 文字 ${MAX_PLAN_TEXT_CHARS / 10_000} 万字符、每个进展文件 ${MAX_PROGRESS_TEXT_CHARS / 10_000} 万字符） / plan larger than the documents can be made for (${MAX_PROBLEMS.toLocaleString('en-US')} problems, ${MAX_UNITS} lead units, ${MAX_PLAN_TEXT_CHARS.toLocaleString('en-US')} characters of plan text, ${MAX_PROGRESS_TEXT_CHARS.toLocaleString('en-US')} a progress file)`,
  check({ folder }) {
    const findings: Finding[] = [];
    const { problems } = folder.plan;
    if (problems.length > MAX_PROBLEMS) {
      findings.push({
        source: folder.planSource,
        path: ['problems', MAX_PROBLEMS],
        message: `方案有 ${problems.length} 个问题，超过本工具的上限 ${MAX_PROBLEMS} 个（此处是第 ${MAX_PROBLEMS + 1} 个）：${WHY}；请把方案拆分为几个方案文件夹`,
      });
    }
    // Each lead unit with the index of the first problem it leads, in that order.
    const leads = new Map<string, number>();
    for (const [index, problem] of problems.entries()) for (const unit of problem.leadUnits) if (!leads.has(unit)) leads.set(unit, index);
    if (leads.size > MAX_UNITS) {
      const index = [...leads.values()][MAX_UNITS]!;
      findings.push({
        source: folder.planSource,
        path: ['problems', index, 'leadUnits'],
        message: `方案有 ${leads.size} 个牵头单位，超过本工具的上限 ${MAX_UNITS} 个（此处是第 ${MAX_UNITS + 1} 个）：台账为每个牵头单位建一个工作表、填报表为每个单位建一个文件，${WHY}`,
      });
    }
    const plan = tooMuchText(folder.planSource, 'plan.json ', MAX_PLAN_TEXT_CHARS);
    if (plan) findings.push(plan);
    for (const file of folder.progress) {
      const progress = tooMuchText(file.source, `进展文件 ${file.fileperiod} `, MAX_PROGRESS_TEXT_CHARS);
      if (progress) findings.push(progress);
    }
    return findings;
  },
};

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
 * report, closure forms and packet, and out of memory with Node's heap capped
 * at 1,280 MB; 20,000 the report did not finish in 300 s.
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
 * Most characters of text in all progress files together: every file is
 * loaded for each document (the history: evidence, the period before), and
 * the period's progress texts go into the report, the ledger and the closure
 * forms.
 */
export const MAX_PROGRESS_TEXT_CHARS = 2_500_000;

/**
 * Most progress entries in all progress files together (problems × periods):
 * 12 monthly files of 5,000 problems, the report 1.52 GB and the packet
 * 1.50 GB; 36 files, the packet 2.16 GB.
 */
export const MAX_PROGRESS_ENTRIES = 30_000;

// All at once: see docs/domain.md#scale-limits.

const PROGRESS_ADVICE = '请精简进展文字，或把方案拆分为几个方案文件夹（每个文件夹的问题少一些）';

const WHY = '超过此规模，生成任务分解表、报告和报送材料所需的内存会超过约 1.5 GB、时间超过数分钟（见 docs/domain.md“规模上限”）';

/**
 * A whole number with thousands separators, as toLocaleString('en-US') writes
 * it (5,000,000). Not toLocaleString itself: the description below is built
 * when this module loads, at every command's start, and ICU's number
 * formatting took about 10 ms of CPU to set up (issue 14).
 */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The first string, over `sources` in order, at which their text together passes `limit`. */
function tooMuchText(sources: readonly JsonSource[], what: string, limit: number, advice: string): Finding | undefined {
  let total = 0;
  for (const source of sources) {
    for (const { path, text } of walkStrings(source.value)) {
      total += text.length;
      if (total > limit) {
        return { source, path, message: `${what}的文字到此处已超过 ${grouped(limit)} 字符，超过本工具的上限：${WHY}；${advice}` };
      }
    }
  }
  return undefined;
}

export const planSize: Rule = {
  id: 'plan-size',
  severity: 'error',
  description: `方案超过本工具能生成文件的规模上限（问题 ${MAX_PROBLEMS} 个、牵头单位 ${MAX_UNITS} 个、plan.json 文字 ${MAX_PLAN_TEXT_CHARS / 10_000} 万字符、各进展文件合计文字 ${MAX_PROGRESS_TEXT_CHARS / 10_000} 万字符和问题进展 ${MAX_PROGRESS_ENTRIES} 条） / plan larger than the documents can be made for (${grouped(MAX_PROBLEMS)} problems, ${MAX_UNITS} lead units, ${grouped(MAX_PLAN_TEXT_CHARS)} characters of plan text; in all progress files together ${grouped(MAX_PROGRESS_TEXT_CHARS)} characters and ${grouped(MAX_PROGRESS_ENTRIES)} entries)`,
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
    const plan = tooMuchText([folder.planSource], 'plan.json ', MAX_PLAN_TEXT_CHARS, '请精简文字或把方案拆分为几个方案文件夹');
    if (plan) findings.push(plan);
    const progress = tooMuchText(folder.progress.map((p) => p.source), '各进展文件合计', MAX_PROGRESS_TEXT_CHARS, PROGRESS_ADVICE);
    if (progress) findings.push(progress);
    // Progress entries, over the files by period: the first entry past the limit.
    let entries = 0;
    for (const file of folder.progress) {
      if (entries + file.data.problems.length > MAX_PROGRESS_ENTRIES) {
        const index = MAX_PROGRESS_ENTRIES - entries;
        const total = folder.progress.reduce((sum, p) => sum + p.data.problems.length, 0);
        findings.push({
          source: file.source,
          path: ['problems', index],
          message: `各进展文件合计有 ${total} 条问题进展（问题数 × 期数），超过本工具的上限 ${MAX_PROGRESS_ENTRIES} 条（此处是第 ${MAX_PROGRESS_ENTRIES + 1} 条）：每次生成文件都要读入全部进展文件，${WHY}；${PROGRESS_ADVICE}`,
        });
        break;
      }
      entries += file.data.problems.length;
    }
    return findings;
  },
};

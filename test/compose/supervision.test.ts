// The supervision notice as a document model, on the 河口乡 fixture, and an
// office's own template that gets it wrong.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupervisionNotice } from '../../src/compose/supervision.js';
import { derivePeriod } from '../../src/derive/period.js';
import { supervisedUnits } from '../../src/derive/supervision.js';
import { planSchema } from '../../src/model/plan-schema.js';
import { progressSchema } from '../../src/model/progress-schema.js';
import { TemplateError } from '../../src/templates/template-error.js';
import { basePlan, baseProgress } from '../helpers/fixture-folder.js';

const BUNDLED = readFileSync('templates/supervision.hbs', 'utf8');
/** The bundled template with its replydays slot line (not the comment's mention of it) changed. */
const withReplyDays = (days: string) => BUNDLED.replace(/^---replydays 5---$/m, `---replydays ${days}---`);
const plan = planSchema.parse({ ...basePlan(), units: [{ name: '农办', fullName: '河口乡农业综合服务办公室' }, { name: '林业站' }, { name: '各村' }] });

/** 2024-06-30: problem 1 (农办, 5月底前) still in progress — overdue, red. */
function notice(source: string) {
  const june = baseProgress();
  june.problems[0] = { number: 1, status: '推进中', onSchedule: true, reason: '雨季施工受阻。' };
  const result = derivePeriod(plan, progressSchema.parse(june));
  if (!result.ok) throw new Error(result.message);
  const [unit] = supervisedUnits(plan, result.view);
  return composeSupervisionNotice(plan, result.view, unit!, { number: 7, date: '2024-06-28' }, { supervision: { name: 'supervision', fileName: 'my/supervision.hbs', source, overridden: true } });
}

describe('composeSupervisionNotice', () => {
  it('a 催办通知 in letter format to the unit’s full name, with the days overdue and the reply-by date', () => {
    const doc = notice(BUNDLED);
    expect(doc.header).toEqual({ kind: 'letter', issuerMark: '青石县河口乡人民政府', docNumber: '督办〔2024〕7号' });
    expect(doc.title.lines.join('')).toBe('关于逾期问题整改的催办通知');
    expect(doc.recipients).toBe('河口乡农业综合服务办公室');
    const texts = doc.body.map((b) => (b.kind === 'paragraph' ? b.text : ''));
    // Due 2024-05-31, as of 2024-06-30: 30 days overdue. 2024-06-28 is a Friday: 5 working days on is 2024-07-05.
    expect(texts[0]).toBe('按照河口府发〔2024〕5号文件要求，截至2024年6月30日，你单位牵头的问题中，超过整改时限仍未完成的1个，现予催办：');
    expect(texts).toContain('1．河道垃圾清理不及时。整改时限：5月底前完成；推进中（逾期），已逾期30天，红色预警。');
    expect(texts.at(-1)).toBe('逾期的问题请立即整改，说明逾期原因，明确完成时限。请于2024年7月5日前书面报送整改落实情况。');
    expect(doc.signature).toEqual({ signatory: '青石县河口乡人民政府', date: '2024-06-28', sealed: true });
  });

  it('takes the reply period from the template, and refuses one that is not 1 to 60 working days, naming the file', () => {
    const ten = notice(withReplyDays('10'));
    expect(ten.body.at(-1)).toEqual({ kind: 'paragraph', text: '逾期的问题请立即整改，说明逾期原因，明确完成时限。请于2024年7月12日前书面报送整改落实情况。' });
    expect(() => notice(withReplyDays('五'))).toThrow(TemplateError);
    expect(() => notice(withReplyDays('0'))).toThrow('my/supervision.hbs: “---replydays …---”应为 1 到 60 的整数（工作日），实为“0”');
  });

  it('refuses a template without the number slot, naming it', () => {
    expect(() => notice(BUNDLED.replace(/^---docnumber .*$/m, ''))).toThrow('my/supervision.hbs: 督办文书模板缺少“---docnumber …---”一行');
  });
});

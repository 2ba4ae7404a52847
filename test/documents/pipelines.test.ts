// The document pipelines are pure functions of loaded data: here the bundled
// plan is assembled in memory under a folder that does not exist, every
// pipeline runs on it, and its named buffers are the bytes the CLI writes.
// Expected names are written out from the plan's own data (attachment title,
// 发文字号, report number), not taken from the code under test.

import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClosureForms } from '../../src/documents/closure-forms.js';
import { buildNotice } from '../../src/documents/notice.js';
import { buildPacket, PACKET_PARTS } from '../../src/documents/packet.js';
import type { PlanData } from '../../src/documents/pipeline.js';
import { buildReport } from '../../src/documents/report.js';
import { buildTaskTable } from '../../src/documents/task-table.js';
import { loadTemplates } from '../../src/documents/templates.js';
import { buildUnitForms } from '../../src/documents/unit-forms.js';
import { assemblePlanFolder } from '../../src/load/plan-folder.js';
import { runCli } from '../cli/run.js';

const DATA = 'data/guanyang-2022';
const TABLE = '2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改任务分解和责任分工表';
const NOTICE = '官阳府发〔2023〕27号-关于印发《官阳镇2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改工作方案》的通知.docx';
const REPORT = '官阳府文〔2023〕41号-巫山县官阳镇人民政府关于2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改进展情况的报告.docx';

let data: PlanData;
let cliOut: string;

function inMemory(): PlanData {
  const progress = readdirSync(path.join(DATA, 'progress')).sort().map((f) => ({ file: `progress/${f}`, text: readFileSync(path.join(DATA, 'progress', f), 'utf8') }));
  const evidenceFiles = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else evidenceFiles.add(rel);
    }
  };
  walk(path.join(DATA, 'evidence'), '');
  const loaded = assemblePlanFolder({ dir: '/nonexistent/guanyang-2022', plan: { file: 'plan.json', text: readFileSync(path.join(DATA, 'plan.json'), 'utf8') }, progress, evidenceFiles });
  if (!loaded.folder) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.folder;
}

beforeAll(async () => {
  data = inMemory();
  cliOut = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-pipelines-'));
  for (const args of [['table'], ['notice'], ['report', '--period', '2023-11'], ['forms', '--period', '2023-11'], ['closure-forms', '--period', '2023-11']]) {
    const result = await runCli([args[0]!, DATA, ...args.slice(1), '--out', cliOut]);
    if (result.exit !== 0) throw new Error(result.err);
  }
});

const written = (name: string) => readFileSync(path.join(cliOut, 'guanyang-2022', ...name.split('/')));

describe('document pipelines on data held in memory', () => {
  it('table: the Word and Excel tables, named after the attachment title, as the CLI writes them', async () => {
    const output = await buildTaskTable(data.plan, 'both');
    expect(output.files.map((f) => f.name)).toEqual([`${TABLE}.docx`, `${TABLE}.xlsx`]);
    for (const file of output.files) expect(Buffer.from(file.data).equals(written(file.name))).toBe(true);
  });

  it('notice: one file named <发文字号>-<title>', async () => {
    const output = await buildNotice(data.plan, await loadTemplates());
    expect(output.files.map((f) => f.name)).toEqual([NOTICE]);
    expect(Buffer.from(output.files[0]!.data).equals(written(NOTICE))).toBe(true);
  });

  it('report: the report and the ledger under the period', async () => {
    const output = await buildReport(data, '2023-11', await loadTemplates());
    expect(output.files.map((f) => f.name)).toEqual([`2023-11/${REPORT}`, '2023-11/整改台账-2023-11.xlsx']);
    for (const file of output.files) expect(Buffer.from(file.data).equals(written(file.name))).toBe(true);
  });

  it('unit forms: one per lead unit under forms-<period>/', async () => {
    const output = await buildUnitForms(data, '2023-11', await loadTemplates());
    const leadUnits = new Set(data.plan.problems.map((p) => p.leadUnits[0]));
    expect(output.files).toHaveLength(leadUnits.size);
    for (const file of output.files) {
      expect(file.name.startsWith('forms-2023-11/')).toBe(true);
      expect(Buffer.from(file.data).equals(written(file.name))).toBe(true);
    }
  });

  it('closure forms: filled and blank under the period', async () => {
    const output = await buildClosureForms(data, '2023-11', await loadTemplates());
    expect(output.files.map((f) => f.name)).toEqual(['2023-11/整改问题销号审批表（本期已销号）.docx', '2023-11/整改问题销号审批表（已完成待签字）.docx']);
    for (const file of output.files) expect(Buffer.from(file.data).equals(written(file.name))).toBe(true);
  });

  it('packet: its parts come from the list of part sources, numbered in order, the evidence folder last', async () => {
    const build = await buildPacket(data, '2023-11', await loadTemplates());
    expect(PACKET_PARTS).toHaveLength(5);
    // The 督办 source gives a part a notice: 2023-11 has three (经发办, 规建办, 党群办).
    expect(build.layout.parts.map((p) => [p.index, p.kind])).toEqual([
      [1, 'report'],
      [2, 'ledger'],
      [3, 'closure-filled'],
      [4, 'closure-blank'],
      [5, 'supervision'],
      [6, 'supervision'],
      [7, 'supervision'],
      [8, 'evidence'],
    ]);
    expect([...build.documents.keys()]).toEqual([
      '01-巫山县官阳镇人民政府关于2022年巩固拓展脱贫攻坚成果市级考核评估反馈问题整改进展情况的报告.docx',
      '02-整改台账-2023-11.xlsx',
      '03-整改问题销号审批表（本期已销号）.docx',
      '04-整改问题销号审批表（已完成待签字）.docx',
      '05-督办〔2023〕4号-提醒函（经发办）.docx',
      '06-督办〔2023〕5号-催办通知（规建办）.docx',
      '07-督办〔2023〕6号-提醒函（党群办）.docx',
      // the data a county reads back (docs/domain.md#roll-up), outside the contents list
      'data/plan.json',
      'data/progress/2023-09.json',
      'data/progress/2023-10.json',
      'data/progress/2023-11.json',
      'data/packet.json',
    ]);
    expect(build.date).toBe('2023-11-30');
  });

  it('packet: a period with nothing closed in it has no filled-forms part, and the numbers close up', async () => {
    const build = await buildPacket(data, '2023-09', await loadTemplates());
    // September: 8 (规建办) and 11 (农业服务中心) behind schedule, yellow — two 督办单.
    expect(build.layout.parts.map((p) => p.kind)).toEqual(['report', 'ledger', 'closure-blank', 'supervision', 'supervision', 'evidence']);
    expect(build.layout.parts.map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

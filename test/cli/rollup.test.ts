// zhenggai rollup (issue 18): two towns made from the bundled plan (官阳镇 and
// 双龙镇, test/fixtures/rollup/) packed and rolled up into a county's ledger,
// report and rollup.json. Every figure below is counted by hand from the
// fixtures' progress files (as of 2023-11-30; due dates from `check --deadlines`:
// 7月底 → 07-31, 10月底 → 10-31, 11月底 → 11-30 (due, not overdue that day), 12月底 not due):
//
// 官阳镇 (one file, 2023-11): 1–5 已销号; 6–9, 15–17, 21 已完成; 18 已完成并长期坚持;
//   10, 12, 20 推进中 (not due); 11, 14 推进中 and due 10-31 → overdue; 13, 19 未启动 (not due).
//   total 21, completed 5+4+3+1+1 = 14, closed 5, in progress 5, not started 2, overdue 2,
//   due = 16 (all but 10, 12, 13, 19, 20), due and completed 14 → 66.7 %, 87.5 %.
// 双龙镇 (2023-10 and 2023-11): 1–3 已销号; 4–9, 16, 17 已完成; 18 已完成并长期坚持;
//   10, 12, 13, 19, 20 推进中 (not due); 11, 14, 15 推进中, due 10-31 → overdue; 21 completed in
//   October, 反弹 on 2023-11-20 → 推进中, extended to 12月20日 (not due), round 2.
//   total 21, completed 3+8+1 = 12, closed 3, in progress 9, not started 0, overdue 3,
//   due = 16 − 1 (21 extended) = 15, due and completed 12 → 57.1 %, 80.0 %, reopened 1.
// County: 42, completed 26, closed 8, in progress 14, not started 2, overdue 5, due 31,
//   due and completed 26, reopened 1 → 61.9 %, 83.9 %.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { runCli } from './run.js';
import { COUNTY_OPTIONS, ROLLUP_FIXTURES, makePacket, tmpDir } from '../helpers/rollup-packets.js';
import { describeWithTools, runPython, runTool } from '../helpers/tools.js';
import { zipText } from '../helpers/unzip.js';
import { paragraphs, textOf } from '../helpers/docx-xml.js';

const A = '巫山县官阳镇人民政府';
const B = '巫山县双龙镇人民政府';
const C = '巫山县庙宇镇人民政府';
const REPORT = '巫山乡振文〔2023〕58号-巫山县关于2022年巩固拓展脱贫攻坚成果考核评估反馈问题整改进展情况的报告.docx';
const LEDGER = '汇总台账-2023-11.xlsx';

/** The figures of one group, in rollup.json's field order; byStatus as 未启动, 推进中, 已完成, 已完成并长期坚持, 已销号. */
function figures(f: [number, number, number, number, number, number, number, number, number, number], byStatus: [number, number, number, number, number], rates: [string, string]) {
  const [total, completed, closed, inProgress, notStarted, overdue, due, dueCompleted, longTerm, reopened] = f;
  const [a, b, c, d, e] = byStatus;
  return { total, completed, closed, inProgress, notStarted, overdue, due, dueCompleted, longTerm, reopened, byStatus: { 未启动: a, 推进中: b, 已完成: c, 已完成并长期坚持: d, 已销号: e }, completionRate: rates[0], dueCompletionRate: rates[1] };
}

// Long-term (长期坚持 in the deadline, or the status): problems 1, 4, 5, 6, 7, 9, 13, 18, 20 in both towns → 9 each.
const TOWN_A = figures([21, 14, 5, 5, 2, 2, 16, 14, 9, 0], [2, 5, 8, 1, 5], ['66.7%', '87.5%']);
const TOWN_B = figures([21, 12, 3, 9, 0, 3, 15, 12, 9, 1], [0, 9, 8, 1, 3], ['57.1%', '80.0%']);
const COUNTY = figures([42, 26, 8, 14, 2, 5, 31, 26, 18, 1], [2, 14, 16, 2, 8], ['61.9%', '83.9%']);

interface Rollup {
  issuer: string;
  period: string;
  asOf: string;
  expected: string[] | null;
  missing: string[];
  totals: Record<string, unknown>;
  units: (Record<string, unknown> & { name: string })[];
  byCategory: (Record<string, unknown> & { category: string })[];
  problems: { path: string[]; number: number; overdue: boolean; reopened: boolean; round: number }[];
}

const pick = (o: Record<string, unknown>) => {
  const { total, completed, closed, inProgress, notStarted, overdue, due, dueCompleted, longTerm, reopened, byStatus, completionRate, dueCompletionRate } = o;
  return { total, completed, closed, inProgress, notStarted, overdue, due, dueCompleted, longTerm, reopened, byStatus, completionRate, dueCompletionRate };
};

let packetA: string;
let packetB: string;
let bundled10: string;
let bundled11: string;
let county: string;

beforeAll(async () => {
  const packets = tmpDir('rollup-packets');
  packetA = await makePacket(`${ROLLUP_FIXTURES}/guanyang`, '2023-11', packets);
  packetB = await makePacket(`${ROLLUP_FIXTURES}/shuanglong`, '2023-11', packets);
  bundled10 = await makePacket('data/guanyang-2022', '2023-10', tmpDir('rollup-bundled'));
  bundled11 = await makePacket('data/guanyang-2022', '2023-11', tmpDir('rollup-bundled'));
  const towns = path.join(packets, 'towns.txt');
  writeFileSync(towns, `# 巫山县应报送的乡镇\n${A}\n${B}\n\n${C}\n`);
  const out = tmpDir('rollup-out');
  const result = await runCli(['rollup', `${packetA}.zip`, packetB, ...COUNTY_OPTIONS, '--towns', towns, '--out', out]);
  expect(result.err).toBe('');
  expect(result.exit).toBe(0);
  county = path.join(out, 'rollup-2023-11');
}, 120_000);

const rollupJson = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'rollup.json'), 'utf8')) as Rollup;

describe('a county of two towns', () => {
  it('writes the report, the ledger and rollup.json under rollup-2023-11/', () => {
    for (const name of [REPORT, LEDGER, 'rollup.json']) expect(existsSync(path.join(county, name)), name).toBe(true);
  });

  it('rollup.json validates against schema/rollup.schema.json (an independent JSON Schema validator, ajv); a broken copy does not', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync('schema/rollup.schema.json', 'utf8')) as object);
    const r = rollupJson(county) as unknown as Record<string, unknown>;
    expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
    const broken = { ...r, totals: { ...(r.totals as object), total: -1 }, problems: [{ ...(r.problems as object[])[0], status: '已结束' }] };
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(['/problems/0/status', '/totals/total']);
  });

  it('counts every figure as counted by hand: the towns, the county, the town that sent nothing', () => {
    const r = rollupJson(county);
    expect([r.issuer, r.period, r.asOf]).toEqual(['巫山县乡村振兴局', '2023-11', '2023-11-30']);
    expect(r.expected).toEqual([A, B, C]);
    expect(r.missing).toEqual([C]);
    expect(r.units.map((u) => u.name)).toEqual([A, B]);
    expect(pick(r.units[0]!)).toEqual(TOWN_A);
    expect(pick(r.units[1]!)).toEqual(TOWN_B);
    expect(pick(r.totals)).toEqual(COUNTY);
    expect(r.problems).toHaveLength(42);
    expect(r.problems.filter((p) => p.overdue).map((p) => `${p.path.join('/')}#${p.number}`)).toEqual([`${A}#11`, `${A}#14`, `${B}#11`, `${B}#14`, `${B}#15`]);
    // Problems carry the number as the town's documents show it (text: 二-3 in a plan numbered per category).
    expect(r.problems.filter((p) => p.reopened).map((p) => [p.path, p.number, p.round])).toEqual([[[B], '21', 2]]);
  });

  it('counts by category across the towns (1–5 交叉核查, 6–13 第三方评估, 14–17 衔接资金绩效评价, 18–21 认可度调查)', () => {
    const r = rollupJson(county);
    // 交叉核查: A all 5 closed; B 1–3 closed, 4–5 completed. 第三方评估: A 6–9 done, 11 overdue; B 6–9 done, 11 overdue.
    // 衔接资金: A 15–17 done, 14 overdue; B 16–17 done, 14–15 overdue. 认可度: A 18, 21 done; B 18 done.
    expect(r.byCategory.map((c) => [c.category, c.total, c.completed, c.closed, c.overdue])).toEqual([
      ['交叉核查', 10, 10, 8, 0],
      ['第三方评估', 16, 8, 0, 2],
      ['衔接资金绩效评价', 8, 5, 0, 3],
      ['巩固脱贫成果认可度调查', 8, 3, 0, 0],
    ]);
  });

  it('says the county totals, the overdue and reopened problems across towns and the town that sent nothing, in the report', () => {
    const text = paragraphs(zipText(readFileSync(path.join(county, REPORT)), 'word/document.xml')).map(textOf);
    expect(text).toContain('应报送材料的3个乡镇中，2个已报送2023年11月材料，1个未报送。');
    expect(text).toContain(
      '截至2023年11月30日，报送材料的乡镇共有整改问题42个，已完成整改26个（其中已销号8个），正在推进14个，尚未启动2个，整改完成率61.9%；已到整改时限的31个问题已完成26个，到期任务完成率83.9%；逾期未完成5个；“回头看”发现反弹、重新整改1个。',
    );
    const overdue = text.filter((t) => /^\d．巫山县.+镇人民政府第\d+号问题：.*已逾期。$/.test(t));
    expect(overdue.map((t) => t.split('：')[0])).toEqual([`1．${A}第11号问题`, `2．${A}第14号问题`, `3．${B}第11号问题`, `4．${B}第14号问题`, `5．${B}第15号问题`]);
    expect(text.some((t) => t.startsWith(`1．${B}第21号问题：`) && t.includes('进入第2轮整改，新的整改时限：12月20日前完成。'))).toBe(true);
    expect(text).toContain(`截至汇总时，${C}未报送2023年11月整改进展材料，已督促其尽快报送。`);
  });

  it('attaches the table by town with the hand counts and a native chart, one column a town, stacked as the town report’s', () => {
    const docx = readFileSync(path.join(county, REPORT));
    const xml = zipText(docx, 'word/document.xml');
    const rows = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1]!)));
    expect(rows.slice(-3)).toEqual([
      ['1', A, '21', '14', '5', '5', '2', '2', '0', '66.7%', '87.5%'],
      ['2', B, '21', '12', '3', '9', '0', '3', '1', '57.1%', '80.0%'],
      ['', '合计', '42', '26', '8', '14', '2', '5', '1', '61.9%', '83.9%'],
    ]);
    const chart = zipText(docx, 'word/charts/chart1.xml');
    const series = [...chart.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => ({
      name: /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(m[1]!)![1],
      values: [.../<c:val>([\s\S]*?)<\/c:val>/.exec(m[1]!)![1]!.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])),
    }));
    // A: 已销号 5, 已完成并长期坚持 1, 已完成 8, 推进中 5 − 2 overdue = 3, 未启动 2, 逾期 2; B: 3, 1, 8, 9 − 3 = 6, 0, 3.
    expect(series).toEqual([
      { name: '已销号', values: [5, 3] },
      { name: '已完成并长期坚持', values: [1, 1] },
      { name: '已完成', values: [8, 8] },
      { name: '推进中', values: [3, 6] },
      { name: '未启动', values: [2, 0] },
      { name: '逾期', values: [2, 3] },
    ]);
    expect(chart).toContain(A);
  });
});

describeWithTools(['python-docx-openpyxl'], 'the county ledger, read back by openpyxl', () => {
  const READ = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(json.load(sys.stdin))
main = wb['台账']
header = [c.value for c in main[2]]
rows = [[c.value for c in r] for r in main.iter_rows(min_row=3, values_only=False)]
rows = [[c for c in r] for r in rows if any(v is not None for v in r)]
summary = [[c.value for c in r] for r in wb['统计'].iter_rows()]
print(json.dumps({'sheets': wb.sheetnames, 'header': header, 'rows': rows, 'filter': main.auto_filter.ref, 'frozen': main.freeze_panes,
  'rules': sum(len(cf.rules) for cf in main.conditional_formatting), 'validations': [str(v.sqref) for v in main.data_validations.dataValidation], 'summary': summary}, ensure_ascii=False, default=str))
`;
  interface Read {
    sheets: string[];
    header: string[];
    rows: (string | number | null)[][];
    filter: string;
    frozen: string;
    rules: number;
    validations: string[];
    summary: (string | number | null)[][];
  }
  let read: Read;
  beforeAll(() => {
    read = runPython<Read>(READ, path.join(county, LEDGER));
  });

  it('lists every problem of every town, one a row, with its 乡镇 first, filter buttons on the header and the status drop-down', () => {
    expect(read.sheets).toEqual(['台账', '统计']);
    expect(read.header).toEqual(['乡镇', '序号', '问题简述', '问题类别', '牵头单位', '整改时限', '整改状态', '整改轮次', '完成时间', '销号日期', '预警']);
    expect(read.rows).toHaveLength(42);
    expect(read.rows.filter((r) => r[0] === A)).toHaveLength(21);
    expect(read.rows.filter((r) => r[0] === B)).toHaveLength(21);
    expect(read.filter).toBe('A2:K44');
    expect(read.frozen).toBe('A3');
    expect(read.validations).toEqual(['G3:G44']);
    // one rule a colour, keyed to 预警
    expect(read.rules).toBe(4);
    // 序号 and 整改轮次 are numbers, so sorting by them goes 1, 2, … 10, not 1, 10, 2.
    const b21 = read.rows.find((r) => r[0] === B && r[1] === 21)!;
    expect([b21[6], b21[7], b21[5]]).toEqual(['推进中', 2, '12月20日前完成']);
    expect(read.rows.every((r) => typeof r[1] === 'number' && typeof r[7] === 'number')).toBe(true);
    // overdue rows are red: A 11, 14 and B 11, 14, 15
    expect(read.rows.filter((r) => r[10] === '红').map((r) => `${r[0] === A ? 'A' : 'B'}${r[1]}`)).toEqual(['A11', 'A14', 'B11', 'B14', 'B15']);
  });

  it('sums by town and by category in 统计, the town ledger’s columns', () => {
    const row = (label: string) => read.summary.find((r) => r[0] === label)!.slice(0, 11);
    // 问题数, 未启动, 推进中, 已完成, 已完成并长期坚持, 已销号, 完成整改, 逾期, 完成率, 到期任务完成率
    expect(row(A)).toEqual([A, 21, 2, 5, 8, 1, 5, 14, 2, '66.7%', '87.5%']);
    expect(row(B)).toEqual([B, 21, 0, 9, 8, 1, 3, 12, 3, '57.1%', '80.0%']);
    expect(read.summary.filter((r) => r[0] === '合计').map((r) => r.slice(0, 11))).toEqual([
      ['合计', 42, 2, 14, 16, 2, 8, 26, 5, '61.9%', '83.9%'],
      ['合计', 42, 2, 14, 16, 2, 8, 26, 5, '61.9%', '83.9%'],
    ]);
    expect(row('衔接资金绩效评价')).toEqual(['衔接资金绩效评价', 8, 0, 3, 5, 0, 0, 5, 3, '62.5%', '62.5%']);
  });
});

describeWithTools(['soffice', 'pdftotext', 'pdfinfo'], 'the county documents as PDF', () => {
  let pdfDir: string;
  beforeAll(async () => {
    const out = tmpDir('rollup-pdf');
    const result = await runCli(['rollup', `${packetA}.zip`, packetB, ...COUNTY_OPTIONS, '--out', out, '--pdf']);
    expect(result.exit).toBe(0);
    pdfDir = path.join(out, 'rollup-2023-11');
  }, 120_000);

  it('prints the report on numbered A4 pages, the attached table on the last, and the ledger with all 42 problems', () => {
    const report = path.join(pdfDir, REPORT.replace(/\.docx$/, '.pdf'));
    const pages = Number(/Pages:\s+(\d+)/.exec(runTool('pdfinfo', [report]))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(4);
    const text = runTool('pdftotext', ['-layout', report, '-']).split('\f');
    expect(text[0]).toContain('巫山县乡村振兴局文件');
    expect(text.at(-2)).toContain('各乡镇整改进展情况统计表');
    text.slice(0, pages).forEach((page, i) => expect(page).toContain(`— ${i + 1} —`));
    const ledger = runTool('pdftotext', ['-layout', path.join(pdfDir, LEDGER.replace(/\.xlsx$/, '.pdf')), '-']);
    expect(ledger.match(/巫山县(官阳|双龙)镇人民政府/g)!.length).toBeGreaterThanOrEqual(42);
  });
});

// --- refusals: exit 1, a message naming the input, nothing written -----------------

async function refused(inputs: string[], extra: string[] = []): Promise<string> {
  const out = tmpDir('rollup-refused');
  const result = await runCli(['rollup', ...inputs, ...COUNTY_OPTIONS, '--out', out, ...extra]);
  expect(result.exit).toBe(1);
  expect(existsSync(path.join(out, 'rollup-2023-11'))).toBe(false);
  expect(existsSync(path.join(out, 'rollup-2023-10'))).toBe(false);
  return result.err;
}

function copied(folder: string): string {
  const to = path.join(tmpDir('rollup-copy'), path.basename(folder));
  cpSync(folder, to, { recursive: true });
  return to;
}

function rewriteManifestEntry(packet: string, file: string, data: Buffer): void {
  writeFileSync(path.join(packet, file), data);
  const manifestFile = path.join(packet, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: { path: string; size: number; sha256: string }[] };
  for (const f of manifest.files) if (f.path === file) Object.assign(f, { size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
  writeFileSync(manifestFile, JSON.stringify(manifest));
}

describe('refusals', () => {
  it('a packet one byte of which changed (the manifest no longer matches)', async () => {
    const damaged = copied(packetB);
    const file = path.join(damaged, 'data/progress/2023-11.json');
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('"asOf"') + 10] ^= 1;
    writeFileSync(file, bytes);
    const err = await refused([`${packetA}.zip`, damaged]);
    expect(err).toContain(`${damaged}：data/progress/2023-11.json 与 manifest.json 记录的校验值不符（文件被改动或损坏），不予汇总`);
  });

  it('the same town twice (its zip and its folder)', async () => {
    const err = await refused([`${packetA}.zip`, packetB, packetA]);
    expect(err).toMatch(new RegExp(`packet-2023-11\\.zip 和 .*packet-2023-11 都来自“${A}”：同一单位只能汇总一份材料`));
  });

  it('packets of different periods, and with --period a packet of another', async () => {
    expect(await refused([packetB, bundled10])).toMatch(/材料的期次不一致：.*（2023-11）、.*packet-2023-10（2023-10）。一次只汇总一个期次，请用 --period 指定/);
    expect(await refused([packetB, bundled10], ['--period', '2023-11'])).toMatch(/packet-2023-10：是 2023-10 的材料，不是 --period 2023-11 的/);
  });

  it('a packet of an unknown data format version', async () => {
    const other = copied(packetB);
    const descriptor = JSON.parse(readFileSync(path.join(other, 'data/packet.json'), 'utf8'));
    rewriteManifestEntry(other, 'data/packet.json', Buffer.from(JSON.stringify({ ...descriptor, version: 7 })));
    expect(await refused([packetA, other])).toContain(`${other}：数据格式版本为 7，本程序只读版本 1`);
  });

  it('a zip that is not a packet, and a file that is no zip', async () => {
    const xlsx = path.join(packetA, '02-整改台账-2023-11.xlsx');
    expect(await refused([packetB, xlsx])).toMatch(/02-整改台账-2023-11\.xlsx：没有 manifest\.json，不是 zhenggai 生成的报送材料包/);
    const notZip = path.join(tmpDir('rollup-notzip'), 'town.zip');
    writeFileSync(notZip, 'PK but not really');
    expect(await refused([packetB, notZip])).toMatch(/town\.zip：不是有效的 zip 压缩包/);
  });

  it('an older packet without data', async () => {
    const older = copied(packetB);
    const manifestFile = path.join(older, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: { path: string }[] };
    for (const f of manifest.files.filter((f) => f.path.startsWith('data/'))) writeFileSync(path.join(older, f.path), '');
    runTool('rm', ['-r', path.join(older, 'data')]);
    writeFileSync(manifestFile, JSON.stringify({ files: manifest.files.filter((f) => !f.path.startsWith('data/')) }));
    expect(await refused([packetA, older])).toContain('旧版 zhenggai 生成的材料包，只有文档、没有可读回的数据，无法汇总');
  });

  it('packets and roll-ups together, and a rollup.json whose totals were edited', async () => {
    expect(await refused([packetA, county])).toMatch(/不能把乡镇的报送材料包.*和下级的汇总.*放在一起汇总/);
    const edited = path.join(tmpDir('rollup-edited'), 'rollup.json');
    const r = rollupJson(county) as unknown as { totals: { completed: number } };
    r.totals.completed += 1;
    writeFileSync(edited, JSON.stringify(r));
    expect(await refused([edited])).toContain(`${edited}：totals 与其中 problems 重新统计的数字不符`);
  });
});

// --- nesting: a city rolls up counties' roll-ups the same way ------------------------

describe('nesting: a city from two counties’ roll-ups', () => {
  // County 2 (奉节县, for the test) sends the bundled plan's 2023-11 alone: 21 problems,
  // completed 13 (1–7, 9, 14–18), closed 5 (2, 3, 14, 15, 17), in progress 8, not started 0,
  // overdue 1 (8, due 10-31), due 14 (11 and 21 extended into December), due and completed 13,
  // reopened 1 (21), long-term 9 (1, 4, 5, 6, 7, 9, 13, 18, 20).
  const COUNTY_2 = figures([21, 13, 5, 8, 0, 1, 14, 13, 9, 1], [0, 8, 1, 7, 5], ['61.9%', '92.9%']);
  // City = county 1 + county 2: 63, 39, 13, 22, 2, 6, 45, 39, 27, 2 → 39/63 = 61.9 %, 39/45 = 86.7 %.
  const CITY = figures([63, 39, 13, 22, 2, 6, 45, 39, 27, 2], [2, 22, 17, 9, 13], ['61.9%', '86.7%']);

  it('sums the counties by hand, keeps every problem with its 区县 and 乡镇, and its ledger has both columns', async () => {
    const out2 = tmpDir('rollup-county2');
    const second = await runCli(['rollup', bundled11, '--title', '奉节县整改进展情况的报告', '--issuer', '奉节县乡村振兴局', '--doc-number', '奉乡振文〔2023〕9号', '--signer', '王某', '--recipients', '重庆市乡村振兴局', '--out', out2]);
    expect(second.exit).toBe(0);
    const county2 = path.join(out2, 'rollup-2023-11');
    expect(pick(rollupJson(county2).totals)).toEqual(COUNTY_2);

    const outCity = tmpDir('rollup-city');
    const city = await runCli(['rollup', county, path.join(county2, 'rollup.json'), '--title', '重庆市整改进展情况的报告', '--issuer', '重庆市乡村振兴局', '--doc-number', '渝乡振文〔2023〕30号', '--signer', '赵某', '--recipients', '重庆市人民政府', '--out', outCity]);
    expect(city.err).toBe('');
    expect(city.exit).toBe(0);
    const c = rollupJson(path.join(outCity, 'rollup-2023-11'));
    expect(c.units.map((u) => u.name)).toEqual(['巫山县乡村振兴局', '奉节县乡村振兴局']);
    expect(pick(c.units[0]!)).toEqual(COUNTY);
    expect(pick(c.units[1]!)).toEqual(COUNTY_2);
    expect(pick(c.totals)).toEqual(CITY);
    expect(c.problems.filter((p) => p.reopened).map((p) => p.path.join('/'))).toEqual([`巫山县乡村振兴局/${B}`, `奉节县乡村振兴局/${A}`]);
    const text = paragraphs(zipText(readFileSync(path.join(outCity, 'rollup-2023-11', '渝乡振文〔2023〕30号-重庆市整改进展情况的报告.docx')), 'word/document.xml')).map(textOf);
    expect(text).toContain('本期共有2个区县报送了材料。');
    expect(text.some((t) => t.startsWith('截至2023年11月30日，报送材料的区县共有整改问题63个，已完成整改39个（其中已销号13个）'))).toBe(true);
    const sheet = zipText(readFileSync(path.join(outCity, 'rollup-2023-11', LEDGER)), 'xl/sharedStrings.xml');
    expect(sheet).toContain('<t>区县</t>');
    expect(sheet).toContain('<t>乡镇</t>');

    // A roll-up takes one level: a county's and a city's together are refused.
    expect(await refused([county, path.join(outCity, 'rollup-2023-11')])).toMatch(/是区县一级的汇总，.*是市一级的：一次只汇总同一级的单位/);
    // One more level up, the same way: the province's problems carry 市, 区县 and 乡镇.
    const outProvince = tmpDir('rollup-province');
    const province = await runCli(['rollup', path.join(outCity, 'rollup-2023-11'), '--title', '全省整改进展情况的报告', '--issuer', '某省乡村振兴局', '--doc-number', '某乡振文〔2023〕1号', '--signer', '钱某', '--recipients', '国家乡村振兴局', '--out', outProvince]);
    expect(province.exit).toBe(0);
    const p = rollupJson(path.join(outProvince, 'rollup-2023-11'));
    expect(pick(p.totals)).toEqual(CITY);
    expect(p.problems[0]!.path).toEqual(['重庆市乡村振兴局', '巫山县乡村振兴局', A]);
    const strings = zipText(readFileSync(path.join(outProvince, 'rollup-2023-11', LEDGER)), 'xl/sharedStrings.xml');
    for (const header of ['<t>市</t>', '<t>区县</t>', '<t>乡镇</t>']) expect(strings).toContain(header);
  });
});

describe('the --towns file and rollup.json versions', () => {
  it('refuses a name listed twice, naming the line', async () => {
    const towns = path.join(tmpDir('rollup-towns'), 'towns.txt');
    writeFileSync(towns, `${A}\n${B}\n${A}\n`);
    expect(await refused([packetA, packetB], ['--towns', towns])).toContain(`${towns}:3：“${A}”在名单中出现了两次`);
  });

  it('rolls up a town not on the list, with a warning naming its packet', async () => {
    const towns = path.join(tmpDir('rollup-towns'), 'towns.txt');
    writeFileSync(towns, `${A}\n`);
    const out = tmpDir('rollup-unlisted');
    const result = await runCli(['rollup', packetA, packetB, ...COUNTY_OPTIONS, '--towns', towns, '--out', out]);
    expect(result.exit).toBe(0);
    expect(result.err).toContain(`“${B}”不在 --towns 名单中，仍已汇总`);
    expect(rollupJson(path.join(out, 'rollup-2023-11')).missing).toEqual([]);
  });

  it('refuses a rollup.json of another version', async () => {
    const other = path.join(tmpDir('rollup-version'), 'rollup.json');
    writeFileSync(other, JSON.stringify({ ...rollupJson(county), version: 2 }));
    expect(await refused([other])).toContain(`${other}：汇总格式版本为 2，本程序只读版本 1`);
  });
});

describeWithTools(['python-docx-openpyxl'], 'the county report, read back by python-docx', () => {
  it('reads the totals sentence, the list of overdue problems and the table by town', () => {
    const READ = `
import json, sys, docx
d = docx.Document(json.load(sys.stdin))
print(json.dumps({'paragraphs': [p.text for p in d.paragraphs], 'tables': [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}, ensure_ascii=False))
`;
    const read = runPython<{ paragraphs: string[]; tables: string[][][] }>(READ, path.join(county, REPORT));
    expect(read.paragraphs.some((t) => t.startsWith('截至2023年11月30日，报送材料的乡镇共有整改问题42个，已完成整改26个（其中已销号8个）'))).toBe(true);
    expect(read.paragraphs.filter((t) => t.endsWith('已逾期。'))).toHaveLength(5);
    const table = read.tables.at(-1)!;
    expect(table[0]).toEqual(['序号', '乡镇', '问题数', '完成整改', '其中已销号', '推进中', '未启动', '逾期', '反弹', '完成率', '到期任务\n完成率']);
    expect(table.at(-1)).toEqual(['', '合计', '42', '26', '8', '14', '2', '5', '1', '61.9%', '83.9%']);
  });
});

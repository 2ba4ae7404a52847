// Pipeline: the county roll-up (汇总, docs/domain.md#roll-up). Towns' packets
// (or counties' roll-ups, for a city) in, and under rollup-<period>/: the
// roll-up ledger (Excel), the roll-up report (Word, a 上行文) and rollup.json,
// which the next level up rolls up the same way. Refusals come before
// anything is made, each naming the input: the same unit twice, packets of
// different periods or of another period than --period, packets mixed with
// roll-ups, a roll-up whose totals do not match its problems.

import { composeRollupLedger } from '../compose/rollup-ledger.js';
import { composeRollupReport, type RollupReportMeta } from '../compose/rollup-report.js';
import { rollupByCategory, rollupFigures, rollupProblems } from '../derive/rollup.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/user-error.js';
import { safeFileName } from '../layout/safe-name.js';
import { isValidIsoDate } from '../model/dates.js';
import { loadRollupInput, loadUnitList, type RollupInput } from '../load/rollup-input.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { loadTemplates } from '../templates/load.js';
import { requireSofficeIf, writeOutputs, type Io } from './files.js';
import { ROLLUP_FILE, ROLLUP_FORMAT, ROLLUP_VERSION, rollupLevelAt, type RollupFile, type RollupLevel, type RollupProblem, type RollupUnit } from '../model/rollup.js';
import { renderOfficialDocument } from '../render/docx/official-document.js';
import { renderLedgerXlsx } from '../render/xlsx/ledger.js';
import type { TemplateSet } from '../templates/load.js';
import { periodContext, requirePeriod } from './period.js';
import { layoutWarnings, type DocumentOutput } from './pipeline.js';

/** The roll-up's options: the county's particulars (RollupReportMeta, date defaulting to the latest as-of), the period and the units expected. */
export interface RollupOptions extends Omit<RollupReportMeta, 'date' | 'issuerMark'> {
  /** The county's office: 署名, and its name one level up. */
  readonly issuer: string;
  /** 发文机关标志; `<issuer>文件` when not given. */
  readonly issuerMark?: string;
  /** 成文日期; the latest as-of date of the inputs when not given. */
  readonly date?: string;
  /** Refuse inputs of any other period; without it all inputs must share one. */
  readonly period?: string;
  /** The units expected (--towns), in the order the tables list them. */
  readonly expected?: readonly string[];
}

/**
 * One input as a unit of the roll-up: its kind, name, period, as-of and
 * problems (paths starting with its name) — all a roll-up keeps of an input,
 * so a city's hundreds of packets are never held in memory at once.
 */
export interface UnitData {
  readonly kind: RollupInput['kind'];
  readonly name: string;
  readonly source: string;
  readonly sha256: string;
  readonly period: string;
  readonly asOf: string;
  readonly problems: RollupProblem[];
}

function packetUnit(input: Extract<RollupInput, { kind: 'packet' }>): UnitData {
  const { descriptor, data } = input.packet;
  let context;
  try {
    context = periodContext(data, descriptor.period);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${input.source}：${error.message}`, error.diagnostics);
    throw error;
  }
  const problems = rollupProblems(data.plan, context.view, [descriptor.issuer]);
  return { kind: 'packet', name: descriptor.issuer, source: input.source, sha256: input.sha256, period: descriptor.period, asOf: context.view.asOf, problems };
}

const sameFigures = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

function rollupUnit(input: Extract<RollupInput, { kind: 'rollup' }>): UnitData {
  const { rollup } = input;
  // The figures are recounted one level up; a file whose stated totals differ from its problems was edited by hand.
  if (!sameFigures(rollupFigures(rollup.problems), rollup.totals)) {
    throw new UserError(`${input.source}：totals 与其中 problems 重新统计的数字不符（文件被改动），不予汇总 (the totals do not match the problems)`);
  }
  const problems = rollup.problems.map((p) => ({ ...p, path: [rollup.issuer, ...p.path] }));
  return { kind: 'rollup', name: rollup.issuer, source: input.source, sha256: input.sha256, period: rollup.period, asOf: rollup.asOf, problems };
}

/** An input as the roll-up keeps it (UnitData); UserError when its period's view cannot be derived or a roll-up's totals were edited. */
export function unitOf(input: RollupInput): UnitData {
  return input.kind === 'packet' ? packetUnit(input) : rollupUnit(input);
}

/** A unit's depth: a town's packet 1, a roll-up one more than the deepest path it holds (a county's 2, a city's 3). */
function depthOf(unit: UnitData): number {
  return unit.problems.reduce((d, p) => Math.max(d, p.path.length), unit.kind === 'rollup' ? 2 : 1);
}

/** The level of the units rolled up, by their depth: towns, counties, cities … one roll-up takes one level. */
function levelOf(inputs: readonly UnitData[]): RollupLevel {
  const packet = inputs.find((i) => i.kind === 'packet');
  const rollup = inputs.find((i) => i.kind === 'rollup');
  if (packet && rollup) {
    throw new UserError(`不能把乡镇的报送材料包（如 ${packet.source}）和下级的汇总（如 ${rollup.source}）放在一起汇总：县汇总乡镇的材料包，市汇总各县的 rollup.json (packets and roll-ups cannot be mixed)`);
  }
  const first = inputs[0]!;
  const other = inputs.find((i) => depthOf(i) !== depthOf(first));
  if (other) {
    throw new UserError(`${first.source} 是${rollupLevelAt(depthOf(first))}一级的汇总，${other.source} 是${rollupLevelAt(depthOf(other))}一级的：一次只汇总同一级的单位 (roll-ups of different levels)`);
  }
  return rollupLevelAt(depthOf(first));
}

/** The one period of the roll-up: --period, which every unit must have, or the one they all share. */
function periodOf(units: readonly UnitData[], wanted: string | undefined): string {
  if (wanted !== undefined) {
    requirePeriod(wanted);
    const other = units.find((u) => u.period !== wanted);
    if (other) throw new UserError(`${other.source}：是 ${other.period} 的材料，不是 --period ${wanted} 的，未汇总任何材料 (a packet of another period)`);
    return wanted;
  }
  const periods = [...new Set(units.map((u) => u.period))];
  if (periods.length > 1) {
    const list = units.map((u) => `${u.source}（${u.period}）`).join('、');
    throw new UserError(`材料的期次不一致：${list}。一次只汇总一个期次，请用 --period 指定 (packets of different periods)`);
  }
  return periods[0]!;
}

function refuseDuplicates(units: readonly UnitData[]): void {
  const seen = new Map<string, UnitData>();
  for (const unit of units) {
    const first = seen.get(unit.name);
    if (first) throw new UserError(`${first.source} 和 ${unit.source} 都来自“${unit.name}”：同一单位只能汇总一份材料 (the same unit twice)`);
    seen.set(unit.name, unit);
  }
}

/** Units in the --towns order, then any not listed in the order given. */
function ordered(units: readonly UnitData[], expected: readonly string[] | undefined): UnitData[] {
  if (expected === undefined) return [...units];
  const rank = (u: UnitData) => (expected.includes(u.name) ? expected.indexOf(u.name) : expected.length);
  return [...units].sort((a, b) => rank(a) - rank(b));
}

/**
 * The roll-up's figures (rollup.json) from its inputs. Throws UserError for
 * the refusals listed at the top of this file; a unit not on --towns is kept
 * and reported as a warning.
 */
export function rollupOf(all: readonly UnitData[], options: Pick<RollupOptions, 'issuer' | 'title' | 'period' | 'expected'>): { rollup: RollupFile; level: RollupLevel; warnings: Diagnostic[] } {
  if (all.length === 0) throw new UserError('没有要汇总的材料 (no inputs)');
  const level = levelOf(all);
  const period = periodOf(all, options.period);
  refuseDuplicates(all);
  const units = ordered(all, options.expected);
  const problems = units.flatMap((u) => u.problems);
  const warnings: Diagnostic[] = options.expected === undefined ? [] : units.filter((u) => !options.expected!.includes(u.name)).map((u) => ({ file: u.source, ruleId: 'rollup-unlisted', severity: 'warning', message: `“${u.name}”不在 --towns 名单中，仍已汇总` }));
  const rollupUnits: RollupUnit[] = units.map((u) => ({ name: u.name, source: u.source, sha256: u.sha256, asOf: u.asOf, ...rollupFigures(u.problems) }));
  const rollup: RollupFile = {
    format: ROLLUP_FORMAT,
    version: ROLLUP_VERSION,
    issuer: options.issuer,
    title: options.title,
    period,
    asOf: units.reduce((latest, u) => (u.asOf > latest ? u.asOf : latest), units[0]!.asOf),
    expected: options.expected === undefined ? null : [...options.expected],
    missing: (options.expected ?? []).filter((name) => !units.some((u) => u.name === name)),
    totals: rollupFigures(problems),
    units: rollupUnits,
    byCategory: rollupByCategory(problems),
    problems,
  };
  return { rollup, level, warnings };
}

/** The roll-up ledger's file name: 汇总台账-<period>.xlsx. */
export function rollupLedgerName(period: string): string {
  return safeFileName(`汇总台账-${period}`, 'xlsx');
}

/**
 * `rollup`: rollup-<period>/<title>.docx, rollup-<period>/汇总台账-<period>.xlsx
 * and rollup-<period>/rollup.json. Preconditions: inputs read by
 * load/rollup-input.ts and kept by unitOf; throws UserError for the refusals of rollupOf.
 */
export async function buildRollup(inputs: readonly UnitData[], options: RollupOptions, templates: TemplateSet): Promise<DocumentOutput & { period: string }> {
  if (options.date !== undefined && !isValidIsoDate(options.date)) throw new UserError(`--date 应写作 YYYY-MM-DD，如 2023-12-05（收到“${options.date}”）`);
  const { rollup, level, warnings } = rollupOf(inputs, options);
  const meta: RollupReportMeta = {
    title: options.title,
    issuerMark: options.issuerMark ?? `${options.issuer}文件`,
    docNumber: options.docNumber,
    signer: options.signer,
    recipients: options.recipients,
    date: options.date ?? rollup.asOf,
    sealed: options.sealed,
  };
  const folder = `rollup-${rollup.period}`;
  const report = await renderOfficialDocument(composeRollupReport(rollup, level, meta, templates));
  const ledgerFile = `${folder}/${rollupLedgerName(rollup.period)}`;
  const ledger = await renderLedgerXlsx(composeRollupLedger(rollup, level, options.title, templates));
  return {
    period: rollup.period,
    files: [
      { name: `${folder}/${safeFileName(`${options.docNumber}-${options.title}`, 'docx')}`, data: report },
      { name: ledgerFile, data: ledger.buffer },
      { name: `${folder}/${ROLLUP_FILE}`, data: new TextEncoder().encode(`${JSON.stringify(rollup, null, 2)}\n`) },
    ],
    warnings: [...warnings, ...layoutWarnings(ledgerFile, ledger.warnings)],
  };
}

/** What the rollup command passes: the inputs as named, the options, where to write. */
export interface RollupCommandOptions extends Omit<RollupOptions, 'expected'> {
  readonly inputs: readonly string[];
  /** The --towns file. */
  readonly towns?: string;
  readonly out: string;
  readonly pdf: boolean;
  readonly templates?: string;
}

/**
 * Read every input (all refusals before anything is made), build the roll-up
 * and write its files under <out>/rollup-<period>/ together (files.ts
 * writeOutputs: all new or all as they were). Returns the paths written.
 */
export async function writeRollup(options: RollupCommandOptions, io: Io): Promise<string[]> {
  await requireSofficeIf(options.pdf);
  const templates = await loadTemplates(options.templates);
  const expected = options.towns === undefined ? undefined : await loadUnitList(options.towns);
  // Each input is read, checked and reduced to its problems before the next is read.
  const units: UnitData[] = [];
  for (const input of options.inputs) units.push(unitOf(await loadRollupInput(input)));
  const output = await buildRollup(units, { ...options, ...(expected ? { expected } : {}) }, templates);
  for (const warning of output.warnings) io.err(formatDiagnostic(warning));
  return writeOutputs(options.out, output, options.pdf, io);
}

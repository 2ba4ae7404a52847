// Random valid plan folders for property tests. Text is drawn from all of
// Unicode with a thumb on the scale for what breaks documents: XML syntax
// (< & " ' ]]>), template syntax ({{ # ||), whitespace of every kind, emoji
// and ZWJ sequences, combining marks, rare CJK from Extension B (outside the
// BMP: surrogate pairs in UTF-16), noncharacters. Only what the checker
// forbids (control characters, lone surrogates) is left out — the tests
// assert the checker finds no error in what they generate.
import fc from 'fast-check';
import type { PlanInput, TableColumn } from '../../../src/model/plan-schema.js';
import { TABLE_FIELDS } from '../../../src/model/plan-schema.js';
import type { ProgressInput } from '../../../src/model/progress-schema.js';

const SPECIAL = [
  '<', '>', '&', '"', "'", '&amp;', '&#x1;', ']]>', '<w:t>', '{{', '}}', '{{x}}', '#', '## ', '||', '---page---', '\\', '/', '..',
  ' ', '  ', '\u3000', '\u00a0', '\t', '\n', '\r\n', '\r', '\u2028', '\u2029', '\u200b', '\u200d', '\ufeff', '\u0085',
  '😀', '👨‍👩‍👧‍👦', '🇨🇳', 'e\u0301', '\u0301', 'ﬁ', '𝔸', '\uFDCF', '\uFDF0', '\u{1FFFE}', '\u{10FFFF}', '\uE000',
  '一是', '。', '、', '，', '（', '）', '〔', '〕', '—', '=SUM(A1)', '+1', '-', '@', '0', '0123', '1e5', 'true', 'null',
];

const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((cp) => String.fromCodePoint(cp));
const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;
/**
 * As the control-characters rule allows: XML 1.0 Char less C0 controls but
 * tab/LF/CR, no surrogates, no U+FFFE/U+FFFF, and not the template engine's
 * value marks U+FDD0–U+FDEF (the checker refuses them: see its test).
 */
const anyChar = fc
  .integer({ min: 0x20, max: 0x10ffff })
  .filter((cp) => !isSurrogate(cp) && cp !== 0xfffe && cp !== 0xffff && !(cp >= 0xfdd0 && cp <= 0xfdef))
  .map((cp) => String.fromCodePoint(cp));

export const textUnit: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: codePoint(0x4e00, 0x9fff), weight: 6 }, // common CJK
  { arbitrary: codePoint(0x20, 0x7e), weight: 4 }, // ASCII
  { arbitrary: fc.constantFrom(...SPECIAL), weight: 4 },
  { arbitrary: codePoint(0x20000, 0x2a6df), weight: 2 }, // CJK Extension B
  { arbitrary: anyChar, weight: 2 },
);

/** Text as plan.json may hold it: anything the checker accepts, not blank. */
export function text(maxUnits = 24): fc.Arbitrary<string> {
  return fc
    .array(textUnit, { minLength: 1, maxLength: maxUnits })
    .map((units) => units.join(''))
    .filter((s) => s.trim() !== '');
}

/** Text as plan.json keeps it after zod's trim: what a document must print. */
export function trimmedText(maxUnits = 24): fc.Arbitrary<string> {
  return text(maxUnits).map((s) => s.trim());
}

/** A file name for evidence/: no path syntax or line ends, not blank. */
const evidenceName = trimmedText(12)
  .map((s) => s.replace(/[/\\\r\n\t\u2028\u2029\u0085]/g, '_'))
  .filter((s) => s !== '.' && s !== '..' && s.trim() === s && s !== '');

export const DEADLINES = ['立行立改', '长期坚持', '立行立改、长期坚持', '7月底前完成', '10月底前完成并长期坚持', '12月10日前完成', '2023年10月底前', '2024年底前', '2024年上半年'];

export const NOTICE_DATE = '2023-09-07';
export const PERIOD = '2023-10';
export const AS_OF = '2023-10-31';

export interface PlanShape {
  /** Units in the plan. */
  readonly units: { min: number; max: number; nameUnits: number };
  readonly problems: { min: number; max: number };
  readonly textUnits: number;
  /** Lead and cooperating units a problem may list. */
  readonly unitsPerProblem: number;
}

export const SMALL: PlanShape = { units: { min: 1, max: 6, nameUnits: 16 }, problems: { min: 1, max: 6 }, textUnits: 24, unitsPerProblem: 3 };

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

function tableColumns(textUnits: number): fc.Arbitrary<TableColumn[] | undefined> {
  const column = (field: (typeof TABLE_FIELDS)[number]) =>
    fc.record({
      field: fc.constant(field),
      header: trimmedText(8),
      group: optional(fc.constantFrom('整改问题', '责任分工', '<&组>')),
      width: optional(fc.integer({ min: 1, max: 100 })),
    }) as fc.Arbitrary<TableColumn>;
  const columns = fc
    .uniqueArray(fc.constantFrom(...TABLE_FIELDS), { minLength: 1, maxLength: TABLE_FIELDS.length })
    .chain((fields) => fc.tuple(...fields.map(column)));
  void textUnits;
  return fc.option(columns, { nil: undefined, freq: 3 });
}

export interface GeneratedFolder {
  readonly plan: PlanInput;
  readonly progress: ProgressInput;
  /** evidence/ as the folder lists it. */
  readonly evidenceFiles: ReadonlySet<string>;
}

export function planFolder(shape: PlanShape = SMALL): fc.Arbitrary<GeneratedFolder> {
  const t = () => trimmedText(shape.textUnits);
  const units = fc.uniqueArray(trimmedText(shape.units.nameUnits), { minLength: shape.units.min, maxLength: shape.units.max });
  const categories = fc.array(fc.record({ heading: t(), label: t(), keepWhenEmpty: fc.boolean() }), { minLength: 1, maxLength: 4 });
  return fc.tuple(units, categories).chain(([unitNames, cats]) => {
    const unitList = fc.subarray(unitNames, { minLength: 0, maxLength: Math.min(shape.unitsPerProblem, unitNames.length) });
    const problem = fc.record({
      category: fc.integer({ min: 0, max: cats.length - 1 }).map((i) => `c${i}`),
      summary: t(),
      measures: fc.array(t(), { minLength: 1, maxLength: 4 }),
      deadline: fc.constantFrom(...DEADLINES),
      lead: fc.constantFrom(...unitNames),
      moreLead: unitList,
      cooperatingUnits: unitList,
      target: optional(t()),
      responsibleLeader: optional(t()),
      responsiblePerson: optional(t()),
      completionStandard: optional(t()),
      remarks: optional(t()),
    });
    const problems = fc.array(problem, { minLength: shape.problems.min, maxLength: shape.problems.max });
    const plan = fc.record({
      issuerMark: t(),
      docNumber: t(),
      title: t(),
      recipients: t(),
      body: fc.array(t(), { minLength: 1, maxLength: 3 }),
      signatory: t(),
      annotation: optional(t()),
      colophon: optional(fc.record({ cc: optional(fc.array(t(), { minLength: 1, maxLength: 3 })), printer: t(), printDate: fc.constant(NOTICE_DATE) })),
      planTitle: t(),
      preamble: fc.array(t(), { minLength: 1, maxLength: 2 }),
      goalHeading: t(),
      goal: fc.array(t(), { minLength: 1, maxLength: 2 }),
      problemsHeading: t(),
      requirementsHeading: t(),
      requirements: fc.array(fc.record({ heading: t(), text: t() }), { minLength: 1, maxLength: 3 }),
      attachmentTitle: t(),
      tableColumns: tableColumns(shape.textUnits),
      problems,
    });
    return plan.chain((p) => {
      const planInput: PlanInput = {
        notice: {
          issuerMark: p.issuerMark,
          docNumber: p.docNumber,
          title: p.title,
          recipients: p.recipients,
          body: p.body,
          signatory: p.signatory,
          date: NOTICE_DATE,
          sealed: false,
          public: false,
          ...(p.annotation === undefined ? {} : { annotation: p.annotation }),
          ...(p.colophon === undefined ? {} : { colophon: stripUndefined(p.colophon) }),
        },
        plan: {
          title: p.planTitle,
          preamble: p.preamble,
          goal: { heading: p.goalHeading, paragraphs: p.goal },
          problemsHeading: p.problemsHeading,
          requirements: { heading: p.requirementsHeading, items: p.requirements },
          attachmentTitle: p.attachmentTitle,
        },
        categories: cats.map((c, i) => ({ id: `c${i}`, ...c })),
        units: unitNames.map((name) => ({ name })),
        problems: p.problems.map((q, i) =>
          stripUndefined({
            number: i + 1,
            category: q.category,
            summary: q.summary,
            measures: q.measures,
            deadline: q.deadline,
            leadUnits: [q.lead, ...q.moreLead.filter((u) => u !== q.lead)],
            cooperatingUnits: q.cooperatingUnits,
            target: q.target,
            responsibleLeader: q.responsibleLeader,
            responsiblePerson: q.responsiblePerson,
            completionStandard: q.completionStandard,
            remarks: q.remarks,
          }),
        ),
        ...(p.tableColumns === undefined ? {} : { tableColumns: p.tableColumns.map(stripUndefined) }),
      };
      return progressFor(planInput.problems.length, t).map((progress) => ({ plan: planInput, ...progress }));
    });
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A period's progress for problems 1..n, consistent with the rules: dates on or before the as-of date, closures after completion. */
function progressFor(n: number, t: () => fc.Arbitrary<string>): fc.Arbitrary<{ progress: ProgressInput; evidenceFiles: Set<string> }> {
  const entry = (number: number) =>
    fc
      .record({
        status: fc.constantFrom('未启动', '推进中', '已完成', '已完成并长期坚持', '已销号'),
        onSchedule: optional(fc.boolean()),
        progress: optional(t()),
        completedOn: fc.constantFrom('2023-08-01', '2023-09-20', '2023-10-15'),
        evidence: fc.uniqueArray(evidenceName, { maxLength: 2 }),
        reason: optional(t()),
        extension: optional(fc.record({ deadline: fc.constantFrom(...DEADLINES), reason: t(), approvedOn: fc.constant('2023-09-15') })),
        note: optional(t()),
        closure: fc.record({ date: fc.constant('2023-10-20'), approver: t(), opinion: t() }),
      })
      .map((e) => {
        const done = e.status === '已完成' || e.status === '已完成并长期坚持' || e.status === '已销号';
        return stripUndefined({
          number,
          status: e.status,
          onSchedule: e.status === '推进中' ? e.onSchedule : undefined,
          progress: e.progress,
          completedOn: done ? e.completedOn : undefined,
          evidence: e.evidence.map((name) => `${number}/${name}`),
          reason: done ? undefined : e.reason,
          extension: done ? undefined : e.extension,
          note: e.note,
          closure: e.status === '已销号' ? e.closure : undefined,
        });
      });
  const report = fc.record({
    docNumber: t(),
    signer: t(),
    recipients: t(),
    issuer: t(),
    issuerMark: t(),
    title: optional(t()),
    workDone: fc.array(t(), { minLength: 1, maxLength: 2 }),
    difficulties: fc.array(t(), { minLength: 1, maxLength: 2 }),
    nextSteps: fc.array(t(), { minLength: 1, maxLength: 2 }),
  });
  return fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => entry(i + 1))), report).map(([problems, r]) => {
    const progress: ProgressInput = {
      period: PERIOD,
      asOf: AS_OF,
      report: { ...stripUndefined(r), date: '2023-11-02', sealed: true },
      problems: problems as ProgressInput['problems'],
    };
    const evidenceFiles = new Set(problems.flatMap((p) => (p as { evidence: string[] }).evidence));
    return { progress, evidenceFiles };
  });
}

/** Repeats a piece of text to `length` UTF-16 units without splitting a surrogate pair; trimmed as zod trims. */
export function longText(piece: string, length: number): string {
  const chars = Array.from(piece.trim() || '长');
  let out = '';
  for (let i = 0; out.length < length; i += 1) {
    const ch = chars[i % chars.length]!;
    if (out.length + ch.length > length) break;
    out += ch;
  }
  return out.trim();
}

/**
 * One problem text (summary, a measure, the progress text, or a unit name
 * listed once) near Excel's cell limit: 30,000–32,767 UTF-16 units.
 */
export function nearCellLimit(base: fc.Arbitrary<GeneratedFolder> = planFolder({ ...SMALL, problems: { min: 1, max: 2 } })): fc.Arbitrary<GeneratedFolder> {
  return fc
    .tuple(base, trimmedText(12), fc.integer({ min: 30_000, max: 32_767 }), fc.constantFrom('summary', 'measure', 'progress', 'reason', 'target'))
    .map(([g, piece, length, where]) => {
      const long = longText(piece, length);
      const plan = structuredClone(g.plan);
      const progress = structuredClone(g.progress);
      const problem = plan.problems[0]!;
      if (where === 'summary') problem.summary = long;
      else if (where === 'measure') problem.measures = [long];
      else if (where === 'target') problem.target = long;
      else if (where === 'progress') progress.problems[0]!.progress = long;
      else {
        progress.problems[0] = { number: 1, status: '推进中', onSchedule: false, reason: long, evidence: [] };
      }
      return { ...g, plan, progress };
    });
}

/** Hundreds of units with long names, and problems that list many of them. */
export function manyUnits(): fc.Arbitrary<GeneratedFolder> {
  return fc
    .tuple(
      planFolder({ ...SMALL, problems: { min: 1, max: 3 } }),
      fc.array(fc.tuple(trimmedText(16), fc.integer({ min: 40, max: 160 })), { minLength: 150, maxLength: 300 }),
    )
    .map(([g, pieces]) => {
      // Unique through the number in front; long through repetition.
      const names = pieces.map(([piece, length], i) => `${i}${longText(piece, length)}`.trim());
      const plan = structuredClone(g.plan);
      plan.units = names.map((name) => ({ name }));
      plan.problems = plan.problems.map((p, i) => ({
        ...p,
        leadUnits: [names[i]!],
        // As many as fit one cell with their separators: the checker refuses more.
        cooperatingUnits: fitting(names.filter((n) => n !== names[i]), i === 0 ? names.length : 5 + i),
      }));
      return { ...g, plan };
    });
}

function fitting(names: readonly string[], count: number): string[] {
  const out: string[] = [];
  let length = 0;
  for (const name of names.slice(0, count)) {
    const next = length + (out.length > 0 ? 1 : 0) + name.length;
    if (next > 32_767) break;
    out.push(name);
    length = next;
  }
  return out;
}

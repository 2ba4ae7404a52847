// Property: `zhenggai import` on forms mutated cell by cell — text of every
// stored type (inline, shared, rich with phonetic runs, from a formula, with
// a hyperlink), numbers and dates in text cells, error and logical values,
// dates in many spellings and cell types (some implausible, some ambiguous),
// statuses and yes/no of every type, pictures in and out of place, extra
// rows. Whatever happens:
//   - the exit code is 0 or 1 (never an internal error);
//   - exit 1 names a place: a line "<form> <sheet>!<cell>  error" or "<form>  error";
//   - exit 0 puts into the progress file exactly what each mutated cell shows
//     (with the documented normalisation: CR LF → LF, ends trimmed), every
//     date within the plan's window, every picture in its row's evidence —
//     and never exits 0 when something would vanish (a picture out of place,
//     rows below the table).
// The expected value of each cell comes from this generator, never from
// zhenggai's reader. The seed is printed; FC_SEED replays it, and
// FC_IMPORT_RUNS runs more cases than the suite's (e.g. FC_IMPORT_RUNS=2000).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run.js';
import { CORPUS_PERIOD, CORPUS_PLAN, goodForm } from '../import/broken-forms.js';
import { FormFile, jpegBytes, pngPixel, type Cell } from '../import/form-builder.js';
import { text as anyText } from './support/arbitraries.js';

const RUNS = Number(process.env.FC_IMPORT_RUNS ?? 50);
const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SHEET = '进展填报';
const INFO_SHEET = '共同牵头问题（仅供参考）';
/** The corpus plan: notice 2024-03-15, so dates from 2023-01-01; period 2024-06 has no file yet, so as of 2024-06-30. */
const WINDOW = { min: '2023-01-01', max: '2024-06-30' };

// --- what a cell shows --------------------------------------------------------------

/** A cell as the generator writes it, and the text the unit sees in it. */
interface Shown {
  cell: Cell;
  shown: string;
  link?: string;
}

/** Excel writes a literal "_x0041_" as "_x005F_x0041_" so that it is not read as an escape. */
const excelEscaped = (t: string) => t.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');

/** Splits text into 1–3 runs at code-point boundaries. */
const runsOf = (t: string, cuts: number[]) => {
  const chars = [...t];
  const at = [...new Set(cuts.map((c) => c % (chars.length + 1)))].sort((a, b) => a - b);
  const runs: string[] = [];
  let from = 0;
  for (const cut of [...at, chars.length]) {
    if (cut > from) runs.push(chars.slice(from, cut).join(''));
    from = Math.max(from, cut);
  }
  return runs.length > 0 ? runs : [t];
};

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
/** Excel's serial of a day: days from 1899-12-30 (true from 1900-03-01 on). */
const serialOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);

const textShown: fc.Arbitrary<Shown> = fc.oneof(
  anyText(20).map((t) => ({ cell: { inline: excelEscaped(escapeForRaw(t)), raw: true }, shown: t })),
  anyText(20).map((t) => ({ cell: { shared: excelEscaped(escapeForRaw(t)), raw: true }, shown: t })),
  fc.tuple(anyText(20), fc.array(fc.nat(30), { maxLength: 2 }), fc.boolean(), fc.option(fc.constantFrom('かな', 'ㄅㄆ'), { nil: undefined })).map(([t, cuts, shared, phonetic]) => ({
    // Each run as Excel writes it: a CR as _x000D_ (XML itself turns a literal CR into LF, so a CR ending one run and
    // the LF starting the next would be two line breaks to any reader — the file Excel never writes; FC_SEED=20723191).
    cell: { runs: runsOf(t, cuts).map((r) => excelEscaped(r).replace(/\r/g, '_x000D_')), shared, ...(phonetic === undefined ? {} : { phonetic }) },
    shown: t,
  })),
  anyText(20).map((t) => ({ cell: { formula: 'T("x")', cached: t, type: 'str' as const }, shown: t })),
  fc.tuple(anyText(12), fc.webUrl()).map(([t, url]) => ({ cell: { inline: excelEscaped(escapeForRaw(t)), raw: true }, shown: t, link: url })),
  // Numbers as a General or text cell shows them (written here as Excel shows them).
  fc.integer({ min: -99_999_999, max: 99_999_999 }).map((n) => ({ cell: { number: n }, shown: String(n) })),
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 1, max: 9999 })).map(([i, f]) => {
    const shown = `${i}.${String(f).padStart(4, '0')}`.replace(/0+$/, '');
    return { cell: { number: Number(shown), format: 'General' }, shown };
  }),
  fc.constantFrom<Shown>(
    { cell: { number: 0.1 + 0.2, format: 'General' }, shown: '0.3' },
    { cell: { number: 1e15, format: 'General' }, shown: '1E+15' },
    { cell: { number: 123456789012, format: 'General' }, shown: '1.23457E+11' },
    { cell: { number: 1 / 3, format: 'General' }, shown: '0.333333333' },
    { cell: { number: 3.14159, format: '0.00' }, shown: '3.14' },
    { cell: { number: 0.25, format: '0%' }, shown: '25%' },
    { cell: { error: '#N/A' }, shown: '#N/A' },
    { cell: { error: '#DIV/0!' }, shown: '#DIV/0!' },
    { cell: { formula: 'NA()', cached: '#N/A', type: 'e' }, shown: '#N/A' },
    { cell: { bool: true }, shown: 'TRUE' },
    { cell: { formula: '1=1', cached: false, type: 'b' }, shown: 'FALSE' },
  ),
  // A date in a text cell shows in its format.
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).chain((d) => {
    const iso = isoOf(d);
    const [y, m, day] = iso.split('-') as [string, string, string];
    return fc.constantFrom<Shown>(
      { cell: { number: serialOf(iso), format: 'yyyy-mm-dd' }, shown: iso },
      { cell: { number: serialOf(iso), format: 'yyyy"年"m"月"d"日"' }, shown: `${y}年${Number(m)}月${Number(day)}日` },
      { cell: { isoDate: iso, format: 'yyyy/m/d' }, shown: `${y}/${Number(m)}/${Number(day)}` },
    );
  }),
);

/** Text written raw into <t>: XML-escaped here (the builder would escape, but raw lets _x escapes through). */
function escapeForRaw(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What the progress file keeps of shown text (docs/inputs.md): CR LF and CR become LF, the ends are trimmed; blank is nothing. */
const kept = (shown: string) => {
  const t = shown.replace(/\r\n?/g, '\n').trim();
  return t === '' ? undefined : t;
};

// --- dates -----------------------------------------------------------------------------

interface DateCase {
  cell: Cell;
  /** The day the unit means and sees; undefined when the spelling does not say which day. */
  day?: string;
}

/** The latest year in which month/day is on or before the as-of date (the documented rule, restated). */
function yearFor(month: number, day: number): number | undefined {
  for (let y = 2024; y > 2016; y -= 1) {
    const iso = `${y}-${pad(month)}-${pad(day)}`;
    if (new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso && iso <= WINDOW.max) return y;
  }
  return undefined;
}

const fullWidth = (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

const dateCase: fc.Arbitrary<DateCase> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2024-06-30T00:00:00Z'), noInvalidDate: true }) },
      { weight: 1, arbitrary: fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }) },
    ),
    fc.nat(15),
  )
  .map(([d, how]) => {
    const iso = isoOf(d);
    const [y, m, day] = iso.split('-') as [string, string, string];
    const M = Number(m);
    const D = Number(day);
    switch (how) {
      case 0:
        return { cell: { inline: iso }, day: iso };
      case 1:
        return { cell: { inline: `${y}.${M}.${D}` }, day: iso };
      case 2:
        return { cell: { shared: `${y}/${M}/${D}` }, day: iso };
      case 3:
        return { cell: { inline: `${y}年${M}月${D}日` }, day: iso };
      case 4:
        return { cell: { runs: [`${y}年`, `${M}月${D}号`] }, day: iso };
      case 5:
        return { cell: { inline: `${y}${m}${day}` }, day: iso };
      case 6:
        return { cell: { number: Number(`${y}${m}${day}`) }, day: iso };
      case 7:
        return { cell: { inline: `${y}-${M}-${D} 上午` }, day: iso };
      case 8:
        return { cell: { inline: fullWidth(`${y}年${M}月${D}日`) }, day: iso };
      case 9: {
        const year = yearFor(M, D);
        return { cell: { inline: `${M}月${D}号` }, day: year === undefined ? undefined : `${year}-${m}-${day}` };
      }
      case 10:
        return { cell: { number: serialOf(iso), format: 'yyyy-mm-dd' }, day: iso };
      case 11:
        return { cell: { isoDate: `${iso}T00:00:00`, format: 'yyyy-mm-dd' }, day: iso };
      case 12:
        return { cell: { formula: `DATE(${y},${M},${D})`, cached: serialOf(iso), format: 'yyyy-mm-dd' }, day: iso };
      case 13: // a bare number shown as a number: not a date
        return { cell: { number: serialOf(iso), format: 'General' } };
      case 14: // day and month without words, or a two-digit year: ambiguous
        return { cell: { inline: D % 2 === 0 ? `${M}/${D}` : `${y.slice(2)}.${M}.${D}` } };
      default: // 12.5 typed into the date cell: Excel shows 1900-01-12
        return { cell: { number: M + D / 100, format: 'yyyy-mm-dd' }, day: `1900-01-${pad(M)}` };
    }
  });

// --- statuses and yes/no ------------------------------------------------------------

const asTyped = (t: string): fc.Arbitrary<Cell> =>
  fc.constantFrom<Cell>({ inline: t }, { shared: t }, { runs: [...t].length > 1 ? [[...t][0]!, [...t].slice(1).join('')] : [t] }, { formula: `"${t}"`, cached: t, type: 'str' }, { inline: ` ${t} ` });

const statusCase = fc.constantFrom('推进中', '未启动').chain((status) => asTyped(status).map((cell) => ({ cell, status })));
const yesNoCase: fc.Arbitrary<{ cell: Cell; value?: boolean }> = fc.oneof(
  fc.constantFrom('是', '否').chain((t) => asTyped(t).map((cell) => ({ cell, value: t === '是' }))),
  fc.boolean().map((b) => ({ cell: { bool: b }, value: b })), // TRUE/FALSE read as 是/否 (documented)
  fc.constant({ cell: { number: 1 } as Cell }), // shows 1: not an answer
);

// --- pictures and extra rows ---------------------------------------------------------------

interface PictureCase {
  add: (f: FormFile, bytes: Uint8Array) => FormFile;
  /** The problem whose evidence it becomes; undefined when it is out of place. */
  problem?: number;
  where: string;
}

const pictureCase: fc.Arbitrary<PictureCase> = fc.constantFrom<PictureCase>(
  { add: (f, b) => f.wpsPicture(SHEET, 'K5', b), problem: 1, where: 'WPS in K5' },
  { add: (f, b) => f.floatingPicture(SHEET, 'K6', b), problem: 4, where: 'floating on K6' },
  { add: (f, b) => f.excelPicture(SHEET, 'K6', b), problem: 4, where: 'Excel in K6' },
  { add: (f, b) => f.floatingPicture(SHEET, 'I5', b), where: 'floating on I5' },
  { add: (f, b) => f.wpsPicture(SHEET, 'P6', b), where: 'WPS in P6' },
  { add: (f, b) => f.floatingPicture(SHEET, 'C12', b), where: 'floating below the table' },
  { add: (f, b) => f.floatingPicture(INFO_SHEET, 'B4', b), where: 'on the information sheet' },
);

interface Mutation {
  texts: Array<{ address: string; problem: number; key: 'progress' | 'reason' | 'note'; value: Shown }>;
  date?: DateCase;
  status?: { cell: Cell; status: string };
  yesNo?: { cell: Cell; value?: boolean };
  picture?: PictureCase & { bytes: Uint8Array };
  extraRows: number;
}

const TEXT_CELLS = [
  { address: 'I5', problem: 1, key: 'progress' },
  { address: 'P5', problem: 1, key: 'note' },
  { address: 'I6', problem: 4, key: 'progress' },
  { address: 'L6', problem: 4, key: 'reason' },
  { address: 'P6', problem: 4, key: 'note' },
] as const;

const mutation: fc.Arbitrary<Mutation> = fc.record({
  texts: fc.subarray([...TEXT_CELLS], { maxLength: 3 }).chain((cells) => fc.tuple(...cells.map(() => textShown)).map((values) => cells.map((c, i) => ({ ...c, value: values[i]! })))),
  date: fc.option(dateCase, { nil: undefined, freq: 2 }),
  status: fc.option(statusCase, { nil: undefined, freq: 2 }),
  yesNo: fc.option(yesNoCase, { nil: undefined, freq: 2 }),
  picture: fc.option(
    fc.tuple(pictureCase, fc.nat(255), fc.boolean()).map(([p, colour, jpeg]) => ({ ...p, bytes: jpeg ? jpegBytes(colour) : pngPixel(colour, 255 - colour, 7) })),
    { nil: undefined, freq: 3 },
  ),
  extraRows: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }) }),
});

function build(good: Uint8Array, m: Mutation): Uint8Array {
  const f = new FormFile(good);
  const cells: Record<string, Cell> = {};
  for (const t of m.texts) cells[t.address] = t.value.cell;
  if (m.date) cells.J5 = m.date.cell;
  if (m.status) cells.G6 = m.status.cell;
  if (m.yesNo) cells.H6 = m.yesNo.cell;
  f.cells(SHEET, cells);
  for (const t of m.texts) if (t.value.link) f.hyperlink(SHEET, t.address, t.value.link);
  if (m.picture) m.picture.add(f, m.picture.bytes);
  if (m.extraRows > 0) f.appendRows(SHEET, 7, m.extraRows, 'B', '补充');
  return f.bytes();
}

// --- the property ------------------------------------------------------------------------

let good: Uint8Array;
beforeAll(async () => {
  good = await goodForm();
});

function evidenceFiles(dir: string): Map<string, Buffer> {
  const root = path.join(dir, 'evidence');
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'), readFileSync(path.join(e.parentPath, e.name))]),
  );
}

const exits = { 0: 0, 1: 0 } as Record<number, number>;

async function check(m: Mutation): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-fuzz-'));
  const dir = path.join(tmp, 'plan');
  cpSync(CORPUS_PLAN, dir, { recursive: true });
  const form = path.join(tmp, '农办.xlsx');
  writeFileSync(form, build(good, m));
  const evidenceBefore = evidenceFiles(dir);
  const r = await runCli(['import', dir, '--period', CORPUS_PERIOD, form]);
  expect([0, 1], r.err).toContain(r.exit);
  exits[r.exit] = (exits[r.exit] ?? 0) + 1;
  if (r.exit === 1) {
    const placed = r.err.split('\n').some((l) => l.startsWith(`${form}  error  `) || (l.startsWith(`${form} `) && /^\S+!\S*  error  /.test(l.slice(form.length + 1))));
    expect(placed, `exit 1 without a place:\n${r.err}`).toBe(true);
    expect(evidenceFiles(dir)).toEqual(evidenceBefore);
    return;
  }
  // Exit 0: nothing may have vanished, and every mutated cell reads as shown.
  expect(m.picture?.problem === undefined && m.picture !== undefined, `a picture ${m.picture?.where} vanished`).toBe(false);
  expect(m.extraRows, 'rows below the table vanished').toBe(0);
  const text = readFileSync(path.join(dir, 'progress', `${CORPUS_PERIOD}.json`), 'utf8');
  expect(text).not.toContain('[object Object]');
  expect(text).not.toContain('DISPIMG');
  const entries = (JSON.parse(text) as { problems: Array<Record<string, unknown>> }).problems;
  const entry = (n: number) => entries.find((e) => e.number === n) ?? {};
  for (const t of m.texts) expect(entry(t.problem)[t.key], `${t.address} shows ${JSON.stringify(t.value.shown)}`).toBe(kept(t.value.shown));
  if (m.date) expect(entry(1).completedOn, 'J5').toBe(m.date.day);
  for (const e of entries) for (const key of ['completedOn'] as const) if (typeof e[key] === 'string') expect(e[key] >= WINDOW.min && e[key] <= WINDOW.max, `${key} ${e[key]}`).toBe(true);
  const status = m.status?.status ?? '推进中';
  if (m.status) expect(entry(4).status).toBe(status);
  if (m.yesNo) expect(entry(4).onSchedule).toBe(status === '推进中' ? m.yesNo.value : undefined);
  if (m.picture?.problem !== undefined) {
    const after = evidenceFiles(dir);
    const added = [...after].filter(([name]) => !evidenceBefore.has(name));
    expect(added.length).toBe(1);
    expect(Buffer.from(added[0]![1]).equals(Buffer.from(m.picture.bytes))).toBe(true);
    expect(entry(m.picture.problem).evidence).toContain(added[0]![0]);
  }
  expect(existsSync(path.join(dir, 'progress', `${CORPUS_PERIOD}.json`))).toBe(true);
}

describe('import on mutated forms', () => {
  test(`${RUNS} mutated forms: exit 0 or 1, errors placed, values as shown (seed ${SEED})`, async () => {
    console.log(`import fuzz: seed ${SEED}, ${RUNS} runs (FC_SEED=${SEED} replays; FC_IMPORT_RUNS=<n> for more)`);
    await fc.assert(fc.asyncProperty(mutation, check), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    console.log(`import fuzz: ${exits[0]} imported, ${exits[1]} refused`);
    // Not vacuous: both outcomes occur (with 30 runs or more, all but certain).
    if (RUNS >= 30) expect(exits[0]! > 0 && exits[1]! > 0).toBe(true);
  }, 600_000);
});

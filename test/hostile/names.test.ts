// Names built from office data — plan folder names, report titles, problem
// summaries, evidence file names, unit names — must never lead a file out of
// out/ or be a name Windows refuses (docs/domain.md#safe-file-names).
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_NAME_BYTES, safeFileName, safeFileStem, uniqueNames } from '../../src/layout/safe-name.js';
import { periodOutputDir, planOutputDir } from '../../src/write/output-paths.js';
import { layoutPacket } from '../../src/compose/packet.js';
import type { Problem } from '../../src/model/plan-schema.js';

const HOSTILE = [
  '..',
  '.',
  '../..',
  '../../etc/passwd',
  '..\\..\\Windows\\System32',
  '/etc/passwd',
  'C:\\Windows',
  '\\\\server\\share\\x',
  'a/../../b',
  'CON',
  'con',
  'CON.docx',
  'con.tar.gz',
  'NUL',
  'COM1',
  'LPT¹',
  'AUX.',
  'PRN ',
  'name.',
  'name...',
  'name. . .',
  '   ',
  '',
  '\u0000\u0001\u001f',
  'a\nb\tc',
  '报告<>:"|?*',
  '整改'.repeat(100), // 600 bytes of UTF-8
  '😀'.repeat(80), // 320 bytes, four a character
  'é'.repeat(150), // 300 bytes, combining marks NFC-fold to é
  '𠀀'.repeat(75), // 300 bytes, outside the BMP
];

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** ext4 and NTFS: 255 bytes a name. */
const FILESYSTEM_NAME_BYTES = 255;

/** What every safe stem is: one segment, no path syntax or control characters, within the byte limit, a name Windows accepts. */
function assertSafeSegment(stem: string, maxBytes = MAX_NAME_BYTES): void {
  expect(stem).not.toBe('');
  expect(stem).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f]/);
  expect(stem).not.toMatch(/^\.+$/);
  expect(stem).not.toMatch(/[. ]$/);
  expect(WINDOWS_RESERVED.test(stem)).toBe(false);
  expect(Buffer.byteLength(stem, 'utf8')).toBeLessThanOrEqual(maxBytes);
  expect(path.basename(stem)).toBe(stem);
  expect(stem.normalize('NFC')).toBe(stem);
}

function inside(root: string, target: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(target));
  return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}

describe('safeFileStem', () => {
  test.each(HOSTILE)('%j becomes one safe segment', (name) => {
    assertSafeSegment(safeFileStem(name));
    assertSafeSegment(safeFileName(name, 'docx').replace(/\.docx$/, ''));
  });

  test('Chinese titles keep their look: path characters become full-width look-alikes', () => {
    expect(safeFileStem('关于2023/10月整改情况的报告')).toBe('关于2023／10月整改情况的报告');
    expect(safeFileStem('CON')).toBe('_CON');
    expect(safeFileStem('..')).toBe('_');
  });

  test('300-byte names are cut to the byte limit on a character boundary (never half a character)', () => {
    for (const name of HOSTILE.filter((n) => Buffer.byteLength(n) > MAX_NAME_BYTES)) {
      const stem = safeFileStem(name);
      expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(stem).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(Buffer.from(stem, 'utf8').toString('utf8')).toBe(stem);
    }
  });

  test('any string at all gives a safe segment (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => assertSafeSegment(safeFileStem(name))), { numRuns: 2000 });
  });

  test('names that differ only in case are made unique (Windows folds case)', () => {
    expect(uniqueNames(['报告.docx', '报告.DOCX', 'Con.docx', 'con.docx'])).toEqual(['报告.docx', '报告 (2).DOCX', 'Con.docx', 'con (2).docx']);
  });
});

describe('output folders stay under --out', () => {
  test.each(HOSTILE)('plan folder named %j', (name) => {
    const root = path.join('/tmp', 'out-root');
    const dir = planOutputDir(root, name);
    expect(inside(root, dir)).toBe(true);
    expect(path.dirname(dir)).toBe(root);
    expect(inside(root, periodOutputDir(root, name, '2023-10'))).toBe(true);
  });
});

describe('packet layout: every file lands inside the packet folder', () => {
  const problem = (number: number, summary: string): Problem => ({
    number,
    numberInCategory: number,
    shownNumber: String(number),
    category: 'c',
    summary,
    measures: ['m'],
    deadline: '立行立改',
    leadUnits: ['../../农办'],
    cooperatingUnits: [],
  });

  test.each(HOSTILE.filter((n) => n !== ''))('report title, summary and evidence named %j', (name) => {
    const problems = [problem(1, name), problem(2, `${name}/x`), problem(3, 'CON')];
    const evidence = new Map([
      [1, [{ path: `01/${name}`, period: '2023-10' }, { path: `01/sub/${name}`, period: '2023-09' }]],
      [2, [{ path: '../../../../etc/passwd', period: '2023-10' }]],
      [3, [{ path: 'con.txt', period: '2023-10' }, { path: 'CON.TXT', period: '2023-10' }]],
    ]);
    const layout = layoutPacket(
      [
        { kind: 'report', title: name, stem: name, extension: 'docx' },
        { kind: 'ledger', title: '整改台账（2023-10）', stem: '整改台账-2023-10', extension: 'xlsx' },
        { kind: 'closure-filled', title: '整改问题销号审批表（本期已销号）', stem: '整改问题销号审批表（本期已销号）', extension: 'docx' },
        { kind: 'closure-blank', title: '整改问题销号审批表（已完成待签字）', stem: '整改问题销号审批表（已完成待签字）', extension: 'docx' },
      ],
      problems,
      evidence,
    );
    const packet = '/tmp/out/plan/packet-2023-10';
    const files = layout.parts.flatMap((p) => p.files);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(inside(packet, path.join(packet, file))).toBe(true);
      // A stem of at most 200 bytes, then " (2)" and an extension: within the filesystem's 255.
      for (const segment of file.split('/')) assertSafeSegment(segment, FILESYSTEM_NAME_BYTES);
    }
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
  });
});

describe('end to end: hostile unit names and a hostile plan folder name through the CLI', () => {
  test('table and forms write only inside --out, under safe names', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, readdirSync, lstatSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { main } = await import('../../src/cli/main.js');
    const { basePlan } = await import('../helpers/fixture-folder.js');
    const root = mkdtempSync(path.join(tmpdir(), 'zhenggai-hostile-names-'));
    try {
      const hostileUnits: Record<string, string> = { 农办: '../../逃逸', 林业站: 'CON', 各村: `..\\${'长'.repeat(100)}.` };
      let text = JSON.stringify(basePlan());
      for (const [from, to] of Object.entries(hostileUnits)) text = text.split(`"${from}"`).join(JSON.stringify(to));
      const plan = JSON.parse(text) as { plan: { attachmentTitle: string } };
      plan.plan.attachmentTitle = '../../../tmp/附件 CON.';
      const dir = path.join(root, 'plans', 'NUL. ..');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan));
      const out = path.join(root, 'out');
      const io = { out: () => {}, err: () => {} };
      expect(await main(['table', dir, '--out', out], io)).toBe(0);
      expect(await main(['forms', dir, '--period', '2024-06', '--out', out], io)).toBe(0);
      const files: string[] = [];
      const walk = (d: string) => {
        for (const name of readdirSync(d)) {
          const full = path.join(d, name);
          if (lstatSync(full).isDirectory()) walk(full);
          else files.push(full);
        }
      };
      walk(root);
      const written = files.filter((f) => !f.startsWith(path.join(root, 'plans')));
      expect(written.length).toBe(5); // the table twice, a form for each of the three units
      for (const file of written) {
        expect(inside(out, file)).toBe(true);
        for (const segment of path.relative(out, file).split(path.sep)) assertSafeSegment(segment, FILESYSTEM_NAME_BYTES);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

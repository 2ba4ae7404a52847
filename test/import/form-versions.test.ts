// Forms outlive an upgrade (issue 13, kind 9): a form written by an earlier
// release still imports — test/fixtures/forms/v1/ keeps one, byte for byte —
// and a form of a newer or unknown format is refused with the release that
// wrote it and what to do.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { ZHENGGAI_RELEASE } from '../../src/model/release.js';
import { FORM_FORMAT } from '../../src/model/document/unit-form-layout.js';
import { CORPUS_PERIOD, CORPUS_PLAN, goodForm } from './broken-forms.js';
import { FormFile } from './form-builder.js';

const V1 = 'test/fixtures/forms/v1';
/** The fixture as committed: it must never be regenerated (a new format gets a folder of its own). */
const V1_SHA256 = 'eb6b4630b69fc3f56f729354a813afc78020386f457bf32c212c569154d7086e';

interface Entry {
  number: number;
  status: string;
  onSchedule?: boolean;
  progress?: string;
  completedOn?: string;
  reason?: string;
  extension?: unknown;
  closure?: unknown;
  evidence?: string[];
}

/** What a form pre-fills from last month and gives back untouched (docs/domain.md#workflow; compose/forms.ts prefill). */
function prefilled(e: Entry): Record<string, unknown> {
  return {
    number: e.number,
    status: e.status,
    ...(e.status === '推进中' && e.onSchedule !== undefined ? { onSchedule: e.onSchedule } : {}),
    ...(e.progress ? { progress: e.progress } : {}),
    ...(e.completedOn ? { completedOn: e.completedOn } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.extension ? { extension: e.extension } : {}),
    ...(e.status === '已销号' && e.closure ? { closure: e.closure } : {}),
  };
}

describe('format zhenggai-unit-form/1, as written before this release', () => {
  it('is the committed file, unchanged', () => {
    const digest = createHash('sha256').update(readFileSync(path.join(V1, '经发办.xlsx'))).digest('hex');
    expect(digest).toBe(V1_SHA256);
  });

  it('still imports: each of 经发办\'s problems comes back as last month\'s answers', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-v1-'));
    const dir = path.join(tmp, 'guanyang-2022');
    cpSync(path.join(V1, 'plan'), dir, { recursive: true });
    // The evidence the progress files name, as empty files (the fixture keeps no evidence).
    for (const name of ['2023-09', '2023-10', '2023-11']) {
      const progress = JSON.parse(readFileSync(path.join(dir, 'progress', `${name}.json`), 'utf8')) as { problems: Entry[] };
      for (const p of progress.problems.flatMap((e) => e.evidence ?? [])) {
        mkdirSync(path.dirname(path.join(dir, 'evidence', p)), { recursive: true });
        writeFileSync(path.join(dir, 'evidence', p), '');
      }
    }
    const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')) as { problems: Array<{ number: number; leadUnits: string[] }> };
    const november = JSON.parse(readFileSync(path.join(dir, 'progress', '2023-11.json'), 'utf8')) as { problems: Entry[] };
    const mine = plan.problems.filter((p) => p.leadUnits[0] === '经发办').map((p) => p.number);
    expect(mine.length).toBe(11);

    const result = await runCli(['import', dir, '--period', '2023-12', path.join(V1, '经发办.xlsx')]);
    expect(result.err).not.toMatch(/ {2}error {2}/);
    expect(result.exit).toBe(0);
    const december = JSON.parse(readFileSync(path.join(dir, 'progress', '2023-12.json'), 'utf8')) as { problems: Entry[] };
    expect(december.problems).toEqual(mine.map((n) => prefilled(november.problems.find((e) => e.number === n)!)));
  });
});

describe('a form of another format', () => {
  async function importWithMeta(meta: Record<string, string>) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-format-'));
    const dir = path.join(tmp, 'plan');
    cpSync(CORPUS_PLAN, dir, { recursive: true });
    const file = path.join(tmp, '农办.xlsx');
    const edits = Object.fromEntries(Object.entries(meta).map(([cell, text]) => [cell, { inline: text }]));
    writeFileSync(file, new FormFile(await goodForm()).cells('_zhenggai', edits).bytes());
    return { ...(await runCli(['import', dir, '--period', CORPUS_PERIOD, file])), file };
  }

  it('today\'s forms name their format and the release that wrote them (package.json\'s version)', async () => {
    expect(ZHENGGAI_RELEASE).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    const sheet = new FormFile(await goodForm());
    const xml = new TextDecoder().decode((await import('fflate')).unzipSync(sheet.bytes())[sheet.sheetPart('_zhenggai')]!);
    const shared = new TextDecoder().decode((await import('fflate')).unzipSync(sheet.bytes())['xl/sharedStrings.xml']!);
    expect(xml).toContain('<c r="A8"');
    expect(shared).toContain('<t>生成程序</t>');
    expect(shared).toContain(`<t>zhenggai ${ZHENGGAI_RELEASE}</t>`);
    expect(shared).toContain(`<t>${FORM_FORMAT}</t>`);
  });

  it('a newer format is refused at _zhenggai!B1 with the release that wrote it and what to do', async () => {
    const r = await importWithMeta({ B1: 'zhenggai-unit-form/2', B8: 'zhenggai 0.3.0' });
    expect(r.exit).toBe(1);
    const line = r.err.split('\n').find((l) => l.startsWith(`${r.file} _zhenggai!B1  error  `));
    expect(line, r.err).toBeDefined();
    expect(line).toContain('由 zhenggai 0.3.0 生成');
    expect(line).toContain('zhenggai-unit-form/2，比本程序新');
    expect(line).toContain(`本程序（zhenggai ${ZHENGGAI_RELEASE}）可导入的格式为 zhenggai-unit-form/1`);
    expect(line).toContain('请向整改办索取用本程序生成的本月填报表');
    expect(line).toContain('[form-format]');
  });

  it('an unknown format is refused, and so is a hidden sheet without one', async () => {
    const unknown = await importWithMeta({ B1: 'other-tool/1' });
    expect(unknown.err).toContain(`${unknown.file} _zhenggai!B1  error  此表由 zhenggai ${ZHENGGAI_RELEASE} 生成，表格格式“other-tool/1”无法识别`);
    const none = await importWithMeta({ A1: '说明' });
    expect(none.err).toContain('隐藏工作表缺少“格式”');
    expect(none.exit).toBe(1);
  });
});

// Every Word file the tool writes says its East Asian text is zh-CN
// (<w:lang w:eastAsia="zh-CN"/> in the document defaults), so Word and
// LibreOffice draw simplified-Chinese glyph forms and punctuation whatever the
// reader's default language; and no style, run, header or footer says
// otherwise. Checked on the XML of each document as the pipelines make it for
// the bundled plan: notice, report, task table, closure forms (both kinds,
// alone and in the packet) and the packet's contents list.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClosureForms } from '../../src/documents/closure-forms.js';
import { buildNotice } from '../../src/documents/notice.js';
import { buildPacket } from '../../src/documents/packet.js';
import type { PlanData } from '../../src/documents/pipeline.js';
import { buildReport } from '../../src/documents/report.js';
import { buildTaskTable } from '../../src/documents/task-table.js';
import { loadTemplates } from '../../src/documents/templates.js';
import { assemblePlanFolder } from '../../src/load/plan-folder.js';
import { unzip } from '../helpers/unzip.js';

const DATA = 'data/guanyang-2022';
const PERIODS = ['2023-09', '2023-10', '2023-11'];

function bundledPlan(): PlanData {
  const progress = readdirSync(path.join(DATA, 'progress'))
    .sort()
    .map((f) => ({ file: `progress/${f}`, text: readFileSync(path.join(DATA, 'progress', f), 'utf8') }));
  const loaded = assemblePlanFolder({ dir: DATA, plan: { file: 'plan.json', text: readFileSync(path.join(DATA, 'plan.json'), 'utf8') }, progress, evidenceFiles: new Set() });
  if (!loaded.folder) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.folder;
}

/** Every Word file, by a name saying where it came from. */
async function everyWordFile(): Promise<Map<string, Uint8Array>> {
  const data = bundledPlan();
  const templates = await loadTemplates();
  const files = new Map<string, Uint8Array>();
  const add = (from: string, output: { files: readonly { name: string; data: Uint8Array }[] }) => {
    for (const file of output.files) if (file.name.endsWith('.docx')) files.set(`${from}: ${file.name}`, file.data);
  };
  add('table', await buildTaskTable(data.plan, 'docx'));
  add('notice', await buildNotice(data.plan, templates));
  for (const period of PERIODS) {
    add('report', await buildReport(data, period, templates));
    add('closure-forms', await buildClosureForms(data, period, templates));
    const packet = await buildPacket(data, period, templates);
    for (const [name, bytes] of packet.documents) if (name.endsWith('.docx')) files.set(`packet ${period}: ${name}`, bytes);
    files.set(`packet ${period}: contents list`, await packet.contents(undefined));
    files.set(`packet ${period}: contents list with page counts`, await packet.contents(new Map([[1, 3]])));
  }
  return files;
}

let files: Map<string, Uint8Array>;
beforeAll(async () => {
  files = await everyWordFile();
});

describe('the language of every Word file', () => {
  it('covers each kind of document', () => {
    const names = [...files.keys()].join('\n');
    for (const kind of ['任务分解和责任分工表', '的通知', '的报告', '销号审批表（本期已销号）', '销号审批表（已完成待签字）', 'contents list']) expect(names).toContain(kind);
  });

  it('says zh-CN for East Asian text in the default run properties (styles.xml rPrDefault)', () => {
    for (const [name, bytes] of files) {
      const styles = unzip(Buffer.from(bytes)).get('word/styles.xml')?.data.toString('utf8') ?? '';
      const rPrDefault = /<w:rPrDefault>(.*?)<\/w:rPrDefault>/s.exec(styles)?.[1] ?? '';
      expect(rPrDefault, name).toMatch(/<w:lang w:eastAsia="zh-CN"\/>/);
    }
  });

  it('is not overridden by any style, run, header or footer', () => {
    for (const [name, bytes] of files) {
      for (const entry of unzip(Buffer.from(bytes)).values()) {
        if (!/^word\/.*\.xml$/.test(entry.name)) continue;
        const tags = entry.data.toString('utf8').match(/<w:lang\b[^>]*>/g) ?? [];
        for (const tag of tags) expect(tag, `${name} ${entry.name}`).toBe('<w:lang w:eastAsia="zh-CN"/>');
        expect(tags.length, `${name} ${entry.name}`).toBe(entry.name === 'word/styles.xml' ? 1 : 0);
      }
    }
  });
});

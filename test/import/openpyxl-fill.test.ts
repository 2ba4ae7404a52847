// A form filled by another program than ours: openpyxl (as a stand-in for WPS
// or LibreOffice) opens the generated form, types answers — a datetime in a
// date cell, text in a date cell, text that begins with = kept as text — and
// saves. The importer reads what it wrote.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { goodForm, CORPUS_PERIOD, CORPUS_PLAN } from './broken-forms.js';
import { describeWithTools, runPython } from '../helpers/tools.js';

describeWithTools(['python-docx-openpyxl'], 'a form filled with openpyxl', () => {
  it('imports what openpyxl wrote, keeping the hidden sheet it preserved', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-openpyxl-'));
    const dir = path.join(tmp, 'plan');
    cpSync(CORPUS_PLAN, dir, { recursive: true });
    const file = path.join(tmp, '农办.xlsx');
    writeFileSync(file, await goodForm());
    runPython<null>(
      `
import json, sys, datetime, openpyxl
args = json.load(sys.stdin)
wb = openpyxl.load_workbook(args['file'])
ws = wb['进展填报']
ws['G5'] = '已完成并长期坚持'
ws['J5'] = datetime.datetime(2024, 6, 3)
ws['I5'].value = '=河道已全线贯通'
ws['I5'].data_type = 's'
ws['K5'] = '清河记录.txt\\n巡河照片.txt'
ws['O5'] = '2024.6.1'
ws['M5'] = '长期坚持'
ws['N5'] = '转为常态化巡河'
wb.save(args['file'])
print('null')
`,
      { file },
    );
    const out: string[] = [];
    const err: string[] = [];
    const exit = await main(['import', dir, '--period', CORPUS_PERIOD, file], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(err.join('\n')).not.toMatch(/  error  /);
    expect(exit).toBe(0);
    const progress = JSON.parse(readFileSync(path.join(dir, 'progress', `${CORPUS_PERIOD}.json`), 'utf8'));
    expect(progress.problems).toEqual([
      {
        number: 1,
        status: '已完成并长期坚持',
        progress: '=河道已全线贯通',
        completedOn: '2024-06-03',
        evidence: ['1/清河记录.txt', '1/巡河照片.txt'],
        extension: { deadline: '长期坚持', reason: '转为常态化巡河', approvedOn: '2024-06-01' },
      },
      { number: 4, status: '推进中', onSchedule: true, progress: '已对3处工地开展扬尘专项检查。' },
    ]);
  });
});

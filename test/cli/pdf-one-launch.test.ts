// One LibreOffice launch per command (issue 14): a stand-in soffice counts its
// launches and plays the macro's part of the job folder (src/write/soffice-job.ts),
// writing a two-page stand-in PDF for each file listed. The plan's notice has
// a 版记, whose even-page section once needed a launch of its own, and the
// packet's contents list, which counts the other PDFs' pages, once another.
import { chmodSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { zipText } from '../helpers/unzip.js';

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zhenggai-${name}-`));

// Lists are three lines a file: input URL, output URL, 1 when blank pages are
// kept. A --convert-to call (how zhenggai once converted) is played too, so the
// count is what fails on a build that launches more than once.
const STAND_IN = `#!/bin/sh
echo launch >> "$ZG_LOG/launches"
job=
outdir=
for a in "$@"; do
  case $a in
    macro:*) job=\${a#*Run(\\"file://}; job=\${job%\\")} ;;
    --outdir) outdir=next ;;
    *.docx|*.xlsx) base=\${a##*/}; echo "? $base" >> "$ZG_LOG/files"; printf '%%PDF-1.4\\n1 0 obj << /Type /Pages /Count 2 >> endobj\\n' > "$outdir/\${base%.*}.pdf" ;;
    *) [ "$outdir" = next ] && outdir=$a ;;
  esac
done
[ -n "$job" ] || exit 0
convert() {
  while IFS= read -r in && IFS= read -r out && IFS= read -r keep; do
    echo "$keep \${in##*/}" >> "$ZG_LOG/files"
    printf '%%PDF-1.4\\n1 0 obj << /Type /Pages /Count 2 >> endobj\\n%%%%EOF\\n' > "\${out#file://}"
  done < "$1"
}
convert "$job/first.txt"
: > "$job/first.done"
while [ ! -e "$job/next.txt" ]; do sleep 0.02; done
convert "$job/next.txt"
`;

function standIn(): { env: Record<string, string>; launches: () => number; files: () => string[] } {
  const dir = tmp('soffice');
  const soffice = path.join(dir, 'soffice');
  writeFileSync(soffice, STAND_IN);
  chmodSync(soffice, 0o755);
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8').trim().split('\n');
  return { env: { SOFFICE: soffice, ZG_LOG: dir }, launches: () => read('launches').length, files: () => read('files') };
}

describe('one LibreOffice launch per command, with a 版记 in the notice', () => {
  let plan: string;
  beforeAll(() => {
    plan = path.join(tmp('colophon-plan'), 'guanyang-2022');
    cpSync('data/guanyang-2022', plan, { recursive: true });
    const json = JSON.parse(readFileSync(path.join(plan, 'plan.json'), 'utf8')) as { notice: Record<string, unknown> };
    json.notice.colophon = { cc: ['县乡村振兴局'], printer: '巫山县官阳镇党政办公室', printDate: '2023-04-12' };
    writeFileSync(path.join(plan, 'plan.json'), JSON.stringify(json, null, 2));
  });

  it('packet --pdf launches LibreOffice once, the contents list included, and lists the stand-in page counts', async () => {
    const soffice = standIn();
    const out = tmp('one-launch-packet');
    const result = await runCli(['packet', plan, '--period', '2023-11', '--out', out, '--pdf'], soffice.env);
    expect(result.exit).toBe(0);
    expect(soffice.launches()).toBe(1);
    // Seven parts (report, ledger, two sets of closure forms, three 督办 notices), then the contents list in the same launch.
    expect(soffice.files()).toEqual(['0 0.docx', '0 1.xlsx', '0 2.docx', '0 3.docx', '0 4.docx', '0 5.docx', '0 6.docx', '0 7.docx']);
    const contents = zipText(readFileSync(path.join(out, 'guanyang-2022', 'packet-2023-11', '00-报送材料清单.docx')), 'word/document.xml');
    expect(contents.split('>2<').length - 1).toBeGreaterThanOrEqual(4);
  });

  it('notice --pdf launches LibreOffice once, keeping the blank page before the 版记', async () => {
    const soffice = standIn();
    const out = tmp('one-launch-notice');
    const result = await runCli(['notice', plan, '--out', out, '--pdf'], soffice.env);
    expect(result.exit).toBe(0);
    expect(soffice.launches()).toBe(1);
    expect(soffice.files()).toEqual(['1 0.docx']);
  });
});

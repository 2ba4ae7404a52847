// Shared by the official-document tests: the documents they render (the
// notice for the bundled plan, a 上行文 report with a seal and a chart, the
// notice with a 版记, a page of continuous text) and a pixel scanner for the
// rendered PDF pages.

import { spawnSync } from 'node:child_process';
import type { OfficialDocument } from '../../src/model/document/official-document.js';
import { loadPlanFolder } from '../../src/load/plan-folder.js';
import type { Plan } from '../../src/model/plan-schema.js';
import { noticeModel } from '../../src/documents/notice.js';
import { loadTemplates } from '../../src/templates/load.js';

export const BUNDLED_PLAN_DIR = new URL('../../data/guanyang-2022/', import.meta.url).pathname;

export async function bundledPlan(): Promise<Plan> {
  const { folder, diagnostics } = await loadPlanFolder(BUNDLED_PLAN_DIR);
  if (!folder) throw new Error(`the bundled plan does not load: ${JSON.stringify(diagnostics)}`);
  return folder.plan;
}

export async function bundledNotice(): Promise<{ plan: Plan; doc: OfficialDocument }> {
  const plan = await bundledPlan();
  return { plan, doc: noticeModel(plan, await loadTemplates()) };
}

/** Text without punctuation, so line breaks fall after exactly 28 characters (no kinsoku shifts). */
export const PLAIN_TEXT = '各村社区要对照问题清单逐项核查建立健全工作台账落实属地管理责任和行业监管责任完善长效管理机制加强督促检查和跟踪问效';

export const UP_REPORT: OfficialDocument = {
  header: { kind: 'up', issuerMark: '东河镇人民政府', docNumber: '东府文〔2024〕3号', signer: '李明华' },
  title: { lines: ['东河镇人民政府', '关于问题整改进展情况的报告'] },
  recipients: '清江县人民政府',
  body: [
    { kind: 'paragraph', text: '按照县委统一部署，现将我镇问题整改进展情况报告如下。' },
    { kind: 'heading', level: 1, text: '总体进展' },
    { kind: 'paragraph', text: PLAIN_TEXT },
    { kind: 'heading', level: 2, text: '已完成事项' },
    { kind: 'heading', level: 3, text: '建立工作台账' },
    { kind: 'heading', level: 4, text: '逐项核查' },
    {
      kind: 'chart',
      chart: {
        type: 'stackedColumn',
        title: '各牵头单位整改进展',
        categories: ['财政所', '自然资源所', '市场监管所'],
        series: [
          { name: '已完成', values: [5, 2, 1] },
          { name: '推进中', values: [1, 2, 0] },
        ],
        valueAxisTitle: '问题数（个）',
      },
    },
    { kind: 'paragraph', text: '特此报告。' },
  ],
  attachmentsNote: ['整改台账', '销号审批表'],
  signature: { signatory: '东河镇人民政府', date: '2024-07-05', sealed: true },
  annotation: '联系人：王五',
  enclosures: [],
  attachments: [],
};

export const COLOPHON = {
  cc: ['县委办公室', '县政府办公室', '县农业农村委', '县乡村振兴局', '县财政局', '县人力社保局', '县卫生健康委', '县住房城乡建委'],
  printer: '东河镇党政办公室',
  printDate: '2024-07-08',
} as const;

/** Enough plain paragraphs to fill several pages: page 2 is text from top to foot. */
export const CONTINUOUS_TEXT: OfficialDocument = {
  header: { kind: 'down', issuerMark: '东河镇人民政府文件', docNumber: '东府发〔2024〕1号' },
  title: { lines: ['关于网格测试的通知'] },
  body: Array.from({ length: 12 }, () => ({ kind: 'paragraph' as const, text: PLAIN_TEXT.repeat(4) })),
  enclosures: [],
  attachments: [],
};

// --- pixels ----------------------------------------------------------------------

export interface InkBand {
  readonly kind: 'red' | 'dark';
  /** Millimetres from the page's top edge. */
  readonly top: number;
  readonly bottom: number;
  /** Millimetres from the page's left edge. */
  readonly left: number;
  readonly right: number;
}

const DPI = 300;
const MM_PER_INCH = 25.4;

/** Horizontal bands of red or dark ink on one PDF page (pdftoppm at 300 dpi), top to bottom. */
export function inkBands(pdf: string, page: number): InkBand[] {
  const ppm = spawnSync('pdftoppm', ['-r', String(DPI), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 1 << 28 }).stdout;
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not give a P6 image');
  const [width, height, start] = [Number(header[1]), Number(header[2]), header[0].length];
  const mm = (px: number) => (px / DPI) * MM_PER_INCH;
  const bands: InkBand[] = [];
  let open: { kind: 'red' | 'dark'; top: number; left: number; right: number } | undefined;
  for (let y = 0; y <= height; y += 1) {
    const row = y < height ? rowInk(ppm, start + 3 * y * width, width) : undefined;
    if (open && (!row || row.kind !== open.kind)) {
      bands.push({ kind: open.kind, top: mm(open.top), bottom: mm(y), left: mm(open.left), right: mm(open.right + 1) });
      open = undefined;
    }
    if (row && !open) open = { kind: row.kind, top: y, left: row.left, right: row.right };
    else if (row && open) open = { ...open, left: Math.min(open.left, row.left), right: Math.max(open.right, row.right) };
  }
  return bands;
}

function rowInk(ppm: Buffer, at: number, width: number): { kind: 'red' | 'dark'; left: number; right: number } | undefined {
  let kind: 'red' | 'dark' | undefined;
  let left = width;
  let right = -1;
  for (let x = 0; x < width; x += 1) {
    const [r, g, b] = [ppm[at + 3 * x]!, ppm[at + 3 * x + 1]!, ppm[at + 3 * x + 2]!];
    const red = r > 180 && g < 100 && b < 100;
    const dark = r < 120 && g < 120 && b < 120;
    if (!red && !dark) continue;
    if (red) kind = 'red';
    else kind ??= 'dark';
    left = Math.min(left, x);
    right = Math.max(right, x);
  }
  return kind === undefined ? undefined : { kind, left, right };
}

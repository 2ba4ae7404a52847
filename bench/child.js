// One in-process measurement in a fresh Node process (so each figure has its
// own heap and its own peak RSS): `node bench/child.js <task> <n>` prints one
// JSON line. Imports and the synthetic plan are made before the clock starts;
// the clock covers the call that turns the plan into bytes (wall ms, and CPU
// ms of the process over the same span, all threads: zlib's work included).
//
// Tasks: docx / xlsx (the task table), ledger (整改台账, when
// dist/documents/ledger.js exists), docxtemplater (filling the equivalent
// one-row loop template), compose (the task table's document model alone: the
// part of docx/xlsx that is ours, not the library's).
import { performance } from 'node:perf_hooks';
import { syntheticPlanInput, syntheticProgressInput } from './synthetic.js';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

async function plan(n) {
  const { planSchema } = await import(dist('model/plan-schema.js'));
  return planSchema.parse(syntheticPlanInput(n));
}

/** The ledger's entry point, adapted to whatever signature it has; undefined when it does not exist. */
export async function ledgerRunner(n) {
  let ledger;
  try {
    ledger = await import(dist('documents/ledger.js'));
  } catch {
    return undefined;
  }
  if (typeof ledger.ledgerXlsx !== 'function') return undefined;
  const p = await plan(n);
  const { progressSchema } = await import(dist('model/progress-schema.js'));
  const { derivePeriod } = await import(dist('derive/period.js'));
  const progress = progressSchema.parse(syntheticProgressInput(n));
  const previous = progressSchema.parse({ ...syntheticProgressInput(n, '2023-09', '2023-09-30'), report: undefined });
  const result = derivePeriod(p, progress, previous);
  if (!result.ok) throw new Error(result.message);
  const { loadTemplates } = await import(dist('templates/load.js'));
  const templates = await loadTemplates();
  return () => ledger.ledgerXlsx(p, result.view, [previous, progress], templates);
}

async function runner(task, n) {
  switch (task) {
    case 'docx': {
      const { taskTableDocx } = await import(dist('documents/task-table.js'));
      const p = await plan(n);
      return () => taskTableDocx(p);
    }
    case 'xlsx': {
      const { taskTableXlsx } = await import(dist('documents/task-table.js'));
      const p = await plan(n);
      return () => taskTableXlsx(p);
    }
    case 'ledger':
      return ledgerRunner(n);
    case 'compose': {
      const { composeTaskTable } = await import(dist('compose/task-table.js'));
      const { landscapeTableTextWidthEm } = await import(dist('layout/table-widths.js'));
      const p = await plan(n);
      return () => composeTaskTable(p, { textWidthEm: landscapeTableTextWidthEm });
    }
    case 'docxtemplater': {
      const { default: PizZip } = await import('pizzip');
      const { default: Docxtemplater } = await import('docxtemplater');
      const { docxtemplaterTemplate } = await import('./docxtemplater-template.js');
      const { measuresText } = await import(dist('model/measures.js'));
      const { unitsText } = await import(dist('derive/units.js'));
      const p = await plan(n);
      const labels = new Map(p.categories.map((c) => [c.id, c.label]));
      const data = {
        title: p.plan.attachmentTitle,
        rows: p.problems.map((q) => ({
          category: labels.get(q.category),
          number: String(q.number),
          summary: q.summary,
          measures: measuresText(q.measures),
          deadline: q.deadline,
          leadUnits: unitsText(q.leadUnits),
          cooperatingUnits: unitsText(q.cooperatingUnits),
        })),
      };
      const template = docxtemplaterTemplate();
      return () => {
        const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
        doc.render(data);
        return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
      };
    }
    default:
      throw new Error(`unknown task ${task}`);
  }
}

function sizeOf(result) {
  if (result === undefined || result === null) return 0;
  if (result instanceof Uint8Array) return result.byteLength;
  if (result.buffer instanceof Uint8Array) return result.buffer.byteLength;
  return 0;
}

const [task, nText] = process.argv.slice(2);
const n = Number(nText);
const run = await runner(task, n);
if (run === undefined) {
  process.stdout.write(`${JSON.stringify({ task, n, missing: true })}\n`);
} else {
  const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ task, n, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMB, rssBeforeMB, bytes: sizeOf(result) })}\n`);
}

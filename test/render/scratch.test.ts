import { test } from 'vitest';
import { composeTaskTable } from '../../src/compose/task-table.js';
import { syntheticPlan, OTHER_COLUMNS } from '../helpers/synthetic-plan.js';
test('scratch', () => {
  for (const n of [21, 300, 2000]) {
    const p = syntheticPlan(n);
    const t0 = performance.now();
    const m = composeTaskTable(p);
    console.log(n, (performance.now() - t0).toFixed(0), 'ms', m.columns.map(c => `${c.field}:${c.weight.toFixed(1)}`).join(' '));
  }
  const m = composeTaskTable(syntheticPlan(21, { tableColumns: OTHER_COLUMNS, extraFields: true }));
  console.log(m.columns.map(c => `${c.field}:${c.weight.toFixed(1)}`).join(' '), m.headerCells);
  console.log(JSON.stringify(m.rows.slice(0,3), null, 0));
});

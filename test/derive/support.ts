// Small builders for derive tests: made-up plans and progress, never the sample's.
import { z } from 'zod';
import { planSchema, type Plan } from '../../src/model/plan-schema.js';
import { problemProgressSchema, progressSchema, type Progress, type ProgressInput } from '../../src/model/progress-schema.js';
import { basePlan, baseProgress } from '../helpers/fixture-folder.js';

export type ProblemProgressInput = z.input<typeof problemProgressSchema>;

export function plan(edit: (p: ReturnType<typeof basePlan>) => void = () => {}): Plan {
  const input = basePlan();
  edit(input);
  return planSchema.parse(input);
}

export function progress(period: string, asOf: string, problems: ProblemProgressInput[]): Progress {
  const input: ProgressInput = { ...baseProgress(period, asOf), problems };
  return progressSchema.parse(input);
}

// Finding the plan a URL names and checking the account may see it: a plan
// that does not exist and a plan that is not the account's get the same
// answer (404), so unit accounts learn nothing about other plans.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { planAccess, type PlanAccess } from './access.js';
import { errorPage } from './errors.js';
import { checkStoredPlan, loadPlan, type StoredPlan } from './plan-store.js';
import type { CheckedTexts } from '../documents/plan-texts.js';
import { reportingUnit } from '../derive/reporting-unit.js';
import type { Problem } from '../model/plan-schema.js';

/** A plan the account may see, checked, with what of it they may see. */
export interface PlanInView {
  stored: StoredPlan;
  checked: CheckedTexts;
  access: PlanAccess;
}

/** The plan named by `:plan`, or undefined after sending 404. */
export async function planFromUrl(request: FastifyRequest, reply: FastifyReply): Promise<PlanInView | undefined> {
  const raw = (request.params as { plan?: string }).plan ?? '';
  const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
  const access = id === undefined ? undefined : await planAccess(request.server, request.account!, id);
  const stored = id === undefined || access === undefined ? undefined : await loadPlan(request.server.ctx.db, id);
  if (!stored || !access) {
    errorPage(request, reply, 404, '没有这个方案，或您的账户无权查看');
    return undefined;
  }
  return { stored, checked: checkStoredPlan(stored), access };
}

/** The period named by `:period` (or ?period=) if the plan has it. */
export function periodOf(view: PlanInView, period: string | undefined): string | undefined {
  return view.stored.texts.progress.some((p) => p.period === period) ? period : undefined;
}

/** How an account stands to a problem of a plan it may see (issue 16). */
export type ProblemStanding = 'all' | 'reports' | 'sees';

/**
 * How the account of `view` stands to `problem`: 'all' (office, viewer),
 * 'reports' (a unit account whose unit reports the problem — the first-listed
 * lead unit, as forms and import decide, derive/reporting-unit.ts), 'sees'
 * (its unit co-leads or cooperates: read-only), or undefined (not its
 * problem: answered 404, as one that does not exist). The same rule as
 * answers.ts `unitRole`, which cannot import this module (it would be a cycle
 * through PlanInView).
 */
export function problemStanding(view: PlanInView, problem: Problem): ProblemStanding | undefined {
  if (view.access.all) return 'all';
  const unit = view.access.unit;
  if (reportingUnit(problem) === unit) return 'reports';
  return problem.leadUnits.includes(unit) || problem.cooperatingUnits.includes(unit) ? 'sees' : undefined;
}

// Finding the plan a URL names and checking the account may see it: a plan
// that does not exist and a plan that is not the account's get the same
// answer (404), so unit accounts learn nothing about other plans.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { planAccess, type PlanAccess } from './access.js';
import { errorPage } from './errors.js';
import { checkStoredPlan, loadPlan, type StoredPlan } from './plan-store.js';
import type { CheckedTexts } from '../documents/plan-texts.js';

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

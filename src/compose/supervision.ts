// A supervision notice (提醒函 / 督办单 / 催办通知, docs/domain.md#督办) to one
// lead unit as an official document: 版头 with its number, title, the unit as
// 主送, the body from templates/supervision.hbs (the problems, what is
// required, the reply-by date), 署名 and date. The template words it and
// decides, in slot lines, the title, the number's form, the 发文机关标志, the
// 署名 and the days allowed for the reply:
//   ---title …---       the title
//   ---docnumber …---   the number as printed (督办〔2023〕5号)
//   ---mark …---        发文机关标志 of the 版头
//   ---issuer …---      署名 (and who the reply goes to, in the template's own words)
//   ---replydays N---   working days from the date to the reply-by date

import type { PeriodRow, PeriodView } from '../derive/period.js';
import { addWorkingDays, DEFAULT_REPLY_WORKING_DAYS, type UnitSupervision } from '../derive/supervision.js';
import { TITLE_MAX_EM } from '../layout/gbt9704.js';
import type { IsoDate } from '../model/dates.js';
import type { OfficialDocument } from '../model/document/official-document.js';
import { WARNING_WORDS } from '../model/document/ledger.js';
import type { Plan } from '../model/plan-schema.js';
import { planSubject } from '../model/plan-subject.js';
import { firstSentence } from '../model/prose.js';
import type { TemplatePiece } from '../templates/grammar.js';
import type { TemplateSet, TemplateSource } from '../templates/load.js';
import { renderTemplatePieces } from '../templates/render.js';
import { TemplateError } from '../templates/template-error.js';
import { shownNumber } from '../model/numbering.js';
import { statusText } from './progress-table.js';
import { singleSlot, slotText } from './report.js';
import { balanceTitle } from './title-lines.js';

export const SUPERVISION_SLOTS: ReadonlySet<string> = new Set(['title', 'docnumber', 'mark', 'issuer', 'replydays']);

/** A problem as templates/supervision.hbs sees it (documented in templates/README.md). */
export interface SupervisionProblemContext {
  /** The number as printed (model/numbering.ts shownNumber: 7, or 二-3 in a plan numbered per category). */
  readonly number: string;
  readonly summary: string;
  readonly brief: string;
  /** The deadline in force as written: the approved extension's phrase, else the plan's. */
  readonly deadline: string;
  /** Its due date, null when it has none (长期坚持). */
  readonly due: IsoDate | null;
  /** The status as the report's table prints it: 推进中（逾期）, 推进中（未达序时进度）. */
  readonly status: string;
  /** 红 / 黄 / 蓝. */
  readonly colour: string;
  readonly red: boolean;
  readonly yellow: boolean;
  readonly blue: boolean;
  /** Days past the due date (red), or left until it (blue); null otherwise. */
  readonly overdueDays: number | null;
  readonly daysLeft: number | null;
  readonly progress: string | null;
  readonly reason: string | null;
  /** 整改轮次, and whether a 回头看 reopened it this period. */
  readonly round: number;
  readonly reopened: boolean;
  /** The other lead units of a problem led jointly; empty when the unit leads it alone. */
  readonly otherLeadUnits: readonly string[];
}

export interface SupervisionTemplateContext {
  readonly kind: string;
  readonly red: boolean;
  readonly yellow: boolean;
  readonly blue: boolean;
  readonly unit: string;
  readonly unitFullName: string;
  readonly number: number;
  readonly year: string;
  readonly period: string;
  readonly asOf: IsoDate;
  readonly date: IsoDate;
  readonly replyBy: IsoDate;
  readonly signatory: string;
  readonly planTitle: string;
  readonly subject: string;
  readonly noticeDocNumber: string;
  readonly problems: readonly SupervisionProblemContext[];
  /** How many of the problems are red, yellow and blue. */
  readonly counts: { readonly red: number; readonly yellow: number; readonly blue: number };
}

function problemContext(row: PeriodRow, unit: string): SupervisionProblemContext {
  const { state, progress, problem } = row;
  const days = state.daysToDue;
  return {
    number: shownNumber(problem),
    summary: problem.summary,
    brief: firstSentence(problem.summary),
    deadline: progress.extension?.deadline ?? problem.deadline,
    due: state.deadline?.due ?? null,
    status: statusText(row),
    colour: state.colour === null ? '' : WARNING_WORDS[state.colour],
    red: state.colour === 'red',
    yellow: state.colour === 'yellow',
    blue: state.colour === 'blue',
    overdueDays: state.colour === 'red' && days !== null ? -days : null,
    daysLeft: state.colour === 'blue' && days !== null ? days : null,
    progress: progress.progress ?? null,
    reason: progress.reason ?? null,
    round: row.round,
    reopened: row.reopened,
    otherLeadUnits: problem.leadUnits.filter((u) => u !== unit),
  };
}

/** What the template needs besides the unit's problems: its number, the date, and the reply-by date once the template has said how many days. */
export interface SupervisionIssue {
  readonly number: number;
  readonly date: IsoDate;
}

function templateContext(plan: Plan, view: PeriodView, notice: UnitSupervision, issue: SupervisionIssue, replyBy: IsoDate): SupervisionTemplateContext {
  return {
    kind: notice.kind,
    red: notice.kind === '催办通知',
    yellow: notice.kind === '督办单',
    blue: notice.kind === '提醒函',
    unit: notice.unit.name,
    unitFullName: notice.unit.fullName ?? notice.unit.name,
    number: issue.number,
    year: issue.date.slice(0, 4),
    period: view.period,
    asOf: view.asOf,
    date: issue.date,
    replyBy,
    signatory: plan.notice.signatory,
    planTitle: plan.plan.title,
    subject: planSubject(plan).text,
    noticeDocNumber: plan.notice.docNumber,
    problems: notice.rows.map((r) => problemContext(r, notice.unit.name)),
    counts: {
      red: notice.rows.filter((r) => r.state.colour === 'red').length,
      yellow: notice.rows.filter((r) => r.state.colour === 'yellow').length,
      blue: notice.rows.filter((r) => r.state.colour === 'blue').length,
    },
  };
}

function requiredSlot(pieces: readonly TemplatePiece[], name: string, template: TemplateSource): string {
  const text = slotText(singleSlot(pieces, name, template), template);
  if (text === undefined) throw new TemplateError(template.fileName, undefined, `督办文书模板缺少“---${name} …---”一行`);
  return text;
}

/** The working days allowed for the reply: the template's `---replydays N---`, else DEFAULT_REPLY_WORKING_DAYS. */
function replyDays(pieces: readonly TemplatePiece[], template: TemplateSource): number {
  const text = slotText(singleSlot(pieces, 'replydays', template), template);
  if (text === undefined) return DEFAULT_REPLY_WORKING_DAYS;
  const days = Number(text.trim());
  if (!Number.isInteger(days) || days < 1 || days > 60) {
    throw new TemplateError(template.fileName, undefined, `“---replydays …---”应为 1 到 60 的整数（工作日），实为“${text.trim()}”`);
  }
  return days;
}

/**
 * The notice to one unit. `notice` is the unit with its blue, yellow and red
 * problems (supervisedUnits); `issue` its number and date. Throws
 * TemplateError when the template lacks a slot or gives a bad reply period.
 */
export function composeSupervisionNotice(
  plan: Plan,
  view: PeriodView,
  notice: UnitSupervision,
  issue: SupervisionIssue,
  templates: Pick<TemplateSet, 'supervision'>,
): OfficialDocument {
  const template = templates.supervision;
  const render = (replyBy: IsoDate) => renderTemplatePieces(template.source, template.fileName, templateContext(plan, view, notice, issue, replyBy), SUPERVISION_SLOTS);
  // The template says how many days the reply is given: read with the default, filled in again when it says otherwise.
  const byDefault = addWorkingDays(issue.date, DEFAULT_REPLY_WORKING_DAYS);
  const first = render(byDefault);
  const replyBy = addWorkingDays(issue.date, replyDays(first, template));
  const pieces = replyBy === byDefault ? first : render(replyBy);
  const issuer = requiredSlot(pieces, 'issuer', template);
  return {
    header: { kind: 'letter', issuerMark: requiredSlot(pieces, 'mark', template), docNumber: requiredSlot(pieces, 'docnumber', template) },
    title: { lines: balanceTitle(requiredSlot(pieces, 'title', template), TITLE_MAX_EM) },
    recipients: notice.unit.fullName ?? notice.unit.name,
    body: pieces.flatMap((p) => (p.kind === 'slot' ? [] : [p])),
    signature: { signatory: issuer, date: issue.date, sealed: true },
    enclosures: [],
    attachments: [],
  };
}

import { SHOWN_AS_CATEGORY } from '../../model/numbering.js';
import type { Rule } from '../rule.js';

/** The plan's `numbering` as written (the schema fills in `shownAs`, so only the written text tells whether the office gave one). */
function writtenNumbering(value: unknown): { scope?: unknown; shownAs?: unknown } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const numbering = (value as { numbering?: unknown }).numbering;
  return numbering !== null && typeof numbering === 'object' ? (numbering as { scope?: unknown; shownAs?: unknown }) : undefined;
}

/**
 * A `shownAs` written in a plan numbered plan-wide does nothing: every
 * document prints the number as it stands (docs/domain.md#problem-numbers).
 * An office that wrote “{category}-{number}” expected 二-3 on paper and would
 * otherwise find 3 without being told why.
 */
export const shownAsUnused: Rule = {
  id: 'shown-as-unused',
  severity: 'warning',
  description: '全方案统一编号（numbering.scope 为 plan）的方案写了编号写法 shownAs：不起作用，各文件照印编号 / numbering.shownAs in a plan numbered plan-wide: it does nothing, every document prints the number itself',
  check({ folder }) {
    const numbering = writtenNumbering(folder.planSource.value);
    if (numbering === undefined || typeof numbering.shownAs !== 'string' || numbering.scope === 'category') return [];
    const hint = numbering.shownAs.includes(SHOWN_AS_CATEGORY) ? `；要印作“${numbering.shownAs}”这样带类别序号的编号，请把 scope 改为 category，并把各类别的问题分别从 1 编起` : '';
    return [
      {
        source: folder.planSource,
        path: ['numbering', 'shownAs'],
        message: `全方案统一编号（numbering.scope 为 plan）时编号写法 shownAs 不起作用，各文件照印编号 1、2、3…${hint}；不需要时请删去 shownAs`,
      },
    ];
  },
};

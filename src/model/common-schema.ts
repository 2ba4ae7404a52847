import { z } from 'zod';
import { isValidIsoDate } from './dates.js';

export const nonEmptyText = z.string().trim().min(1, '不能为空');

export const textList = z.array(nonEmptyText).min(1, '至少一段');

/** A calendar date written YYYY-MM-DD that exists (no 2023-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应写作 YYYY-MM-DD', abort: true })
  .refine(isValidIsoDate, '不存在的日期')
  .describe('日期 YYYY-MM-DD');

/** A reporting period written YYYY-MM. */
export const periodId = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期次应写作 YYYY-MM')
  .describe('期次 YYYY-MM');

// The three kinds of account (issue 15): 办公室 does everything, 领导 reads,
// 牵头单位 sees the problems its unit leads in the plans it is assigned to.

import { FIELD_LABELS } from '../model/vocabulary.js';

export const ROLES = ['office', 'viewer', 'unit'] as const;
export type Role = (typeof ROLES)[number];

/** Each role's name as the pages show it. */
export const ROLE_LABELS: Record<Role, string> = { office: '办公室', viewer: '领导（只读）', unit: FIELD_LABELS.leadUnits };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

// Units (牵头单位 / 配合单位) as printed in tables: joined with the enumeration
// comma 、 (U+3001), in the order the data lists them.

export const UNIT_SEPARATOR = '、';

export function unitsText(units: readonly string[]): string {
  return units.join(UNIT_SEPARATOR);
}

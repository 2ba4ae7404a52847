// A problem's warning colour, as supervision systems use it (docs/domain.md#warning-colours):
// derived each period by derive/problem-state.ts, printed by the ledger and report.

export type WarningColour = 'green' | 'red' | 'yellow' | 'blue' | null;

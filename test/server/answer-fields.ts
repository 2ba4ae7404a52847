// A progress entry's answers as the unit's form fields — what both the
// online answer form and the Excel form are pre-filled with (the same
// fields as compose/forms.ts prefill, written here independently of it).

/** A progress entry as the tests read it from a period's file. */
export interface EntryJson {
  number: number;
  status: string;
  onSchedule?: boolean;
  progress?: string;
  completedOn?: string;
  reason?: string;
  extension?: { deadline: string; reason: string; approvedOn: string };
}

/** The answer fields of `entry`, as a unit would send them again. */
export function answerFields(entry: EntryJson): Record<string, string> {
  return {
    status: entry.status,
    ...(entry.onSchedule === undefined ? {} : { onSchedule: entry.onSchedule ? '是' : '否' }),
    ...(entry.progress ? { progress: entry.progress } : {}),
    ...(entry.completedOn ? { completedOn: entry.completedOn } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.extension ? { extensionDeadline: entry.extension.deadline, extensionReason: entry.extension.reason, extensionApprovedOn: entry.extension.approvedOn } : {}),
  };
}

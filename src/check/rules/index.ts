// Every rule `zhenggai check` runs, errors first. One rule per file beside this one.
import type { Rule } from '../rule.js';
import { categoryColumnWithoutCategories } from './category-column-without-categories.js';
import { categoryMissing } from './category-missing.js';
import { categorySplit } from './category-split.js';
import { closureIncomplete } from './closure-incomplete.js';
import { completedWithoutDate } from './completed-without-date.js';
import { controlCharacters } from './control-characters.js';
import { dateAfterAsOf } from './date-after-as-of.js';
import { deadlineBeforeNotice } from './deadline-before-notice.js';
import { deadlinePhrase } from './deadline-phrase.js';
import { emptyCategory } from './empty-category.js';
import { evidenceNameDiffers } from './evidence-name-differs.js';
import { excelCellLimit } from './excel-cell-limit.js';
import { longText } from './long-text.js';
import { leadAlsoCooperating } from './lead-also-cooperating.js';
import { missingEvidence } from './missing-evidence.js';
import { onScheduleMissing } from './on-schedule-missing.js';
import { overdueWithoutReason } from './overdue-without-reason.js';
import { planSize } from './plan-size.js';
import { privacy } from './privacy.js';
import { problemNumbers } from './problem-numbers.js';
import { progressMissingProblem } from './progress-missing-problem.js';
import { progressPeriod } from './progress-period.js';
import { progressUnknownProblem } from './progress-unknown-problem.js';
import { reportMissing } from './report-missing.js';
import { reviewCheckerName } from './review-checker-name.js';
import { reviewDueMissing } from './review-due-missing.js';
import { reviewNeverCompleted } from './review-never-completed.js';
import { reviewReboundStillCompleted } from './review-rebound-still-completed.js';
import { reviewReboundWithoutDeadline } from './review-rebound-without-deadline.js';
import { shownAsUnused } from './shown-as-unused.js';
import { statedCount } from './stated-count.js';
import { dueDateDiffers } from './due-date-differs.js';
import { extensionDropped } from './extension-dropped.js';
import { extensionEarlier } from './extension-earlier.js';
import { statusRegression } from './status-regression.js';
import { subjectMissing } from './subject-missing.js';
import { supervisionNumbers } from './supervision-numbers.js';
import { supervisionUnitRenamed } from './supervision-unit-renamed.js';
import { taskTableRowHeight } from './task-table-row-height.js';
import { titleLines } from './title-lines.js';
import { unknownCategory } from './unknown-category.js';
import { unknownUnit } from './unknown-unit.js';

export const RULES: readonly Rule[] = [
  problemNumbers,
  planSize,
  unknownUnit,
  unknownCategory,
  deadlinePhrase,
  titleLines,
  categoryMissing,
  categoryColumnWithoutCategories,
  progressPeriod,
  progressUnknownProblem,
  completedWithoutDate,
  dateAfterAsOf,
  closureIncomplete,
  reviewReboundWithoutDeadline,
  reviewReboundStillCompleted,
  reviewNeverCompleted,
  supervisionNumbers,
  missingEvidence,
  controlCharacters,
  excelCellLimit,
  statedCount,
  shownAsUnused,
  emptyCategory,
  categorySplit,
  leadAlsoCooperating,
  evidenceNameDiffers,
  deadlineBeforeNotice,
  progressMissingProblem,
  supervisionUnitRenamed,
  statusRegression,
  extensionDropped,
  extensionEarlier,
  dueDateDiffers,
  overdueWithoutReason,
  longText,
  onScheduleMissing,
  reportMissing,
  reviewDueMissing,
  reviewCheckerName,
  subjectMissing,
  privacy,
  taskTableRowHeight,
];

import { activityKeyResult } from "./activity-key-result";
import { alignmentCycle } from "./alignment-cycle";
import { allLagging } from "./all-lagging";
import { baselineEqualsTarget } from "./baseline-equals-target";
import { behindPace } from "./behind-pace";
import { brokenAlignment } from "./broken-alignment";
import { committedBelowTarget } from "./committed-below-target";
import { compensationLink } from "./compensation-link";
import { deadlineOutsidePeriod } from "./deadline-outside-period";
import { duplicateLabel } from "./duplicate-label";
import { emptyPerspective } from "./empty-perspective";
import { invalidValue } from "./invalid-value";
import { missingBaseline } from "./missing-baseline";
import { missingOwner } from "./missing-owner";
import { missingPerspective } from "./missing-perspective";
import { objectiveOutsidePerspective } from "./objective-outside-perspective";
import { parseError } from "./parse-error";
import { Rule } from "./rule";
import { staleCheckIn } from "./stale-check-in";
import { tooFewKeyResults } from "./too-few-key-results";
import { tooManyKeyResults } from "./too-many-key-results";
import { tooManyObjectives } from "./too-many-objectives";
import { ungradedKeyResult } from "./ungraded-key-result";
import { unknownAttribute } from "./unknown-attribute";
import { unknownPerspective } from "./unknown-perspective";
import { unmeasurableKeyResult } from "./unmeasurable-key-result";

/** Every rule, in the order of spec §3. */
export const allRules: readonly Rule[] = [
  tooManyObjectives,
  tooManyKeyResults,
  tooFewKeyResults,
  missingPerspective,
  emptyPerspective,
  unknownPerspective,
  objectiveOutsidePerspective,
  unmeasurableKeyResult,
  activityKeyResult,
  missingBaseline,
  baselineEqualsTarget,
  deadlineOutsidePeriod,
  invalidValue,
  unknownAttribute,
  duplicateLabel,
  brokenAlignment,
  alignmentCycle,
  missingOwner,
  ungradedKeyResult,
  staleCheckIn,
  behindPace,
  committedBelowTarget,
  compensationLink,
  allLagging,
  parseError,
];

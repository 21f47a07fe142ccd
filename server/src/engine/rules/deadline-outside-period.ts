import { isoFromDay } from "../model/dates";
import { DateRef } from "../model/scorecard";
import { Rule, RuleContext } from "./rule";

export const deadlineOutsidePeriod: Rule = {
  code: "deadline-outside-period",
  defaultSeverity: "warning",
  summary: "A key result's (or objective's) date lies outside the scorecard's period.",
  checkObjective(objective, context) {
    checkDate(objective.due, context);
    for (const kr of objective.keyResults) checkDate(kr.deadline, context);
  },
};

/** A function of the module, not a closure made for every objective. */
function checkDate(date: DateRef | undefined, { scorecard, report }: RuleContext): void {
  const period = scorecard.period;
  if (!period || date?.day === undefined || (date.day >= period.start && date.day <= period.end)) return;
  report({
    range: date.range,
    message: `${isoFromDay(date.day)} is outside the period ${period.label} (${isoFromDay(period.start)} to ${isoFromDay(period.end)}).`,
  });
}

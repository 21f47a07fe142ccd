import { isoFromDay } from "../model/dates";
import { DateRef } from "../model/scorecard";
import { Rule } from "./rule";

export const deadlineOutsidePeriod: Rule = {
  code: "deadline-outside-period",
  defaultSeverity: "warning",
  summary: "A key result's (or objective's) date lies outside the scorecard's period.",
  checkObjective(objective, { scorecard, report }) {
    const period = scorecard.period;
    if (!period) return;
    const check = (date: DateRef | undefined) => {
      if (date?.day === undefined || (date.day >= period.start && date.day <= period.end)) return;
      report({
        range: date.range,
        message: `${isoFromDay(date.day)} is outside the period ${period.label} (${isoFromDay(period.start)} to ${isoFromDay(period.end)}).`,
      });
    };
    check(objective.due);
    for (const kr of objective.keyResults) check(kr.deadline);
  },
};

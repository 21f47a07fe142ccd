import { isoFromDay } from "../model/dates";
import { Rule } from "./rule";

export const staleCheckIn: Rule = {
  code: "stale-check-in",
  defaultSeverity: "info",
  summary: "The last check-in is more than 14 days old.",
  checkObjective(objective, { scorecard, config, report }) {
    // Once the period is over, nobody checks in any more: measure staleness at its end.
    const asOf = scorecard.period ? Math.min(scorecard.today, scorecard.period.end) : scorecard.today;
    const days = config.limits.staleCheckInDays;
    for (const kr of objective.keyResults) {
      const last = kr.checkIns[kr.checkIns.length - 1];
      if (!last || asOf - last.day <= days) continue;
      report({
        range: last.range,
        message: `Last check-in ${isoFromDay(last.day)} is ${asOf - last.day} days before ${isoFromDay(asOf)} (more than ${days}). Add a fresh one.`,
      });
    }
  },
};

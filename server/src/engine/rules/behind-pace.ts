import { isoFromDay } from "../model/dates";
import { Rule } from "./rule";

export const behindPace: Rule = {
  code: "behind-pace",
  defaultSeverity: "info",
  summary: "A key result's grade is at risk or off track for the time elapsed.",
  checkObjective(objective, { scorecard, report }) {
    for (const kr of objective.keyResults) {
      if (kr.status !== "at-risk" && kr.status !== "off-track") continue;
      // A checkbox is all-or-nothing: it is only late once its deadline has passed.
      if (kr.binary) {
        const due = kr.deadline?.day ?? scorecard.period?.end;
        if (due === undefined || scorecard.today <= due) continue;
      }
      // Whole phrases: each piece joined into a message makes another string.
      const status = kr.status === "at-risk" ? " is at risk: grade " : " is off track: grade ";
      const forecast = kr.forecast ? ` Forecast by ${isoFromDay(kr.forecast.day)}: ${kr.forecast.grade.toFixed(1)}.` : "";
      report({
        range: kr.labelRange ?? kr.textRange,
        message: `${objective.id} ${kr.id}${status}${kr.grade!.toFixed(2)} where ${kr.expected!.toFixed(2)} of the time has passed.${forecast}`,
      });
    }
  },
};

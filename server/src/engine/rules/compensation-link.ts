import { Range, lineRange } from "../text/positions";
import { Rule } from "./rule";

const COMPENSATION = /\b(bonus(es)?|salar(y|ies)|compensation|pay ?(?:raises?|rises?)|incentive pay|variable pay|performance review)\b/i;

export const compensationLink: Rule = {
  code: "compensation-link",
  defaultSeverity: "info",
  summary: "OKR text ties goals to bonus, salary or compensation.",
  checkObjective(objective, { report }) {
    // Checked in place: gathering the texts into one list cost as much as the regex.
    const check = (text: string, range: Range) => {
      const m = COMPENSATION.exec(text);
      if (!m) return;
      // Every checked text ends where its range ends: report on the word itself.
      const start = range.end.character - text.length + m.index;
      report({
        range: lineRange(range.end.line, start, start + m[0].length),
        message: `'${m[0]}': tying OKRs to pay invites sandbagging; Google and Doerr keep grades and compensation apart.`,
      });
    };
    check(objective.title, objective.titleRange);
    for (const kr of objective.keyResults) check(kr.text, kr.textRange);
    for (const item of objective.initiatives) check(item.text, item.range);
    for (const item of objective.indicators) check(item.text, item.range);
  },
};

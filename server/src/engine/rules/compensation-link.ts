import { Range, lineRange } from "../text/positions";
import { Rule } from "./rule";

const COMPENSATION = /\b(bonus(es)?|salar(y|ies)|compensation|pay ?(?:raises?|rises?)|incentive pay|variable pay|performance review)\b/i;

export const compensationLink: Rule = {
  code: "compensation-link",
  defaultSeverity: "info",
  summary: "OKR text ties goals to bonus, salary or compensation.",
  checkObjective(objective, { report }) {
    const texts: { text: string; range: Range }[] = [{ text: objective.title, range: objective.titleRange }];
    for (const kr of objective.keyResults) texts.push({ text: kr.text, range: kr.textRange });
    for (const item of [...objective.initiatives, ...objective.indicators]) texts.push(item);
    for (const { text, range } of texts) {
      const m = COMPENSATION.exec(text);
      if (!m) continue;
      // Every checked text ends where its range ends: report on the word itself.
      const start = range.end.character - text.length + m.index;
      report({
        range: lineRange(range.end.line, start, start + m[0].length),
        message: `'${m[0]}': tying OKRs to pay invites sandbagging; Google and Doerr keep grades and compensation apart.`,
      });
    }
  },
};

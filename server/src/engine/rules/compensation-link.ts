import { Range, lineRange } from "../text/positions";
import { Rule, RuleContext } from "./rule";

const COMPENSATION = /\b(bonus(es)?|salar(y|ies)|compensation|pay ?(?:raises?|rises?)|incentive pay|variable pay|performance review)\b/i;

export const compensationLink: Rule = {
  code: "compensation-link",
  defaultSeverity: "info",
  summary: "OKR text ties goals to bonus, salary or compensation.",
  checkObjective(objective, context) {
    // Checked in place: gathering the texts into one list cost as much as the regex.
    checkText(objective.title, objective.titleRange, context);
    for (const kr of objective.keyResults) checkText(kr.text, kr.textRange, context);
    for (const item of objective.initiatives) checkText(item.text, item.range, context);
    for (const item of objective.indicators) checkText(item.text, item.range, context);
  },
};

/** A function of the module, not a closure made for every objective. */
function checkText(text: string, range: Range, { report }: RuleContext): void {
  const m = COMPENSATION.exec(text);
  if (!m) return;
  // Every checked text ends where its range ends: report on the word itself.
  const start = range.endCharacter - text.length + m.index;
  report({
    range: lineRange(range.endLine, start, start + m[0].length),
    message: `'${m[0]}': tying OKRs to pay invites sandbagging; Google and Doerr keep grades and compensation apart.`,
  });
}

import { lineRange } from "../text/positions";
import { LinkRef } from "../model/scorecard";
import { Rule, RuleContext } from "./rule";

export const brokenAlignment: Rule = {
  code: "broken-alignment",
  defaultSeverity: "error",
  summary: "An aligns, supports or parent link points at nothing that exists.",
  check(context) {
    const { scorecard } = context;
    if (scorecard.parent) checkLink(context, scorecard.parent, "parent");
  },
  checkLinks(objective, context) {
    for (const link of objective.aligns) checkLink(context, link, "aligns");
    // `supports` links stay in this file (a copy only when a path was written: most links have none).
    for (const link of objective.supports) checkLink(context, link.path === undefined ? link : { ...link, path: undefined }, "supports");
  },
};

function checkLink({ scorecard, workspace, report }: RuleContext, link: LinkRef, key: string): void {
  const target = workspace.resolve(link, scorecard);
  if (target.kind === "missing-file") {
    report({ range: link.range, message: `${key}: the file '${link.path}' does not exist.` });
  } else if (target.kind === "missing-objective") {
    const where = link.path ? `'${link.path}'` : "this file";
    const ids = target.scorecard.objectives.map((o) => o.id);
    const known = ids.length === 0 ? "none" : ids.length <= 12 ? ids.join(", ") : `${ids.slice(0, 12).join(", ")} and ${ids.length - 12} more`;
    report({
      range: link.range,
      message: `${key}: no objective '${link.fragment}' in ${where} (objectives: ${known}).`,
      related: link.path ? [{ uri: target.scorecard.uri, range: lineRange(0, 0, 0), message: "The linked file" }] : undefined,
    });
  }
}

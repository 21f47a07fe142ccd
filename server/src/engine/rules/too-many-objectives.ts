import { Rule } from "./rule";

export const tooManyObjectives: Rule = {
  code: "too-many-objectives",
  defaultSeverity: "warning",
  summary: "More objectives than a team can focus on (okr: 5; bsc/hybrid: 15, info above 10).",
  check({ scorecard, config, report }) {
    const objectives = scorecard.objectives;
    const okr = scorecard.framework === "okr";
    const max = config.limits.maxObjectives ?? (okr ? 5 : 15);
    const info = okr ? Infinity : config.limits.infoObjectives;
    const limit = objectives.length > max ? max : objectives.length > info ? info : undefined;
    if (limit === undefined) return;
    const first = objectives[limit];
    report({
      range: first.labelRange ?? first.titleRange,
      message: `${objectives.length} objectives in this ${scorecard.framework} scorecard; more than ${limit} spreads focus too thin. Keep the few that matter most.`,
      severity: limit === max ? "warning" : "info",
    });
  },
};

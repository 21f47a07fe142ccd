import { Rule } from "./rule";

export const tooManyKeyResults: Rule = {
  code: "too-many-key-results",
  defaultSeverity: "warning",
  summary: "An objective has more than 5 key results (bsc: more than 2 measures).",
  checkObjective(objective, { scorecard, config, report }) {
    const bsc = scorecard.framework === "bsc";
    const max = bsc ? config.limits.maxMeasures : config.limits.maxKeyResults;
    const noun = bsc ? "measures" : "key results";
    const krs = objective.keyResults;
    // By index: a slice of the rest would be made (empty) for every objective. A limit may be
    // fractional (`limits: { maxKeyResults: 4.5 }`): the first reported is the one a slice would start at.
    for (let i = Math.trunc(max); i < krs.length; i++) {
      const kr = krs[i];
      report({
        range: kr.labelRange ?? kr.textRange,
        message: `${objective.id} has ${krs.length} ${noun}; at most ${max} keep it focused. Move the rest to another objective or drop them.`,
      });
    }
  },
};

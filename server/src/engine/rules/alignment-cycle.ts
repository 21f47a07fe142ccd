import { Objective, Scorecard } from "../model/scorecard";
import { Rule, WorkspaceQuery } from "./rule";

export const alignmentCycle: Rule = {
  code: "alignment-cycle",
  defaultSeverity: "error",
  summary: "Following aligns links comes back to where it started.",
  check({ scorecard, workspace, report }) {
    for (const start of scorecard.objectives) {
      for (const link of start.aligns) {
        const first = workspace.resolve(link, scorecard);
        if (first.kind !== "objective") continue;
        const path = cycleBack(start, first.objective, first.scorecard, workspace.resolve.bind(workspace));
        if (!path) continue;
        report({
          range: link.range,
          message: `Alignment cycle: ${[start, ...path].map((o) => o.id).join(" → ")}. An objective cannot ladder up to itself.`,
        });
      }
    }
  },
};

/** Depth-first along `aligns` from `next`; the path back to `start`, if there is one. */
function cycleBack(
  start: Objective,
  next: Objective,
  nextScorecard: Scorecard,
  resolve: WorkspaceQuery["resolve"],
): Objective[] | undefined {
  const seen = new Set<Objective>();
  const walk = (objective: Objective, scorecard: Scorecard, path: Objective[]): Objective[] | undefined => {
    if (objective === start) return [...path, objective];
    if (seen.has(objective)) return undefined;
    seen.add(objective);
    for (const link of objective.aligns) {
      const target = resolve(link, scorecard);
      if (target.kind !== "objective") continue;
      const found = walk(target.objective, target.scorecard, [...path, objective]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(next, nextScorecard, []);
}

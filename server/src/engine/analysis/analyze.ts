import { OkrConfig } from "../config/config";
import { Day } from "../model/dates";
import { buildScorecard } from "../model/build";
import { Scorecard } from "../model/scorecard";
import { InlineCache } from "../syntax/inlineCache";
import { allRules } from "../rules";
import { Diagnostic, Report, Rule, WorkspaceQuery } from "../rules/rule";
import { applySuppressions } from "../rules/suppressions";
import { gradeScorecard } from "./grades";

export interface AnalyzeOptions {
  uri: string;
  config: OkrConfig;
  today?: Day;
  inlineCache?: InlineCache;
}

/** A built and graded document, with the configuration in force for it. */
export interface Analysis {
  scorecard: Scorecard;
  config: OkrConfig;
}

export function analyzeText(text: string, options: AnalyzeOptions): Analysis {
  const { scorecard, config } = buildScorecard(text, options);
  options.inlineCache?.commit();
  gradeScorecard(scorecard, config.limits);
  return { scorecard, config };
}

/** Runs every rule that is not turned off; the result is sorted by position. */
export function checkScorecard(analysis: Analysis, workspace: WorkspaceQuery, rules: readonly Rule[] = allRules): Diagnostic[] {
  const { scorecard, config } = analysis;
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.code];
    if (setting === "off") continue;
    const report = (r: Report) =>
      diagnostics.push({
        code: rule.code,
        severity: setting ?? r.severity ?? rule.defaultSeverity,
        message: r.message,
        range: r.range,
        related: r.related,
        fixes: r.fixes,
      });
    rule.check({ scorecard, config, workspace, report });
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return applySuppressions(diagnostics, scorecard.comments, scorecard.lines.lines);
}

/** The engine's public surface: protocol-free, shared by the language server and the CLI. */
export { analyzeText, checkScorecard } from "./analysis/analyze";
export type { Analysis, AnalyzeOptions } from "./analysis/analyze";
export { bandOf, expectedGrade, effectiveBaseline, effectiveTarget } from "./analysis/grades";
export type { Band } from "./analysis/grades";
export { defaultConfig, mergeConfig, normaliseSetting, DEFAULT_LIMITS, DEFAULT_PERSPECTIVES } from "./config/config";
export type { OkrConfig, ConfigLayer, Severity, RuleSetting, Limits } from "./config/config";
export { dayFromIso, isoFromDay, parsePeriod, today } from "./model/dates";
export type { Day, Period } from "./model/dates";
export { formatAmount } from "./model/values";
export { slugify } from "./model/links";
export type { Value } from "./model/values";
export type * from "./model/scorecard";
export { allRules } from "./rules";
export type { Diagnostic, Fix, TextEdit, RelatedInformation, Rule, LinkTarget } from "./rules/rule";
export { Workspace, findObjective } from "./workspace/workspace";
export type { WorkspaceHost, AlignedChild } from "./workspace/workspace";
export { LineIndex } from "./text/lines";
export type { Position, Range } from "./text/positions";

/** The scorecard view (spec §4 preview and `okr report --html`): view model + one renderer. */
export { buildViewModel, countProblems, gradeView } from "./viewModel";
export type { ScorecardView, ObjectiveView, KeyResultView, PerspectiveView, GradeView, ProblemCounts, ViewModelOptions } from "./viewModel";
export { renderBody, renderDocument, renderMessageBody, contentSecurityPolicy, gradeBar, PREVIEW_CSS, PREVIEW_SCRIPT } from "./html";
export type { DocumentOptions, RenderMode } from "./html";
export { renderStrategyMap, hasStrategyMap } from "./strategyMap";
export { renderBurnup } from "./burnup";
export { esc } from "./escape";

import { Hover, MarkupKind, Position } from "vscode-languageserver";
import { effectiveBaseline, effectiveTarget, expectedGrade, isoFromDay, KeyResult, lineRange, Objective, Perspective, Range, Scorecard } from "../engine";
import { DocumentStore } from "./documents";
import { amountLike, bandMark, dayText, gradeLine, gradeText, md, ownerText, percentText, statusText } from "./format";
import { contains, keyResultAtLine, linkAt, objectiveAtLine, perspectiveAtHeading, sane } from "./model";
import { relativeLink } from "./uris";

/** Hovers: a KR's grade, pace and forecast; an objective's breakdown and aligned children; rollups. */
export function hover(store: DocumentStore, uri: string, position: Position): Hover | null {
  const analysis = store.analysis(uri);
  if (!analysis) return null;
  const { scorecard } = analysis;
  const line = position.line;

  const site = linkAt(scorecard, position);
  if (site) {
    const target = store.workspace.resolve(site.link, scorecard);
    if (target.kind === "objective") return markdown(objectiveHover(store, target.objective, target.scorecard, scorecard.uri), site.link.range);
    if (target.kind === "file") return markdown(scorecardHover(target.scorecard), site.link.range);
    return null;
  }
  const kr = keyResultAtLine(scorecard, line);
  if (kr) return markdown(keyResultHover(kr), kr.range.startLine === line ? kr.range : undefined);
  const objective = objectiveAtLine(scorecard, line);
  if (objective && objective.range.startLine === line) return markdown(objectiveHover(store, objective, scorecard), objective.range);
  const heading = perspectiveAtHeading(scorecard, line);
  if (heading) return markdown(perspectiveHover(heading.perspective), lineRange(line, 0, scorecard.lines.lineLength(line)));
  if (scorecard.titleRange && (scorecard.titleRange.startLine === line || contains(scorecard.titleRange, position))) {
    return markdown(scorecardHover(scorecard), scorecard.titleRange);
  }
  return null;
}

function markdown(value: string, range?: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: range && sane(range) };
}

export function keyResultHover(kr: KeyResult): string {
  const out: string[] = [];
  out.push(`**${md(kr.label ?? kr.id)}** ${md(kr.text)}`, "");
  out.push(gradeLine(kr.grade) + (kr.score !== undefined ? " *(manual score)*" : ""), "");
  const rows: string[] = [];
  if (kr.binary) rows.push(`Done: ${kr.checked ? "yes ✅" : "not yet"}`);
  else {
    const like = kr.target ?? kr.current ?? kr.baseline;
    // As written where written; computed (a relative target, an implied 0 baseline) otherwise.
    const baseline = kr.baseline ? kr.baseline.raw : amountLike(effectiveBaseline(kr), like);
    const target = kr.target ? kr.target.raw : amountLike(effectiveTarget(kr), like);
    const current = kr.current ? kr.current.raw : "?";
    rows.push(`${md(baseline)} → **${md(current)}** → ${md(target)} *(baseline → current → target, ${kr.direction === "down" ? "falling" : "rising"})*`);
  }
  if (kr.expected !== undefined) {
    rows.push(`Expected by today: ${gradeText(kr.expected)} (${percentText(kr.expected)} of the time elapsed) · status: **${statusText(kr.status)}**`);
  }
  if (kr.forecast) {
    const like = kr.target ?? kr.current;
    rows.push(`Forecast: ${amountLike(kr.forecast.value, like)} by ${isoFromDay(kr.forecast.day)} → ${gradeText(kr.forecast.grade)} ${bandMark(kr.forecast.grade)}`);
  }
  if (kr.deadline) rows.push(`Due: ${md(kr.deadline.text)}${kr.deadline.day !== undefined ? ` (${isoFromDay(kr.deadline.day)})` : ""}`);
  const who: string[] = [];
  who.push(`Owner: ${kr.owner ? md(ownerText(kr.owner.name)) : "—"}`);
  if (kr.confidence !== undefined) who.push(`Confidence: ${gradeText(kr.confidence)}`);
  if (kr.weight !== 1) who.push(`Weight: ${kr.weight}`);
  if (kr.indicator) who.push(kr.indicator);
  rows.push(who.join(" · "));
  const last = kr.checkIns[kr.checkIns.length - 1];
  if (last) rows.push(`Last check-in: ${dayText(last.day)}: ${md(last.value.raw)}${last.note ? ` — ${md(last.note)}` : ""} (${kr.checkIns.length} check-in${kr.checkIns.length === 1 ? "" : "s"})`);
  out.push(rows.join("  \n"));
  return out.join("\n");
}

export function objectiveHover(store: DocumentStore, o: Objective, scorecard: Scorecard, fromUri?: string): string {
  const out: string[] = [];
  const where = fromUri && fromUri !== scorecard.uri ? ` *(${md(relativeLink(fromUri, scorecard.uri))})*` : "";
  out.push(`**${md(o.label ?? o.id)}** ${md(o.title)}${where}`, "");
  out.push(gradeLine(o.grade), "");
  const meta = [`${o.type} (expected ${gradeText(expectedGrade(o))})`];
  if (o.expected !== undefined) meta.push(`time elapsed ${percentText(o.expected)} · status: **${statusText(o.status)}**`);
  if (o.owner) meta.push(`owner ${md(ownerText(o.owner.name))}`);
  if (o.weight !== 1) meta.push(`weight ${o.weight}`);
  if (o.perspective) meta.push(md(o.perspective.name));
  out.push(meta.join(" · "), "");
  if (o.keyResults.length) {
    out.push("| Key result | Grade | |", "|---|---:|---|");
    for (const kr of o.keyResults) out.push(`| ${md(kr.label ?? kr.id)} ${md(truncate(kr.text, 48))} | ${gradeText(kr.grade)} | ${bandMark(kr.grade)} |`);
    out.push("");
  } else out.push("*No key results.*", "");
  const children = store.workspace.childrenOf(o);
  if (children.length) {
    out.push("**Aligned children**", "");
    for (const c of children) {
      const file = c.scorecard.uri === scorecard.uri ? "" : ` *(${md(relativeLink(scorecard.uri, c.scorecard.uri))})*`;
      out.push(`- ${bandMark(c.objective.grade)} ${gradeText(c.objective.grade)} — ${md(c.objective.label ?? c.objective.id)} ${md(c.objective.title)}${file}`);
    }
    out.push("");
  }
  const parents: string[] = [];
  for (const link of o.aligns) {
    const t = store.workspace.resolve(link, scorecard);
    if (t.kind === "objective") parents.push(`${bandMark(t.objective.grade)} ${gradeText(t.objective.grade)} — ${md(t.objective.label ?? t.objective.id)} ${md(t.objective.title)}`);
  }
  if (parents.length) out.push(`Aligns to: ${parents.join("; ")}`);
  return out.join("\n").trimEnd();
}

export function perspectiveHover(p: Perspective): string {
  const out = [`**${md(p.name)}** perspective`, "", gradeLine(p.grade), ""];
  if (p.expected !== undefined && p.grade !== null) out.push(`Time elapsed ${percentText(p.expected)} · status: **${statusText(p.status)}**`, "");
  if (p.objectives.length) {
    out.push("| Objective | Grade | |", "|---|---:|---|");
    for (const o of p.objectives) out.push(`| ${md(o.label ?? o.id)} ${md(truncate(o.title, 48))} | ${gradeText(o.grade)} | ${bandMark(o.grade)} |`);
  } else out.push("*No objectives.*");
  return out.join("\n");
}

export function scorecardHover(s: Scorecard): string {
  const out = [`**${md(s.title ?? "Scorecard")}** · ${s.framework}${s.period ? ` · ${dayText(s.period.start)} → ${dayText(s.period.end)}` : ""}`, "", gradeLine(s.grade), ""];
  if (s.expected !== undefined) out.push(`As of ${dayText(s.today)}: ${percentText(s.expected)} of the period elapsed · status: **${statusText(s.status)}**`, "");
  const rows = s.framework === "okr" || s.perspectives.length === 0 ? s.objectives.map((o) => ({ name: `${o.label ?? o.id} ${o.title}`, grade: o.grade })) : s.perspectives.map((p) => ({ name: p.name, grade: p.grade }));
  if (rows.length) {
    out.push(`| ${s.framework === "okr" || s.perspectives.length === 0 ? "Objective" : "Perspective"} | Grade | |`, "|---|---:|---|");
    for (const r of rows) out.push(`| ${md(truncate(r.name, 48))} | ${gradeText(r.grade)} | ${bandMark(r.grade)} |`);
  }
  return out.join("\n");
}

function truncate(text: string, n: number): string {
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

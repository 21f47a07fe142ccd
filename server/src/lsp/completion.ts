import { CompletionItem, CompletionItemKind, InsertTextFormat, Position, Range } from "vscode-languageserver";
import { allRules, DEFAULT_LIMITS, FRAMEWORKS, FRONT_MATTER_KEYS, INDICATOR_TYPES, OBJECTIVE_TYPES, isoFromDay, KEY_RESULT_KEYS, KeyDoc, LineIndex, Objective, OBJECTIVE_KEYS, OkrConfig, Scorecard } from "../engine";
import { DocumentStore } from "./documents";
import { scorecards } from "./model";
import { relativeLink } from "./uris";

export const COMPLETION_TRIGGERS = ["@", ":", "#"];

/** Attribute keys that take one of a few words (`framework` is a front-matter key, completed there). */
const ATTRIBUTE_WORDS: Record<string, readonly string[]> = { type: OBJECTIVE_TYPES, indicator: INDICATOR_TYPES };
const SEVERITIES = ["error", "warning", "info", "hint", "off"];
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])[ \t]+(\[[ xX]\][ \t]+)?/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;

interface Ctx {
  store: DocumentStore;
  scorecard: Scorecard;
  config: OkrConfig;
  lines: LineIndex;
  position: Position;
  prefix: string;
}

export function completion(store: DocumentStore, uri: string, position: Position): CompletionItem[] {
  const analysis = store.analysis(uri);
  if (!analysis) return [];
  const { scorecard, config } = analysis;
  const lines = scorecard.lines;
  const lineText = lines.line(position.line);
  const prefix = lineText.slice(0, Math.min(position.character, lineText.length));
  const ctx: Ctx = { store, scorecard, config, lines, position, prefix };

  const fm = scorecard.frontMatter;
  if (fm && position.line > fm.range.startLine && (position.line < fm.range.endLine || !/^---\s*$/.test(lines.line(fm.range.endLine)))) {
    return frontMatter(ctx);
  }
  if (fm && position.line <= fm.range.endLine) return [];

  const owner = /@([\w.-]*)$/.exec(prefix);
  if (owner) return owners(ctx, position.character - owner[0].length);

  const heading = HEADING.exec(prefix);
  if (heading) return headings(ctx, heading[1].length, heading[0].length);

  const objective = enclosingObjective(ctx);
  if (!objective) return [];
  const item = LIST_ITEM.exec(prefix);
  if (item) {
    const rest = prefix.slice(item[0].length);
    const start = item[0].length;
    if (item[1].length < 2) {
      const by = /\bby\s+([\w-]*)$/.exec(rest);
      if (by) return dates(ctx, position.character - by[1].length);
      if (/^[A-Za-z]*$/.test(rest)) return itemLabels(ctx, objective, start);
      return [];
    }
    if (!underKeyResult(ctx)) return [];
    const attr = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(\S*)$/.exec(rest);
    if (attr) return attributeValues(ctx, attr[1].toLowerCase(), position.character - attr[2].length);
    if (/^[\w-]*$/.test(rest)) return [...keys(KEY_RESULT_KEYS, start, ctx), ...checkIn(ctx, start)];
    return [];
  }
  if (!inAttributeZone(ctx, objective)) return [];
  const attr = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(prefix);
  if (attr) {
    const key = attr[1].toLowerCase();
    if (key === "aligns") return alignTargets(ctx, objective);
    if (key === "supports") return supportTargets(ctx, objective);
    return attributeValues(ctx, key, position.character - /\S*$/.exec(attr[2])![0].length);
  }
  if (/^[A-Za-z-]*$/.test(prefix)) return keys(OBJECTIVE_KEYS.filter(([k]) => !objective.attributes.some((a) => a.key.toLowerCase() === k)), 0, ctx);
  return [];
}

function replace(ctx: Ctx, start: number): Range {
  return { start: { line: ctx.position.line, character: start }, end: ctx.position };
}

function keys(list: readonly KeyDoc[], start: number, ctx: Ctx): CompletionItem[] {
  return list.map(([key, detail], i) => ({
    label: key,
    kind: CompletionItemKind.Property,
    detail,
    sortText: String(i).padStart(2, "0"),
    textEdit: { range: replace(ctx, start), newText: `${key}: ` },
    command: { title: "Suggest", command: "editor.action.triggerSuggest" },
  }));
}

function values(ctx: Ctx, list: readonly string[], start: number, kind: CompletionItemKind = CompletionItemKind.EnumMember, detail?: string): CompletionItem[] {
  return list.map((v, i) => ({ label: v, kind, detail, sortText: String(i).padStart(3, "0"), textEdit: { range: replace(ctx, start), newText: v } }));
}

function frontMatter(ctx: Ctx): CompletionItem[] {
  const { prefix } = ctx;
  const top = /^([\w-]*)$/.exec(prefix);
  if (top) {
    const used = new Set(ctx.scorecard.frontMatter?.entries.map((e) => e.key));
    return keys(FRONT_MATTER_KEYS.filter(([k]) => !used.has(k)), 0, ctx);
  }
  const value = /^([\w-]+)[ \t]*:[ \t]*(\S*)$/.exec(prefix);
  if (value) {
    const start = ctx.position.character - value[2].length;
    switch (value[1]) {
      case "framework":
        return values(ctx, FRAMEWORKS, start);
      case "period":
        return values(ctx, periods(ctx.scorecard), start, CompletionItemKind.Value);
      case "today":
        return values(ctx, [isoFromDay(ctx.scorecard.today)], start, CompletionItemKind.Value);
      case "owner":
        return owners(ctx, start);
      case "parent":
        return values(
          ctx,
          ctx.store.keys().filter((k) => k !== ctx.scorecard.uri).map((k) => relativeLink(ctx.scorecard.uri, k)),
          start,
          CompletionItemKind.File,
        );
    }
  }
  const nested = /^([ \t]+)([\w-]*)$/.exec(prefix);
  const nestedValue = /^[ \t]+([\w-]+)[ \t]*:[ \t]*(\w*)$/.exec(prefix);
  if (!nested && !nestedValue) return [];
  let parent: string | undefined;
  for (let l = ctx.position.line - 1; l > (ctx.scorecard.frontMatter?.range.startLine ?? 0); l--) {
    const m = /^([\w-]+)[ \t]*:/.exec(ctx.lines.line(l));
    if (m) {
      parent = m[1];
      break;
    }
  }
  if (nested) {
    const start = nested[1].length;
    if (parent === "rules") return keys(allRules.map((r) => [r.code, r.summary]), start, ctx);
    if (parent === "limits") return keys(["maxObjectives", ...Object.keys(DEFAULT_LIMITS)].map((k) => [k, "limit"]), start, ctx);
    return [];
  }
  if (parent === "rules") return values(ctx, SEVERITIES, ctx.position.character - nestedValue![2].length);
  return [];
}

function periods(s: Scorecard): string[] {
  const year = Number(isoFromDay(s.today).slice(0, 4));
  const quarter = Math.floor((Number(isoFromDay(s.today).slice(5, 7)) - 1) / 3) + 1;
  return [`${year}-Q${quarter}`, `${year}`, `${year}-H${quarter <= 2 ? 1 : 2}`, ...[1, 2, 3, 4].filter((q) => q !== quarter).map((q) => `${year}-Q${q}`)];
}

/** Owners already used anywhere in the workspace. */
function owners(ctx: Ctx, start: number): CompletionItem[] {
  const names = new Map<string, number>();
  const add = (name: string | undefined) => {
    if (name && /^[\w.-]+$/.test(name)) names.set(name, (names.get(name) ?? 0) + 1);
  };
  for (const s of scorecards(ctx.store)) {
    add(s.owner);
    for (const o of s.objectives) {
      add(o.owner?.name);
      for (const kr of o.keyResults) add(kr.owner?.name);
    }
  }
  return [...names.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count], i) => ({
      label: "@" + name,
      kind: CompletionItemKind.Variable,
      detail: `owner of ${count} item${count === 1 ? "" : "s"}`,
      sortText: String(i).padStart(4, "0"),
      filterText: "@" + name,
      textEdit: { range: replace(ctx, start), newText: "@" + name },
    }));
}

function nextObjectiveLabel(s: Scorecard): string {
  let max = 0;
  for (const o of s.objectives) max = Math.max(max, Number(/^O(\d+)/i.exec(o.id)?.[1] ?? 0));
  return `O${max + 1}`;
}

function nextKeyResultLabel(o: Objective): string {
  let max = 0;
  for (const kr of o.keyResults) max = Math.max(max, Number(/^KR(\d+)/i.exec(kr.id)?.[1] ?? 0));
  return `KR${max + 1}`;
}

function headings(ctx: Ctx, level: number, start: number): CompletionItem[] {
  const typed = ctx.prefix.slice(start);
  if (typed.includes(":")) return [];
  const items: CompletionItem[] = [];
  const label = nextObjectiveLabel(ctx.scorecard);
  if (level >= 2 || ctx.scorecard.titleRange) {
    items.push({
      label: `${label}: `,
      kind: CompletionItemKind.Keyword,
      detail: "Next free objective label",
      sortText: "0",
      textEdit: { range: replace(ctx, start), newText: `${label}: ` },
    });
  }
  if (level >= 2) {
    const present = new Set(ctx.scorecard.perspectives.map((p) => p.name));
    Object.keys(ctx.config.perspectives).forEach((name, i) =>
      items.push({
        label: name,
        kind: CompletionItemKind.Module,
        detail: present.has(name) ? "Perspective (already in this file)" : "Perspective",
        sortText: (present.has(name) ? "2" : "1") + i,
        textEdit: { range: replace(ctx, start), newText: name },
      }),
    );
  }
  return items;
}

function itemLabels(ctx: Ctx, objective: Objective, start: number): CompletionItem[] {
  const kr = nextKeyResultLabel(objective);
  return [
    { label: `${kr}: `, kind: CompletionItemKind.Keyword, detail: "Next free key result label", sortText: "0", textEdit: { range: replace(ctx, start), newText: `${kr}: ` } },
    {
      label: `${kr}: … from … to … by …`,
      kind: CompletionItemKind.Snippet,
      detail: "Key result with a metric",
      sortText: "1",
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: replace(ctx, start), newText: `${kr}: \${1:What} from \${2:0} to \${3:100}${ctx.scorecard.period ? ` by \${4:${isoFromDay(ctx.scorecard.period.end)}}` : ""}` },
    },
    { label: "Initiative: ", kind: CompletionItemKind.Keyword, detail: "Work that drives the key results (never graded)", sortText: "2", textEdit: { range: replace(ctx, start), newText: "Initiative: " } },
    { label: "Indicator: ", kind: CompletionItemKind.Keyword, detail: "A data source (BSC)", sortText: "3", textEdit: { range: replace(ctx, start), newText: "Indicator: " } },
  ];
}

function checkIn(ctx: Ctx, start: number): CompletionItem[] {
  const day = isoFromDay(ctx.scorecard.today);
  return [{ label: `${day}: `, kind: CompletionItemKind.Event, detail: "Check-in for today", sortText: "99", textEdit: { range: replace(ctx, start), newText: `${day}: ` } }];
}

function attributeValues(ctx: Ctx, key: string, start: number): CompletionItem[] {
  if (ATTRIBUTE_WORDS[key]) return values(ctx, ATTRIBUTE_WORDS[key], start);
  if (key === "owner") return owners(ctx, start);
  if (key === "due") return dates(ctx, start);
  if (key === "confidence") return values(ctx, ["0.5", "0.7", "0.9"], start, CompletionItemKind.Value);
  return [];
}

/** Dates worth offering: the period's end, its quarter ends, today. */
function dates(ctx: Ctx, start: number): CompletionItem[] {
  const s = ctx.scorecard;
  const list: [string, string][] = [];
  if (s.period) list.push([isoFromDay(s.period.end), "End of the period"]);
  list.push([isoFromDay(s.today), "Today"]);
  if (s.period) {
    const startYear = Number(isoFromDay(s.period.start).slice(0, 4));
    for (let q = 1; q <= 4; q++) {
      const end = isoFromDay(Date.UTC(startYear, q * 3, 0) / 86_400_000);
      const day = Date.UTC(startYear, q * 3, 0) / 86_400_000;
      if (day >= s.period.start && day < s.period.end) list.push([end, `End of Q${q}`]);
    }
  }
  const seen = new Set<string>();
  return list
    .filter(([d]) => !seen.has(d) && seen.add(d))
    .map(([d, detail], i) => ({ label: d, kind: CompletionItemKind.Value, detail, sortText: String(i), textEdit: { range: replace(ctx, start), newText: d } }));
}

function alignTargets(ctx: Ctx, objective: Objective): CompletionItem[] {
  const prefix = ctx.prefix;
  const comma = Math.max(prefix.lastIndexOf(","), prefix.indexOf(":"));
  let start = comma + 1;
  while (start < prefix.length && /\s/.test(prefix[start])) start++;
  const items: CompletionItem[] = [];
  for (const s of scorecards(ctx.store)) {
    const same = s.uri === ctx.scorecard.uri;
    const path = same ? "" : relativeLink(ctx.scorecard.uri, s.uri);
    for (const o of s.objectives) {
      if (same && o === objective) continue;
      const target = `${path}#${o.id.toLowerCase()}`;
      items.push({
        label: target,
        kind: CompletionItemKind.Reference,
        detail: `${o.label ?? o.id}: ${o.title}`,
        documentation: s.title ? `${s.title}` : undefined,
        sortText: (same ? "1" : "0") + target,
        textEdit: { range: replace(ctx, start), newText: target },
      });
    }
  }
  return items;
}

function supportTargets(ctx: Ctx, objective: Objective): CompletionItem[] {
  const prefix = ctx.prefix;
  const comma = Math.max(prefix.lastIndexOf(","), prefix.indexOf(":"));
  let start = comma + 1;
  while (start < prefix.length && /\s/.test(prefix[start])) start++;
  return ctx.scorecard.objectives
    .filter((o) => o !== objective)
    .map((o, i) => ({
      label: o.id,
      kind: CompletionItemKind.Reference,
      detail: o.title,
      sortText: String(i).padStart(4, "0"),
      textEdit: { range: replace(ctx, start), newText: o.id },
    }));
}

/** The objective whose heading is the nearest heading above the cursor. */
function enclosingObjective(ctx: Ctx): Objective | undefined {
  for (let l = ctx.position.line; l >= 0; l--) {
    if (l !== ctx.position.line && HEADING.test(ctx.lines.line(l))) return ctx.scorecard.objectives.find((o) => o.source === "heading" && o.range.startLine === l);
    if (l === ctx.position.line && HEADING.test(ctx.lines.line(l))) return undefined;
  }
  return undefined;
}

/** Between the objective's heading and its first list item. */
function inAttributeZone(ctx: Ctx, objective: Objective): boolean {
  for (let l = objective.range.startLine + 1; l < ctx.position.line; l++) if (LIST_ITEM.test(ctx.lines.line(l))) return false;
  return true;
}

/** Whether the indented line sits under a top-level item that is a key result. */
function underKeyResult(ctx: Ctx): boolean {
  for (let l = ctx.position.line - 1; l >= 0; l--) {
    const text = ctx.lines.line(l);
    if (text.trim() === "") continue;
    const m = LIST_ITEM.exec(text);
    if (m && m[1].length < 2) {
      const item = text.slice(m[0].length);
      return !/^(Initiative|Project|Action|Indicator)\s*:/i.test(item);
    }
    if (!/^\s/.test(text)) return false;
  }
  return false;
}

import { ChangedRegion, fitsLengths } from "../text/changes";
import { LineIndex } from "../text/lines";
import { Range, collectRanges, lineRange, shiftRanges } from "../text/positions";
import { attributeKeyEnd, attributeValueStart, lexFrontMatter, lexSection, OBJECTIVE_LABEL, SectionLex } from "../syntax/blockLexer";
import { parseBlocks } from "../syntax/blockParser";
import { AttributeNode, FrontMatterNode, HeadingNode, ListItemNode, ObjectiveNode, TableNode } from "../syntax/blockTree";
import { parseDate, parseMetric, parseValue } from "../syntax/inlineParser";
import { Char, isDigit } from "../syntax/chars";
import { DateNode, InlineError, NumberNode } from "../syntax/inlineTree";
import { ConfigLayer, mergeConfig, normaliseSetting, OkrConfig } from "../config/config";
import { FRAMEWORKS, INDICATOR_TYPES, isOneOf, OBJECTIVE_TYPES, oneOf } from "./attributeKeys";
import { Day, dayFromIso, dayFromParts, lastDayOfMonth, parsePeriod, Period, quarterBounds, today as realToday, yearOfDay } from "./dates";
import { readFrontMatter } from "./frontMatter";
import { parseLinks, slugify } from "./links";
import { Attribute, CheckIn, DateRef, FrontMatter, FrontMatterEntry, KeyResult, Objective, OtherHeading, OwnerRef, Perspective, ReadProblem, Scorecard } from "./scorecard";
import { firstAtLine, fitSection, moveSection, placedAlike, replacing, Section, SectionIndex, sectionObjectives, sectionText, TableObjective, TablePerspective, touchedSections } from "./sections";
import { Value } from "./values";

export interface BuildOptions {
  uri: string;
  config: OkrConfig;
  /** "As of" date when the front matter has no `today` (CLI `--today`); else the real date. */
  today?: Day;
  /** The model of the document's previous version: its unchanged sections are reused. */
  previous?: Scorecard;
  /** Where the text differs from the previous version's, when known: other sections are taken without comparing them. */
  change?: ChangedRegion;
}

export interface BuildResult {
  scorecard: Scorecard;
  /** The configuration with the file's own front-matter `rules` and `limits` laid over it. */
  config: OkrConfig;
  /** The sections read by this build; the others were taken over from the previous version as they were. */
  read: Section[];
  /**
   * When the build spliced the sections it read into the previous version (every other section is
   * where it was, and places as it did): the run of indexes [from, to) they took, the same in both.
   */
  spliced?: { from: number; to: number };
}

/** Versions of documents with a section whose reading looked at later text: an edit anywhere after it may change it. */
const readsAhead = new WeakSet<Scorecard>();

/** The sections of an edit's new text read in place of a run [from, to) of the previous version's (`readEdited`). */
interface EditedRun {
  from: number;
  to: number;
  /** The sections in the run's place, in order: read again, or taken over (not yet moved or renumbered). */
  sections: Section[];
  /** Those of them read again. */
  read: Section[];
  /** Whether they end where the previous version's sections after the run start, moved by the change. */
  meets: boolean;
}

/** Sticky: matched where an item's text starts in its line, without cutting the text out first. */
const ITEM_LABEL = /(?:(KR\s*\d+(?:\.\d+)*)\s*[:.)]|(KR|Measure|KPI|Initiative|Project|Action|Indicator)\s*:)\s*/iy;
const CHECK_IN = /^(\d{4}-\d{2}-\d{2})\s*:\s*/;
// Patterns used once per objective or key result are made once: a regex literal in a function is a
// new RegExp object each time the function runs.
const OWNER_HANDLE = /(?:^|\s)@([\w-]+(?:\.[\w-]+)*)/;
const LABEL_NUMBER = /(\d+(?:\.\d+)*)/;
const DIGIT = /\d/;
/** What `.` does not match: a quoted owner holding one keeps its quotes, as it did when a pattern unquoted it. */
const LINE_SEPARATOR = /[\u2028\u2029]/;
const AMPERSAND = /&/g;
const EMPHASIS_OR_COLON = /[*_`:]/g;
const PERSPECTIVE_WORD = /\bperspective\b/g;
const BLANKS = /\s+/g;

/** A front matter's YAML read: the text it was read from, and the problems found. It sits at the top, so its ranges never move. */
const frontMatterReads = new WeakMap<FrontMatter, { text: string; closed: boolean; problems: ReadProblem[]; frontMatter: FrontMatter }>();

/**
 * Builds the model of one document. Never throws: what it cannot read becomes a ReadProblem.
 * `text`: the document's, or the index of its lines an editor keeps (`LineIndex.edited`).
 */
export function buildScorecard(text: string | LineIndex, options: BuildOptions): BuildResult {
  return new Builder(text, options).build();
}

class Builder {
  /** The lines being read: the document's, or while an edit's build reads a section, the section's own (`readSection`). */
  private lines: LineIndex;
  private readonly document: LineIndex;
  /** Where problems go: the document's (front matter), or the section being read. */
  private problems: ReadProblem[] = [];
  private config: OkrConfig;
  private readonly perspectiveNames: Map<string, string>;
  private readonly scorecard: Scorecard;
  private readonly perspectives = new Map<string, Perspective>();
  private openPerspective: Perspective | undefined;
  private frameworkGiven = false;
  private titleFromHeading = false;
  private readonly previous: Scorecard | undefined;
  private readonly change: ChangedRegion | undefined;
  /** Objectives before the one being read: an objective without a number is numbered by position. */
  private position = 0;
  /** The years a date without one may fall in, found once the front matter has set the period and today. */
  private candidateYears: number[] | undefined;

  constructor(text: string | LineIndex, options: BuildOptions) {
    const { previous, change } = options;
    this.previous = previous;
    // A change that does not fit the two texts is ignored rather than trusted.
    this.change = previous && change && fitsLengths(change, previous.lines.length, text.length) ? change : undefined;
    this.document = this.lines =
      typeof text !== "string" ? text : previous && this.change ? LineIndex.afterChange(previous.lines, text, this.change) : new LineIndex(text);
    this.config = options.config;
    this.perspectiveNames = perspectiveMatcher(options.config.perspectives);
    this.scorecard = {
      uri: options.uri,
      lines: this.lines,
      framework: "okr",
      today: options.today ?? realToday(),
      perspectives: [],
      objectives: [],
      otherHeadings: [],
      comments: [],
      problems: this.problems,
      sections: [],
      sectionContext: "",
      grade: null,
    };
  }

  build(): BuildResult {
    const frontMatter = lexFrontMatter(this.lines);
    if (frontMatter.error) {
      const e = frontMatter.error;
      this.problem("parse-error", e.message, lineRange(e.line, e.start, e.end));
    }
    if (frontMatter.node) this.readFrontMatter(frontMatter.node);
    const { scorecard } = this;
    scorecard.sectionContext = JSON.stringify([this.config, scorecard.today, scorecard.period]);
    const previous = this.previous?.sectionContext === scorecard.sectionContext ? new SectionIndex(this.previous.sections, this.previous.lines, this.change) : undefined;
    const firstLine = frontMatter.node ? frontMatter.node.endLine + 1 : 0;
    const edited = previous && frontMatter.node?.closed !== false ? this.readEdited(previous, firstLine) : undefined;
    if (edited && this.splice(edited)) return { scorecard, config: this.config, read: edited.read, spliced: { from: edited.from, to: edited.to } };
    const read: Section[] = [];
    // An edit's sections are read already (`fitIn` leaves those as they are), and those before them kept.
    const known = edited ? [...this.previous!.sections.slice(0, edited.from), ...edited.sections] : [];
    const reread = new Set(edited?.read);
    let line = firstLine;
    for (let k = 0; line < this.lines.lineCount; k++) {
      let section = k < known.length ? known[k] : previous?.take(this.lines, line);
      if (!section) read.push((section = this.readSection(line, previous !== undefined)));
      else if (reread.has(section)) read.push(section);
      else section = this.fitIn(section, line);
      if (!section.reusable) readsAhead.add(scorecard);
      this.place(section);
      line = section.end;
    }
    this.closePerspective(this.lines.lineCount - 1);
    this.setPerspectives([...this.perspectives.values()]);
    return { scorecard, config: this.config, read };
  }

  private setPerspectives(perspectives: Perspective[]): void {
    this.scorecard.perspectives = perspectives;
    // Perspectives without a `framework` key: the user writes a scorecard, so check it as one.
    if (!this.frameworkGiven && perspectives.length > 0) this.scorecard.framework = "hybrid";
  }

  // ── sections ────────────────────────────────────────────────────────────────

  /** A section of the previous version that reads the same at this line, numbered after the objectives placed and moved here. */
  private fitIn(section: Section, line: number): Section {
    // Objectives without a number are numbered by position: one added or removed above renumbers them.
    const above = this.scorecard.objectives.length;
    if (section.numberedFrom !== undefined && section.numberedFrom !== above) {
      let position = above;
      for (const o of sectionObjectives(section)) {
        position++;
        if (!isNumbered(o.label)) o.id = `O${position}`;
      }
      // A new identity: the rule findings kept with the section (their messages name ids) are made again.
      section = { ...section, numberedFrom: above };
    }
    moveSection(section, line);
    return section;
  }

  /**
   * The sections of the new text in place of the run of the previous version's that a told change
   * touched (`touchedSections`), from where the first of the run starts until where the sections
   * after the change start in the new text: taken over where they read the same (the first, when
   * only the heading after it changed; a section cut and pasted), else read. Those before the run are
   * kept as they are. The front matter must be as it was (the change starts after it, and the
   * sections at the same line), and no section of the previous version may depend on later text.
   */
  private readEdited(previous: SectionIndex, firstLine: number): EditedRun | undefined {
    const before = this.previous!;
    const change = this.change;
    const [first] = before.sections;
    if (!change || readsAhead.has(before) || first?.start !== firstLine || change.start < before.lines.lineStart(first.start)) return undefined;
    const { from, to } = touchedSections(before.sections, before.lines, change);
    previous.keep(from);
    const rest = before.sections[to];
    const until = rest ? rest.start + this.lines.lineCount - before.lines.lineCount : this.lines.lineCount;
    const start = before.sections[from].start;
    // Numbered after the objectives above: the previous version's above the run, then those of the run read so far.
    let above = firstAtLine(before.objectives, (o) => o.range.startLine, start);
    const sections: Section[] = [];
    const read: Section[] = [];
    for (let line = start; line < until; ) {
      let section = previous.take(this.lines, line);
      if (section) line += section.end - section.start;
      else {
        read.push((section = this.readSection(line, true, above)));
        line = section.end;
      }
      sections.push(section);
      above += sectionObjectives(section).length;
      if (line > until) return { from, to, sections, read, meets: false };
    }
    const meets = !rest || this.lines.lineStart(until) === before.lines.lineStart(rest.start) + change.newEnd - change.oldEnd;
    return { from, to, sections, read, meets };
  }

  /**
   * Makes the scorecard from the previous version's, with the sections an edit touched replaced by
   * those read again, when they take the same places (`placedAlike`): every other section, objective
   * and perspective is then where it was, or moved by the lines the edit added or removed, and
   * placing them all again on every keystroke was a third of a big file's. False when it cannot:
   * the sections are then all placed.
   */
  private splice({ from, to, sections, read, meets }: EditedRun): boolean {
    const before = this.previous!;
    // An empty change where a section starts touches none: placed like any other edit.
    if (!meets || from === to || sections.length !== to - from) return false;
    const olds = before.sections.slice(from, to);
    const delta = this.lines.lineCount - before.lines.lineCount;
    // Each is the section it replaces, kept, or one read again that takes its place. When lines moved,
    // only sections read again: one taken over in the run would have to move as well.
    const reread = new Set(read);
    const moved = delta === 0 ? (line: number) => line : (line: number) => this.movedLine(line);
    const movedLast = delta === 0 ? (line: number) => line : (line: number) => this.movedLastLine(line);
    const replaces = (old: Section, k: number) =>
      (delta === 0 && old === sections[k]) || (reread.has(sections[k]) && placedAlike(old, sections[k], moved) && !placesMore(old, before));
    if (!olds.every(replaces)) return false;
    const oldObjectives = olds.flatMap(sectionObjectives);
    const newObjectives = sections.flatMap(sectionObjectives);
    const otherHeadings = (list: Section[]) => list.flatMap((s) => (s.heading && !s.perspective && s.heading.range !== before.titleRange ? [s.heading] : []));
    const lines = { start: olds[0].start, end: olds[olds.length - 1].end };
    const ownProblems = this.scorecard.problems.length;
    const problems = spliceRun(before.problems, olds.flatMap((s) => s.problems), sections.flatMap((s) => s.problems), (p) => p.range.startLine, lines, ownProblems);
    const objectives = spliceRun(before.objectives, oldObjectives, newObjectives, (o) => o.range.startLine, lines);
    const headings = spliceRun(before.otherHeadings, otherHeadings(olds), otherHeadings(sections), (h) => h.range.startLine, lines);
    const comments = spliceRun(before.comments, olds.flatMap((s) => s.comments), sections.flatMap((s) => s.comments), (c) => c.line, lines);
    // Every perspective's last line in this version, those of the replaced objectives' with the new ones.
    const ends = new Map(before.perspectives.map((p) => [p, movedLast(p.endLine)]));
    // Where each replaced objective is in its perspective's list.
    const places = oldObjectives.map((o) => o.perspective?.objectives.indexOf(o));
    for (const [k, o] of oldObjectives.entries()) if (o.perspective) ends.set(o.perspective, perspectiveEnd(ends.get(o.perspective), moved(o.endLine), newObjectives[k].endLine));
    if (!problems || !objectives || !headings || !comments || places.includes(-1) || [...ends.values()].includes(undefined)) return false;
    const { scorecard } = this;
    // The front matter's problems are this version's (the same, read again).
    for (let k = 0; k < ownProblems; k++) problems[k] = scorecard.problems[k];
    scorecard.problems = problems;
    scorecard.objectives = objectives;
    scorecard.otherHeadings = headings;
    scorecard.comments = comments;
    scorecard.sections = replacing(before.sections, from, sections.length, sections);
    if (sections.some((section) => !section.reusable)) readsAhead.add(scorecard);
    // The perspectives are the previous version's: what placed them is unchanged.
    newObjectives.forEach((n, k) => {
      const perspective = oldObjectives[k].perspective;
      n.perspective = perspective;
      if (perspective) perspective.objectives[places[k]!] = n;
    });
    for (const [perspective, end] of ends) perspective.endLine = end!;
    if (delta !== 0) this.moveBelow(before, to, delta);
    scorecard.title = before.title;
    scorecard.titleRange = before.titleRange;
    this.setPerspectives(before.perspectives.slice());
    return true;
  }

  /**
   * Where a line of the previous version is in this one: before the change, where it was; after it,
   * moved by the lines it added or removed. Undefined for a line that started inside the text the
   * change replaced.
   */
  private movedLine(line: number): number | undefined {
    const before = this.previous!.lines;
    const delta = this.lines.lineCount - before.lineCount;
    // The line count: where a section at the end of the text ends.
    if (line >= before.lineCount) return line + delta;
    const { start, oldEnd } = this.change!;
    const offset = before.lineStart(line);
    if (offset < start) return line;
    return offset >= oldEnd ? line + delta : undefined;
  }

  /**
   * Where a perspective's last line is in this version: that of an objective or the line before
   * what closed the perspective, which move alike only when the change left the line and its line
   * break alone; undefined when it did not.
   */
  private movedLastLine(line: number): number | undefined {
    const moved = this.movedLine(line);
    return moved !== undefined && this.movedLine(line + 1) === moved + 1 ? moved : undefined;
  }

  /**
   * Moves the previous version's sections from index `to` on down by `delta` lines (up when
   * negative), and the ranges of the perspectives they name: those are made where a section is
   * placed, so no section moves them.
   */
  private moveBelow(before: Scorecard, to: number, delta: number): void {
    const first = before.sections[to]?.start ?? before.lines.lineCount;
    for (let k = to; k < before.sections.length; k++) moveSection(before.sections[k], before.sections[k].start + delta);
    for (const { range } of before.perspectives) if (range.startLine >= first) shiftRanges([range], delta);
  }

  /**
   * Reads the section that starts at this line; where its objectives belong is `place`'s work.
   * `ownText`: read it from a copy of its own lines, at line 0, then move it into place. What the
   * model keeps of a section (texts, keys, messages) are cuts of the string it was read from, and
   * V8 keeps a cut as a view of the whole string: a section an edit re-read kept that version's whole
   * text alive for as long as the section was reused, 2 MB per keystroke on a 1 MB file (600 MB
   * after 300 edits in different sections). A first build reads in place: all its sections share
   * the one text the scorecard keeps anyway. The section is lexed in the document first to find where
   * it ends (a fence or comment can carry it past a heading), then again in its copy, whose nodes
   * hold cuts of the copy.
   */
  private readSection(start: number, ownText: boolean, above = this.scorecard.objectives.length): Section {
    const lexed = lexSection(this.lines, start);
    if (!ownText) return this.readLexed(start, lexed, above);
    this.lines = new LineIndex(ownCopy(sectionText(this.document, start, lexed.end)));
    try {
      const section = this.readLexed(0, { ...lexSection(this.lines, 0), end: lexed.end - start }, above);
      moveSection(section, start);
      return section;
    } finally {
      this.lines = this.document;
    }
  }

  /** `above`: how many objectives are above the section, to number those without a number. */
  private readLexed(start: number, lexed: SectionLex, above: number): Section {
    const problems: ReadProblem[] = [];
    const tableObjectives: TableObjective[] = [];
    const section: Section = {
      text: sectionText(this.lines, start, lexed.end),
      start,
      end: lexed.end,
      // Written out though most are unset: fields added later live outside the object, one more read on every edit's walk.
      heading: undefined,
      perspective: undefined,
      objective: undefined,
      tableObjectives,
      problems,
      comments: lexed.comments,
      ranges: [],
      readRanges: 0,
      reusable: lexed.selfContained,
      numberedFrom: undefined,
    };
    this.problems = problems;
    this.position = above;
    collectRanges(() => {
      for (const e of lexed.errors) this.problem("parse-error", e.message, lineRange(e.line, e.start, e.end));
      for (const block of parseBlocks(lexed.tokens)) {
        if (block.kind === "table") {
          this.table(block, tableObjectives);
          continue;
        }
        if (block.kind === "objective") {
          section.objective = this.objective(block);
          continue;
        }
        const text = this.headingText(block);
        section.heading = { text, range: lineRange(block.line, block.textStart, block.textEnd), level: block.level };
        // The perspective it names is kept too: looking names up again on every edit was a keystroke's cost.
        section.perspective = this.perspectiveNames.get(normalisePerspective(text));
      }
    }, section.ranges);
    this.problems = this.scorecard.problems;
    if (sectionObjectives(section).some((o) => !isNumbered(o.label))) section.numberedFrom = above;
    fitSection(section);
    return section;
  }

  /** Puts a section's objectives into the scorecard, under the perspective open at that point. */
  private place(section: Section): void {
    const { scorecard } = this;
    scorecard.sections.push(section);
    // Loops, not `push(...list)`: most lists are empty, and a spread call costs even then.
    for (const problem of section.problems) scorecard.problems.push(problem);
    for (const comment of section.comments) scorecard.comments.push(comment);
    if (section.heading) this.heading(section.heading, section.start, section.perspective);
    const objective = section.objective;
    if (objective) {
      if (this.openPerspective && objective.level <= this.openPerspective.level) this.closePerspective(section.start - 1);
      objective.perspective = this.openPerspective;
      if (this.openPerspective) {
        this.openPerspective.objectives.push(objective);
        this.openPerspective.endLine = Math.max(this.openPerspective.endLine, objective.endLine);
      }
      scorecard.objectives.push(objective);
    }
    for (const row of section.tableObjectives) {
      const line = row.objective.range.startLine;
      const perspective = row.perspective && this.tablePerspective(row.perspective, line);
      row.objective.perspective = perspective;
      if (perspective) {
        perspective.objectives.push(row.objective);
        perspective.endLine = Math.max(perspective.endLine, line);
      }
      scorecard.objectives.push(row.objective);
    }
  }

  private problem(code: ReadProblem["code"], message: string, range: Range): void {
    this.problems.push({ code, message, range });
  }

  // ── front matter ────────────────────────────────────────────────────────────

  private readFrontMatter(node: FrontMatterNode): void {
    const fm = this.frontMatterYaml(node);
    this.scorecard.frontMatter = fm;
    const layer: ConfigLayer = {};
    for (const entry of fm.entries) {
      const { key, value, valueRange } = entry;
      const text = value === null || value === undefined ? "" : String(value).trim();
      switch (key) {
        case "title":
          this.scorecard.title = text;
          this.scorecard.titleRange = valueRange;
          break;
        case "period": {
          const period = parsePeriod(text);
          if (period) this.scorecard.period = period;
          else this.problem("invalid-value", `'${text}' is not a period. Use 2027, 2027-H1, 2027-Q1, 2027-03 or 2027-01-01..2027-03-31.`, valueRange);
          break;
        }
        case "framework": {
          const framework = text.toLowerCase();
          if (isOneOf(FRAMEWORKS, framework)) {
            this.scorecard.framework = framework;
            this.frameworkGiven = true;
          } else this.problem("invalid-value", `'${text}' is not a framework. Use ${oneOf(FRAMEWORKS)}.`, valueRange);
          break;
        }
        case "owner":
          this.scorecard.owner = ownerName(text) || undefined;
          break;
        case "parent":
          this.scorecard.parent = this.links(text, valueRange.startLine, valueRange.startCharacter)[0];
          break;
        case "today": {
          const day = dayFromIso(text);
          if (day !== undefined) this.scorecard.today = day;
          else this.problem("invalid-value", `'${text}' is not a date. Write it as YYYY-MM-DD.`, valueRange);
          break;
        }
        case "rules":
        case "limits":
          if (entry.children) {
            this.checkConfigEntries(key, entry.children);
            layer[key] = value as Record<string, unknown>;
          } else this.problem("invalid-value", `'${key}' should be a map of ${key === "rules" ? "rule: severity" : "limit: number"} entries.`, valueRange);
          break;
      }
    }
    this.config = mergeConfig(this.config, layer);
  }

  /** The front matter's YAML, read again only when its text changed (parsing YAML cost a keystroke half a millisecond). */
  private frontMatterYaml(node: FrontMatterNode): FrontMatter {
    const text = sectionText(this.lines, node.startLine, node.endLine + 1);
    const before = this.previous?.frontMatter;
    let read = before && frontMatterReads.get(before);
    if (!read || read.text !== text || read.closed !== node.closed) {
      const problems: ReadProblem[] = [];
      read = { text, closed: node.closed, problems, frontMatter: readFrontMatter(this.lines, node, problems) };
      frontMatterReads.set(read.frontMatter, read);
    }
    for (const problem of read.problems) this.problem(problem.code, problem.message, problem.range);
    return read.frontMatter;
  }

  /** Values that mergeConfig would skip silently: say so at the value. */
  private checkConfigEntries(key: "rules" | "limits", entries: FrontMatterEntry[]): void {
    for (const e of entries) {
      if (key === "rules" && normaliseSetting(e.value) === undefined && e.value !== true) {
        this.problem("invalid-value", `'${String(e.value)}' is not a severity. Use error, warning, info, hint or off.`, e.valueRange);
      } else if (key === "limits" && (typeof e.value !== "number" || e.value < 0)) {
        this.problem("invalid-value", `The limit ${e.key} must be a number ≥ 0, not '${String(e.value)}'.`, e.valueRange);
      }
    }
  }

  // ── headings and perspectives ───────────────────────────────────────────────

  private headingText(h: HeadingNode): string {
    return this.lines.slice(h.line, h.textStart, h.textEnd);
  }

  /** A heading that opens no objective, at `line`; `canonical`: the perspective it names, if any. */
  private heading(heading: OtherHeading, line: number, canonical: string | undefined): void {
    const { level } = heading;
    if (level === 1 && !this.titleFromHeading) {
      this.titleFromHeading = true;
      this.closePerspective(line - 1);
      this.scorecard.title = heading.text;
      this.scorecard.titleRange = heading.range;
      return;
    }
    if (this.openPerspective && level <= this.openPerspective.level) this.closePerspective(line - 1);
    if (canonical) {
      let perspective = this.perspectives.get(canonical);
      if (!perspective) {
        const range = lineRange(line, 0, this.lines.lineLength(line));
        perspective = { name: canonical, headingText: heading.text, range, nameRange: heading.range, level, objectives: [], endLine: line, grade: null };
        this.perspectives.set(canonical, perspective);
      }
      perspective.level = level;
      this.openPerspective = perspective;
      return;
    }
    this.scorecard.otherHeadings.push(heading);
  }

  private closePerspective(endLine: number): void {
    if (this.openPerspective) this.openPerspective.endLine = Math.max(this.openPerspective.endLine, endLine);
    this.openPerspective = undefined;
  }

  // ── objectives ──────────────────────────────────────────────────────────────

  private objective(node: ObjectiveNode): Objective {
    const h = node.heading;
    const text = this.headingText(h);
    const label = OBJECTIVE_LABEL.exec(text)!;
    const objective = this.newObjective(text, label[1], text.slice(label[0].length).trim(), h.line, h.textStart, h.textStart + label[0].length, h.textEnd, "heading", h.level);
    objective.endLine = node.endLine;
    for (const a of node.attributes) this.objectiveAttribute(objective, this.attribute(a));
    objective.owner ??= this.ownerIn(text, h.line, h.textStart);
    for (const item of node.items) this.item(objective, item);
    return objective;
  }

  /** `written` is the heading's or cell's whole text, label included: what its slug is made from. */
  private newObjective(
    written: string,
    label: string | undefined,
    title: string,
    line: number,
    labelStart: number,
    titleStart: number,
    end: number,
    source: Objective["source"],
    level: number,
  ): Objective {
    const position = ++this.position;
    const number = labelNumber(label);
    return {
      id: number ? `O${number}` : `O${position}`,
      label: label?.trim(),
      labelRange: label ? lineRange(line, labelStart, labelStart + label.trim().length) : undefined,
      title,
      titleRange: lineRange(line, titleStart, end),
      range: lineRange(line, 0, this.lines.lineLength(line)),
      slug: slugify(written),
      level,
      source,
      attributes: [],
      type: "aspirational",
      weight: 1,
      aligns: [],
      supports: [],
      keyResults: [],
      initiatives: [],
      indicators: [],
      endLine: line,
      grade: null,
    };
  }

  /** `### O1: Grow revenue @finance`: an @handle in the title names the owner. */
  private ownerIn(text: string, line: number, offset: number): OwnerRef | undefined {
    const m = OWNER_HANDLE.exec(text);
    if (!m) return undefined;
    const start = offset + m.index + m[0].indexOf("@");
    return { name: m[1], range: lineRange(line, start, start + m[1].length + 1) };
  }

  private attribute(a: AttributeNode): Attribute {
    return {
      key: a.key,
      value: a.lineText.slice(a.valueStart, a.valueEnd),
      keyRange: lineRange(a.line, a.keyStart, a.keyStart + a.key.length),
      valueRange: lineRange(a.line, a.valueStart, a.valueEnd),
    };
  }

  private objectiveAttribute(objective: Objective, a: Attribute): void {
    objective.attributes.push(a);
    const { startLine: line, startCharacter: character } = a.valueRange;
    switch (a.key.toLowerCase()) {
      case "owner":
        objective.owner = { name: ownerName(a.value), range: a.valueRange };
        break;
      case "type":
        objective.type = this.objectiveType(a) ?? objective.type;
        break;
      case "weight":
        objective.weight = this.weight(a) ?? objective.weight;
        break;
      case "aligns":
        // Loops, not `push(...links)`: a line of 200,000 links would overflow the call's arguments.
        for (const link of this.links(a.value, line, character)) objective.aligns.push(link);
        break;
      case "supports":
        for (const link of this.links(a.value, line, character)) objective.supports.push(link);
        break;
      case "due":
        objective.due = this.dateAttribute(a);
        break;
    }
  }

  private links(value: string, line: number, character: number) {
    const { links, errors } = parseLinks(value, line, character);
    for (const e of errors) this.problem("parse-error", e.message, e.range);
    return links;
  }

  private objectiveType(a: Attribute): Objective["type"] | undefined {
    const v = a.value.trim().toLowerCase();
    if (isOneOf(OBJECTIVE_TYPES, v)) return v;
    this.problem("invalid-value", `'${a.value}' is not an objective type. Use ${oneOf(OBJECTIVE_TYPES)}.`, a.valueRange);
    return undefined;
  }

  private weight(a: Attribute): number | undefined {
    const n = this.number(a);
    if (n === undefined) return undefined;
    if (n.amount < 0) {
      this.problem("invalid-value", `A weight cannot be negative (${n.raw}).`, a.valueRange);
      return undefined;
    }
    return n.percent ? n.amount / 100 : n.amount;
  }

  private number(a: Attribute): Value | undefined {
    const parsed = parseValue(a.value);
    if (!parsed.value || parsed.errors.length) {
      this.problem("invalid-value", `'${a.value}' is not a number (${a.key} expects one, like 44, $44M or 80%).`, a.valueRange);
      return undefined;
    }
    return this.value(parsed.value, a.valueRange.startLine, a.valueRange.startCharacter);
  }

  private dateAttribute(a: Attribute): DateRef | undefined {
    const parsed = parseDate(a.value);
    if (!parsed.date || parsed.errors.length) {
      this.problem("invalid-value", `'${a.value}' is not a date. Use 2027-03-31, Q1, end of Q2 or Mar 1.`, a.valueRange);
      return undefined;
    }
    return this.dateRef(parsed.date, a.valueRange.startLine, a.valueRange.startCharacter);
  }

  private value(n: NumberNode, line: number, offset: number): Value {
    return {
      amount: n.amount,
      raw: n.raw,
      currency: n.currency,
      percent: n.percent,
      unit: n.unit,
      range: lineRange(line, offset + n.start, offset + n.end),
    };
  }

  private optionalValue(n: NumberNode | undefined, line: number, offset: number): Value | undefined {
    return n ? this.value(n, line, offset) : undefined;
  }

  /** Resolves a written date to a day, choosing the year that puts it inside the period. */
  private dateRef(d: DateNode, line: number, offset: number): DateRef {
    const text = this.lines.slice(line, offset + d.start, offset + d.end);
    const r = lineRange(line, offset + d.start, offset + d.end);
    const day = this.resolveDate(d);
    if (day === undefined) this.problem("invalid-value", `'${text}' is not a real date.`, r);
    return { text, day, range: r };
  }

  private resolveDate(d: DateNode): Day | undefined {
    switch (d.kind) {
      case "iso":
        return dayFromIso(d.text);
      case "year":
        return dayFromParts(d.year, 12, 31);
      case "quarter": {
        const end = (year: number) => (d.half ? lastDayOfMonth(year, d.quarter * 6) : quarterBounds(year, d.quarter).end);
        if (d.quarter < 1 || d.quarter > (d.half ? 2 : 4)) return undefined;
        return d.year !== undefined ? end(d.year) : this.dayInPeriod(end);
      }
      case "month": {
        const make = (year: number) => (d.day === undefined ? lastDayOfMonth(year, d.month) : dayFromParts(year, d.month, d.day));
        return d.year !== undefined ? make(d.year) : this.dayInPeriod(make);
      }
    }
  }

  /** The day a date without a year falls on: in the period's year that puts it inside the period, else the first. */
  private dayInPeriod(make: (year: number) => Day | undefined): Day | undefined {
    const period = this.scorecard.period;
    let first: Day | undefined;
    for (const year of (this.candidateYears ??= candidateYears(period, this.scorecard.today))) {
      const day = make(year);
      if (day === undefined) continue;
      if (!period || (day >= period.start && day <= period.end)) return day;
      first ??= day;
    }
    return first;
  }

  // ── list items: key results, initiatives, indicators ───────────────────────

  private item(objective: Objective, item: ListItemNode): void {
    const { lineText } = item;
    ITEM_LABEL.lastIndex = item.textStart;
    const label = ITEM_LABEL.exec(lineText);
    const kind = label?.[2]?.toLowerCase();
    // Past the text's end are only blanks, which the label's trailing `\s*` may take.
    const textStart = Math.min(item.textStart + (label ? label[0].length : 0), item.textEnd);
    const text = lineText.slice(textStart, item.textEnd);
    if (kind === "initiative" || kind === "project" || kind === "action") {
      objective.initiatives.push({ kind: "initiative", text, range: lineRange(item.line, item.markerStart, item.textEnd) });
      return;
    }
    if (kind === "indicator") {
      objective.indicators.push({ kind: "indicator", text, range: lineRange(item.line, item.markerStart, item.textEnd) });
      return;
    }
    const labelText = label ? (label[1] ?? label[2]) : undefined;
    // A numbered label (`KR 2.1`) is `KR`, blanks and the number.
    const number = label?.[1]?.slice(2).trimStart();
    const kr = this.keyResult(objective, labelText, number, item, textStart, text);
    for (const child of item.children) this.keyResultChild(kr, child);
    this.finishKeyResult(kr);
    objective.keyResults.push(kr);
  }

  private keyResult(objective: Objective, label: string | undefined, number: string | undefined, item: ListItemNode, textStart: number, text: string): KeyResult {
    const line = item.line;
    const phrase = parseMetric(text);
    this.inlineErrors(phrase.errors, line, textStart);
    const kr: KeyResult = {
      label,
      id: number ? `KR${number}` : `KR${objective.keyResults.length + 1}`,
      labelRange: label ? lineRange(line, item.textStart, item.textStart + label.length) : undefined,
      text,
      textRange: lineRange(line, textStart, item.textEnd),
      range: lineRange(line, item.markerStart, item.textEnd),
      binary: false,
      checked: item.checked,
      baseline: this.optionalValue(phrase.baseline, line, textStart),
      target: this.optionalValue(phrase.target ?? phrase.bare[0], line, textStart),
      direction: phrase.stated ?? phrase.verb ?? "up",
      relative: this.optionalValue(phrase.relative, line, textStart),
      deadline: phrase.deadline ? this.dateRef(phrase.deadline, line, textStart) : undefined,
      current: this.optionalValue(phrase.current, line, textStart),
      owner: phrase.owners[0] && { name: phrase.owners[0].name, range: lineRange(line, textStart + phrase.owners[0].start, textStart + phrase.owners[0].end) },
      weight: 1,
      attributes: [],
      checkIns: [],
      hasNumber: !!(phrase.baseline || phrase.target || phrase.relative || phrase.current || phrase.bare.length),
      objective,
      grade: null,
    };
    // An explicit direction word wins; else the verb decides when the numbers cannot.
    if (phrase.stated === undefined && phrase.verb) kr.direction = phrase.verb;
    return kr;
  }

  private inlineErrors(errors: InlineError[], line: number, offset: number): void {
    for (const e of errors) this.problem("parse-error", e.message, lineRange(line, offset + e.start, offset + e.end));
  }

  private keyResultChild(kr: KeyResult, child: ListItemNode): void {
    const { lineText } = child;
    const first = lineText.charCodeAt(child.textStart);
    // Only a text that starts with a digit can be a check-in: the others are not cut out for the pattern.
    const checkIn = isDigit(first) ? CHECK_IN.exec(lineText.slice(child.textStart, child.textEnd)) : null;
    if (checkIn) {
      const day = dayFromIso(checkIn[1]);
      if (day === undefined) {
        this.problem("invalid-value", `'${checkIn[1]}' is not a real date.`, lineRange(child.line, child.textStart, child.textStart + 10));
        return;
      }
      const valueStart = child.textStart + checkIn[0].length;
      const parsed = parseValue(lineText.slice(valueStart, child.textEnd));
      if (!parsed.value) {
        this.inlineErrors(parsed.errors.slice(0, 1), child.line, valueStart);
        return;
      }
      const value = this.value(parsed.value, child.line, valueStart);
      const note = lineText.slice(valueStart + parsed.value.end, child.textEnd).trim();
      kr.checkIns.push({ day, value, note, range: lineRange(child.line, child.markerStart, child.textEnd) });
      return;
    }
    const keyEnd = attributeKeyEnd(lineText, child.textStart, child.textEnd);
    if (keyEnd < 0) return; // a note under the key result
    const valueStart = attributeValueStart(lineText, keyEnd, child.textEnd);
    const a: Attribute = {
      key: lineText.slice(child.textStart, keyEnd),
      value: lineText.slice(valueStart, child.textEnd),
      keyRange: lineRange(child.line, child.textStart, keyEnd),
      valueRange: lineRange(child.line, valueStart, child.textEnd),
    };
    kr.attributes.push(a);
    this.keyResultAttribute(kr, a);
  }

  private keyResultAttribute(kr: KeyResult, a: Attribute): void {
    switch (a.key.toLowerCase()) {
      case "current":
        kr.current = this.number(a) ?? kr.current;
        break;
      case "baseline":
        kr.baseline = this.number(a) ?? kr.baseline;
        break;
      case "target":
        kr.target = this.number(a) ?? kr.target;
        break;
      case "owner":
        kr.owner = { name: ownerName(a.value), range: a.valueRange };
        break;
      case "confidence":
        kr.confidence = this.fraction(a, true) ?? kr.confidence;
        break;
      case "score":
        kr.score = this.fraction(a, false) ?? kr.score;
        break;
      case "weight":
        kr.weight = this.weight(a) ?? kr.weight;
        break;
      case "due":
        kr.deadline = this.dateAttribute(a) ?? kr.deadline;
        break;
      case "indicator": {
        const v = a.value.trim().toLowerCase();
        if (isOneOf(INDICATOR_TYPES, v)) kr.indicator = v;
        else this.problem("invalid-value", `'${a.value}' is not an indicator type. Use ${oneOf(INDICATOR_TYPES)}.`, a.valueRange);
        break;
      }
      case "unit":
        kr.unit = a.value.trim();
        break;
      case "type":
        this.objectiveType(a);
        break;
    }
  }

  /** A 0–1 fraction; confidence also reads 0–10 and percentages (spec §1.6). */
  private fraction(a: Attribute, allowTenScale: boolean): number | undefined {
    const n = this.number(a);
    if (n === undefined) return undefined;
    let f = n.percent ? n.amount / 100 : n.amount;
    if (allowTenScale && !n.percent && f > 1 && f <= 10) f = f / 10;
    if (f < 0 || f > 1) {
      const scale = allowTenScale ? "0–1, 0–10 or 0–100%" : "0.0–1.0";
      this.problem("invalid-value", `${a.key} must be within ${scale}; '${a.value.trim()}' is not.`, a.valueRange);
      return undefined;
    }
    return f;
  }

  private finishKeyResult(kr: KeyResult): void {
    // Check-ins are mostly written in order; a sort of even one or two items makes garbage.
    if (!inDayOrder(kr.checkIns)) kr.checkIns.sort((a, b) => a.day - b.day);
    const last = kr.checkIns[kr.checkIns.length - 1];
    if (!kr.current && last) kr.current = last.value;
    kr.hasNumber ||= !!(kr.target || kr.baseline);
    kr.binary = kr.checked !== undefined && !kr.target && !kr.relative;
    if (kr.baseline && kr.target && kr.baseline.amount !== kr.target.amount) {
      kr.direction = kr.target.amount > kr.baseline.amount ? "up" : "down";
    }
  }

  // ── tables (spec §1.7) ──────────────────────────────────────────────────────

  private table(node: TableNode, objectives: TableObjective[]): void {
    const columns = tableColumns(node);
    if (columns.objective === undefined) return; // an ordinary table
    let perspectiveName: string | undefined;
    for (const row of node.rows) {
      const cell = (column: number | undefined) => (column === undefined ? undefined : row.cells[column]);
      const p = cell(columns.perspective);
      if (p && p.text) perspectiveName = p.text;
      const o = cell(columns.objective);
      if (!o || !o.text) continue;
      const label = OBJECTIVE_LABEL.exec(o.text);
      const objective = this.newObjective(
        o.text,
        label?.[1],
        label ? o.text.slice(label[0].length).trim() : o.text,
        row.line,
        o.start,
        o.start + (label ? label[0].length : 0),
        o.end,
        "table",
        0,
      );
      objective.owner = this.ownerIn(o.text, row.line, o.start);
      const measures = splitCell(cell(columns.measure));
      const targets = splitCell(cell(columns.target));
      const currents = splitCell(cell(columns.current));
      measures.forEach((m, i) => {
        const kr = this.tableKeyResult(objective, row.line, m, targets[i] ?? (measures.length === 1 ? targets[0] : undefined), currents[i]);
        objective.keyResults.push(kr);
      });
      for (const part of splitCell(cell(columns.initiative))) objective.initiatives.push({ kind: "initiative", text: part.text, range: lineRange(row.line, part.start, part.end) });
      for (const part of splitCell(cell(columns.indicator))) objective.indicators.push({ kind: "indicator", text: part.text, range: lineRange(row.line, part.start, part.end) });
      const perspective =
        perspectiveName === undefined
          ? undefined
          : { name: this.perspectiveNames.get(normalisePerspective(perspectiveName)) ?? perspectiveName, text: perspectiveName, cell: p && p.text ? { start: p.start, end: p.end } : undefined };
      objectives.push({ objective, perspective });
    }
  }

  private tablePerspective({ name, text, cell }: TablePerspective, line: number): Perspective {
    let perspective = this.perspectives.get(name);
    if (!perspective) {
      const r = cell ? lineRange(line, cell.start, cell.end) : lineRange(line, 0, 0);
      perspective = { name, headingText: text, range: r, nameRange: r, level: 0, objectives: [], endLine: line, grade: null };
      this.perspectives.set(name, perspective);
    }
    return perspective;
  }

  private tableKeyResult(objective: Objective, line: number, measure: Part, target: Part | undefined, current: Part | undefined): KeyResult {
    const item: ListItemNode = { line, lineText: this.lines.line(line), markerStart: measure.start, textStart: measure.start, textEnd: measure.end, children: [], endLine: line };
    const kr = this.keyResult(objective, undefined, undefined, item, measure.start, measure.text);
    if (target) {
      const phrase = parseMetric(target.text);
      this.inlineErrors(phrase.errors, line, target.start);
      const t = phrase.target ?? phrase.bare[phrase.bare.length - 1];
      if (t) kr.target = this.value(t, line, target.start);
      if (phrase.baseline) kr.baseline = this.value(phrase.baseline, line, target.start);
      if (phrase.relative) kr.relative = this.value(phrase.relative, line, target.start);
      if (phrase.deadline) kr.deadline = this.dateRef(phrase.deadline, line, target.start);
      if (phrase.stated) kr.direction = phrase.stated;
      kr.hasNumber ||= !!(t || phrase.relative);
    }
    if (current) {
      const parsed = parseValue(current.text);
      if (parsed.value) kr.current = this.value(parsed.value, line, current.start);
      else this.problem("invalid-value", `'${current.text}' is not a number.`, lineRange(line, current.start, current.end));
    }
    this.finishKeyResult(kr);
    return kr;
  }
}

interface Part {
  text: string;
  start: number;
  end: number;
}

const COLUMN_NAMES: Record<string, keyof TableColumns> = {
  perspective: "perspective",
  perspectives: "perspective",
  objective: "objective",
  objectives: "objective",
  measure: "measure",
  measures: "measure",
  "key result": "measure",
  "key results": "measure",
  kr: "measure",
  krs: "measure",
  kpi: "measure",
  kpis: "measure",
  target: "target",
  targets: "target",
  initiative: "initiative",
  initiatives: "initiative",
  indicator: "indicator",
  indicators: "indicator",
  current: "current",
};

interface TableColumns {
  perspective?: number;
  objective?: number;
  measure?: number;
  target?: number;
  initiative?: number;
  indicator?: number;
  current?: number;
}

function tableColumns(node: TableNode): TableColumns {
  const columns: TableColumns = {};
  node.header.cells.forEach((cell, i) => {
    const key = COLUMN_NAMES[cell.text.toLowerCase().replace(/[*_`]/g, "").replace(/\(s\)$/, "s").trim()];
    if (key && columns[key] === undefined) columns[key] = i;
  });
  return columns;
}

/** Cells hold several entries separated by `<br>` or `;`. */
function splitCell(cell: Part | undefined): Part[] {
  if (!cell || !cell.text) return [];
  const parts: Part[] = [];
  const pattern = /<br\s*\/?>|;/gi;
  let start = 0;
  const push = (end: number) => {
    const raw = cell.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) parts.push({ text, start: cell.start + start + lead, end: cell.start + start + lead + text.length });
  };
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(cell.text))) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(cell.text.length);
  return parts;
}

/**
 * Whether placing the section did more than place its own: its heading is the title or first names
 * a perspective, or a row of it first names one (the perspective then holds its heading's text and ranges).
 */
function placesMore(section: Section, scorecard: Scorecard): boolean {
  const perspective = (name: string) => scorecard.perspectives.find((p) => p.name === name);
  if (section.heading && (section.heading.range === scorecard.titleRange || (section.perspective && perspective(section.perspective)?.nameRange === section.heading.range))) return true;
  return section.tableObjectives.some((row) => {
    const named = row.perspective && perspective(row.perspective.name);
    // A row's perspective has one range for both: its cell, on the row's line.
    return named !== undefined && named.range === named.nameRange && named.range.startLine === row.objective.range.startLine;
  });
}

/**
 * A copy of `list` with the items of a run of sections (at `lines`), `olds`, replaced by `news`;
 * undefined unless `olds` are all the list's items on those lines. The list is in line order from
 * `from` on (each section's items lie in its lines), so they are found by a binary search.
 */
function spliceRun<T>(list: readonly T[], olds: readonly T[], news: readonly T[], lineOf: (item: T) => number, lines: { start: number; end: number }, from = 0): T[] | undefined {
  const at = firstAtLine(list, lineOf, lines.start, from);
  for (let k = 0; k < olds.length; k++) if (list[at + k] !== olds[k]) return undefined;
  const after = at + olds.length;
  if (after < list.length && lineOf(list[after]) < lines.end) return undefined;
  return replacing(list, at, olds.length, news);
}

/**
 * The last line of a perspective that ended at `end` with an objective ending at `oldEnd` replaced
 * by one ending at `newEnd` (all in this version's lines): the most of the lines that end it (its
 * objectives', the line before what closed it). Undefined when the old one ended it and the new one
 * ends earlier (which line ends it then is not known here), or when a line is not known.
 */
function perspectiveEnd(end: number | undefined, oldEnd: number | undefined, newEnd: number): number | undefined {
  if (end === undefined || oldEnd === undefined) return undefined;
  if (oldEnd < end) return Math.max(end, newEnd);
  return newEnd >= oldEnd ? newEnd : undefined;
}

/** A copy of a text that refers to nothing of the string it was cut from: the concatenation is made flat, and the cut is of that. */
function ownCopy(text: string): string {
  return (text + " ").slice(0, -1);
}

/** Whether an objective label has a number (`O1`, `Objective 2`; `Objective:` has none). */
function isNumbered(label: string | undefined): boolean {
  return label !== undefined && DIGIT.test(label);
}

function inDayOrder(checkIns: readonly CheckIn[]): boolean {
  for (let i = 1; i < checkIns.length; i++) if (checkIns[i - 1].day > checkIns[i].day) return false;
  return true;
}

/** The number of an objective label (`O1.2` → `1.2`); `Objective:` has none. */
function labelNumber(label: string | undefined): string | undefined {
  return label ? LABEL_NUMBER.exec(label)?.[1] : undefined;
}

/** `"@dana"`, `'@dana'`, `@dana`, `dana` → `dana` (YAML habits carry over into attributes). */
function ownerName(value: string): string {
  let name = value.trim();
  const first = name.charCodeAt(0);
  // Read by character: an owner is on most objectives and key results, and two replaces made four strings.
  if (name.length >= 2 && (first === Char.DoubleQuote || first === Char.Apostrophe) && name.charCodeAt(name.length - 1) === first && !LINE_SEPARATOR.test(name)) {
    name = name.slice(1, -1);
  }
  return name.charCodeAt(0) === Char.At ? name.slice(1) : name;
}

export function normalisePerspective(text: string): string {
  return text
    .toLowerCase()
    .replace(AMPERSAND, " and ")
    .replace(EMPHASIS_OR_COLON, "")
    .replace(PERSPECTIVE_WORD, "")
    .replace(BLANKS, " ")
    .trim();
}

function perspectiveMatcher(vocabulary: Record<string, string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [canonical, synonyms] of Object.entries(vocabulary)) {
    map.set(normalisePerspective(canonical), canonical);
    for (const s of synonyms) map.set(normalisePerspective(s), canonical);
  }
  return map;
}

function candidateYears(period: Period | undefined, today: Day): number[] {
  if (!period) return [yearOfDay(today)];
  const a = yearOfDay(period.start);
  const b = yearOfDay(period.end);
  return a === b ? [a] : [a, b];
}

import { CommentNode } from "../syntax/blockTree";
import { isHeadingLine } from "../syntax/blockLexer";
import { ChangedRegion } from "../text/changes";
import { LineIndex } from "../text/lines";
import { Range, shiftRanges } from "../text/positions";
import { Objective, OtherHeading, ReadProblem } from "./scorecard";

/**
 * A section is a heading and the lines up to the next one; the first section starts after the
 * front matter. It is the unit of incremental analysis: the lexer's state is reset by every heading,
 * so what a section reads to depends on its own text only (and on the document's settings: the
 * front matter, the configuration and the date). After an edit, sections whose text did not change
 * are taken over from the previous version, moved to their new lines; only the edited one is read.
 */
export interface Section {
  /** The section's text, line breaks included: the key it is reused by. */
  text: string;
  /** First line, and the line after the last. */
  start: number;
  end: number;
  /**
   * The heading on the first line when it opens no objective: the title, a perspective or another
   * heading, as its place in the document decides. Made when the section is read, its range moves
   * with the section: placing the section again on every edit makes nothing.
   */
  heading?: OtherHeading;
  /** The perspective that heading names, if any. */
  perspective?: string;
  /** The objective the heading opens, if it is one. */
  objective?: Objective;
  /** Objectives read from the rows of its tables, with the perspective each row names. */
  tableObjectives: readonly TableObjective[];
  problems: readonly ReadProblem[];
  comments: readonly CommentNode[];
  /** Every range made while the section was read or checked, to move them with it. */
  ranges: Range[];
  /** How many of `ranges` were made while reading it; those after are its last check's. */
  readRanges: number;
  /** False when its reading looked at later text (an unclosed `<!--`): it is never reused. */
  reusable: boolean;
  /**
   * When an objective of it has no number (its id then depends on the objectives above), how many
   * objectives were above it when it was numbered; undefined when all have a number.
   */
  numberedFrom: number | undefined;
}

/** An objective read from a table row, with the perspective the row names. */
export interface TableObjective {
  objective: Objective;
  perspective?: TablePerspective;
}

/** The perspective a table row names: its name (canonical when known), as written, and where. */
export interface TablePerspective {
  name: string;
  text: string;
  cell?: { start: number; end: number };
}

/**
 * The array cut to size. Arrays grown by `push` keep spare room (V8 gives a one-element array 17
 * slots); a big model has tens of thousands of small ones, about a tenth of its memory. An empty
 * one holds no room: most are, and copying them was garbage.
 */
export function fitted<T>(items: T[]): T[] {
  return items.length === 0 ? items : items.slice();
}

/**
 * A copy of `list` with the `count` items at `at` replaced by `items`, made in one allocation: a
 * spread of the pieces made three arrays, and every keystroke copies lists of thousands this way.
 */
export function replacing<T>(list: readonly T[], at: number, count: number, items: readonly T[]): T[] {
  if (items.length === count) {
    const copy = list.slice();
    for (let k = 0; k < count; k++) copy[at + k] = items[k];
    return copy;
  }
  const copy = new Array<T>(list.length - count + items.length);
  let i = 0;
  for (let k = 0; k < at; k++) copy[i++] = list[k];
  for (const item of items) copy[i++] = item;
  for (let k = at + count; k < list.length; k++) copy[i++] = list[k];
  return copy;
}

const NO_ITEMS: readonly never[] = [];

/**
 * A section's list cut to size, or the one empty list all its empty ones are: every edit walks the
 * sections' lists, and reading thousands of empty arrays, each elsewhere in memory, was half the
 * time of placing the sections. Read-only, so that nothing adds to the shared one (frozen, `for…of`
 * over it is eight times slower).
 */
function sectionList<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? NO_ITEMS : items.slice();
}

/** Cuts a section's arrays, and those of its objectives, to size once it is read. */
export function fitSection(section: Section): void {
  section.problems = sectionList(section.problems);
  section.comments = sectionList(section.comments);
  section.tableObjectives = sectionList(section.tableObjectives);
  section.ranges = fitted(section.ranges);
  section.readRanges = section.ranges.length;
  for (const o of sectionObjectives(section)) {
    o.attributes = fitted(o.attributes);
    o.aligns = fitted(o.aligns);
    o.supports = fitted(o.supports);
    o.keyResults = fitted(o.keyResults);
    o.initiatives = fitted(o.initiatives);
    o.indicators = fitted(o.indicators);
    for (const kr of o.keyResults) {
      kr.attributes = fitted(kr.attributes);
      kr.checkIns = fitted(kr.checkIns);
    }
  }
}

/** The objectives read from a section, in document order. */
export function sectionObjectives(section: Section): Objective[] {
  const objectives = section.objective ? [section.objective] : [];
  for (const row of section.tableObjectives) objectives.push(row.objective);
  return objectives;
}

/** The text of lines [start, end). */
export function sectionText(lines: LineIndex, start: number, end: number): string {
  return lines.cut(lines.lineStart(start), end < lines.lineCount ? lines.lineStart(end) : lines.length);
}

/** The first heading line after `line`, or the line count. */
export function nextHeading(lines: LineIndex, line: number): number {
  for (let i = line + 1; i < lines.lineCount; i++) if (isHeadingLine(lines.line(i))) return i;
  return lines.lineCount;
}

/**
 * The sections of a previous version, to take over those whose text is unchanged. They are tried
 * in order first (an edit leaves the sections around it in place, just moved), then where the
 * change says the text at this line was before, then by text.
 */
export class SectionIndex {
  /** The next section in order, and how far past it to look after an edited one. */
  private next = 0;
  private static readonly LOOKAHEAD = 4;
  /** Section text → indexes of the sections with that text. */
  private byText: Map<string, number[]> | undefined;
  /** Which sections are taken, by index (typed: a keystroke in a big file should allocate little). */
  private readonly taken: Uint8Array;

  /** `lines` are the previous version's; `change` says where the new text differs, when known. */
  constructor(
    private readonly sections: readonly Section[],
    private readonly lines: LineIndex,
    private readonly change?: ChangedRegion,
  ) {
    this.taken = new Uint8Array(sections.length);
  }

  /** The sections before index `from` are kept as they are, by the one who asks: they are taken. */
  keep(from: number): void {
    this.taken.fill(1, 0, from);
    this.next = from;
  }

  /** A previous section that reads the same at this line of the new text, if there is one. */
  take(lines: LineIndex, line: number): Section | undefined {
    const last = Math.min(this.sections.length, this.next + SectionIndex.LOOKAHEAD);
    for (let k = this.next; k < last; k++) if (this.fits(k, lines, line)) return this.claim(k);
    // More sections changed than the lookahead covers, or moved: find it and go on from there.
    const offset = lines.lineStart(line);
    const before = this.change && this.offsetBefore(offset);
    if (before !== undefined) {
      const k = this.startingAt(before);
      return k !== undefined && this.fits(k, lines, line) ? this.claim(k) : undefined;
    }
    const text = sectionText(lines, line, nextHeading(lines, line));
    // With a known change, only text it inserted can be a section moved from elsewhere (cut and paste).
    if (this.change && (offset < this.change.start || offset + text.length > this.change.newEnd)) return undefined;
    const same = this.textIndex().get(text);
    const k = same?.find((i) => this.fits(i, lines, line));
    return k === undefined ? undefined : this.claim(k);
  }

  /** Where this offset of the new text was in the previous one, if the change did not make it. */
  private offsetBefore(offset: number): number | undefined {
    const { start, oldEnd, newEnd } = this.change!;
    return offset < start ? offset : offset >= newEnd ? offset - newEnd + oldEnd : undefined;
  }

  /** The section that started at this offset of the previous text (they are in order). */
  private startingAt(offset: number): number | undefined {
    let lo = 0;
    let hi = this.sections.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.lines.lineStart(this.sections[mid].start);
      if (at === offset) return mid;
      if (at < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private fits(k: number, lines: LineIndex, line: number): boolean {
    const section = this.sections[k];
    if (!section.reusable || this.taken[k]) return false;
    return this.untouchedAt(section) === lines.lineStart(line) || startsHere(section, lines, line);
  }

  /**
   * Where the section is in the new text if the change left it and the heading that ends it alone;
   * undefined if they may have changed (then its text is compared).
   */
  private untouchedAt(section: Section): number | undefined {
    if (!this.change) return undefined;
    const { start, oldEnd, newEnd } = this.change;
    const offset = this.lines.lineStart(section.start);
    if (offset >= oldEnd) return offset + newEnd - oldEnd;
    return endsBefore(section, this.lines, start) ? offset : undefined;
  }

  private claim(k: number): Section {
    this.next = k + 1;
    this.taken[k] = 1;
    return this.sections[k];
  }

  private textIndex(): Map<string, number[]> {
    if (!this.byText) {
      const byText = new Map<string, number[]>();
      this.sections.forEach((s, i) => {
        const same = byText.get(s.text);
        if (same) same.push(i);
        else byText.set(s.text, [i]);
      });
      this.byText = byText;
    }
    return this.byText;
  }
}

/**
 * Whether the section and the heading that ends it, its line break included, lie before `offset` of
 * their text (a section at the end of the text is never told so, it is compared). Told by the line
 * starts alone: reading the text to find where the heading's line break starts was over a third of
 * the time of taking the sections over.
 */
function endsBefore(section: Section, lines: LineIndex, offset: number): boolean {
  return section.end + 1 < lines.lineCount && lines.lineStart(section.end + 1) <= offset;
}

/**
 * The run of a previous version's sections that a change may have touched, as indexes [from, to):
 * those before `from` end, with the heading after them, before the change starts; those from `to`
 * on start where it ends or after.
 */
export function touchedSections(sections: readonly Section[], lines: LineIndex, change: ChangedRegion): { from: number; to: number } {
  const from = firstIndex(sections, 0, (s) => !endsBefore(s, lines, change.start));
  return { from, to: firstIndex(sections, from, (s) => lines.lineStart(s.start) >= change.oldEnd) };
}

/** The first index from `from` on whose item is `past`, or the length (`past` holds from some index on). */
function firstIndex<T>(items: readonly T[], from: number, past: (item: T) => boolean): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the first item, from `from` on, on `line` or after (the items are in line order). */
export function firstAtLine<T>(items: readonly T[], lineOf: (item: T) => number, line: number, from = 0): number {
  return firstIndex(items, from, (item) => lineOf(item) >= line);
}

/**
 * Whether two sections take the same place in the document: the same lines, a heading of the same
 * level naming the same perspective (or none), an objective of the same level, table rows on the
 * same lines naming the same perspectives. With the same sections around them, they open and close
 * the same perspectives and leave the same objectives above the next. `moved`: where a line of
 * `a`'s version is in `b`'s, when an edit added or removed lines.
 */
export function placedAlike(a: Section, b: Section, moved: (line: number) => number | undefined = (line) => line): boolean {
  if (moved(a.start) !== b.start || moved(a.end) !== b.end || a.heading?.level !== b.heading?.level || a.perspective !== b.perspective) return false;
  if (a.objective ? !b.objective || a.objective.level !== b.objective.level : b.objective) return false;
  if (a.tableObjectives.length !== b.tableObjectives.length) return false;
  return a.tableObjectives.every(
    (row, i) => moved(row.objective.range.startLine) === b.tableObjectives[i].objective.range.startLine && row.perspective?.name === b.tableObjectives[i].perspective?.name,
  );
}

/**
 * Whether the new text holds the section's text at this line, followed by a heading or the end. Read
 * from the same state (a section start), the same text reads the same and ends where it ended before.
 */
function startsHere(section: Section, lines: LineIndex, line: number): boolean {
  const offset = lines.lineStart(line);
  const after = offset + section.text.length;
  // Not `startsWith`: V8 compares that character by character, `===` of a slice with memcmp (15× faster).
  if (lines.cut(offset, after) !== section.text) return false;
  const end = line + section.end - section.start;
  if (end >= lines.lineCount) return after === lines.length;
  return lines.lineStart(end) === after && isHeadingLine(lines.line(end));
}

/** Moves a reused section (and everything read from it) so that it starts at `line`. */
export function moveSection(section: Section, line: number): void {
  const delta = line - section.start;
  if (delta === 0) return;
  shiftRanges(section.ranges, delta);
  if (section.objective) section.objective.endLine += delta;
  for (const { objective } of section.tableObjectives) objective.endLine += delta;
  for (const c of section.comments) c.line += delta;
  section.start += delta;
  section.end += delta;
}

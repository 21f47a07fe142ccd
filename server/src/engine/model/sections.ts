import { CommentNode } from "../syntax/blockTree";
import { isHeadingLine } from "../syntax/blockLexer";
import { Position, shiftPositions } from "../text/positions";
import { Objective, ReadProblem } from "./scorecard";

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
  /** The heading on the first line (none for a first section without one). */
  heading?: { level: number; textStart: number; textEnd: number };
  /** The objective the heading opens, if it is one. */
  objective?: Objective;
  /** Objectives read from the rows of its tables, with the perspective each row names. */
  tableObjectives: { objective: Objective; perspective?: { name: string; cell?: { start: number; end: number } } }[];
  problems: ReadProblem[];
  comments: CommentNode[];
  /** Every position made while the section was read or checked, to move them with it. */
  positions: Position[];
  /** False when its reading looked at later text (an unclosed `<!--`): it is never reused. */
  reusable: boolean;
}

/** The objectives read from a section, in document order. */
export function sectionObjectives(section: Section): Objective[] {
  const objectives = section.tableObjectives.map((row) => row.objective);
  return section.objective ? [section.objective, ...objectives] : objectives;
}

/** The text of lines [start, end). */
export function sectionText(text: string, offsets: readonly number[], start: number, end: number): string {
  return text.slice(offsets[start], end < offsets.length ? offsets[end] : text.length);
}

/** The first heading line after `line`, or the line count. */
export function nextHeading(lines: readonly string[], line: number): number {
  for (let i = line + 1; i < lines.length; i++) if (isHeadingLine(lines[i])) return i;
  return lines.length;
}

/** The sections of a previous version, by text; each can be taken once. */
export class SectionIndex {
  private readonly byText = new Map<string, Section[]>();

  constructor(sections: readonly Section[]) {
    for (const s of sections) {
      if (!s.reusable) continue;
      const same = this.byText.get(s.text);
      if (same) same.push(s);
      else this.byText.set(s.text, [s]);
    }
  }

  take(text: string): Section | undefined {
    return this.byText.get(text)?.shift();
  }
}

/** Moves a reused section (and everything read from it) so that it starts at `line`. */
export function moveSection(section: Section, line: number): void {
  const delta = line - section.start;
  if (delta === 0) return;
  shiftPositions(section.positions, delta);
  if (section.objective) section.objective.endLine += delta;
  for (const { objective } of section.tableObjectives) objective.endLine += delta;
  for (const c of section.comments) c.line += delta;
  section.start += delta;
  section.end += delta;
}

import { EmbeddedActionsParser, IOrAlt } from "chevrotain";
import * as B from "./blockTokens";
import { AttributeNode, BlockNode, HeadingNode, ListItemNode, ObjectiveNode, TableNode, TableRowNode } from "./blockTree";

/**
 * The block grammar (spec §1.2–1.4, §1.7) over the line tokens of one section (a heading and the
 * lines up to the next one; the front matter is read before):
 *
 *   section   := (objective | Heading | table | stray)*
 *   objective := ObjectiveHeading (Attribute | Paragraph)* (item | Paragraph | Attribute)*
 *   item      := ListItem NestedItem*
 *   table     := TableRow TableDelimiter TableRow*
 *
 * Markdown accepts any text, so this grammar never rejects a line: text that fits no construct is
 * prose. What it adds is structure: which attributes and items belong to which objective.
 */
class BlockParser extends EmbeddedActionsParser {
  constructor() {
    super(B.blockTokenTypes, { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  // What the rules are building is kept on the parser, so that each OR's alternatives are made once
  // (on first use) instead of for every line: a megabyte of text has 36,000 lines. No rule is
  // re-entered while it builds (an objective holds items, never objectives).
  private blocks: BlockNode[] = [];
  private openObjective?: ObjectiveNode;
  private openItem?: ListItemNode;
  private sectionAlternatives?: IOrAlt<void>[];
  private objectiveAlternatives?: IOrAlt<void>[];

  section = this.RULE("section", (): BlockNode[] => {
    const blocks: BlockNode[] = (this.blocks = []);
    this.MANY(() => {
      this.OR(
        (this.sectionAlternatives ??= [
          {
            ALT: () => {
              const objective = this.SUBRULE(this.objective);
              this.ACTION(() => this.blocks.push(objective));
            },
          },
          {
            ALT: () => {
              const heading = this.CONSUME(B.Heading) as B.LineToken<HeadingNode>;
              this.ACTION(() => this.blocks.push(heading.node));
            },
          },
          {
            ALT: () => {
              const table = this.SUBRULE(this.table);
              this.ACTION(() => this.blocks.push(table));
            },
          },
          // Outside an objective, lists, attributes and paragraphs are prose.
          { ALT: () => this.SUBRULE(this.item) },
          { ALT: () => this.CONSUME(B.NestedItem) },
          { ALT: () => this.CONSUME(B.Attribute) },
          { ALT: () => this.CONSUME(B.Paragraph) },
          { ALT: () => this.CONSUME(B.TableDelimiter) },
        ]),
      );
    });
    return blocks;
  });

  objective = this.RULE("objective", (): ObjectiveNode => {
    const heading = this.CONSUME(B.ObjectiveHeading) as B.LineToken<HeadingNode>;
    const objective: ObjectiveNode = { kind: "objective", heading: heading.node, attributes: [], items: [], endLine: heading.startOffset };
    this.openObjective = objective;
    this.MANY(() => {
      this.OR(
        (this.objectiveAlternatives ??= [
          {
            ALT: () => {
              const attribute = this.CONSUME(B.Attribute) as B.LineToken<AttributeNode>;
              this.ACTION(() => {
                const open = this.openObjective!;
                open.endLine = attribute.startOffset;
                // Attributes belong to the objective only before its first list item (spec §1.3).
                if (open.items.length === 0) open.attributes.push(attribute.node);
              });
            },
          },
          {
            ALT: () => {
              const paragraph = this.CONSUME(B.Paragraph);
              this.ACTION(() => (this.openObjective!.endLine = paragraph.startOffset));
            },
          },
          {
            ALT: () => {
              const item = this.SUBRULE(this.item);
              this.ACTION(() => {
                this.openObjective!.items.push(item);
                this.openObjective!.endLine = item.endLine;
              });
            },
          },
        ]),
      );
    });
    return objective;
  });

  item = this.RULE("item", (): ListItemNode => {
    const token = this.CONSUME(B.ListItem) as B.LineToken<ListItemNode>;
    this.openItem = token.node;
    this.MANY(this.nestedItem);
    return token.node;
  });

  private nestedItem = () => {
    const nested = this.CONSUME(B.NestedItem) as B.LineToken<ListItemNode>;
    this.ACTION(() => {
      // Only direct children matter (attributes, check-ins); deeper ones are notes.
      const item = this.openItem!;
      if (item.children.length === 0 || nested.node.markerStart <= item.children[0].markerStart) item.children.push(nested.node);
      item.endLine = nested.startOffset;
    });
  };

  table = this.RULE("table", (): TableNode => {
    const header = this.CONSUME(B.TableRow) as B.LineToken<TableRowNode>;
    this.CONSUME(B.TableDelimiter);
    const rows: TableRowNode[] = [];
    this.MANY(() => {
      const row = this.CONSUME2(B.TableRow) as B.LineToken<TableRowNode>;
      this.ACTION(() => rows.push(row.node));
    });
    return { kind: "table", header: header.node, rows };
  });
}

const parser = new BlockParser();

export function parseBlocks(tokens: B.LineToken[]): BlockNode[] {
  parser.input = tokens;
  return parser.section() ?? [];
}

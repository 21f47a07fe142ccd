/** Where the rules are documented: one page per code. Imported by the CLI, the server and the client. */
export const REPOSITORY_URL = "https://github.com/okr-md/okr-md";

/** The documentation page of a rule (docs/rules/<code>.md). */
export function ruleDocUrl(code: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${code}.md`;
}

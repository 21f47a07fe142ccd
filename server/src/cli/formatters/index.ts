import { formatGithub } from "./github";
import { formatJson } from "./json";
import { formatSarif } from "./sarif";
import { formatStylish } from "./stylish";
import { Formatter } from "./types";

export type { Formatter, FormatContext, LintResult } from "./types";

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

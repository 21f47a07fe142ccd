import { Diagnostic } from "../../engine";
import { Palette } from "../color";

/** The diagnostics of one linted file. */
export interface LintResult {
  /** The path as given on the command line (or found below a given directory), relative to cwd when it was. */
  file: string;
  uri: string;
  diagnostics: Diagnostic[];
}

export interface FormatContext {
  cwd: string;
  color: Palette;
  /** The CLI version, for SARIF's tool.driver. */
  version: string;
  /** Maps a document URI (of a related location) to a display path. */
  displayPath(uri: string): string;
}

/** Turns lint results into the text written to stdout ("" for nothing). */
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;

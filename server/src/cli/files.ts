import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { CliError } from "./io";

export const OKR_EXTENSION = ".okr.md";

export interface InputFile {
  /** The path to show: as given, or the given directory joined with the path found below it. */
  display: string;
  absolute: string;
}

/**
 * Expands the command-line paths: a file is taken as is (whatever its name), a directory contributes
 * every `*.okr.md` below it (sorted; skipping node_modules and dot-directories). Duplicates are
 * dropped. A path that does not exist is a CliError (exit 2).
 */
export function collectFiles(paths: readonly string[], cwd: string): InputFile[] {
  const seen = new Set<string>();
  const files: InputFile[] = [];
  const add = (display: string, absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ display, absolute });
  };
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (e) {
      throw new CliError(`cannot read ${given}: ${describeError(e)}`);
    }
    if (stats.isDirectory()) {
      for (const rel of walk(absolute)) add(given === "." ? rel : join(given, rel), join(absolute, rel));
    } else {
      add(given, absolute);
    }
  }
  return files;
}

function walk(root: string): string[] {
  const found: string[] = [];
  const visit = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch (e) {
      throw new CliError(`cannot read directory ${join(root, rel)}: ${describeError(e)}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = rel ? join(rel, entry.name) : entry.name;
      if (entry.isDirectory()) {
        if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
        visit(path);
      } else if (entry.name.endsWith(OKR_EXTENSION) && (entry.isFile() || isFileLink(join(root, path)))) {
        found.push(path);
      }
    }
  };
  visit("");
  return found;
}

function isFileLink(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    default:
      return err?.code ?? String(err?.message ?? e);
  }
}

/**
 * The Node file-system host shared by the CLI and the language server: reads `.okr.md` files from
 * disk and finds the configuration for each one (defaults ← base layer ← nearest `.okrrc.json`;
 * front matter is laid on top by the engine itself).
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, join, parse, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigLayer, Day, OkrConfig, WorkspaceHost, allRules, defaultConfig, mergeConfig, normaliseSetting, DEFAULT_LIMITS } from "../engine";

export const CONFIG_FILE_NAME = ".okrrc.json";

/** Something wrong in a `.okrrc.json`: `error` when the file cannot be used at all, `warning` for a skipped value. */
export interface ConfigProblem {
  file: string;
  severity: "error" | "warning";
  message: string;
}

/** A `.okrrc.json` as read: the layer to merge (empty when the file is unusable) and what was wrong in it. */
export interface LoadedConfigFile {
  file: string;
  layer: ConfigLayer;
  problems: ConfigProblem[];
}

export interface NodeHostOptions {
  /**
   * A layer under every `.okrrc.json` (the language server passes the VS Code settings `okr.rules`,
   * `okr.limits`, `okr.perspectives`). A function is called on each (uncached) lookup, so after a
   * settings change call `invalidate()`.
   */
  base?: ConfigLayer | (() => ConfigLayer | undefined);
  /** The day grades and pace are computed at when the front matter has no `today`. */
  today?: Day;
  /**
   * Directories the upward search stops at (inclusive), like workspace folders. Without them, or for
   * a file outside all of them, the search goes up to the file-system root.
   */
  roots?: string[];
  /** Called once per problem in a `.okrrc.json`, when the file is first read. */
  onProblem?(problem: ConfigProblem): void;
}

/** Reads a file for the workspace; undefined when it does not exist or cannot be read. Strips a UTF-8 BOM. */
export function readTextFile(path: string): string | undefined {
  try {
    return stripBom(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file-system path of a `file:` URI, or undefined for any other scheme. */
export function pathFromUri(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const KNOWN_KEYS = new Set(["$schema", "rules", "limits", "perspectives"]);
const LIMIT_KEYS = new Set(["maxObjectives", ...Object.keys(DEFAULT_LIMITS)]);

/**
 * Reads and checks one `.okrrc.json`. Unreadable or malformed JSON, or a top level that is not an
 * object, is an `error` (the file is then ignored); unknown keys and values of the wrong type are
 * `warning`s (the value is skipped, as `mergeConfig` skips it).
 */
export function loadConfigFile(file: string): LoadedConfigFile {
  const problems: ConfigProblem[] = [];
  const fail = (message: string): LoadedConfigFile => ({ file, layer: {}, problems: [{ file, severity: "error", message }] });
  let text: string;
  try {
    text = stripBom(readFileSync(file, "utf8"));
  } catch (e) {
    return fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`invalid JSON in ${file}: ${oneLine((e as Error).message)}`);
  }
  if (!isObject(data)) return fail(`${file} must hold a JSON object like {"rules": {…}, "limits": {…}}`);

  const warn = (message: string) => problems.push({ file, severity: "warning", message: `${file}: ${message}` });
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) warn(`unknown key "${key}" (expected rules, limits or perspectives)`);
  }
  const layer: ConfigLayer = {};
  if (data.rules !== undefined) {
    if (!isObject(data.rules)) warn(`"rules" must be an object of rule code → severity`);
    else {
      const codes = new Set(allRules.map((r) => r.code));
      for (const [code, value] of Object.entries(data.rules)) {
        if (!codes.has(code)) warn(`unknown rule "${code}"`);
        if (value !== true && normaliseSetting(value) === undefined) {
          warn(`rule "${code}": ${JSON.stringify(value)} is not a severity (error, warning, info, hint, off)`);
        }
      }
      layer.rules = data.rules;
    }
  }
  if (data.limits !== undefined) {
    if (!isObject(data.limits)) warn(`"limits" must be an object of limit → number`);
    else {
      for (const [key, value] of Object.entries(data.limits)) {
        if (!LIMIT_KEYS.has(key)) warn(`unknown limit "${key}" (known: ${[...LIMIT_KEYS].join(", ")})`);
        else if (typeof value !== "number" || !(value >= 0)) warn(`limit "${key}" must be a number ≥ 0`);
      }
      layer.limits = data.limits;
    }
  }
  if (data.perspectives !== undefined) {
    if (!isObject(data.perspectives)) warn(`"perspectives" must be an object of name → array of synonyms`);
    else {
      for (const [name, synonyms] of Object.entries(data.perspectives)) {
        if (!Array.isArray(synonyms) || synonyms.some((s) => typeof s !== "string")) {
          warn(`perspective "${name}" must map to an array of strings`);
        }
      }
      layer.perspectives = data.perspectives;
    }
  }
  return { file, layer, problems };
}

/**
 * A `WorkspaceHost` on the local file system. Config lookups are cached per directory; each
 * `.okrrc.json` is read once until `invalidate()`.
 */
export class NodeHost implements WorkspaceHost {
  today?: Day;
  private readonly dirConfigs = new Map<string, OkrConfig>();
  /** directory → the `.okrrc.json` in force there (null: none). */
  private readonly dirFiles = new Map<string, string | null>();
  private readonly files = new Map<string, LoadedConfigFile>();
  private readonly reported: ConfigProblem[] = [];

  constructor(private readonly options: NodeHostOptions = {}) {
    this.today = options.today;
  }

  readFile(uri: string): string | undefined {
    const path = pathFromUri(uri);
    return path === undefined ? undefined : readTextFile(path);
  }

  configFor(uri: string): OkrConfig {
    const path = pathFromUri(uri);
    if (path === undefined) return mergeConfig(defaultConfig(), this.baseLayer());
    return this.configForDirectory(dirname(path));
  }

  /** The configuration in force for files in `dir`. */
  configForDirectory(dir: string): OkrConfig {
    const key = resolve(dir);
    let config = this.dirConfigs.get(key);
    if (!config) {
      config = mergeConfig(defaultConfig(), this.baseLayer());
      const file = this.configFileFor(key);
      if (file) config = mergeConfig(config, this.load(file).layer);
      this.dirConfigs.set(key, config);
    }
    return config;
  }

  /** The nearest `.okrrc.json` at or above `dir` (stopping at a root), or undefined. */
  configFileFor(dir: string): string | undefined {
    const start = resolve(dir);
    const visited: string[] = [];
    let found: string | null | undefined;
    let current = start;
    for (;;) {
      const cached = this.dirFiles.get(current);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(current);
      const candidate = join(current, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(current);
      if (parent === current || this.isRoot(current)) {
        found = null;
        break;
      }
      current = parent;
    }
    for (const dir of visited) this.dirFiles.set(dir, found);
    return found ?? undefined;
  }

  /** Every problem found so far in the `.okrrc.json` files read. */
  problems(): readonly ConfigProblem[] {
    return this.reported;
  }

  errors(): ConfigProblem[] {
    return this.reported.filter((p) => p.severity === "error");
  }

  /** Forget cached configuration (a `.okrrc.json` or the settings changed). */
  invalidate(): void {
    this.dirConfigs.clear();
    this.dirFiles.clear();
    this.files.clear();
    this.reported.length = 0;
  }

  private load(file: string): LoadedConfigFile {
    let loaded = this.files.get(file);
    if (!loaded) {
      loaded = loadConfigFile(file);
      this.files.set(file, loaded);
      for (const problem of loaded.problems) {
        this.reported.push(problem);
        this.options.onProblem?.(problem);
      }
    }
    return loaded;
  }

  private baseLayer(): ConfigLayer | undefined {
    const base = this.options.base;
    return typeof base === "function" ? base() : base;
  }

  private isRoot(dir: string): boolean {
    const roots = this.options.roots;
    if (!roots || roots.length === 0) return dir === parse(dir).root;
    return roots.some((root) => resolve(root) === dir);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

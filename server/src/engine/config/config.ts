/** Rule severities, limits and vocabulary: defaults ← settings ← `.okrrc.json` ← front matter. */

export type Severity = "error" | "warning" | "info" | "hint";
export type RuleSetting = Severity | "off";

/** Count limits and pace thresholds; the keys and defaults are documented in docs/rules/README.md. */
export interface Limits {
  /** Warning above this many objectives; unset means okr 5, bsc/hybrid 15. */
  maxObjectives?: number;
  /** bsc/hybrid: info above this many objectives. */
  infoObjectives: number;
  /** okr/hybrid: warning above this many key results per objective. */
  maxKeyResults: number;
  /** bsc: warning above this many measures per objective. */
  maxMeasures: number;
  /** okr/hybrid: info below this many key results. */
  minKeyResults: number;
  staleCheckInDays: number;
  /** On track while grade ≥ expected − paceAtRisk. */
  paceAtRisk: number;
  /** At risk while grade ≥ expected − paceOffTrack; below that, off track. */
  paceOffTrack: number;
}

export interface OkrConfig {
  rules: Record<string, RuleSetting>;
  limits: Limits;
  /** Canonical perspective name → names that also open it (case-insensitive). */
  perspectives: Record<string, string[]>;
}

export const DEFAULT_LIMITS: Limits = {
  infoObjectives: 10,
  maxKeyResults: 5,
  maxMeasures: 2,
  minKeyResults: 2,
  staleCheckInDays: 14,
  paceAtRisk: 0.2,
  paceOffTrack: 0.4,
};

const LIMIT_KEYS = new Set(["maxObjectives", ...Object.keys(DEFAULT_LIMITS)]);

export const DEFAULT_PERSPECTIVES: Record<string, string[]> = {
  Financial: ["Finance"],
  Customer: ["Customers"],
  "Internal Process": ["Internal Processes", "Process", "Processes", "Internal"],
  "Learning & Growth": ["Learning and Growth", "Learning", "People", "Organizational Capacity"],
};

export function defaultConfig(): OkrConfig {
  return { rules: {}, limits: { ...DEFAULT_LIMITS }, perspectives: DEFAULT_PERSPECTIVES };
}

/** A partial configuration as found in settings, `.okrrc.json` or front matter. */
export interface ConfigLayer {
  rules?: Record<string, unknown>;
  limits?: Record<string, unknown>;
  perspectives?: Record<string, unknown>;
}

const SETTINGS = new Set<string>(["error", "warning", "info", "hint", "off"]);

/** Lays `layer` over `base`; values of the wrong type are skipped (and reported by the caller). */
export function mergeConfig(base: OkrConfig, layer: ConfigLayer | undefined): OkrConfig {
  if (!layer) return base;
  const merged: OkrConfig = { rules: { ...base.rules }, limits: { ...base.limits }, perspectives: base.perspectives };
  for (const [code, value] of Object.entries(layer.rules ?? {})) {
    const setting = normaliseSetting(value);
    if (setting) merged.rules[code] = setting;
  }
  for (const [key, value] of Object.entries(layer.limits ?? {})) {
    if (LIMIT_KEYS.has(key) && typeof value === "number" && value >= 0) merged.limits[key as keyof Limits] = value;
  }
  if (layer.perspectives && typeof layer.perspectives === "object") {
    const vocabulary: Record<string, string[]> = {};
    for (const [name, synonyms] of Object.entries(layer.perspectives)) {
      vocabulary[name] = Array.isArray(synonyms) ? synonyms.filter((s): s is string => typeof s === "string") : [];
    }
    merged.perspectives = vocabulary;
  }
  return merged;
}

/** `"warn"`, `false`, `true` are accepted like ESLint and markdownlint accept them. */
export function normaliseSetting(value: unknown): RuleSetting | undefined {
  if (value === false) return "off";
  if (value === true) return undefined;
  if (typeof value !== "string") return undefined;
  const v = value.toLowerCase();
  if (v === "warn") return "warning";
  if (v === "information") return "info";
  return SETTINGS.has(v) ? (v as RuleSetting) : undefined;
}

/**
 * The JSON schema of `.okrrc.json`, built from the engine's rule registry and limits so that it cannot
 * drift: `schemas/okrrc.schema.json` is this object (written by `node scripts/gen-schema.mjs` after a
 * build, checked by server/test/cli/schema.test.ts).
 */
import { allRules, DEFAULT_LIMITS, ruleDocUrl } from "../engine";

export const SCHEMA_ID = "https://github.com/okr-md/okr-md/blob/main/schemas/okrrc.schema.json";

const LIMIT_DESCRIPTIONS: Record<string, string> = {
  maxObjectives: "too-many-objectives (warning) above this many objectives. Unset: okr 5, bsc/hybrid 15.",
  infoObjectives: "bsc/hybrid: too-many-objectives (info) above this many objectives.",
  maxKeyResults: "okr/hybrid: too-many-key-results above this many key results per objective.",
  maxMeasures: "bsc: too-many-key-results above this many measures per objective.",
  minKeyResults: "okr/hybrid: too-few-key-results (info) below this many key results.",
  staleCheckInDays: "stale-check-in when the last check-in is more than this many days before today.",
  paceAtRisk: "behind-pace: on track while grade ≥ expected − paceAtRisk.",
  paceOffTrack: "behind-pace: at risk while grade ≥ expected − paceOffTrack; below that, off track.",
};

/** The limit keys `.okrrc.json` accepts: `maxObjectives` and every key of `DEFAULT_LIMITS`. */
export function limitKeys(): string[] {
  return ["maxObjectives", ...Object.keys(DEFAULT_LIMITS)];
}

export function buildConfigSchema(): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const rule of allRules) {
    rules[rule.code] = {
      $ref: "#/definitions/ruleSetting",
      description: `${sentence(rule.summary)} Default: ${rule.defaultSeverity}.`,
      markdownDescription: `${sentence(rule.summary)} Default: \`${rule.defaultSeverity}\`. [Documentation](${ruleDocUrl(rule.code)})`,
    };
  }
  const limits: Record<string, unknown> = {};
  const defaults = DEFAULT_LIMITS as unknown as Record<string, number>;
  for (const key of limitKeys()) {
    const limit: Record<string, unknown> = {
      type: "number",
      minimum: 0,
      description: LIMIT_DESCRIPTIONS[key] ?? key,
    };
    if (defaults[key] !== undefined) limit.default = defaults[key];
    limits[key] = limit;
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: SCHEMA_ID,
    title: ".okrrc.json",
    description:
      "okr-md configuration: rule severities, limits and perspective names for the .okr.md files in this directory and below. " +
      "Precedence: defaults ← editor settings ← nearest .okrrc.json ← front matter.",
    type: "object",
    properties: {
      $schema: { type: "string" },
      rules: {
        type: "object",
        description: "Rule code → severity. `warn` is accepted for `warning`, `false` for `off`, `true` for the default severity.",
        properties: rules,
        additionalProperties: false,
      },
      limits: {
        type: "object",
        description: "Count limits and pace thresholds (docs/rules/README.md#limits).",
        properties: limits,
        additionalProperties: false,
      },
      perspectives: {
        type: "object",
        description:
          "Canonical perspective name → other headings that open it (case-insensitive). Replaces the default four Balanced Scorecard perspectives.",
        additionalProperties: { type: "array", items: { type: "string" }, uniqueItems: true },
      },
    },
    additionalProperties: false,
    definitions: {
      ruleSetting: {
        oneOf: [
          { type: "string", enum: ["error", "warning", "warn", "info", "hint", "off"] },
          { type: "boolean", description: "false: off; true: the rule's default severity." },
        ],
      },
    },
  };
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : t + ".";
}

import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allRules, DEFAULT_LIMITS, defaultConfig, mergeConfig } from "../../src/engine";
import { buildConfigSchema, limitKeys } from "../../src/cli/schema";
import { ROOT } from "./helpers";

const REGENERATE = "regenerate it: npm run build && node scripts/gen-schema.mjs";

describe("schemas/okrrc.schema.json", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "okrrc.schema.json"), "utf8"));

  it("lists exactly the rule codes of allRules", () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), allRules.map((r) => r.code).sort(), REGENERATE);
    assert.equal(schema.properties.rules.additionalProperties, false);
  });

  it("lists exactly the limit keys of the config (DEFAULT_LIMITS + maxObjectives)", () => {
    assert.deepEqual(Object.keys(schema.properties.limits.properties).sort(), ["maxObjectives", ...Object.keys(DEFAULT_LIMITS)].sort(), REGENERATE);
    assert.deepEqual([...limitKeys()].sort(), Object.keys(schema.properties.limits.properties).sort());
    for (const [key, value] of Object.entries(DEFAULT_LIMITS)) assert.equal(schema.properties.limits.properties[key].default, value);
  });

  it("every limit key is one mergeConfig accepts", () => {
    const layer = { limits: Object.fromEntries(limitKeys().map((k) => [k, 7])) };
    const merged = mergeConfig(defaultConfig(), layer);
    for (const key of limitKeys()) assert.equal((merged.limits as unknown as Record<string, number>)[key], 7, key);
  });

  it("accepts the severities error, warning, warn, info, hint, off and booleans", () => {
    const setting = schema.definitions.ruleSetting;
    assert.deepEqual(setting.oneOf[0].enum, ["error", "warning", "warn", "info", "hint", "off"]);
    assert.equal(setting.oneOf[1].type, "boolean");
    for (const rule of Object.values(schema.properties.rules.properties) as { $ref: string }[]) assert.equal(rule.$ref, "#/definitions/ruleSetting");
  });

  it("maps perspective names to arrays of synonyms", () => {
    assert.deepEqual(schema.properties.perspectives.additionalProperties, { type: "array", items: { type: "string" }, uniqueItems: true });
    assert.equal(schema.additionalProperties, false);
  });

  it("is what scripts/gen-schema.mjs writes", () => {
    assert.deepEqual(schema, buildConfigSchema(), REGENERATE);
  });
});

import { ConfigLayer } from "../engine";
import { Logger, errorText } from "./log";

/** The `okr.*` settings as the client sends them (`workspace/configuration`, section `okr`). */
export interface OkrSettings {
  rules: Record<string, unknown>;
  limits: Record<string, unknown>;
  perspectives?: Record<string, unknown>;
  validation: { delay: number };
}

export const DEFAULT_DELAY = 200;

export function defaultSettings(): OkrSettings {
  return { rules: {}, limits: {}, validation: { delay: DEFAULT_DELAY } };
}

/** Reads whatever the client sent, keeping only well-typed values. */
export function readSettings(raw: unknown): OkrSettings {
  const settings = defaultSettings();
  if (!raw || typeof raw !== "object") return settings;
  const r = raw as Record<string, unknown>;
  if (isMap(r.rules)) settings.rules = r.rules;
  if (isMap(r.limits)) settings.limits = r.limits;
  if (isMap(r.perspectives) && Object.keys(r.perspectives).length > 0) settings.perspectives = r.perspectives;
  const validation = r.validation;
  const delay = isMap(validation) ? validation.delay : r["validation.delay"];
  if (typeof delay === "number" && Number.isFinite(delay) && delay >= 0) settings.validation.delay = Math.min(delay, 10_000);
  return settings;
}

export function settingsLayer(settings: OkrSettings): ConfigLayer {
  return { rules: settings.rules, limits: settings.limits, perspectives: settings.perspectives };
}

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

export interface SettingsSource {
  /** `workspace/configuration` for one scope; undefined when the client cannot answer. */
  fetch(scopeUri: string | undefined): Promise<unknown>;
}

/**
 * Settings per scope (the workspace folder holding a document, or the document itself outside any
 * folder), fetched once with `workspace/configuration` and cached until `didChangeConfiguration`.
 * `get` is synchronous (the engine's host asks synchronously); `ensure` fetches before validating.
 */
export class SettingsStore {
  private readonly resolved = new Map<string, OkrSettings>();
  private readonly pending = new Map<string, Promise<OkrSettings>>();
  /** The values before the last change, answered by `get` until the new ones arrive. */
  private stale = new Map<string, OkrSettings>();
  private generation = 0;
  /** Settings pushed with didChangeConfiguration, for clients without `workspace/configuration`. */
  private pushed: OkrSettings = defaultSettings();
  folders: string[] = [];
  /** Called when a scope's settings arrive: cached configurations built from defaults must go. */
  onResolved: () => void = () => {};

  constructor(
    private readonly source: SettingsSource | undefined,
    private readonly log: Logger,
  ) {}

  scopeOf(uri: string): string {
    let best: string | undefined;
    for (const folder of this.folders) {
      const prefix = folder.endsWith("/") ? folder : folder + "/";
      if (uri.startsWith(prefix) && (!best || folder.length > best.length)) best = folder;
    }
    return best ?? uri;
  }

  get(uri: string): OkrSettings {
    if (!this.source) return this.pushed;
    const scope = this.scopeOf(uri);
    return this.resolved.get(scope) ?? this.stale.get(scope) ?? defaultSettings();
  }

  /** Resolves once the settings for `uri` are known (fetched at most once per scope until a change). */
  async ensure(uri: string): Promise<OkrSettings> {
    if (!this.source) return this.pushed;
    const scope = this.scopeOf(uri);
    const known = this.resolved.get(scope);
    if (known) return known;
    let promise = this.pending.get(scope);
    if (!promise) {
      const generation = this.generation;
      promise = this.source
        .fetch(scope)
        .then((raw) => readSettings(raw))
        .catch((err) => {
          this.log.warn(`okr: could not read settings: ${errorText(err)}`);
          return defaultSettings();
        })
        .then((settings) => {
          if (generation === this.generation) {
            this.resolved.set(scope, settings);
            this.pending.delete(scope);
            this.onResolved();
          }
          return settings;
        });
      this.pending.set(scope, promise);
    }
    return promise;
  }

  /** didChangeConfiguration: forget everything (pull clients) or take the pushed value. */
  changed(pushed: unknown): void {
    this.generation++;
    this.stale = new Map([...this.stale, ...this.resolved]);
    this.resolved.clear();
    this.pending.clear();
    if (!this.source) {
      const section = pushed && typeof pushed === "object" ? (pushed as Record<string, unknown>).okr : undefined;
      this.pushed = readSettings(section);
    }
  }
}

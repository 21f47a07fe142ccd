import { OkrConfig, WorkspaceHost } from "../engine";
import { NodeHost, pathFromUri } from "../host/nodeHost";
import { Logger } from "./log";
import { SettingsStore, settingsLayer } from "./settings";

/**
 * The engine's host inside the language server: the CLI's NodeHost (disk reads, `.okrrc.json`
 * discovery), one per settings scope so each workspace folder layers its own `okr.*` settings.
 * Layers: defaults ← settings ← nearest `.okrrc.json` (up to the workspace folder) ← front matter
 * (laid by the engine).
 */
export class LspHost implements WorkspaceHost {
  private readonly hosts = new Map<string, NodeHost>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly log: Logger,
  ) {}

  configFor(uri: string): OkrConfig {
    return this.hostFor(uri).configFor(uri);
  }

  readFile(uri: string): string | undefined {
    return this.hostFor(uri).readFile(uri);
  }

  /** Settings or an `.okrrc.json` changed: configurations are rebuilt on next use. */
  invalidate(_rcToo: boolean): void {
    this.hosts.clear();
  }

  private hostFor(uri: string): NodeHost {
    const scope = this.settings.scopeOf(uri);
    let host = this.hosts.get(scope);
    if (!host) {
      const root = scope !== uri ? pathFromUri(scope) : undefined;
      host = new NodeHost({
        base: () => settingsLayer(this.settings.get(scope)),
        roots: root ? [root] : undefined,
        onProblem: (p) => this.log.warn(`okr: ${p.message}`),
      });
      this.hosts.set(scope, host);
    }
    return host;
  }
}

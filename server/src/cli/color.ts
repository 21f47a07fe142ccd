/** Minimal ANSI styling; every function is the identity when colours are off. */
export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const colors: Palette = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  blue: wrap(34, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
  underline: wrap(4, 24),
};

const identity = (s: string) => s;
export const plain: Palette = { red: identity, yellow: identity, green: identity, blue: identity, dim: identity, bold: identity, underline: identity };

export function palette(enabled: boolean): Palette {
  return enabled ? colors : plain;
}

/** Display width: code points, without ANSI escapes (wide CJK characters are not measured). */
export function width(s: string): number {
  return [...s.replace(/\u001b\[[0-9;]*m/g, "")].length;
}

export function padEnd(s: string, n: number): string {
  return s + " ".repeat(Math.max(0, n - width(s)));
}

export function padStart(s: string, n: number): string {
  return " ".repeat(Math.max(0, n - width(s))) + s;
}

/** Cuts `s` to `n` display columns with an ellipsis. */
export function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : chars.slice(0, Math.max(0, n - 1)).join("") + "…";
}

/**
 * The strategy map (Kaplan & Norton): one horizontal band per perspective, Financial at the top and
 * Learning & Growth at the bottom, objectives as nodes in their band, and an arrow for every
 * `supports` link from the objective that drives to the one it drives. Plain SVG, coloured by CSS
 * classes; every text escaped.
 */
import { esc, lineAttr, num } from "./escape";
import { ObjectiveView, ScorecardView } from "./viewModel";

const ORDER = ["financial", "customer", "internal process", "learning & growth"];
const WIDTH = 960;
const LABEL_W = 132;
const PAD = 14;
const GAP = 16;
const NODE_H = 70;
const BAND_H = NODE_H + 2 * PAD;
const CHAR_W = 6.4;

interface Band {
  name: string;
  line?: number;
  grade?: string;
  objectives: ObjectiveView[];
}

interface Placed {
  o: ObjectiveView;
  x: number;
  y: number;
  w: number;
  band: number;
}

function bandsOf(view: ScorecardView): Band[] {
  const byKey = new Map(view.objectives.map((o) => [o.key, o]));
  const perspectives = [...view.perspectives].sort((a, b) => rank(a.name) - rank(b.name));
  const bands: Band[] = perspectives.map((p) => ({
    name: p.name,
    line: p.line,
    grade: p.grade.shown,
    objectives: p.objectives.map((k) => byKey.get(k)!).filter(Boolean),
  }));
  const placed = new Set(bands.flatMap((b) => b.objectives.map((o) => o.key)));
  const rest = view.objectives.filter((o) => !placed.has(o.key));
  if (rest.length) bands.push({ name: bands.length ? "Outside perspectives" : "Objectives", objectives: rest });
  return bands;
}

function rank(name: string): number {
  const i = ORDER.indexOf(name.toLowerCase());
  return i < 0 ? ORDER.length : i;
}

/** Whether the map has anything to show: perspectives or `supports` links. */
export function hasStrategyMap(view: ScorecardView): boolean {
  return view.objectives.length > 0 && (view.perspectives.length > 0 || view.objectives.some((o) => o.supports.length > 0));
}

/** Splits text into at most `max` lines of about `width` characters, with an ellipsis when cut. */
export function wrap(text: string, width: number, max: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const next = current ? current + " " + word : word;
    if (next.length <= width || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const cut = lines.length > max;
  const out = lines.slice(0, max).map((l) => (l.length > width ? l.slice(0, Math.max(1, width - 1)) + "…" : l));
  if (cut) out[max - 1] = out[max - 1].replace(/.?…?$/, "") + "…";
  return out;
}

export function renderStrategyMap(view: ScorecardView): string {
  const bands = bandsOf(view).filter((b) => b.objectives.length > 0 || view.perspectives.length > 0);
  if (!bands.length) return "";
  const placed = new Map<string, Placed>();
  const usable = WIDTH - LABEL_W - 2 * PAD;
  bands.forEach((band, bi) => {
    const n = band.objectives.length;
    if (!n) return;
    const w = Math.min(210, (usable - GAP * (n - 1)) / n);
    const total = n * w + (n - 1) * GAP;
    const x0 = LABEL_W + PAD + (usable - total) / 2;
    band.objectives.forEach((o, i) => placed.set(o.key, { o, x: x0 + i * (w + GAP), y: bi * BAND_H + PAD, w, band: bi }));
  });
  const height = bands.length * BAND_H;
  const parts: string[] = [];
  const labelledBy = `map-title`;
  parts.push(
    `<svg class="strategy-map" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-labelledby="${labelledBy}" xmlns="http://www.w3.org/2000/svg">`,
    `<defs><marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="map-arrowhead"/></marker></defs>`,
  );
  bands.forEach((band, bi) => {
    const y = bi * BAND_H;
    parts.push(`<g class="map-band${bi % 2 ? " odd" : ""}">`);
    parts.push(`<rect class="map-band-bg" x="0" y="${num(y)}" width="${WIDTH}" height="${BAND_H}"/>`);
    const label = wrap(band.name, 18, 2);
    const ly = y + BAND_H / 2 - (label.length - 1) * 8 + (band.grade ? -6 : 0);
    const text = label.map((l, i) => `<tspan x="12" y="${num(ly + i * 16)}">${esc(l)}</tspan>`).join("");
    const grade = band.grade ? `<tspan x="12" y="${num(ly + label.length * 16)}" class="map-band-grade">${esc(band.grade)}</tspan>` : "";
    parts.push(`<text class="map-band-label">${text}${grade}</text>`);
    if (!band.objectives.length) parts.push(`<text class="map-empty" x="${LABEL_W + PAD}" y="${num(y + BAND_H / 2 + 4)}">no objectives</text>`);
    parts.push(`</g>`);
  });
  // Arrows under the nodes.
  parts.push(`<g class="map-links">`);
  for (const from of placed.values()) {
    for (const key of from.o.supports) {
      const to = placed.get(key);
      if (!to) continue;
      parts.push(`<path class="map-link" marker-end="url(#map-arrow)" d="${arrowPath(from, to)}"><title>${esc(`${from.o.id} supports ${to.o.id}`)}</title></path>`);
    }
  }
  parts.push(`</g>`);
  for (const p of placed.values()) parts.push(node(p));
  parts.push(`</svg>`);
  return parts.join("");
}

function arrowPath(from: Placed, to: Placed): string {
  const fx = from.x + from.w / 2;
  const tx = to.x + to.w / 2;
  if (from.band === to.band) {
    // Same band: an arc over the top of the nodes.
    const left = from.x < to.x;
    const sx = left ? from.x + from.w * 0.75 : from.x + from.w * 0.25;
    const ex = left ? to.x + to.w * 0.25 : to.x + to.w * 0.75;
    const y = from.y;
    return `M${num(sx)},${num(y)} C${num(sx)},${num(y - PAD - 6)} ${num(ex)},${num(y - PAD - 6)} ${num(ex)},${num(y - 1)}`;
  }
  const down = from.band < to.band;
  const sy = down ? from.y + NODE_H : from.y;
  const ey = down ? to.y - 1 : to.y + NODE_H + 1;
  const mid = (sy + ey) / 2;
  return `M${num(fx)},${num(sy)} C${num(fx)},${num(mid)} ${num(tx)},${num(mid)} ${num(tx)},${num(ey)}`;
}

function node(p: Placed): string {
  const { o, x, y, w } = p;
  const band = o.grade.band ? ` band-${o.grade.band}` : " ungraded";
  const chars = Math.max(6, Math.floor((w - 16) / CHAR_W));
  const lines = wrap(o.title, chars, 2);
  const title = lines.map((l, i) => `<tspan x="${num(x + 8)}" y="${num(y + 34 + i * 15)}">${esc(l)}</tspan>`).join("");
  const label = `${o.id} · ${o.grade.shown}`;
  const status = o.grade.status ? `, ${o.grade.status.replace("-", " ")}` : "";
  return (
    `<a class="map-node${band}" href="#${esc(o.key)}"${lineAttr(o.line)} data-key="map-${esc(o.key)}" aria-label="${esc(`${o.id}: ${o.title}, grade ${o.grade.shown}${status}`)}">` +
    `<title>${esc(`${o.id}: ${o.title} — grade ${o.grade.shown}${status}`)}</title>` +
    `<rect class="map-node-box" x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${NODE_H}" rx="10"/>` +
    `<rect class="map-node-track" x="${num(x + 8)}" y="${num(y + NODE_H - 10)}" width="${num(w - 16)}" height="4" rx="2"/>` +
    `<rect class="map-node-grade" x="${num(x + 8)}" y="${num(y + NODE_H - 10)}" width="${num((w - 16) * (o.grade.value ?? 0))}" height="4" rx="2"/>` +
    `<text class="map-node-id" x="${num(x + 8)}" y="${num(y + 16)}">${esc(label)}</text>` +
    `<text class="map-node-title">${title}</text>` +
    `</a>`
  );
}

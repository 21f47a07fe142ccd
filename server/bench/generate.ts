import { mulberry32 } from "../test/support/random";

/**
 * A seeded generator of realistic `.okr.md` text: front matter, perspectives, objectives with
 * attributes, key results in every metric form with check-ins, initiatives, indicators, prose and
 * scorecard tables. Same seed and size → same text.
 */
export function generateScorecard(targetBytes: number, seed = 1): string {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const parts: string[] = [
    "---\ntitle: Generated company scorecard\nperiod: 2027-Q1\nframework: hybrid\nowner: \"@exec-team\"\ntoday: 2027-02-15\n---\n\n# Generated company scorecard 2027-Q1\n\n",
  ];
  let size = parts[0].length;
  let objective = 0;
  let team = 0;
  while (size < targetBytes) {
    team++;
    const chunk: string[] = [`## ${pick(PERSPECTIVES)}\n\n`, `${pick(PROSE)}\n\n`];
    for (let o = int(2, 4); o > 0; o--) {
      objective++;
      chunk.push(`### O${objective}: ${pick(VERBS)} ${pick(THINGS)} for team ${team}\n`);
      chunk.push(`owner: "@${pick(PEOPLE)}"\n`);
      if (random() < 0.4) chunk.push(`type: ${pick(["committed", "aspirational"])}\n`);
      if (random() < 0.3 && objective > 1) chunk.push(`supports: O${int(Math.max(1, objective - 5), objective - 1)}\n`);
      chunk.push("\n");
      for (let k = 1, n = int(2, 5); k <= n; k++) chunk.push(keyResult(k, random, pick, int));
      if (random() < 0.6) chunk.push(`- Initiative: ${pick(VERBS)} the ${pick(THINGS)} programme\n`);
      if (random() < 0.4) chunk.push(`- Indicator: ${pick(THINGS)} dashboard\n`);
      chunk.push("\n");
    }
    if (random() < 0.15) chunk.push(table(objective, random, pick, int), "\n");
    if (random() < 0.2) chunk.push(`## Notes\n\n${pick(PROSE)} ${pick(PROSE)}\n\n- ${pick(PROSE)}\n- ${pick(PROSE)}\n\n`);
    const text = chunk.join("");
    parts.push(text);
    size += text.length;
  }
  return parts.join("");
}

type Pick = <T>(items: readonly T[]) => T;
type Int = (lo: number, hi: number) => number;

function keyResult(k: number, random: () => number, pick: Pick, int: Int): string {
  const from = int(10, 900);
  const to = from + int(5, 400);
  const now = int(from, to);
  const owner = random() < 0.7 ? ` @${pick(PEOPLE)}` : "";
  const forms = [
    () => `- KR${k}: ${pick(METRICS)} from ${from} to ${to} ${pick(UNITS)} by 2027-03-${int(10, 31)}${owner}\n  - current: ${now}\n`,
    () => `- KR${k}: ${pick(METRICS)} from $${from / 10}M to $${to / 10}M${owner}\n  - 2027-01-${int(10, 28)}: $${from / 10}M\n  - 2027-02-${int(10, 14)}: $${now / 10}M slower than hoped\n`,
    () => `- KR${k}: ${pick(METRICS)} ${from}% → ${Math.min(99, to)}%${owner} — current ${Math.min(99, now)}%\n`,
    () => `- KR${k}: p95 ${pick(METRICS)} under ${from} ms by end of Q1${owner} (now ${to} ms)\n  - baseline: ${to + 100} ms\n`,
    () => `- KR${k}: Increase ${pick(METRICS)} by ${int(5, 30)}%${owner}\n  - baseline: ${from}\n  - current: ${now}\n  - confidence: 0.${int(1, 9)}\n`,
    () => `- [${random() < 0.5 ? "x" : " "}] ${pick(VERBS)} the ${pick(THINGS)} by Mar ${int(1, 28)}${owner}\n`,
    () => `- KR${k}: ${pick(METRICS)} ≥ ${from}k${owner}\n  - 2027-01-${int(10, 20)}: ${from / 2}k\n  - 2027-02-${int(1, 10)}: ${from - 10}k\n  - indicator: leading\n`,
  ];
  return pick(forms)();
}

function table(objective: number, random: () => number, pick: Pick, int: Int): string {
  const rows = ["| Perspective | Objective | Measure | Target | Current | Initiative |", "|---|---|---|---|---|---|"];
  for (let i = 0; i < int(2, 5); i++) {
    rows.push(`| ${i === 0 ? pick(PERSPECTIVES) : ""} | ${pick(VERBS)} ${pick(THINGS)} ${objective}-${i} | ${pick(METRICS)} | ≥ ${int(50, 99)}% | ${int(40, 99)}% | ${pick(THINGS)} |`);
  }
  void random;
  return rows.join("\n") + "\n";
}

const PERSPECTIVES = ["Financial", "Customer", "Internal Process", "Learning & Growth"] as const;
const VERBS = ["Grow", "Improve", "Modernise", "Simplify", "Delight customers with", "Scale", "Harden", "Launch"] as const;
const THINGS = ["checkout", "onboarding", "search", "billing", "mobile app", "data platform", "support desk", "partner API", "fleet"] as const;
const METRICS = ["weekly active users", "net revenue", "NPS", "churn", "conversion rate", "tickets resolved", "deploy frequency", "page load time", "gross margin"] as const;
const UNITS = ["users", "accounts", "orders", "reviews", "deploys"] as const;
const PEOPLE = ["amara", "ravi", "lena", "sofia", "tomas", "marek", "ines", "kofi", "priya", "sam"] as const;
const PROSE = [
  "This quarter we focus on the few things that move the needle for riders and the business.",
  "Context: last quarter's retro asked for fewer, sharper objectives and weekly check-ins.",
  "We keep a health metric dashboard separately; only changes we commit to appear here.",
  "Numbers below come from the finance close of the previous month unless noted.",
] as const;

/**
 * Reading structure out of Markdown answers: quantities in prose, list and
 * table items split into a claim and its explanation, metric names. The text
 * checks count these structures, not keywords: "redundancy, failover,
 * monitoring" has no numbers, no mitigations and no metric names.
 */
import { tryParseQuantity, type Quantity } from "./units.ts";

/**
 * Numbers not glued to a word before them (p99 and v2 are not quantities);
 * "50 000" with grouped thousands is one number, as the prompts write it.
 */
const NUM_AT = /(?<![\w.])[~≈]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d[\d,.]*)(?:e[-+]?\d+)?/gi;

function trimWord(w: string): string {
  return w.replace(/^[("'`*_]+|[)"'`*_.,;:!?]+$/g, "");
}

/** Words after a number that are not what it counts ("3 of them", "10 times"). */
const STOP = new Set(["and", "or", "the", "a", "an", "of", "to", "in", "on", "with", "per", "for", "is", "are", "at", "every", "each", "by", "from", "as", "than", "if", "so", "we", "it", "be", "x", "times"]);

/** Quantities in prose: "1M hosts", "p99 < 200 ms", "35k/s", "99.95 %". Bare numbers carry no unit and are skipped. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(NUM_AT)) {
    const num = m[0].replace(/[.,]+$/, "");
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60).replace(/\s+per\s+/i, "/");
    const glued = /^\S*/.exec(after)![0];
    const rest = after.slice(glued.length).trim().split(/\s+/).map(trimWord).filter((w) => w !== "");
    const head = trimWord(glued);
    let best: Quantity | undefined;
    for (const c of [[num + head, ...rest.slice(0, 2)], [num + head, ...rest.slice(0, 1)], [num + head]]) {
      const r = tryParseQuantity(c.join(" "));
      if (r.ok && r.quantity.dimension !== "count") {
        best = r.quantity;
        break;
      }
    }
    // A count needs the thing counted right after it ("50 000 servers", "1M hosts"), else it is a bare number.
    if (!best) {
      const glue = tryParseQuantity(num + head);
      const w = rest[0];
      if (glue.ok && glue.quantity.noun) best = glue.quantity;
      else if (w && /^[A-Za-z]+$/.test(w) && !STOP.has(w.toLowerCase())) {
        const r = tryParseQuantity(`${num + head} ${w}`);
        if (r.ok && r.quantity.noun) best = r.quantity;
      }
    }
    if (best) out.push(best);
  }
  return out;
}

export interface Item {
  head: string;
  body: string;
}

const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
const HEADING = /^#{2,6}\s+(.*)$/;

/**
 * Top-level list items, table rows and sub-headings, each with the text that
 * belongs to it (continuation lines, sub-bullets, following paragraphs).
 */
export function items(markdown: string): Item[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: Item[] = [];
  let cur: Item | undefined;
  let topIndent: number | undefined;
  let headingOpen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    if (/^\s*\|/.test(line)) {
      const cells = line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
      if (cells.every((c) => /^:?-{2,}:?$/.test(c))) continue;
      const next = lines[i + 1] ?? "";
      // The row just above a |---| line is the header.
      if (/^\s*\|?\s*:?-{2,}/.test(next)) continue;
      headingOpen = false;
      cur = { head: cells[0] ?? "", body: cells.slice(1).filter((c) => c !== "").join(" — ") };
      out.push(cur);
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      cur = { head: h[1]!.trim(), body: "" };
      out.push(cur);
      headingOpen = true;
      topIndent = undefined;
      continue;
    }
    const b = BULLET.exec(line);
    if (b) {
      const indent = b[1]!.length;
      // A heading directly followed by a list is a group title, not an item.
      if (headingOpen && cur && cur.body === "") out.pop();
      headingOpen = false;
      topIndent ??= indent;
      if (indent <= topIndent || !cur) {
        topIndent = Math.min(topIndent, indent);
        cur = { head: b[2]!.trim(), body: "" };
        out.push(cur);
      } else {
        cur.body = `${cur.body} ${b[2]!.trim()}`.trim();
      }
      continue;
    }
    if (cur) {
      cur.body = `${cur.body} ${line.trim()}`.trim();
      headingOpen = false;
    }
  }
  return out;
}

const MITIGATION_LABEL = /\b(?:mitigations?|mitigated by|mitigate|fix|response|remedy|handling|recovery)\s*:\s*/i;
const SEPARATOR = /\s+(?:→|->|=>|—|–)\s+|:\**\s+|\s+-\s+/;

function plain(s: string): string {
  return s.replace(/\*\*|__/g, "").trim();
}

/** Splits an item into the failure it names and the mitigation it gives (possibly empty). */
export function failureAndMitigation(item: Item): { failure: string; mitigation: string } {
  const head = plain(item.head);
  const body = plain(item.body);
  const labelled = MITIGATION_LABEL.exec(`${head} ${body}`);
  if (labelled) {
    const all = `${head} ${body}`;
    return { failure: all.slice(0, labelled.index).replace(/[:\s—–-]+$/, "").trim(), mitigation: all.slice(labelled.index + labelled[0].length).trim() };
  }
  const sep = SEPARATOR.exec(head);
  if (!sep) return { failure: head.replace(/[:\s]+$/, ""), mitigation: body };
  return { failure: head.slice(0, sep.index).trim(), mitigation: `${head.slice(sep.index + sep[0].length)} ${body}`.trim() };
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

const METRIC_SPAN = /`([^`\n]{2,80})`/g;
const SNAKE = /(?<![\w.`])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\{[^}\n]*\})?(?![\w`])/g;

/** Metric names: code spans that look like identifiers with a separator, and bare snake_case names. */
export function metricNames(text: string): { name: string; line: string }[] {
  const out = new Map<string, string>();
  for (const line of text.split("\n")) {
    for (const m of line.matchAll(METRIC_SPAN)) {
      const name = m[1]!.trim();
      if (/^[A-Za-z_][\w.:-]*[_.:][\w.:-]*(?:\{[^}]*\})?$/.test(name)) out.set(name.replace(/\{.*$/, ""), line);
    }
    for (const m of line.replace(METRIC_SPAN, " ").matchAll(SNAKE)) out.set(m[0].replace(/\{.*$/, ""), line);
  }
  return [...out].map(([name, line]) => ({ name, line }));
}

/**
 * Objective checks on the Markdown sections. Each counts structure that a
 * real answer has and a buzzword list lacks: quantities with units in the
 * requirements, failure modes that each carry a mitigation, SLOs with a
 * target, metrics with names, alerts with thresholds.
 */
import { SECTION_NAMES, SECTION_TITLES, type DesignAnswer, type SectionName } from "./answer-schema.ts";
import { containsPhrase, words } from "./kinds.ts";
import type { TextCheck } from "./problem-schema.ts";
import { result, type CheckResult } from "./results.ts";
import { failureAndMitigation, findQuantities, items, metricNames, wordCount } from "./text-scan.ts";
import type { Dimension } from "./units.ts";

const MIN_MITIGATION_WORDS = 3;

const DIMENSION_NEEDS: Record<Dimension, string> = {
  count: "a scale figure (hosts, users, messages)",
  ratio: "a percentage target (availability, error rate)",
  rate: "a rate (requests or events per second)",
  data: "a size (storage, retention, payload)",
  throughput: "a bandwidth (bytes or bits per second)",
  duration: "a time target (latency, freshness, recovery time)",
};

type Topic = { name: string; anyOf: string[] };

function covered(topics: Topic[], texts: string[]): { hit: string[]; miss: string[] } {
  const hit: string[] = [];
  const miss: string[] = [];
  const tokenised = texts.map(words);
  for (const t of topics) (t.anyOf.some((p) => tokenised.some((w) => containsPhrase(w, p))) ? hit : miss).push(t.name);
  return { hit, miss };
}

const ALERT_RULE = /\b(page|alert|ticket|notify)\s+(when|if|on)\b/i;

/** Lines that state a service level objective, by kind. */
export function sloLines(text: string): { availability: string[]; latency: string[]; freshness: string[] } {
  const out = { availability: [] as string[], latency: [] as string[], freshness: [] as string[] };
  for (const line of text.split("\n")) {
    // "Page when lag > 120 s" is an alert rule, not an objective.
    if (ALERT_RULE.test(line)) continue;
    const qs = findQuantities(line);
    const durations = qs.some((q) => q.dimension === "duration");
    if (qs.some((q) => q.dimension === "ratio" && q.value >= 0.9 && q.value < 1)) out.availability.push(line);
    if (durations && /\bp\d{2,3}(?:\.\d+)?\b|percentile|median/i.test(line)) out.latency.push(line);
    if (durations && /\bwithin\b|fresh|lag|delay|stale|end[- ]to[- ]end|propagat|converge|recover|rto\b|rpo\b/i.test(line)) out.freshness.push(line);
  }
  return out;
}

const ALERT_WORD = /\b(alert|alerts|alerting|page|pages|paging|notify|ticket)\b/i;
const THRESHOLD = /[<>≥≤]|\b(above|below|over|under|exceeds?|drops?|falls?|burn(?:ing)?|more than|less than|for \d)/i;

export function runTextCheck(check: TextCheck, answer: DesignAnswer): CheckResult {
  const s = answer.sections;
  const fail = (why: string) => result(check, 0, `${why} ${check.teach}`);
  const pass = (msg: string) => result(check, 1, msg);

  switch (check.type) {
    case "requirements-quantities": {
      const qs = findQuantities(s.requirements);
      const dims = new Set(qs.map((q) => q.dimension));
      const missing = (check.dimensions ?? []).filter((d) => !dims.has(d));
      if (qs.length >= check.min && missing.length === 0) return pass(`${qs.length} quantities with units in the requirements.`);
      const parts: string[] = [];
      if (qs.length < check.min) parts.push(`${qs.length} quantit${qs.length === 1 ? "y" : "ies"} with units in the requirements; at least ${check.min} expected.`);
      if (missing.length > 0) parts.push(`Missing: ${missing.map((d) => DIMENSION_NEEDS[d]).join("; ")}.`);
      return fail(parts.join(" "));
    }
    case "failure-modes": {
      const all = items(s.failureModes).map(failureAndMitigation);
      const seen = new Set<string>();
      const good = all.filter((f) => {
        const k = words(f.failure).join(" ");
        if (k === "" || seen.has(k) || wordCount(f.mitigation) < MIN_MITIGATION_WORDS) return false;
        seen.add(k);
        return true;
      });
      const bare = all.length - good.length;
      const topics = check.topics ?? [];
      const cov = covered(topics, good.map((f) => `${f.failure} ${f.mitigation}`));
      const needTopics = check.minTopics ?? topics.length;
      if (good.length >= check.min && cov.hit.length >= needTopics) {
        return pass(`${good.length} failure modes with mitigations${topics.length ? `, covering ${cov.hit.join(", ")}` : ""}.`);
      }
      const parts = [`${good.length} failure mode${good.length === 1 ? "" : "s"} with a mitigation; at least ${check.min} expected.`];
      if (bare > 0) parts.push(`${bare} item${bare === 1 ? " names" : "s name"} a failure without a concrete mitigation (write "failure: what the system does about it").`);
      if (cov.hit.length < needTopics) parts.push(`Not yet covered: ${cov.miss.join(", ")}.`);
      return fail(parts.join(" "));
    }
    case "slos": {
      const lines = sloLines(`${s.operations}\n${s.requirements}`);
      const distinct = new Set([...lines.availability, ...lines.latency, ...lines.freshness]);
      const missing = (check.need ?? []).filter((k) => lines[k].length === 0);
      if (distinct.size >= check.min && missing.length === 0) return pass(`${distinct.size} SLOs with numeric targets.`);
      const parts = [`${distinct.size} SLO${distinct.size === 1 ? "" : "s"} with a numeric target (a percentage, or a percentile/deadline with a time).`];
      if (missing.length > 0) parts.push(`No ${missing.join(" or ")} SLO.`);
      return fail(parts.join(" "));
    }
    case "metrics": {
      const found = metricNames(s.operations);
      const cov = covered(check.topics ?? [], found.map((m) => `${m.name.replace(/[_.:]/g, " ")} ${m.line}`));
      if (found.length >= check.min && cov.miss.length === 0) return pass(`${found.length} named metrics: ${found.map((m) => m.name).slice(0, 8).join(", ")}.`);
      const parts = [`${found.length} named metric${found.length === 1 ? "" : "s"} (write them as names such as \`queue_lag_seconds\`); at least ${check.min} expected.`];
      if (cov.miss.length > 0) parts.push(`No metric for: ${cov.miss.join(", ")}.`);
      return fail(parts.join(" "));
    }
    case "alerts": {
      const lines = s.operations.split("\n").filter((l) => ALERT_WORD.test(l) && THRESHOLD.test(l) && /\d/.test(l));
      if (lines.length >= check.min) return pass(`${lines.length} alert${lines.length === 1 ? "" : "s"} with thresholds.`);
      return fail(`${lines.length} alert${lines.length === 1 ? "" : "s"} with a threshold (what fires, above or below which number, for how long); at least ${check.min} expected.`);
    }
    case "sections-filled": {
      const names: readonly SectionName[] = check.sections ?? SECTION_NAMES;
      const thin = names.filter((n) => wordCount(s[n]) < check.minWords);
      if (thin.length === 0) return pass(`All ${names.length} sections answered.`);
      return fail(`Too short or empty: ${thin.map((n) => SECTION_TITLES[n]).join(", ")}.`);
    }
  }
}

import { describe, expect, it } from "vitest";
import { parseAnswer, type DesignAnswer } from "./answer-schema.ts";
import { textCheckSchema, type TextCheck } from "./problem-schema.ts";
import { runTextCheck, sloLines } from "./text-checks.ts";

const check = (c: Record<string, unknown>): TextCheck => textCheckSchema.parse({ id: "c", dimension: "operations", title: "t", teach: "Hint.", ...c });
const answer = (sections: Partial<DesignAnswer["sections"]>) => parseAnswer({ sections });

const FAILURES = `
- **Ingester crash**: Kafka keeps the samples; the new owner replays from the committed offset.
- **Zone outage**: replicas in three zones; writes continue with min ISR 2.
- **Cardinality explosion**: per-tenant series limit rejects new series for that tenant only.
- Backlog grows → autoscale consumers on lag and shed low-priority tenants.
`;

const OPS = `
**SLOs**
- 99 % of samples queryable within 60 s (30 days).
- 99.9 % of queries succeed; p99 query latency < 2 s.

**Metrics**: \`kafka_consumer_lag_seconds\`, \`ingest_samples_rejected_total\`, \`query_request_duration_seconds\`.

**Alerts**
- Page when kafka_consumer_lag_seconds > 120 for 5 min.
- Ticket when rejected samples exceed 1 % for 10 min.
- We alert on everything important.
`;

describe("requirements-quantities", () => {
  const c = check({ type: "requirements-quantities", min: 3, dimensions: ["ratio", "duration"] });
  it("passes numbers with units covering the asked dimensions", () => {
    expect(runTextCheck(c, answer({ requirements: "- 1M hosts\n- fresh within 60 s\n- 99.9 % available" })).status).toBe("pass");
  });
  it("fails adjectives and names the missing kinds of number", () => {
    const r = runTextCheck(c, answer({ requirements: "- Scalable to 1M hosts\n- Highly available\n- Low latency" }));
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/1 quantity with units .* at least 3 expected/);
    expect(r.message).toMatch(/a percentage target .* a time target/);
  });
});

describe("failure-modes", () => {
  const c = check({
    type: "failure-modes",
    min: 4,
    minTopics: 2,
    topics: [
      { name: "node loss", anyOf: ["crash", "node"] },
      { name: "zone outage", anyOf: ["zone", "az"] },
      { name: "clock skew", anyOf: ["clock"] },
    ],
  });
  it("passes failure modes that each carry a mitigation and cover enough topics", () => {
    const r = runTextCheck(c, answer({ failureModes: FAILURES }));
    expect(r.status).toBe("pass");
    expect(r.message).toMatch(/4 failure modes with mitigations, covering node loss, zone outage/);
  });
  it("fails a buzzword list, saying the items lack mitigations", () => {
    const r = runTextCheck(c, answer({ failureModes: "- Redundancy\n- Failover\n- Retries: yes\n- Chaos engineering\n- Circuit breakers" }));
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/0 failure modes with a mitigation/);
    expect(r.message).toMatch(/5 items name a failure without a concrete mitigation/);
  });
  it("does not count the same failure twice, and reports uncovered topics", () => {
    const dup = "- Node crash: replica takes over in 5 s\n- node crash: replica takes over again\n- Disk full: alert at 80 % and expire\n- Bad deploy: automatic rollback on errors";
    const r = runTextCheck(c, answer({ failureModes: dup }));
    expect(r.message).toMatch(/^3 failure modes/);
    expect(r.message).toMatch(/Not yet covered: zone outage, clock skew/);
  });
});

describe("slos, metrics, alerts", () => {
  it("classifies SLO lines", () => {
    const lines = sloLines(OPS);
    expect(lines.availability).toHaveLength(2);
    expect(lines.latency).toHaveLength(1);
    expect(lines.freshness).toHaveLength(1);
  });
  it("slos passes with numeric targets and fails on words, naming the missing kind", () => {
    const c = check({ type: "slos", min: 2, need: ["availability", "freshness"] });
    expect(runTextCheck(c, answer({ operations: OPS })).status).toBe("pass");
    const r = runTextCheck(c, answer({ operations: "- High availability SLO\n- Low latency SLO\n- 99.9 % uptime" }));
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/1 SLO with a numeric target.*No freshness SLO/);
  });
  it("metrics needs named metrics covering the topics", () => {
    const c = check({ type: "metrics", min: 3, topics: [{ name: "lag", anyOf: ["lag"] }, { name: "saturation", anyOf: ["saturation", "cpu"] }] });
    const r = runTextCheck(c, answer({ operations: OPS }));
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/No metric for: saturation/);
    expect(runTextCheck(check({ type: "metrics", min: 3 }), answer({ operations: OPS })).status).toBe("pass");
    expect(runTextCheck(check({ type: "metrics", min: 1 }), answer({ operations: "We track latency, errors and saturation." })).status).toBe("fail");
  });
  it("alerts count lines with a threshold, not mentions of alerting", () => {
    expect(runTextCheck(check({ type: "alerts", min: 2 }), answer({ operations: OPS })).message).toBe("2 alerts with thresholds.");
    expect(runTextCheck(check({ type: "alerts", min: 1 }), answer({ operations: "- Alerting on everything\n- PagerDuty alerts" })).status).toBe("fail");
  });
});

describe("sections-filled", () => {
  it("names the thin sections", () => {
    const c = check({ type: "sections-filled", minWords: 3, sections: ["api", "tradeoffs"] });
    expect(runTextCheck(c, answer({ api: "GET /things returns things", tradeoffs: "CAP" })).message).toBe("Too short or empty: Trade-offs. Hint.");
    expect(runTextCheck(c, answer({ api: "GET /things returns things", tradeoffs: "push over pull, because hosts buffer" })).status).toBe("pass");
  });
});

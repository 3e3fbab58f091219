import { describe, expect, it } from "vitest";
import { failureAndMitigation, findQuantities, items, metricNames } from "./text-scan.ts";

describe("findQuantities", () => {
  it("finds quantities with units in prose and skips bare or glued numbers", () => {
    const qs = findQuantities("Ingest from 1M hosts every 10 s; p99 < 200ms; 99.95% availability; 35k/s writes; 1.2 TB/day; RF=3 and v2; 42.");
    expect(qs.map((q) => q.dimension)).toEqual(["count", "duration", "duration", "ratio", "rate", "throughput"]);
    expect(qs[0]).toMatchObject({ value: 1e6, noun: "hosts" });
  });

  it("reads 'per' phrases and separators in numbers", () => {
    expect(findQuantities("about 50 000 servers sending 100 lines per second")).toEqual([
      { value: 50_000, dimension: "count", noun: "servers" },
      { value: 100, dimension: "rate", noun: "lines" },
    ]);
  });

  it("finds nothing in a buzzword list", () => {
    expect(findQuantities("- Scalable\n- Highly available\n- Low latency")).toEqual([]);
  });
});

describe("items and failure/mitigation split", () => {
  const split = (md: string) => items(md).map(failureAndMitigation);

  it("splits bullets on colons, arrows and dashes, with bold and sub-bullets", () => {
    expect(split("- **Broker loss**: RF=3 keeps writes\n- Zone outage → shift traffic to other zones\n  - drain in 5 min\n- Disk full - alert and expire old data\n- Redundancy")).toEqual([
      { failure: "Broker loss", mitigation: "RF=3 keeps writes" },
      { failure: "Zone outage", mitigation: "shift traffic to other zones drain in 5 min" },
      { failure: "Disk full", mitigation: "alert and expire old data" },
      { failure: "Redundancy", mitigation: "" },
    ]);
  });

  it("reads tables, skipping the header row", () => {
    expect(split("| Failure | Mitigation |\n|---|---|\n| Node crash | Replica promoted in 5 s |\n| Hot key | |")).toEqual([
      { failure: "Node crash", mitigation: "Replica promoted in 5 s" },
      { failure: "Hot key", mitigation: "" },
    ]);
  });

  it("reads headings with paragraphs and explicit 'Mitigation:' labels, and drops a heading that only titles a list", () => {
    expect(split("### Leader crash\nThe standby takes the lease within 10 s.\n\n### Failures\n- Clock skew. Mitigation: use the database clock")).toEqual([
      { failure: "Leader crash", mitigation: "The standby takes the lease within 10 s." },
      { failure: "Clock skew.", mitigation: "use the database clock" },
    ]);
  });

  it("numbers count as bullets", () => {
    expect(items("1. a: b c d\n2) e: f g h")).toHaveLength(2);
  });
});

describe("metricNames", () => {
  it("finds snake_case names and identifier-like code spans, without labels", () => {
    expect(metricNames("- `ingest_lag_seconds` p99\n- `kafka.consumer.lag`\n- `http_requests_total{code}` and dropped_samples_total\n- `make deploy` and CPU").map((m) => m.name)).toEqual([
      "ingest_lag_seconds",
      "kafka.consumer.lag",
      "http_requests_total",
      "dropped_samples_total",
    ]);
  });

  it("finds none in prose", () => {
    expect(metricNames("We monitor latency, errors and saturation on dashboards.")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { magnitudeCredit, scoreEstimates } from "./estimates.ts";
import { estimateSpecSchema, type EstimateSpec } from "./problem-schema.ts";

const spec: EstimateSpec = estimateSpecSchema.parse({
  id: "sample-rate",
  name: "Ingest sample rate",
  ask: "How many samples per second?",
  reference: "100M/s",
  formula: "hosts * series / interval",
  inputs: [
    { id: "hosts", name: "hosts", reference: "1000000 hosts" },
    { id: "series", name: "series per host", reference: "1000 series" },
    { id: "interval", name: "collection interval", reference: "10 s" },
  ],
  teach: "Start from hosts × series.",
});

const inputs = [
  { name: "hosts", value: "1M hosts" },
  { name: "series per host", value: "1000" },
  { name: "collection interval", value: "10 s" },
];

const byId = (rs: ReturnType<typeof scoreEstimates>, id: string) => rs.find((r) => r.id === id)!;

describe("magnitudeCredit", () => {
  it.each([
    [100, 100, 1],
    [300, 100, 1],
    [33.4, 100, 1],
    [301, 100, 0.5],
    [1000, 100, 0.5],
    [10, 100, 0.5],
    [1001, 100, 0],
    [9.9, 100, 0],
    [0, 100, 0],
  ])("%d against %d earns %d", (v, ref, credit) => {
    expect(magnitudeCredit(v, ref)).toBe(credit);
  });
});

describe("scoreEstimates", () => {
  it("gives full credit and a passing consistency check to a right, consistent answer", () => {
    const rs = scoreEstimates([spec], [{ name: "Ingest sample rate", value: "100M/s", inputs }]);
    expect(byId(rs, "estimate:sample-rate")).toMatchObject({ status: "pass", credit: 1, weight: 1, dimension: "estimation" });
    expect(byId(rs, "consistency:sample-rate")).toMatchObject({ status: "pass", weight: 0.5 });
  });

  it("matches the estimate by id or name, ignoring case and punctuation", () => {
    expect(scoreEstimates([spec], [{ name: "SAMPLE-RATE", value: "1e8/s" }])[0]!.status).toBe("pass");
  });

  it("normalises units before comparing: per day equals per second", () => {
    expect(scoreEstimates([spec], [{ name: "sample-rate", value: "8.64e12 samples/day" }])[0]!.status).toBe("pass");
  });

  it("gives half credit between 3× and 10× and says which way, without the reference", () => {
    const r = scoreEstimates([spec], [{ name: "sample-rate", value: "500M/s" }])[0]!;
    expect(r).toMatchObject({ status: "partial", credit: 0.5 });
    expect(r.message).toMatch(/between 3× and 10× too high/);
    expect(r.message).not.toMatch(/100 M/);
  });

  it("gives nothing beyond 10×", () => {
    const r = scoreEstimates([spec], [{ name: "sample-rate", value: "5M/s" }])[0]!;
    expect(r).toMatchObject({ status: "fail", credit: 0 });
    expect(r.message).toMatch(/more than 10× too low/);
  });

  it("fails a value of the wrong dimension and says what was asked", () => {
    const r = scoreEstimates([spec], [{ name: "sample-rate", value: "100 GB" }])[0]!;
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/asks for a rate .* but 100 GB is an amount of data/);
  });

  it("fails an unreadable value with the parser's reason", () => {
    expect(scoreEstimates([spec], [{ name: "sample-rate", value: "100 mb/s" }])[0]!.message).toMatch(/ambiguous/);
  });

  it("fails a missing estimate and repeats the question", () => {
    const rs = scoreEstimates([spec], []);
    expect(byId(rs, "estimate:sample-rate").message).toMatch(/No value given .* How many samples per second/);
    expect(byId(rs, "consistency:sample-rate").status).toBe("fail");
  });

  it("catches a unit slip between the stated inputs and the answer", () => {
    const r = byId(scoreEstimates([spec], [{ name: "sample-rate", value: "10M/s", inputs }]), "consistency:sample-rate");
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/Your own inputs give 100 M\/s, not 10 M\/s/);
  });

  it("accepts consistent arithmetic on inputs that differ from the reference", () => {
    const own = [
      { name: "hosts", value: "1M" },
      { name: "series", value: "200" },
      { name: "interval", value: "60 s" },
    ];
    const rs = scoreEstimates([spec], [{ name: "sample-rate", value: "3.3M/s", inputs: own }]);
    expect(byId(rs, "estimate:sample-rate").status).toBe("fail");
    expect(byId(rs, "consistency:sample-rate").status).toBe("pass");
  });

  it("tolerates 20 % rounding and no more", () => {
    const at = (v: string) => byId(scoreEstimates([spec], [{ name: "sample-rate", value: v, inputs }]), "consistency:sample-rate").status;
    expect(at("119M/s")).toBe("pass");
    expect(at("121M/s")).toBe("fail");
  });

  it("asks for inputs when none are stated, names missing ones, and checks their dimensions", () => {
    const check = (given: { name: string; value: string }[] | undefined) =>
      byId(scoreEstimates([spec], [{ name: "sample-rate", value: "100M/s", ...(given ? { inputs: given } : {}) }]), "consistency:sample-rate").message;
    expect(check(undefined)).toMatch(/State the inputs you used \(hosts, series per host, collection interval\)/);
    expect(check(inputs.slice(0, 2))).toMatch(/Missing input: collection interval/);
    expect(check([...inputs.slice(0, 2), { name: "interval", value: "10 GB" }])).toMatch(/should be a duration/);
  });
});

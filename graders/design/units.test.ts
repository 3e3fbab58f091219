import { describe, expect, it } from "vitest";
import { formatQuantity, parseQuantity, QuantityError, sameDimension, tryParseQuantity } from "./units.ts";

describe("parseQuantity", () => {
  it.each([
    ["35k/s", 35_000, "rate"],
    ["35 k/s", 35_000, "rate"],
    ["1.2 TB", 1.2e12, "data"],
    ["800 Mbit/s", 1e8, "throughput"],
    ["800 Mb/s", 1e8, "throughput"],
    ["10 Gbps", 1.25e9, "throughput"],
    ["100 MBps", 1e8, "throughput"],
    ["40 servers", 40, "count"],
    ["3.5e6 req/day", 3.5e6 / 86_400, "rate"],
    ["2 GiB", 2 * 2 ** 30, "data"],
    ["1 KiB", 1024, "data"],
    ["120 ms", 0.12, "duration"],
    ["200 µs", 200e-6, "duration"],
    ["5 min", 300, "duration"],
    ["3 days", 259_200, "duration"],
    ["99.99 %", 0.9999, "ratio"],
    ["99.9%", 0.999, "ratio"],
    ["50 000 servers", 50_000, "count"],
    ["50\u202f000 hosts", 50_000, "count"],
    ["1,000,000 req/s", 1e6, "rate"],
    ["1.5 million hosts", 1.5e6, "count"],
    ["2 bn messages", 2e9, "count"],
    ["35k rps", 35_000, "rate"],
    ["4 kQPS", 4_000, "rate"],
    ["600 per 5 min", 2, "rate"],
    ["~35k/s", 35_000, "rate"],
    ["1.2 TB/day of logs", 1.2e12 / 86_400, "throughput"],
    ["2M", 2e6, "count"],
    ["16 B", 16, "data"],
  ] as const)("%s", (text, value, dimension) => {
    const q = parseQuantity(text);
    expect(q.dimension).toBe(dimension);
    expect(q.value).toBeCloseTo(value, 6);
  });

  it("does not read Object.prototype names as units", () => {
    expect(parseQuantity("5 constructor")).toEqual({ value: 5, dimension: "count", noun: "constructor" });
    expect(() => parseQuantity("5 req/toString")).toThrow(/"\/toString" is not a time unit/);
  });

  it("keeps the counted noun", () => {
    expect(parseQuantity("40 servers").noun).toBe("servers");
    expect(parseQuantity("3.5e6 req/day").noun).toBe("req");
    expect(parseQuantity("35k/s").noun).toBeUndefined();
  });

  it.each([
    ["", /empty/],
    ["lots", /does not start with a number/],
    ["-3 s", /negative/],
    ["2 mb", /ambiguous: write MB for bytes or Mbit for bits/],
    ["5 m", /ambiguous: write min/],
    ["3 KB/host", /"\/host" is not a time unit/],
    ["3 req/s/s", /more than one '\/'/],
    ["120 ms/s", /a duration cannot be divided by time/],
    ["3 x 10^6", /not a unit this parser knows/],
    ["4/", /nothing after '\/'/],
  ])("rejects %j with a message naming the problem", (text, message) => {
    expect(() => parseQuantity(text)).toThrow(QuantityError);
    expect(() => parseQuantity(text)).toThrow(message);
  });

  it("tryParseQuantity returns the message instead of throwing", () => {
    const r = tryParseQuantity("2 gb");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('"2 gb"');
  });
});

describe("dimensions and formatting", () => {
  it("treats ratios as dimensionless counts", () => {
    expect(sameDimension("ratio", "count")).toBe(true);
    expect(sameDimension("rate", "throughput")).toBe(false);
  });

  it.each([
    ["35k/s", "35 k/s"],
    ["1.2 TB", "1.2 TB"],
    ["800 Mbit/s", "100 MB/s"],
    ["120 ms", "120 ms"],
    ["90 s", "1.5 min"],
    ["40 servers", "40 servers"],
    ["99.95 %", "99.95 %"],
  ])("formats %s as %s", (text, shown) => {
    expect(formatQuantity(parseQuantity(text))).toBe(shown);
  });
});

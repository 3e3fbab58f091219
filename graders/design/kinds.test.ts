import { describe, expect, it } from "vitest";
import { builtinCatalog, classify, extendCatalog, hasReplicaMarker, words } from "./kinds.ts";

const catalog = builtinCatalog();

describe("label classification", () => {
  it.each([
    ["ALB", ["load-balancer"]],
    ["nginx (L7)", ["load-balancer"]],
    ["HAProxy pair", ["load-balancer"]],
    ["Envoy", ["load-balancer"]],
    ["Kafka RF=3", ["queue"]],
    ["Pub/Sub", ["queue"]],
    ["Amazon SQS", ["queue"]],
    ["Redis cache server", ["cache"]],
    ["Memcached", ["cache"]],
    ["Postgres primary", ["database"]],
    ["Metrics TSDB", ["database", "tsdb"]],
    ["S3 archive", ["object-store"]],
    ["CloudFront CDN", ["cdn"]],
    ["Mobile clients", ["client"]],
    ["Ingest service", ["service"]],
    ["Web servers", ["service"]],
    ["API gateway", ["api-gateway", "load-balancer"]],
    ["etcd ×3", ["coordination"]],
    ["Kernel-bypass NIC (ef_vi)", ["kernel-bypass"]],
    ["Whiteboard doodle", []],
  ])("%s → %j", (label, kinds) => {
    expect(classify(label, catalog)).toEqual(kinds);
  });

  it("allows plurals but not arbitrary prefixes", () => {
    expect(classify("Load balancers", catalog)).toEqual(["load-balancer"]);
    expect(classify("Databases", catalog)).toEqual(["database"]);
    expect(classify("Dbase", catalog)).toEqual([]);
  });

  it("takes extra aliases from a problem, only for known kinds", () => {
    const ext = extendCatalog(catalog, { client: ["strategy engine"] });
    expect(classify("Strategy engines", ext)).toEqual(["client"]);
    expect(classify("Strategy engines", catalog)).toEqual(["service"]);
    expect(() => extendCatalog(catalog, { teapot: ["kettle"] })).toThrow(/unknown kind "teapot"/);
    expect(() => extendCatalog(catalog, { constructor: ["x"] })).toThrow(/unknown kind "constructor"/);
  });

  it("recognises replica markers", () => {
    for (const l of ["Postgres + read replica", "Kafka RF=3", "etcd ×3", "MySQL (multi-AZ)", "Redis primary/standby"]) expect(hasReplicaMarker(l, catalog)).toBe(true);
    for (const l of ["Postgres", "Kafka", "Redis"]) expect(hasReplicaMarker(l, catalog)).toBe(false);
  });

  it("splits labels into lower-case words", () => {
    expect(words("Pub/Sub ×3\nRF=3")).toEqual(["pub", "sub", "x3", "rf", "3"]);
  });
});

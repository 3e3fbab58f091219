import { describe, expect, it } from "vitest";
import { sceneSchema } from "./answer-schema.ts";
import { sceneToGraph } from "./diagram.ts";
import { findKindPath, runDiagramCheck } from "./diagram-checks.ts";
import { builtinCatalog } from "./kinds.ts";
import { diagramCheckSchema, type DiagramCheck } from "./problem-schema.ts";
import { buildScene, type SceneSpec } from "./scene-builder.ts";

const catalog = builtinCatalog();
const graph = (spec: SceneSpec) => sceneToGraph(sceneSchema.parse(buildScene(spec)), catalog);
const check = (c: Record<string, unknown>): DiagramCheck =>
  diagramCheckSchema.parse({ id: "c", dimension: "architecture", title: "t", teach: "Think about it.", ...c });

const row = (labels: string[]) => ({
  nodes: labels.map((label, i) => ({ id: `n${i}`, label, x: i * 250, y: 0 })),
  edges: labels.slice(1).map((_, i) => ({ from: `n${i}`, to: `n${i + 1}` })),
});

const good = graph({
  nodes: [
    { id: "c", label: "Clients", x: 0, y: 0 },
    { id: "cdn", label: "CDN", x: 250, y: 0 },
    { id: "lb", label: "ALB", x: 500, y: 0 },
    { id: "api", label: "API service", x: 750, y: 0 },
    { id: "k", label: "Kafka RF=3", x: 1000, y: 0 },
    { id: "w", label: "Writer workers", x: 1250, y: 0 },
    { id: "db", label: "Postgres primary", x: 1500, y: 0 },
    { id: "rep", label: "Postgres replica", x: 1500, y: 200 },
  ],
  edges: [
    { from: "c", to: "cdn" },
    { from: "cdn", to: "lb" },
    { from: "lb", to: "api" },
    { from: "api", to: "k" },
    { from: "k", to: "w" },
    { from: "w", to: "db" },
    { from: "db", to: "rep", label: "async" },
    { from: "api", to: "db", label: "reads" },
  ],
});

describe("diagram checks", () => {
  it("has-kind counts nodes of the kind", () => {
    expect(runDiagramCheck(check({ type: "has-kind", kind: "queue" }), good, catalog).status).toBe("pass");
    const r = runDiagramCheck(check({ type: "has-kind", kind: "cache" }), good, catalog);
    expect(r.status).toBe("fail");
    expect(r.message).toBe("No cache in the diagram. Think about it.");
    expect(runDiagramCheck(check({ type: "has-kind", kind: "database", min: 3 }), good, catalog).message).toMatch(/Only 2 database/);
  });

  it("path allows components in between and follows arrow direction", () => {
    const r = runDiagramCheck(check({ type: "path", kinds: ["client", "load-balancer", "service"] }), good, catalog);
    expect(r.status).toBe("pass");
    expect(r.message).toContain("Clients → CDN → ALB → API service");
    expect(runDiagramCheck(check({ type: "path", kinds: ["service", "load-balancer"] }), good, catalog).status).toBe("fail");
    const reversed = graph({ ...row(["Clients", "ALB", "API"]), edges: [{ from: "n1", to: "n0" }, { from: "n1", to: "n2" }] });
    expect(findKindPath(reversed, ["client", "load-balancer"])).toBeNull();
  });

  it("through fails when some path skips the required component, unless it is a labelled read", () => {
    const strict = check({ type: "through", from: "client", to: "database", via: "queue" });
    const r = runDiagramCheck(strict, good, catalog);
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/API service → Postgres primary reaches a database without passing a queue/);
    expect(runDiagramCheck(check({ type: "through", from: "client", to: "database", via: "queue", ignoreEdgeLabels: ["reads"] }), good, catalog).status).toBe("pass");
    expect(runDiagramCheck(check({ type: "through", from: "client", to: "cache", via: "queue" }), good, catalog).message).toMatch(/No path from a client to a cache/);
  });

  it("replicated accepts labels, drawn replicas and replication arrows, and names what is single", () => {
    const c = check({ type: "replicated" });
    expect(runDiagramCheck(c, good, catalog).status).toBe("pass");
    const single = graph(row(["API", "Redis", "S3"]));
    const r = runDiagramCheck(c, single, catalog);
    expect(r.status).toBe("fail");
    expect(r.message).toMatch(/No replica shown for: "Redis"/);
    expect(r.message).not.toMatch(/S3/);
    const arrowLabel = graph({ ...row(["Redis A", "Redis B"]), edges: [{ from: "n0", to: "n1", label: "replication" }] });
    expect(runDiagramCheck(c, arrowLabel, catalog).status).toBe("pass");
    expect(runDiagramCheck(c, graph(row(["API", "Worker"])), catalog).message).toMatch(/No stateful store in the diagram/);
  });

  it("forbid-edge fails on a direct edge either way for two-way arrows", () => {
    const c = check({ type: "forbid-edge", from: "client", to: "database" });
    expect(runDiagramCheck(c, good, catalog).status).toBe("pass");
    const bad = graph({ ...row(["MySQL", "Users"]), edges: [{ from: "n0", to: "n1", heads: "none" }] });
    expect(runDiagramCheck(c, bad, catalog).message).toMatch(/"Users" connects directly to "MySQL"/);
  });

  it("forbid-path and forbid-kind catch what they forbid", () => {
    expect(runDiagramCheck(check({ type: "forbid-path", kinds: ["load-balancer", "database"] }), good, catalog).status).toBe("fail");
    expect(runDiagramCheck(check({ type: "forbid-path", kinds: ["database", "client"] }), good, catalog).status).toBe("pass");
    expect(runDiagramCheck(check({ type: "forbid-kind", kind: "cache" }), good, catalog).status).toBe("pass");
    expect(runDiagramCheck(check({ type: "forbid-kind", kind: "queue" }), good, catalog).message).toMatch(/"Kafka RF=3" is a queue/);
  });

  it("forbidden-pattern checks earn nothing on an unconnected canvas", () => {
    const empty = graph({ nodes: [{ id: "a", label: "Postgres", x: 0, y: 0 }], edges: [] });
    for (const c of [
      { type: "forbid-edge", from: "client", to: "database" },
      { type: "forbid-path", kinds: ["client", "database"] },
      { type: "forbid-kind", kind: "queue" },
    ]) {
      expect(runDiagramCheck(check(c), empty, catalog).message).toMatch(/^Nothing connected/);
    }
  });
});

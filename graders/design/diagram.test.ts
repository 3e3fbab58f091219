import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sceneSchema } from "./answer-schema.ts";
import { sceneToGraph, type Graph } from "./diagram.ts";
import { builtinCatalog } from "./kinds.ts";
import { buildScene } from "./scene-builder.ts";

const catalog = builtinCatalog();
const saved = sceneSchema.parse(JSON.parse(readFileSync(new URL("./__fixtures__/canvas-save.excalidraw.json", import.meta.url), "utf8")));

const edge = (g: Graph, from: string, to: string) => {
  const id = (label: string) => g.nodes.find((n) => n.label === label)?.id;
  return g.edges.find((e) => e.from === id(from) && e.to === id(to));
};

describe("sceneToGraph on a scene saved from the canvas", () => {
  const g = sceneToGraph(saved, catalog);

  it("labels shapes from bound text and from free text drawn inside them", () => {
    expect(g.nodes.map((n) => [n.label, n.kinds])).toEqual([
      ["Browser", ["client"]],
      ["ALB", ["load-balancer"]],
      ["Orders API", ["service"]],
      ["Postgres primary + replica", ["database"]],
      ["Redis", ["cache"]],
    ]);
    expect(g.nodes.find((n) => n.label.startsWith("Postgres"))!.replicaMarked).toBe(true);
  });

  it("reads bound arrows, their labels, and a start-only arrowhead as a reversed arrow", () => {
    expect(edge(g, "Browser", "ALB")).toMatchObject({ bidirectional: false, inferred: false, label: "" });
    expect(edge(g, "ALB", "Orders API")).toBeDefined();
    expect(edge(g, "Orders API", "Postgres primary + replica")).toMatchObject({ label: "writes", bidirectional: false });
  });

  it("attaches an unbound arrow whose ends lie on boxes, marked inferred", () => {
    expect(edge(g, "Orders API", "Redis")).toMatchObject({ inferred: true });
  });

  it("ignores deleted elements, lines and unlabelled shapes, and says what it could not use", () => {
    expect(g.nodes.some((n) => n.label === "Kafka")).toBe(false);
    expect(g.edges).toHaveLength(4);
    expect(g.notes).toEqual([
      "1 shape has no label and was ignored",
      "an arrow is not attached to a labelled box at both ends; drag each end onto a box until it highlights",
    ]);
  });
});

describe("sceneToGraph on built scenes", () => {
  it("treats both arrowheads or none as two-way and notes unknown labels", () => {
    const scene = sceneSchema.parse(
      buildScene({
        nodes: [
          { id: "a", label: "Kafka", x: 0, y: 0 },
          { id: "b", label: "Consumer service", x: 300, y: 0 },
          { id: "c", label: "Mystery box", x: 600, y: 0 },
        ],
        edges: [
          { from: "a", to: "b", heads: "both" },
          { from: "b", to: "c", heads: "none", label: "replicates" },
        ],
      }),
    );
    const g = sceneToGraph(scene, catalog);
    expect(g.edges.map((e) => e.bidirectional)).toEqual([true, true]);
    expect(g.edges[1]!.label).toBe("replicates");
    expect(g.notes).toEqual([expect.stringMatching(/"Mystery box" is not a component kind/)]);
  });

  it("reads an empty canvas as an empty graph", () => {
    expect(sceneToGraph({ elements: [] }, catalog)).toEqual({ nodes: [], edges: [], notes: [] });
  });

  it("keeps an arrow bound to a deleted shape out of the graph", () => {
    const built = buildScene({ nodes: [{ id: "a", label: "LB", x: 0, y: 0 }, { id: "b", label: "API", x: 300, y: 0 }], edges: [{ from: "a", to: "b" }] });
    const scene = sceneSchema.parse(built);
    scene.elements = scene.elements.map((e) => (e.id === "b" ? { ...e, isDeleted: true } : e));
    const g = sceneToGraph(scene, catalog);
    expect(g.edges).toEqual([]);
    expect(g.notes.some((n) => n.includes("not attached"))).toBe(true);
  });
});

describe("sceneToGraph on a large scene", () => {
  it("reads the largest accepted scene quickly", () => {
    const n = 1000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, label: i % 2 ? `Service ${i}` : `Redis ${i}`, x: (i % 40) * 250, y: Math.floor(i / 40) * 150 }));
    const edges = Array.from({ length: n / 2 - 1 }, (_, i) => ({ from: `s${i}`, to: `s${i + 1}`, unbound: i % 2 === 0 }));
    const scene = sceneSchema.parse(buildScene({ nodes, edges }));
    expect(scene.elements.length).toBeLessThanOrEqual(3000);
    const t0 = performance.now();
    const g = sceneToGraph(scene, catalog);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(g.nodes).toHaveLength(n);
    expect(g.edges).toHaveLength(n / 2 - 1);
  });
});

describe("wrapped labels", () => {
  it("reads what the user typed, not the canvas's wrapped lines", () => {
    const scene = sceneSchema.parse(buildScene({ nodes: [{ id: "a", label: "Elasticsearch", x: 0, y: 0 }], edges: [] }));
    scene.elements = scene.elements.map((e) => (e.type === "text" ? { ...e, text: "Elasticsear\nch" } : e));
    expect(sceneToGraph(scene, catalog).nodes[0]).toMatchObject({ label: "Elasticsearch", kinds: ["database", "search-index"] });
  });
});

describe("sceneToGraph on a scene recorded from the real canvas in Chromium", () => {
  // Drawn with Excalidraw 0.18.1 in the app (three boxes labelled with Enter + typing, two arrows drawn
  // edge to edge) and read back from the saved draft: the exact JSON the app stores.
  const recorded = sceneSchema.parse(JSON.parse(readFileSync(new URL("./__fixtures__/canvas-recorded.excalidraw.json", import.meta.url), "utf8")));
  const g = sceneToGraph(recorded, catalog);

  it("finds the labelled boxes and their kinds", () => {
    expect(g.nodes.map((n) => n.label).sort()).toEqual(["Hosts (agent)", "Ingester", "Kafka"]);
    expect(g.nodes.find((n) => n.label === "Kafka")?.kinds).toContain("queue");
  });

  it("reads both arrows as bound edges in drawing direction", () => {
    expect(edge(g, "Hosts (agent)", "Kafka")).toMatchObject({ inferred: false, bidirectional: false });
    expect(edge(g, "Kafka", "Ingester")).toMatchObject({ inferred: false, bidirectional: false });
    expect(g.edges).toHaveLength(2);
  });
});

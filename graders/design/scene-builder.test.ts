import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Scene } from "./answer-schema.ts";
import { listDesignProblemSlugs, loadDesignProblem, loadReferenceAnswer, loadWeakAnswers } from "./problem-files.ts";
import { buildScene } from "./scene-builder.ts";

/**
 * Invariants the Excalidraw canvas relies on when it loads a scene: unique ids,
 * ordered fractional indices, text↔container and arrow↔shape bindings recorded
 * on both sides. A scene breaking them loads with detached labels or arrows.
 */
function invariantErrors(scene: Scene): string[] {
  const errors: string[] = [];
  const byId = new Map<string, Record<string, any>>();
  for (const e of scene.elements) {
    if (byId.has(e.id)) errors.push(`duplicate id ${e.id}`);
    byId.set(e.id, e);
  }
  const indices = scene.elements.map((e) => String((e as Record<string, unknown>).index));
  if ([...indices].sort().join() !== indices.join()) errors.push("indices are not in z-order");
  const listed = (owner: string, id: string) => (byId.get(owner)?.boundElements ?? []).some((b: { id: string }) => b.id === id);
  for (const e of scene.elements) {
    if (e.type === "text" && e.containerId && !listed(e.containerId, e.id)) errors.push(`${e.containerId} does not list its label ${e.id}`);
    if (e.type === "arrow") {
      for (const b of [e.startBinding, e.endBinding]) if (b && !listed(b.elementId, e.id)) errors.push(`${b.elementId} does not list arrow ${e.id}`);
    }
    for (const b of (e.boundElements ?? []) as { id: string; type: string }[]) {
      const other = byId.get(b.id);
      if (!other) errors.push(`${e.id} lists missing ${b.id}`);
      else if (other.type !== b.type) errors.push(`${e.id} lists ${b.id} as ${b.type}, it is ${other.type}`);
    }
  }
  return errors;
}

describe("scene builder", () => {
  it("builds scenes that keep Excalidraw's invariants", () => {
    const s = buildScene({
      nodes: [
        { id: "a", label: "A", x: 0, y: 0 },
        { id: "b", label: "B", x: 300, y: 0, looseLabel: true },
      ],
      edges: [{ from: "a", to: "b", label: "x" }, { from: "b", to: "a", unbound: true }],
      notes: [{ text: "title", x: 0, y: -100 }],
    }) as unknown as Scene;
    expect(invariantErrors(s)).toEqual([]);
    expect(s.elements.map((e) => e.type)).toEqual(["rectangle", "text", "rectangle", "text", "arrow", "text", "arrow", "text"]);
  });

  it("is deterministic", () => {
    const spec = { nodes: [{ id: "a", label: "A", x: 0, y: 0 }], edges: [] };
    expect(JSON.stringify(buildScene(spec))).toBe(JSON.stringify(buildScene(spec)));
  });

  it("rejects edges to unknown nodes", () => {
    expect(() => buildScene({ nodes: [], edges: [{ from: "a", to: "b" }] })).toThrow(/unknown node a/);
  });

  it("the invariant check catches a broken binding", () => {
    const s = buildScene({ nodes: [{ id: "a", label: "A", x: 0, y: 0 }], edges: [] }) as unknown as Scene;
    s.elements[0]!.boundElements = [];
    expect(invariantErrors(s)).toEqual(["a does not list its label a-label"]);
  });
});

describe("committed problem scenes", () => {
  const root = path.join(process.cwd(), "problems");
  it.each(listDesignProblemSlugs(root))("%s: reference and weak diagrams load cleanly", (slug) => {
    const p = loadDesignProblem(slug, root);
    expect(invariantErrors(loadReferenceAnswer(p, root).diagram)).toEqual([]);
    for (const w of loadWeakAnswers(p, root)) expect(invariantErrors(w.answer.diagram)).toEqual([]);
  });
});

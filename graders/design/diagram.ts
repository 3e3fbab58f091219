/**
 * Reads an Excalidraw scene as a component graph. A node is a shape
 * (rectangle, ellipse, diamond) labelled by the text bound to it
 * (containerId) or, failing that, by free text drawn inside it; an edge is an
 * arrow bound to a shape at each end. Canvas users sometimes drop an arrow
 * end near a box without binding it, so an unbound end that lies inside (or
 * within a few pixels of) exactly one shape is attached to it and the edge is
 * marked inferred. Arrow labels (text bound to the arrow) become edge labels.
 */
import type { Scene, SceneElement } from "./answer-schema.ts";
import { classify, hasReplicaMarker, type Catalog } from "./kinds.ts";

export interface GraphNode {
  id: string;
  label: string;
  kinds: string[];
  replicaMarked: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  label: string;
  /** Arrowheads at both ends or at neither: traffic in both directions. */
  bidirectional: boolean;
  inferred: boolean;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Things on the canvas the grader could not use, in words for the candidate. */
  notes: string[];
}

const SHAPES = new Set(["rectangle", "ellipse", "diamond"]);
const SNAP_PX = 12;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function box(el: SceneElement): Box {
  // Excalidraw allows negative width/height while resizing; normalise.
  const w = el.width ?? 0;
  const h = el.height ?? 0;
  return { x: Math.min(el.x ?? 0, (el.x ?? 0) + w), y: Math.min(el.y ?? 0, (el.y ?? 0) + h), w: Math.abs(w), h: Math.abs(h) };
}

function inside(b: Box, px: number, py: number, pad: number): boolean {
  return px >= b.x - pad && px <= b.x + b.w + pad && py >= b.y - pad && py <= b.y + b.h + pad;
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function sceneToGraph(scene: Scene, catalog: Catalog): Graph {
  const live = scene.elements.filter((e) => !e.isDeleted);
  const byId = new Map(live.map((e) => [e.id, e]));
  const shapes = live.filter((e) => SHAPES.has(e.type));
  const texts = live.filter((e) => e.type === "text");
  const arrows = live.filter((e) => e.type === "arrow");
  const notes: string[] = [];
  // Boxes once: containment tests run texts × shapes and arrow ends × shapes.
  const boxes = new Map(shapes.map((s) => [s.id, box(s)]));
  const area = (s: SceneElement) => boxes.get(s.id)!.w * boxes.get(s.id)!.h;

  const labels = new Map<string, string[]>();
  const add = (id: string, t: string) => labels.set(id, [...(labels.get(id) ?? []), t]);
  const free: SceneElement[] = [];
  // Bound text is wrapped to its box ("Elasticsear\nch"); originalText is what the user typed.
  const typed = (t: SceneElement) => clean(t.originalText ?? t.text ?? "");
  for (const t of texts) {
    const text = typed(t);
    if (text === "") continue;
    const container = t.containerId ? byId.get(t.containerId) : undefined;
    if (container) add(container.id, text);
    else free.push(t);
  }
  // Free text placed over a shape labels the smallest shape containing its centre.
  for (const t of free) {
    const b = box(t);
    const cx = b.x + b.w / 2;
    const cy = b.y + b.h / 2;
    const hits = shapes.filter((s) => inside(boxes.get(s.id)!, cx, cy, 0)).sort((a, c) => area(a) - area(c));
    if (hits[0]) add(hits[0].id, typed(t));
  }

  const nodes: GraphNode[] = [];
  for (const s of shapes) {
    const label = (labels.get(s.id) ?? []).join(" ");
    if (label === "") continue;
    nodes.push({ id: s.id, label, kinds: classify(label, catalog), replicaMarked: hasReplicaMarker(label, catalog) });
  }
  const unlabelled = shapes.length - nodes.length;
  if (unlabelled > 0) notes.push(`${unlabelled} shape${unlabelled === 1 ? " has" : "s have"} no label and ${unlabelled === 1 ? "was" : "were"} ignored`);
  for (const n of nodes) if (n.kinds.length === 0) notes.push(`"${n.label}" is not a component kind the grader recognises; name the technology or role (e.g. "Kafka", "Postgres", "API service")`);

  const nodeIds = new Set(nodes.map((n) => n.id));
  const nodeBoxes = nodes.map((n) => ({ id: n.id, b: boxes.get(n.id)! }));
  const edges: GraphEdge[] = [];
  for (const a of arrows) {
    const pts = a.points ?? [];
    const first = pts[0] ?? [0, 0];
    const last = pts[pts.length - 1] ?? [0, 0];
    const start = end(a.startBinding?.elementId, (a.x ?? 0) + first[0], (a.y ?? 0) + first[1]);
    const finish = end(a.endBinding?.elementId, (a.x ?? 0) + last[0], (a.y ?? 0) + last[1]);
    const label = (labels.get(a.id) ?? []).join(" ");
    if (!start.id || !finish.id) {
      notes.push(`an arrow${label ? ` labelled "${label}"` : ""} is not attached to a labelled box at both ends; drag each end onto a box until it highlights`);
      continue;
    }
    if (start.id === finish.id) continue;
    const startHead = a.startArrowhead != null;
    const endHead = a.endArrowhead != null;
    // Only a start arrowhead means the arrow points backwards.
    const reversed = startHead && !endHead;
    edges.push({
      from: reversed ? finish.id : start.id,
      to: reversed ? start.id : finish.id,
      label,
      bidirectional: startHead === endHead,
      inferred: start.inferred || finish.inferred,
    });
  }
  return { nodes, edges, notes };

  function end(boundId: string | undefined, px: number, py: number): { id?: string; inferred: boolean } {
    if (boundId && nodeIds.has(boundId)) return { id: boundId, inferred: false };
    let hit: string | undefined;
    for (const { id, b } of nodeBoxes) {
      if (!inside(b, px, py, SNAP_PX)) continue;
      // An end between two boxes is ambiguous: better unattached than wrongly attached.
      if (hit) return { inferred: false };
      hit = id;
    }
    return hit ? { id: hit, inferred: true } : { inferred: false };
  }
}

/** Directed successors, following bidirectional edges both ways; `skip` drops edges (e.g. ones labelled as reads). */
export function successors(g: Graph, skip: (e: GraphEdge) => boolean = () => false): Map<string, string[]> {
  const out = new Map<string, string[]>(g.nodes.map((n) => [n.id, []]));
  for (const e of g.edges) {
    if (skip(e)) continue;
    out.get(e.from)?.push(e.to);
    if (e.bidirectional) out.get(e.to)?.push(e.from);
  }
  return out;
}

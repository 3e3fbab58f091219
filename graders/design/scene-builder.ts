/**
 * Builds Excalidraw scenes in the shape the canvas saves them (every element
 * field of @excalidraw/excalidraw 0.18's JSON export, bound labels, arrow
 * bindings both ways), from a short spec. Used to author the reference and
 * weak diagrams in problems/design and to make test scenes; deterministic so
 * regenerating gives the same bytes.
 */

export interface NodeSpec {
  id: string;
  label: string;
  x: number;
  y: number;
  w?: number;
  h?: number;
  shape?: "rectangle" | "ellipse" | "diamond";
  /** Draw the label as free text over the shape instead of binding it (as hurried users do). */
  looseLabel?: boolean;
}

export interface EdgeSpec {
  from: string;
  to: string;
  label?: string;
  /** "end" (default): from → to; "both": ↔; "none": a plain line; "start": drawn backwards. */
  heads?: "end" | "both" | "none" | "start";
  /** Leave the arrow unbound (ends only lie inside the boxes). */
  unbound?: boolean;
}

export interface SceneSpec {
  nodes: NodeSpec[];
  edges: EdgeSpec[];
  /** Free text not inside any shape (titles, notes). */
  notes?: { text: string; x: number; y: number }[];
}

type El = Record<string, unknown>;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % 2_000_000_000;
}

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Excalidraw's fractional z-order keys ("a0", "a1", …, "b0Z"); only their order matters. */
function fractionalIndex(i: number): string {
  if (i < 62) return `a${DIGITS[i]}`;
  return `b${DIGITS[Math.floor(i / 62) % 62]}${DIGITS[i % 62]}`;
}

function base(id: string, type: string, i: number, x: number, y: number, width: number, height: number): El {
  return {
    id,
    type,
    x,
    y,
    width,
    height,
    angle: 0,
    strokeColor: "#1e1e1e",
    backgroundColor: "transparent",
    fillStyle: "solid",
    strokeWidth: 2,
    strokeStyle: "solid",
    roughness: 1,
    opacity: 100,
    groupIds: [],
    frameId: null,
    index: fractionalIndex(i),
    roundness: null,
    seed: hash(`${id}:seed`),
    version: 3 + (hash(id) % 40),
    versionNonce: hash(`${id}:nonce`),
    isDeleted: false,
    boundElements: null,
    updated: 1767225600000 + (hash(id) % 100000),
    link: null,
    locked: false,
  };
}

function textEl(id: string, i: number, text: string, x: number, y: number, containerId: string | null): El {
  const lines = text.split("\n");
  const width = Math.max(...lines.map((l) => l.length)) * 10;
  const height = lines.length * 25;
  return {
    ...base(id, "text", i, x - width / 2, y - height / 2, width, height),
    fontSize: 20,
    fontFamily: 5,
    text,
    textAlign: "center",
    verticalAlign: "middle",
    containerId,
    originalText: text,
    autoResize: true,
    lineHeight: 1.25,
  };
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the segment from the box centre towards (tx, ty) leaves the box, plus a gap. */
function exitPoint(r: Rect, tx: number, ty: number, gap: number): [number, number] {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const sx = dx === 0 ? Infinity : (r.w / 2 + gap) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (r.h / 2 + gap) / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

export function buildScene(spec: SceneSpec): El & { elements: El[] } {
  const elements: El[] = [];
  let i = 0;
  const rects = new Map<string, Rect>();
  const shapes = new Map<string, El>();
  const bound = new Map<string, { id: string; type: string }[]>();
  const bind = (shapeId: string, id: string, type: string) => bound.set(shapeId, [...(bound.get(shapeId) ?? []), { id, type }]);

  for (const n of spec.nodes) {
    const r = { x: n.x, y: n.y, w: n.w ?? 180, h: n.h ?? 80 };
    rects.set(n.id, r);
    const shape = { ...base(n.id, n.shape ?? "rectangle", i++, r.x, r.y, r.w, r.h), roundness: { type: 3 } };
    shapes.set(n.id, shape);
    elements.push(shape);
    const tid = `${n.id}-label`;
    const cx = r.x + r.w / 2;
    const cy = r.y + r.h / 2;
    if (n.looseLabel) {
      elements.push(textEl(tid, i++, n.label, cx, cy, null));
    } else {
      elements.push(textEl(tid, i++, n.label, cx, cy, n.id));
      bind(n.id, tid, "text");
    }
  }

  spec.edges.forEach((e, k) => {
    const a = rects.get(e.from);
    const b = rects.get(e.to);
    if (!a || !b) throw new Error(`edge ${k}: unknown node ${a ? e.to : e.from}`);
    const id = `arrow-${e.from}-${e.to}-${k}`;
    // Unbound arrows end a few pixels inside the boxes, as a careless drag does.
    const gap = e.unbound ? -6 : 1;
    const [sx, sy] = exitPoint(a, b.x + b.w / 2, b.y + b.h / 2, gap);
    const [ex, ey] = exitPoint(b, a.x + a.w / 2, a.y + a.h / 2, gap);
    const heads = e.heads ?? "end";
    const arrow: El = {
      ...base(id, "arrow", i++, sx, sy, Math.abs(ex - sx), Math.abs(ey - sy)),
      roundness: { type: 2 },
      points: [
        [0, 0],
        [ex - sx, ey - sy],
      ],
      lastCommittedPoint: null,
      startBinding: e.unbound ? null : { elementId: e.from, focus: 0, gap: 1 },
      endBinding: e.unbound ? null : { elementId: e.to, focus: 0, gap: 1 },
      startArrowhead: heads === "both" || heads === "start" ? "arrow" : null,
      endArrowhead: heads === "end" || heads === "both" ? "arrow" : null,
      elbowed: false,
    };
    elements.push(arrow);
    if (!e.unbound) {
      bind(e.from, id, "arrow");
      bind(e.to, id, "arrow");
    }
    if (e.label) {
      const tid = `${id}-label`;
      elements.push(textEl(tid, i++, e.label, (sx + ex) / 2, (sy + ey) / 2, id));
      arrow.boundElements = [{ type: "text", id: tid }];
    }
  });

  for (const [shapeId, list] of bound) {
    const s = shapes.get(shapeId);
    if (s) s.boundElements = list;
  }
  for (const note of spec.notes ?? []) elements.push(textEl(`note-${hash(note.text)}`, i++, note.text, note.x, note.y, null));

  return {
    type: "excalidraw",
    version: 2,
    source: "https://excalidraw.com",
    elements,
    appState: { gridSize: 20, gridStep: 5, gridModeEnabled: false, viewBackgroundColor: "#ffffff" },
    files: {},
  };
}

/**
 * The zoom and scroll that show a whole stored scene inside a canvas of a
 * given size (Excalidraw's viewport: screen = (scene + scroll) × zoom).
 * Computed up front so a read-only diagram opens fitted, with no animation.
 */
import type { SceneElement } from "@/graders/design/answer-schema";

export interface FittedView {
  zoom: { value: number };
  scrollX: number;
  scrollY: number;
}

const PAD = 0.9;

export function fitView(elements: SceneElement[], width: number, height: number): FittedView | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const e of elements) {
    if (e.isDeleted || e.x === undefined || e.y === undefined) continue;
    const xs = [e.x, e.x + (e.width ?? 0)];
    const ys = [e.y, e.y + (e.height ?? 0)];
    for (const [px, py] of e.points ?? []) {
      xs.push(e.x + px);
      ys.push(e.y + py);
    }
    minX = Math.min(minX, ...xs);
    maxX = Math.max(maxX, ...xs);
    minY = Math.min(minY, ...ys);
    maxY = Math.max(maxY, ...ys);
  }
  if (!Number.isFinite(minX) || width <= 0 || height <= 0) return null;
  const w = Math.max(1, maxX - minX);
  const h = Math.max(1, maxY - minY);
  const zoom = Math.max(0.1, Math.min(1, (width * PAD) / w, (height * PAD) / h));
  return { zoom: { value: zoom }, scrollX: (width / zoom - w) / 2 - minX, scrollY: (height / zoom - h) / 2 - minY };
}

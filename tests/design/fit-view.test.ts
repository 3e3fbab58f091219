import { describe, expect, it } from "vitest";
import { fitView } from "../../components/design/fit-view.ts";

const rect = (id: string, x: number, y: number, width: number, height: number) => ({ id, type: "rectangle", x, y, width, height });

describe("fitView", () => {
  it("centres a small scene at 100 %", () => {
    const v = fitView([rect("a", 100, 100, 200, 100)], 1000, 500)!;
    expect(v.zoom.value).toBe(1);
    // screen x of the scene's left edge = (100 + scrollX) × zoom: centred horizontally.
    expect((100 + v.scrollX) * v.zoom.value).toBeCloseTo((1000 - 200) / 2);
    expect((100 + v.scrollY) * v.zoom.value).toBeCloseTo((500 - 100) / 2);
  });

  it("zooms out to fit a large scene, counting arrow points and ignoring deleted elements", () => {
    const arrow = { id: "c", type: "arrow", x: 0, y: 0, width: 0, height: 0, points: [[0, 0], [3000, 0]] as [number, number][] };
    const deleted = { ...rect("d", -90_000, 0, 10, 10), isDeleted: true };
    const v = fitView([rect("a", 0, 0, 100, 100), arrow, deleted], 1000, 500)!;
    expect(v.zoom.value).toBeCloseTo((1000 * 0.9) / 3000);
    expect((0 + v.scrollX) * v.zoom.value).toBeCloseTo((1000 - 3000 * v.zoom.value) / 2);
  });

  it("has nothing to fit in an empty scene or a canvas without size", () => {
    expect(fitView([], 800, 400)).toBeNull();
    expect(fitView([rect("a", 0, 0, 10, 10)], 0, 400)).toBeNull();
  });
});

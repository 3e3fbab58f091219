import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call, useTestDatabase } from "./harness.ts";

useTestDatabase();

const { GET } = await import("../../app/excalidraw/fonts/[...path]/route.ts");
const FONTS = path.join(process.cwd(), "node_modules", "@excalidraw", "excalidraw", "dist", "prod", "fonts");

describe("Excalidraw fonts served by the app", () => {
  it("streams a font the canvas asks for", async () => {
    const file = readdirSync(path.join(FONTS, "Excalifont")).find((f) => f.endsWith(".woff2"))!;
    const res = await call(GET, { url: `/excalidraw/fonts/Excalifont/${file}`, params: { path: ["Excalifont", file] } as never });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("font/woff2");
    expect(res.headers.get("cache-control")).toContain("max-age");
    expect(res.text.slice(0, 4)).toBe("wOF2");
  });

  it("names nothing outside the fonts folder", async () => {
    for (const p of [["..", "index.js"], ["Excalifont", "..", "..", "index.js"], ["Excalifont"], ["Excalifont", "missing.woff2"], ["Excalifont", "x.js"], ["%2e%2e", "a.woff2"]]) {
      const res = await call(GET, { url: "/excalidraw/fonts/x", params: { path: p } as never });
      expect(res.status, p.join("/")).toBe(404);
    }
  });
});

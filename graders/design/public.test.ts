import path from "node:path";
import { describe, expect, it } from "vitest";
import { listDesignProblemSlugs, loadDesignProblem } from "./problem-files.ts";
import { publicDesignProblem } from "./public.ts";

const root = path.join(process.cwd(), "problems");

describe("publicDesignProblem", () => {
  it.each(listDesignProblemSlugs(root))("%s exposes no reference values, formulas or checks", (slug) => {
    const p = loadDesignProblem(slug, root);
    const json = JSON.stringify(publicDesignProblem(p));
    for (const e of p.meta.estimates) {
      expect(json).not.toContain(`"${e.reference}"`);
      if (e.formula) expect(json).not.toContain(e.formula);
    }
    for (const c of [...p.meta.diagram, ...p.meta.textChecks]) expect(json).not.toContain(c.teach);
    // Input references are often scale values (public by design); the keys must still be absent.
    expect(json).not.toMatch(/"reference"|"formula"|"teach"/);
    expect(publicDesignProblem(p).estimates.length).toBe(p.meta.estimates.length);
  });
});

import { describe, expect, it } from "vitest";
import { gradeDesignAnswer } from "./grade.ts";
import { loadDesignProblem, loadReferenceAnswer } from "./problem-files.ts";
import { buildReport, formatReport } from "./report.ts";
import { result } from "./results.ts";
import { problemJsonSchema } from "./problem-schema.ts";
import path from "node:path";

const root = path.join(process.cwd(), "problems");

describe("report", () => {
  const meta = problemJsonSchema.parse(JSON.parse(JSON.stringify(loadDesignProblem("distributed-cron", root).meta)));

  it("splits the objective points by check weight and keeps them at most half the total", () => {
    const rs = [
      result({ id: "a", dimension: "estimation", title: "A", weight: 2 }, 1, "ok"),
      result({ id: "b", dimension: "estimation", title: "B", weight: 1 }, 0.5, "half"),
      result({ id: "c", dimension: "architecture", title: "C", weight: 1 }, 0, "no"),
    ];
    const r = buildReport(meta, rs, []);
    expect(r.objective).toEqual({ points: 25, max: 40 });
    expect(r.objective.max * 2).toBeLessThanOrEqual(r.total);
    expect(r.human.max).toBe(60);
    const est = r.dimensions.find((d) => d.id === "estimation")!;
    expect(est.checks.map((c) => [c.points, c.maxPoints])).toEqual([[20, 20], [5, 10]]);
    expect(r.dimensions.find((d) => d.id === "tradeoffs")!.checks).toEqual([]);
    expect(r.summary).toMatch(/Objective part \(checked by the program\): 25 of 40 points\. The other 60 of 100 points are the rubric/);
  });

  it("renders every dimension with its checks, marks and the rubric's strong answer", () => {
    const p = loadDesignProblem("distributed-cron", root);
    const text = formatReport(gradeDesignAnswer(p, { sections: { requirements: "Scalable" } }));
    expect(text).toMatch(/^Distributed cron with at-most-once runs \(distributed-cron\)/);
    expect(text).toMatch(/✗ Estimate: Average trigger rate \[0\/\d+(\.\d)?\]: No value given/);
    expect(text).toMatch(/Trade-offs and depth: no objective checks; rubric 10 points \(human-judged\)/);
    expect(text).toMatch(/strong: /);
  });

  it("never shows the reference estimates in a failing report", () => {
    const p = loadDesignProblem("distributed-cron", root);
    const ref = loadReferenceAnswer(p, root);
    const wrong = { ...ref, estimates: ref.estimates.map((e) => ({ name: e.name, value: "1/s" })) };
    const text = formatReport(gradeDesignAnswer(p, wrong));
    for (const e of p.meta.estimates) expect(text).not.toContain(e.reference);
    expect(text).not.toMatch(/560|60 k\/s|6 GB/);
  });
});

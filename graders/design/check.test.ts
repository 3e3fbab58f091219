import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDesignProblem } from "./check.ts";
import { listDesignProblemSlugs } from "./problem-files.ts";

const root = path.join(process.cwd(), "problems");
const slugs = listDesignProblemSlugs(root);

describe("every design problem folder proves itself", () => {
  it("ships at least eight problems", () => {
    expect(slugs.length).toBeGreaterThanOrEqual(8);
  });

  it.each(slugs)("%s", (slug) => {
    const r = checkDesignProblem(slug, root);
    expect(r.text).not.toMatch(/FAIL/);
    expect(r.ok).toBe(true);
    expect(r.lines.some((l) => /reference scores (\d+(\.\d)?)\/\1$/.test(l))).toBe(true);
  });
});

describe("checkDesignProblem catches broken folders", () => {
  function broken(edit: (dir: string) => void): string {
    const tmp = mkdtempSync(path.join(tmpdir(), "design-check-"));
    try {
      const copyRoot = path.join(tmp, "problems");
      cpSync(path.join(root, "design", "central-logging"), path.join(copyRoot, "design", "central-logging"), { recursive: true });
      edit(path.join(copyRoot, "design", "central-logging"));
      const r = checkDesignProblem("central-logging", copyRoot);
      expect(r.ok).toBe(false);
      return r.text;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const json = (file: string, change: (x: any) => void) => {
    const x = JSON.parse(readFileSync(file, "utf8"));
    change(x);
    writeFileSync(file, JSON.stringify(x));
  };

  it("a reference that misses a check", () => {
    const text = broken((dir) => json(path.join(dir, "reference", "answer.json"), (a) => (a.sections.failureModes = "- Redundancy")));
    expect(text).toMatch(/FAIL reference scores [\d.]+\/40\n\s+failure-modes: /);
  });

  it("a weak answer outside its range, and a mustFail check that passes", () => {
    const text = broken((dir) =>
      json(path.join(dir, "weak", "buzzwords.json"), (w) => {
        w.expectObjective = { min: 30, max: 40 };
        w.mustFail.push("has-index");
      }),
    );
    expect(text).toMatch(/FAIL problems\/design\/central-logging\/weak\/buzzwords.json: [\d.]+ in \[30, 40\]/);
    expect(text).toMatch(/expected "has-index" to fail, but it passed/);
  });

  it("a folder without weak answers, or with an invalid problem.json", () => {
    expect(broken((dir) => rmSync(path.join(dir, "weak"), { recursive: true }))).toMatch(/no weak\/\*\.json answers/);
    expect(broken((dir) => json(path.join(dir, "problem.json"), (p) => (p.timeboxMinutes = 0)))).toMatch(/problem\.json: timeboxMinutes/);
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DesignProblemFileError, DesignProblemNotFoundError, listDesignProblemSlugs, loadDesignProblem, loadReferenceAnswer, loadWeakAnswers } from "./problem-files.ts";

const realRoot = path.join(process.cwd(), "problems");
const SLUG = "config-push";
let tmp: string | undefined;

/** A copy of one real problem folder whose problem.json is edited by `mutate`. */
function copyWith(mutate: (p: Record<string, any>) => void): string {
  tmp = mkdtempSync(path.join(tmpdir(), "design-"));
  const root = path.join(tmp, "problems");
  cpSync(path.join(realRoot, "design", SLUG), path.join(root, "design", SLUG), { recursive: true });
  const file = path.join(root, "design", SLUG, "problem.json");
  const p = JSON.parse(readFileSync(file, "utf8"));
  mutate(p);
  writeFileSync(file, JSON.stringify(p));
  return root;
}

const loadError = (root: string): DesignProblemFileError => {
  try {
    loadDesignProblem(SLUG, root);
  } catch (e) {
    if (e instanceof DesignProblemFileError) return e;
    throw e;
  }
  throw new Error("expected a DesignProblemFileError");
};

afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

describe("design problem loader", () => {
  it("lists and loads the shipped problems", () => {
    const slugs = listDesignProblemSlugs(realRoot);
    expect(slugs.length).toBeGreaterThanOrEqual(8);
    const p = loadDesignProblem(SLUG, realRoot);
    expect(p.meta.title).toMatch(/Configuration push/);
    expect(p.promptMd).toMatch(/^# /);
    expect(loadReferenceAnswer(p, realRoot).diagram.elements.length).toBeGreaterThan(10);
    expect(loadWeakAnswers(p, realRoot).map((w) => path.basename(w.file))).toEqual(["buzzwords.json", "hosts-poll-mysql.json"]);
  });

  it("rejects unknown and malformed slugs", () => {
    expect(() => loadDesignProblem("no-such-problem", realRoot)).toThrow(DesignProblemNotFoundError);
    expect(() => loadDesignProblem("../coding", realRoot)).toThrow(DesignProblemNotFoundError);
  });

  it.each([
    ["an objective part above half", (p: any) => (p.scoring.objective = 60), "scoring.objective", /more than half/],
    ["rubric points that do not add up", (p: any) => (p.rubric[0].points = 1), "rubric", /add up to/],
    ["an unknown kind", (p: any) => (p.diagram[0].kind = "mainframe"), "diagram[0].kind", /unknown kind "mainframe"/],
    ["an unknown dimension", (p: any) => (p.textChecks[0].dimension = "vibes"), "textChecks[0].dimension", /not a rubric dimension/],
    ["a duplicate check id", (p: any) => (p.diagram[1].id = p.diagram[0].id), "diagram[1].id", /duplicate check id/],
    ["a reference its formula contradicts", (p: any) => (p.estimates[0].reference = "170k/s"), "estimates[0].reference", /more than 20 %/],
    ["a formula of the wrong dimension", (p: any) => (p.estimates[0].formula = "hosts * window"), "estimates[0].formula", /yields a duration, but the reference is a rate/],
    ["a formula naming no input", (p: any) => (p.estimates[0].formula = "hosts / windo"), "estimates[0].formula", /"windo", which is not an input id/],
    ["an unreadable quantity", (p: any) => (p.scale[0].value = "5 mb"), "scale[0].value", /ambiguous/],
    ["a slug that is not the folder name", (p: any) => (p.slug = "other"), "slug", /must equal the folder name/],
    ["an unknown field", (p: any) => (p.colour = "red"), "", /colour/],
    ["aliases for an unknown kind", (p: any) => (p.aliases = { teapot: ["kettle"] }), "aliases", /unknown kind/],
  ])("names file and field for %s", (_what, mutate, field, message) => {
    const err = loadError(copyWith(mutate));
    expect(err.file).toBe(path.join("problems", "design", SLUG, "problem.json"));
    const issue = err.issues.find((i) => i.path === field) ?? err.issues[0]!;
    expect(issue.path).toBe(field);
    expect(issue.message).toMatch(message);
  });

  it("names a missing prompt and a broken weak answer", () => {
    const root = copyWith(() => {});
    const dir = path.join(root, "design", SLUG);
    writeFileSync(path.join(dir, "weak", "bad.json"), JSON.stringify({ why: "x", expectObjective: { min: 5, max: 1 }, answer: {} }));
    const p = loadDesignProblem(SLUG, root);
    expect(() => loadWeakAnswers(p, root)).toThrow(/weak\/bad\.json: expectObjective: min is above max/);
    rmSync(path.join(dir, "prompt.md"));
    expect(() => loadDesignProblem(SLUG, root)).toThrow(/prompt\.md: file is missing/);
  });
});

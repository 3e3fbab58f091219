import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call, FIXTURE_PROBLEMS, PASSWORD, sessionCookieOf, uniqueEmail, useTestDatabase } from "./harness.ts";

// The grader's fixture problems, plus one broken folder and one statement with raw HTML.
const root = mkdtempSync(path.join(os.tmpdir(), "prodloop-problems-"));
cpSync(FIXTURE_PROBLEMS, root, { recursive: true });
mkdirSync(path.join(root, "coding", "broken"));
writeFileSync(path.join(root, "coding", "broken", "problem.json"), '{ "slug": "broken" }');
writeFileSync(
  path.join(root, "coding", "identity", "statement.md"),
  "# Identity\n\nReturn `n`.\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1)) and [good](https://example.com)\n",
);

useTestDatabase({ problemsDir: root });

const { GET: list } = await import("../../app/api/problems/route.ts");
const { GET: one } = await import("../../app/api/problems/[slug]/route.ts");
const { POST: signup } = await import("../../app/api/auth/signup/route.ts");
const { getDb } = await import("../../lib/db/client.ts");

describe("problem list", () => {
  it("lists valid problems for signed-out visitors, skipping a malformed folder", async () => {
    const res = await call(list, { url: "/api/problems" });
    expect(res.status).toBe(200);
    const slugs = res.json.problems.map((p: { slug: string }) => p.slug).sort();
    expect(slugs).toEqual(["add-all", "evens", "identity", "mean", "two-sum"]);
    expect(res.json.problems[0]).toEqual({
      slug: expect.any(String),
      round: "coding",
      title: expect.any(String),
      difficulty: expect.any(String),
      topics: expect.any(Array),
      solved: false,
    });
    expect(res.json.topics).toEqual(["arrays", "hashing", "metrics", "testing"]);
  });

  it("filters by difficulty, topic and round", async () => {
    const medium = await call(list, { url: "/api/problems?difficulty=medium" });
    expect(medium.json.problems.map((p: { slug: string }) => p.slug)).toEqual(["two-sum"]);
    const arrays = await call(list, { url: "/api/problems?topic=arrays&round=coding" });
    expect(arrays.json.problems.map((p: { slug: string }) => p.slug).sort()).toEqual(["add-all", "evens"]);
    const bad = await call(list, { url: "/api/problems?difficulty=impossible" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("difficulty");
  });

  it("marks solved problems per user and filters by status", async () => {
    const res = await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: uniqueEmail(), password: PASSWORD } });
    const cookie = sessionCookieOf(res);
    await getDb().submission.create({
      data: { userId: res.json.user.id, problemSlug: "mean", lang: "js", code: "x", verdict: "accepted", passed: 1, total: 1, cpuTimeMs: 1, memoryBytes: 1, resultJson: "{}" },
    });
    const solved = await call(list, { url: "/api/problems?status=solved", cookie });
    expect(solved.json.problems.map((p: { slug: string; solved: boolean }) => [p.slug, p.solved])).toEqual([["mean", true]]);
    const unsolved = await call(list, { url: "/api/problems?status=unsolved", cookie });
    expect(unsolved.json.problems.map((p: { slug: string }) => p.slug)).not.toContain("mean");
    expect(unsolved.json.problems).toHaveLength(4);
    // Someone else's accepted submission does not mark it for a signed-out visitor.
    expect((await call(list, { url: "/api/problems?status=solved" })).json.problems).toEqual([]);
  });
});

describe("one problem", () => {
  it("returns the public view: statement HTML, examples, signature, limits, starters", async () => {
    const res = await call(one, { url: "/api/problems/identity", params: { slug: "identity" } });
    expect(res.status).toBe(200);
    const p = res.json.problem;
    expect(Object.keys(p).sort()).toEqual(
      ["slug", "round", "title", "difficulty", "topics", "statementHtml", "examples", "params", "returns", "entry", "limits", "starter"].sort(),
    );
    expect(p.examples).toEqual([{ args: [1], expected: 1 }, { args: [2], expected: 2 }]);
    expect(p.entry).toBe("solve");
    expect(p.limits).toEqual({ cpuMs: 400, wallMs: 1500, memoryMb: 32, outputKb: 8 });
    expect(p.starter.js).toContain("function solve(n)");
    expect(p.starter.ts).toContain("solve(n: number): number");
    expect(p.statementHtml).toContain("<h1>Identity</h1>");
    expect(p.statementHtml).toContain("<code>n</code>");
    // Raw HTML is shown as text and unsafe links lose their href.
    expect(p.statementHtml).not.toContain("<script>");
    expect(p.statementHtml).toContain("&lt;script&gt;");
    expect(p.statementHtml).not.toContain("javascript:");
    expect(p.statementHtml).toContain('href="https://example.com"');
    // Nothing beyond the examples: no hidden tests, no reference.
    expect(res.text).not.toContain("reference");
    expect(res.text).not.toMatch(/"expected":\s*3\b/);
  });

  it("answers 404 for an unknown, malformed or path-like slug", async () => {
    for (const slug of ["nope", "broken", "../coding/identity", "Identity"]) {
      const res = await call(one, { url: `/api/problems/${encodeURIComponent(slug)}`, params: { slug } });
      expect(res.status, slug).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
  });
});

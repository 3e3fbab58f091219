/**
 * Run/Submit/history through the route handlers with a scripted grading
 * backend: percentile arithmetic, ownership, the 429 path, and that nothing
 * of a hidden test gets out even if a backend returned it.
 */
import { describe, expect, it } from "vitest";
import { call, PASSWORD, sessionCookieOf, uniqueEmail, useTestDatabase } from "./harness.ts";
import { leakyResult, StubGrader } from "./stub-grader.ts";

useTestDatabase();

const { useGradingBackend } = await import("../../lib/grading/backend.ts");
const stub = new StubGrader();
useGradingBackend(stub);

const { POST: signup } = await import("../../app/api/auth/signup/route.ts");
const { POST: run } = await import("../../app/api/problems/[slug]/run/route.ts");
const { POST: submit } = await import("../../app/api/problems/[slug]/submit/route.ts");
const { GET: history } = await import("../../app/api/problems/[slug]/submissions/route.ts");
const { GET: byId } = await import("../../app/api/submissions/[id]/route.ts");
const { getDb } = await import("../../lib/db/client.ts");

async function newUser(role?: "mentor"): Promise<{ cookie: string; id: string }> {
  const res = await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: uniqueEmail(), password: PASSWORD } });
  if (role) await getDb().user.update({ where: { id: res.json.user.id }, data: { role } });
  return { cookie: sessionCookieOf(res), id: res.json.user.id };
}

const params = { slug: "identity" };
const SECRET = /SECRET/;

function submitAs(cookie: string, code = "function solve(n) { return n; }", lang = "js") {
  return call(submit, { method: "POST", url: "/api/problems/identity/submit", cookie, params, body: { lang, code } });
}

describe("submit (scripted grader)", () => {
  it("stores the public result only and returns it with a percentile", async () => {
    // The admin (first account) exists so later users are plain candidates.
    await newUser();
    const alice = await newUser();
    stub.next = () => leakyResult({ verdict: "accepted", cpuTimeMs: 10 });
    const res = await submitAs(alice.cookie);
    expect(res.status).toBe(200);
    const s = res.json.submission;
    expect(s).toMatchObject({ slug: "identity", lang: "js", verdict: "accepted", passed: 2, total: 2, cpuTimeMs: 10, memoryBytes: 1_234_567, percentile: 100 });
    expect(s.result.tests[1]).toEqual({ index: 1, hidden: true, verdict: "accepted", timeMs: 0.3 });
    expect(s.result.tests[0]).toMatchObject({ input: [1], expected: 1, actual: 1, stdout: "visible log\n" });
    expect(res.text).not.toMatch(SECRET);
    const stored = await getDb().submission.findUniqueOrThrow({ where: { id: s.id } });
    expect(stored.resultJson).not.toMatch(SECRET);
    expect(stub.calls.at(-1)).toMatchObject({ slug: "identity", lang: "js", mode: "submit" });
  });

  it("hides a runtime error's detail when it happened on a hidden test", async () => {
    const { cookie } = await newUser();
    stub.next = () => leakyResult({ verdict: "wrong_answer", cpuTimeMs: 5, failHidden: true, error: { kind: "runtime", message: "SECRET args leaked via throw", stack: "SECRET stack" } });
    const res = await submitAs(cookie);
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(SECRET);
    expect(res.json.submission.result.error).toEqual({ kind: "runtime", message: expect.stringContaining("hidden test #2") });
    expect(res.json.submission.percentile).toBeNull();
  });

  it("ranks accepted runtimes per problem and language", async () => {
    // Fresh language so earlier tests do not count: ts on identity.
    const users = await Promise.all([newUser(), newUser(), newUser(), newUser()]);
    const times = [40, 10, 20, 30];
    const ids: string[] = [];
    for (const [i, u] of users.entries()) {
      stub.next = () => leakyResult({ verdict: "accepted", cpuTimeMs: times[i] ?? 0 });
      const res = await submitAs(u.cookie, "export const solve = (n: number) => n;", "ts");
      ids.push(res.json.submission.id);
    }
    // After all four: share of accepted ts submissions at least as slow as each one.
    const percentiles = await Promise.all(
      ids.map(async (id, i) => (await call(byId, { url: `/api/submissions/${id}`, cookie: users[i]?.cookie, params: { id } })).json.submission.percentile),
    );
    expect(percentiles).toEqual([25, 100, 75, 50]);
  });

  it("lists the user's own history newest first and shows any entry to its owner", async () => {
    const { cookie } = await newUser();
    const other = await newUser();
    stub.next = () => leakyResult({ verdict: "wrong_answer", cpuTimeMs: 3, failHidden: true });
    const first = await submitAs(cookie, "function solve(n) { return 0; }");
    stub.next = () => leakyResult({ verdict: "accepted", cpuTimeMs: 4 });
    const second = await submitAs(cookie, "function solve(n) { return n; }");
    await submitAs(other.cookie);

    const list = await call(history, { url: "/api/problems/identity/submissions", cookie, params });
    expect(list.status).toBe(200);
    expect(list.json.submissions.map((s: { id: string }) => s.id)).toEqual([second.json.submission.id, first.json.submission.id]);
    expect(Object.keys(list.json.submissions[0]).sort()).toEqual(["cpuTimeMs", "createdAt", "id", "lang", "memoryBytes", "passed", "total", "verdict"]);

    const id = first.json.submission.id;
    const mine = await call(byId, { url: `/api/submissions/${id}`, cookie, params: { id } });
    expect(mine.status).toBe(200);
    expect(mine.json.submission.code).toBe("function solve(n) { return 0; }");
    expect(mine.text).not.toMatch(SECRET);
  });

  it("keeps a submission from other candidates (403) but shows it to mentors", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const mentor = await newUser("mentor");
    stub.next = () => leakyResult({ verdict: "accepted", cpuTimeMs: 1 });
    const id = (await submitAs(owner.cookie)).json.submission.id;

    const denied = await call(byId, { url: `/api/submissions/${id}`, cookie: stranger.cookie, params: { id } });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe("forbidden");
    expect(denied.text).not.toContain("function solve");

    expect((await call(byId, { url: `/api/submissions/${id}`, cookie: mentor.cookie, params: { id } })).status).toBe(200);
    expect((await call(byId, { url: `/api/submissions/${id}`, params: { id } })).status).toBe(401);
    expect((await call(byId, { url: "/api/submissions/nope", cookie: owner.cookie, params: { id: "nope" } })).status).toBe(404);
  });

  it("answers 429 with Retry-After when the queue is full, storing nothing", async () => {
    const { cookie, id } = await newUser();
    stub.fullFor = 2;
    const res = await submitAs(cookie);
    expect(res.status).toBe(429);
    expect(res.json.error.code).toBe("queue_full");
    expect(res.json.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await getDb().submission.count({ where: { userId: id } })).toBe(0);

    const ran = await call(run, { method: "POST", url: "/api/problems/identity/run", cookie, params, body: { lang: "js", code: "function solve(n) { return n; }" } });
    expect(ran.status).toBe(429);
    expect(ran.headers.get("retry-after")).not.toBeNull();
  });
});

describe("run (scripted grader)", () => {
  it("passes validated custom input to the grader and stores nothing", async () => {
    const { cookie, id } = await newUser();
    stub.next = () => leakyResult({ verdict: "accepted", cpuTimeMs: 1 });
    const res = await call(run, { method: "POST", url: "/api/problems/identity/run", cookie, params, body: { lang: "js", code: "function solve(n) { return n; }", customInput: "[[5], [6]]" } });
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(SECRET);
    expect(stub.calls.at(-1)).toMatchObject({ mode: "run", customInputs: [[5], [6]] });
    expect(await getDb().submission.count({ where: { userId: id } })).toBe(0);
  });

  it("rejects bad custom input naming the case, and unknown languages naming lang", async () => {
    const { cookie } = await newUser();
    const body = (extra: object) => ({ lang: "js", code: "function solve(n) { return n; }", ...extra });
    const notJson = await call(run, { method: "POST", url: "/api/problems/identity/run", cookie, params, body: body({ customInput: "[[5]" }) });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.issues[0].path).toBe("customInput");
    const wrongType = await call(run, { method: "POST", url: "/api/problems/identity/run", cookie, params, body: body({ customInput: '[[5], ["x"]]' }) });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.issues[0].path).toBe("customInput.1");
    const tooMany = await call(run, { method: "POST", url: "/api/problems/identity/run", cookie, params, body: body({ customInput: JSON.stringify(Array.from({ length: 11 }, () => [1])) }) });
    expect(tooMany.status).toBe(400);
    const lang = await call(run, { method: "POST", url: "/api/problems/identity/run", cookie, params, body: { lang: "python", code: "x" } });
    expect(lang.status).toBe(400);
    expect(lang.json.error.issues).toEqual([expect.objectContaining({ path: "lang" })]);
  });

  it("needs a session", async () => {
    const res = await call(run, { method: "POST", url: "/api/problems/identity/run", params, body: { lang: "js", code: "x" } });
    expect(res.status).toBe(401);
    expect((await call(submit, { method: "POST", url: "/api/problems/identity/submit", params, body: { lang: "js", code: "x" } })).status).toBe(401);
    expect((await call(history, { url: "/api/problems/identity/submissions", params })).status).toBe(401);
  });
});

import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES } from "../../graders/limits.ts";
import { call, PASSWORD, sessionCookieOf, uniqueEmail, useTestDatabase } from "./harness.ts";

useTestDatabase();

const { GET: getDraft, PUT: putDraft } = await import("../../app/api/problems/[slug]/draft/route.ts");
const { POST: signup } = await import("../../app/api/auth/signup/route.ts");

async function newUser(): Promise<string> {
  return sessionCookieOf(await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: uniqueEmail(), password: PASSWORD } }));
}

const params = { slug: "identity" };

describe("drafts", () => {
  it("saves, replaces and reads back a draft per language", async () => {
    const cookie = await newUser();
    const none = await call(getDraft, { url: "/api/problems/identity/draft?lang=js", cookie, params });
    expect(none.status).toBe(200);
    expect(none.json).toEqual({ draft: null });

    const saved = await call(putDraft, { method: "PUT", url: "/api/problems/identity/draft", cookie, params, body: { lang: "js", code: "function solve(n) { return 1; }" } });
    expect(saved.status).toBe(200);
    expect(saved.json.draft).toEqual({ lang: "js", code: "function solve(n) { return 1; }", updatedAt: expect.any(String) });

    await call(putDraft, { method: "PUT", url: "/api/problems/identity/draft", cookie, params, body: { lang: "js", code: "function solve(n) { return n; }" } });
    await call(putDraft, { method: "PUT", url: "/api/problems/identity/draft", cookie, params, body: { lang: "ts", code: "const solve = (n: number) => n;" } });

    const js = await call(getDraft, { url: "/api/problems/identity/draft?lang=js", cookie, params });
    expect(js.json.draft.code).toBe("function solve(n) { return n; }");
    const ts = await call(getDraft, { url: "/api/problems/identity/draft?lang=ts", cookie, params });
    expect(ts.json.draft.code).toBe("const solve = (n: number) => n;");
  });

  it("keeps drafts private to their owner", async () => {
    const alice = await newUser();
    const bob = await newUser();
    await call(putDraft, { method: "PUT", url: "/api/problems/identity/draft", cookie: alice, params, body: { lang: "js", code: "alice's secret" } });
    const seen = await call(getDraft, { url: "/api/problems/identity/draft?lang=js", cookie: bob, params });
    expect(seen.json).toEqual({ draft: null });
  });

  it("needs a session", async () => {
    const get = await call(getDraft, { url: "/api/problems/identity/draft?lang=js", params });
    expect(get.status).toBe(401);
    expect(get.json.error.code).toBe("unauthenticated");
    const put = await call(putDraft, { method: "PUT", url: "/api/problems/identity/draft", params, body: { lang: "js", code: "x" } });
    expect(put.status).toBe(401);
  });

  it("rejects an unknown language naming the field, an unknown problem, and oversized code", async () => {
    const cookie = await newUser();
    const badLang = await call(putDraft, { method: "PUT", url: "/api/problems/identity/draft", cookie, params, body: { lang: "rb", code: "x" } });
    expect(badLang.status).toBe(400);
    expect(badLang.json.error.issues).toEqual([expect.objectContaining({ path: "lang" })]);
    const badQuery = await call(getDraft, { url: "/api/problems/identity/draft?lang=cobol", cookie, params });
    expect(badQuery.status).toBe(400);
    expect(badQuery.json.error.issues[0].path).toBe("lang");

    const unknown = await call(putDraft, { method: "PUT", url: "/api/problems/nope/draft", cookie, params: { slug: "nope" }, body: { lang: "js", code: "x" } });
    expect(unknown.status).toBe(404);

    const huge = await call(putDraft, { method: "PUT", url: "/api/problems/identity/draft", cookie, params, body: { lang: "js", code: "x".repeat(MAX_SOURCE_BYTES + 1) } });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("payload_too_large");
    expect(huge.json.error.issues[0].path).toBe("code");
  });
});

import { describe, expect, it } from "vitest";
import { call, PASSWORD, sessionCookieOf, uniqueEmail, useTestDatabase } from "./harness.ts";

useTestDatabase();

const { POST: signup } = await import("../../app/api/auth/signup/route.ts");
const { POST: login } = await import("../../app/api/auth/login/route.ts");
const { POST: logout } = await import("../../app/api/auth/logout/route.ts");
const { GET: me } = await import("../../app/api/auth/me/route.ts");

describe("accounts", () => {
  it("makes the first account admin and later ones candidates, and signs each in", async () => {
    const first = await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: " First@Example.COM ", password: PASSWORD } });
    expect(first.status).toBe(201);
    expect(first.json.user).toMatchObject({ email: "first@example.com", role: "admin" });
    expect(first.json.user.passwordHash).toBeUndefined();

    const setCookie = first.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^pl_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).not.toContain("Secure"); // plain http here

    const who = await call(me, { url: "/api/auth/me", cookie: sessionCookieOf(first) });
    expect(who.json).toEqual({ user: { id: first.json.user.id, email: "first@example.com", role: "admin" } });

    const second = await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: uniqueEmail(), password: PASSWORD } });
    expect(second.status).toBe(201);
    expect(second.json.user.role).toBe("candidate");
  });

  it("marks the cookie Secure behind an https proxy", async () => {
    const res = await call(signup, {
      method: "POST",
      url: "/api/auth/signup",
      body: { email: uniqueEmail(), password: PASSWORD },
      headers: { "x-forwarded-proto": "https" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("set-cookie")).toContain("Secure");
  });

  it("rejects a duplicate email with 409, whatever its case", async () => {
    const email = uniqueEmail("dup");
    expect((await call(signup, { method: "POST", url: "/api/auth/signup", body: { email, password: PASSWORD } })).status).toBe(201);
    const again = await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: email.toUpperCase(), password: PASSWORD } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
  });

  it("answers 400 naming each bad field", async () => {
    const res = await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: "not-an-email", password: "short" } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("bad_request");
    const paths = res.json.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(["email", "password"]);

    const missing = await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: uniqueEmail() } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.issues).toEqual([expect.objectContaining({ path: "password" })]);

    const garbage = await call(signup, { method: "POST", url: "/api/auth/signup", rawBody: "{not json" });
    expect(garbage.status).toBe(400);
    expect(garbage.json.error.message).toMatch(/JSON/);
  });

  it("logs in with the right password only, with one message for both failures", async () => {
    const email = uniqueEmail("login");
    await call(signup, { method: "POST", url: "/api/auth/signup", body: { email, password: PASSWORD } });

    const ok = await call(login, { method: "POST", url: "/api/auth/login", body: { email, password: PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.json.user.email).toBe(email);

    const wrongPassword = await call(login, { method: "POST", url: "/api/auth/login", body: { email, password: "wrong password!" } });
    const unknownEmail = await call(login, { method: "POST", url: "/api/auth/login", body: { email: uniqueEmail("nobody"), password: PASSWORD } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.json.error).toEqual(unknownEmail.json.error);
    expect(wrongPassword.headers.get("set-cookie")).toBeNull();
  });

  it("logs out: the session stops working and the cookie is cleared", async () => {
    const email = uniqueEmail("logout");
    const res = await call(signup, { method: "POST", url: "/api/auth/signup", body: { email, password: PASSWORD } });
    const cookie = sessionCookieOf(res);
    expect((await call(me, { url: "/api/auth/me", cookie })).json.user.email).toBe(email);

    const out = await call(logout, { method: "POST", url: "/api/auth/logout", cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/pl_session=;.*Max-Age=0/);
    expect((await call(me, { url: "/api/auth/me", cookie })).json).toEqual({ user: null });
  });

  it("treats a missing or forged cookie as signed out", async () => {
    expect((await call(me, { url: "/api/auth/me" })).json).toEqual({ user: null });
    expect((await call(me, { url: "/api/auth/me", cookie: "pl_session=forged-token-forged-token-forged-token-abc" })).json).toEqual({ user: null });
  });
});

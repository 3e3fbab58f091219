/**
 * The troubleshooting round through its route handlers: open a host, type
 * commands, check, hints, the debrief only after solving, ownership, reset,
 * and that the host survives a server restart (in-memory state dropped).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call, PASSWORD, sessionCookieOf, uniqueEmail, useTestDatabase } from "./harness.ts";

useTestDatabase({ problemsDir: path.join(process.cwd(), "problems") });

const { POST: signup } = await import("../../app/api/auth/signup/route.ts");
const { GET: open } = await import("../../app/api/troubleshoot/problems/[slug]/route.ts");
const { POST: exec } = await import("../../app/api/troubleshoot/runs/[id]/exec/route.ts");
const { POST: complete } = await import("../../app/api/troubleshoot/runs/[id]/complete/route.ts");
const { POST: check } = await import("../../app/api/troubleshoot/runs/[id]/check/route.ts");
const { POST: hint } = await import("../../app/api/troubleshoot/runs/[id]/hint/route.ts");
const { POST: reset } = await import("../../app/api/troubleshoot/runs/[id]/reset/route.ts");

const SLUG = "disk-full-deleted-log";

async function newUser(): Promise<string> {
  const res = await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: uniqueEmail("host"), password: PASSWORD } });
  return sessionCookieOf(res);
}

async function openRun(cookie: string) {
  const res = await call(open, { url: `/api/troubleshoot/problems/${SLUG}`, cookie, params: { slug: SLUG } });
  expect(res.status).toBe(200);
  return res.json.run;
}

function run(cookie: string, id: string, line: string) {
  return call(exec, { method: "POST", url: `/api/troubleshoot/runs/${id}/exec`, cookie, params: { id }, body: { line } });
}

describe("troubleshooting round API", () => {
  it("needs an account and 404s an unknown scenario", async () => {
    expect((await call(open, { url: `/api/troubleshoot/problems/${SLUG}`, params: { slug: SLUG } })).status).toBe(401);
    const cookie = await newUser();
    expect((await call(open, { url: "/api/troubleshoot/problems/nope", cookie, params: { slug: "nope" } })).status).toBe(404);
  });

  it("runs commands, keeps shell state across requests and a restart, and solves with a real fix", async () => {
    const cookie = await newUser();
    const view = await openRun(cookie);
    expect(view.prompt).toMatch(/^admin@[\w-]+:~\$ $/);
    expect(view.debrief).toBeNull();
    expect(JSON.stringify(view)).not.toMatch(/deleted file|lsof \+L1/); // no root cause before solving

    const df = await run(cookie, view.id, "df -h /");
    expect(df.status).toBe(200);
    expect(df.json.stdout).toMatch(/100% \/\n/);
    await run(cookie, view.id, "cd /var/log/app && X=kept");
    const pwd = await run(cookie, view.id, "pwd; echo $X");
    expect(pwd.json).toMatchObject({ stdout: "/var/log/app\nkept\n", exitCode: 0 });
    expect(pwd.json.prompt).toMatch(/:\/var\/log\/app\$ $/);
    // ls lays out columns for the browser's terminal width, one per line into a pipe.
    const wide = await call(exec, { method: "POST", url: "/", cookie, params: { id: view.id }, body: { line: "ls /", columns: 120 } });
    expect(wide.json.stdout.split("\n").length).toBeLessThan(6);
    expect((await run(cookie, view.id, "ls / | cat")).json.stdout.split("\n").length).toBeGreaterThan(10);
    const missing = await run(cookie, view.id, "frobnicate");
    expect(missing.json).toMatchObject({ stderr: "-bash: frobnicate: command not found\n", exitCode: 127 });

    const first = await call(check, { method: "POST", url: "/", cookie, params: { id: view.id }, body: {} });
    expect(first.json.check.solved).toBe(false);
    expect(first.json.check.checks.filter((c: { ok: boolean }) => !c.ok).length).toBeGreaterThan(0);

    const h = await call(hint, { method: "POST", url: "/", cookie, params: { id: view.id }, body: {} });
    expect(h.json.hints).toHaveLength(1);

    // A server restart drops every in-memory host: the next command must continue from the database.
    (globalThis as { __prodloopLiveRuns?: Map<string, unknown> }).__prodloopLiveRuns?.clear();
    const again = await run(cookie, view.id, "pwd");
    expect(again.json.stdout).toBe("/var/log/app\n");

    // Deleting rotated logs is not the fix.
    await run(cookie, view.id, "sudo rm -f /var/log/app/app.log.*");
    expect((await call(check, { method: "POST", url: "/", cookie, params: { id: view.id }, body: {} })).json.check.solved).toBe(false);

    const fix = await run(cookie, view.id, "sudo systemctl restart app");
    expect(fix.json.exitCode).toBe(0);
    const solved = await call(check, { method: "POST", url: "/", cookie, params: { id: view.id }, body: {} });
    expect(solved.json.check.solved).toBe(true);

    const after = await openRun(cookie);
    expect(after.id).toBe(view.id);
    expect(after.solvedAt).not.toBeNull();
    expect(after.debrief.rootCauseHtml).toContain("lsof +L1");
    expect(after.debrief.transcript.map((e: { cmd: string }) => e.cmd)).toContain("sudo systemctl restart app");
    expect(after.hints).toHaveLength(1);
    expect(after.replay.at(-1).cmd).toBe("sudo systemctl restart app");
  });

  it("completes commands, paths and unit names", async () => {
    const cookie = await newUser();
    const view = await openRun(cookie);
    const c = (line: string) => call(complete, { method: "POST", url: "/", cookie, params: { id: view.id }, body: { line, cursor: line.length } });
    expect((await c("systemc")).json.candidates).toContain("systemctl");
    const paths = (await c("ls /var/lo")).json;
    expect(paths.start).toBe(3);
    expect(paths.candidates).toContain("/var/log/");
    expect((await c("cat /etc/hostn")).json.candidates).toEqual(["/etc/hostname"]);
    expect((await c("sudo systemctl restart ap")).json.candidates).toContain("app.service");
    expect((await c("systemctl sta")).json.candidates).toEqual(["start", "status"]);
  });

  it("keeps hosts private and validates input", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const view = await openRun(alice);
    expect((await run(bob, view.id, "id")).status).toBe(403);
    const bad = await call(exec, { method: "POST", url: "/", cookie: alice, params: { id: view.id }, body: { line: 42 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("line");
    expect((await run(alice, view.id, "x".repeat(5000))).status).toBe(400);
  });

  it("resets to a fresh host with the same seed or a new one", async () => {
    const cookie = await newUser();
    const view = await openRun(cookie);
    await run(cookie, view.id, "sudo systemctl stop app");
    const same = await call(reset, { method: "POST", url: "/", cookie, params: { id: view.id }, body: { sameSeed: true } });
    expect(same.status).toBe(200);
    expect(same.json.run.seed).toBe(view.seed);
    expect(same.json.run.id).not.toBe(view.id);
    expect((await run(cookie, same.json.run.id, "systemctl is-active app")).json.stdout).toBe("active\n");
    expect((await run(cookie, view.id, "id")).status).toBe(404); // the old host is gone from use
  });
});

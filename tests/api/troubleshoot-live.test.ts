/**
 * Follows and the editor panel through the route handlers: a `tail -f`
 * started by exec is polled and interrupted, survives a server restart
 * mid-follow, and `sudo nano` saves through the simulated filesystem with the
 * editor's credentials; the transcript records both.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as fs from "../../graders/host/state/fs.ts";
import type { ScenarioRun } from "../../graders/host/scenarios/runtime.ts";
import { call, PASSWORD, sessionCookieOf, uniqueEmail, useTestDatabase } from "./harness.ts";

useTestDatabase({ problemsDir: path.join(process.cwd(), "problems") });

const { POST: signup } = await import("../../app/api/auth/signup/route.ts");
const { GET: open } = await import("../../app/api/troubleshoot/problems/[slug]/route.ts");
const { POST: exec } = await import("../../app/api/troubleshoot/runs/[id]/exec/route.ts");
const { POST: follow } = await import("../../app/api/troubleshoot/runs/[id]/follow/route.ts");
const { POST: interrupt } = await import("../../app/api/troubleshoot/runs/[id]/interrupt/route.ts");
const { POST: editor } = await import("../../app/api/troubleshoot/runs/[id]/editor/route.ts");

const SLUG = "config-permission-denied";
const lives = (): Map<string, { run: ScenarioRun }> | undefined => (globalThis as { __prodloopLiveRuns?: Map<string, { run: ScenarioRun }> }).__prodloopLiveRuns;

async function setup() {
  const res = await call(signup, { method: "POST", url: "/api/auth/signup", body: { email: uniqueEmail("live"), password: PASSWORD } });
  const cookie = sessionCookieOf(res);
  const view = (await call(open, { url: `/api/troubleshoot/problems/${SLUG}`, cookie, params: { slug: SLUG } })).json.run;
  const post = (handler: typeof exec, body: unknown) => call(handler, { method: "POST", url: "/", cookie, params: { id: view.id }, body });
  return { cookie, id: view.id as string, post };
}

/** Append to a file on the live host, as a program on it would. */
function append(id: string, file: string, text: string): void {
  const run = lives()?.get(id)?.run;
  if (!run) throw new Error("run not live");
  fs.writeFile(run.session.host.state, fs.ROOT, file, text, true);
}

describe("follows and the editor panel over the API", () => {
  it("exec says a follow started; /follow streams new lines; Ctrl-C ends it with 130; the transcript has it all", async () => {
    const { id, post, cookie } = await setup();
    await post(exec, { line: "echo one > /tmp/t.log", columns: 100 });
    const started = await post(exec, { line: "tail -f /tmp/t.log", columns: 100, rows: 30 });
    expect(started.json).toMatchObject({ stdout: "one\n", follow: { keys: "interrupt" } });
    append(id, "/tmp/t.log", "two\n");
    expect((await post(follow, {})).json).toMatchObject({ stdout: "two\n", done: false });
    expect((await post(follow, {})).json).toMatchObject({ stdout: "", done: false });

    // A server restart mid-follow: the follow is part of the saved session and carries on.
    lives()?.clear();
    const reloaded = (await call(open, { url: `/api/troubleshoot/problems/${SLUG}`, cookie, params: { slug: SLUG } })).json.run;
    expect(reloaded.follow).toEqual({ keys: "interrupt", fullScreen: false });
    append(id, "/tmp/t.log", "three\n");
    expect((await post(follow, {})).json.stdout).toBe("three\n");

    const end = await post(interrupt, {});
    expect(end.json).toMatchObject({ stdout: "^C\n", done: true, exitCode: 130 });
    expect(end.json.prompt).toMatch(/^admin@/);
    expect((await post(exec, { line: "echo $?" })).json.stdout).toBe("130\n");
    const view = (await call(open, { url: `/api/troubleshoot/problems/${SLUG}`, cookie, params: { slug: SLUG } })).json.run;
    expect(view.follow).toBeNull();
    const entry = view.replay.find((e: { cmd: string }) => e.cmd === "tail -f /tmp/t.log");
    expect(entry).toMatchObject({ stdout: "one\ntwo\nthree\n^C\n", exitCode: 130 });
    expect((await post(interrupt, { key: "x" })).status).toBe(400);
  });

  it("top quits on q; its frames stay out of the transcript", async () => {
    const { post, cookie } = await setup();
    const r = await post(exec, { line: "top", columns: 120, rows: 30 });
    expect(r.json.follow).toEqual({ keys: "top", fullScreen: true });
    const q = await post(interrupt, { key: "q" });
    expect(q.json).toMatchObject({ done: true, exitCode: 0 });
    const view = (await call(open, { url: `/api/troubleshoot/problems/${SLUG}`, cookie, params: { slug: SLUG } })).json.run;
    expect(view.replay.at(-1)).toMatchObject({ cmd: "top", stdout: "" });
  });

  it("sudo nano opens the panel, saves as root, and the transcript records the edit; admin's own save is refused", async () => {
    const { post, cookie } = await setup();
    const denied = await post(exec, { line: "nano /etc/hostname", columns: 100 });
    expect(denied.json.editor).toMatchObject({ title: "GNU nano 7.2  /etc/hostname" });
    expect((await post(editor, { action: "save", content: "x\n" })).json).toEqual({ action: "save", ok: false, status: "[ Error writing /etc/hostname: Permission denied ]" });
    expect((await post(editor, { action: "exit" })).json).toMatchObject({ action: "exit", exitCode: 0 });

    const opened = await post(exec, { line: "sudo nano /tmp/motd.txt", columns: 100 });
    expect(opened.json.editor).toMatchObject({ content: "", status: "[ New File ]" });
    // A reload reopens the panel with the buffer.
    const again = (await call(open, { url: `/api/troubleshoot/problems/${SLUG}`, cookie, params: { slug: SLUG } })).json.run;
    expect(again.editor).toMatchObject({ path: "/tmp/motd.txt" });
    expect((await post(editor, { action: "save", content: "hello\nworld\n" })).json).toMatchObject({ ok: true, status: "[ Wrote 2 lines ]" });
    expect((await post(editor, { action: "exit" })).json.prompt).toMatch(/^admin@/);
    expect((await post(exec, { line: "cat /tmp/motd.txt; stat -c %U /tmp/motd.txt" })).json.stdout).toBe("hello\nworld\nroot\n");
    const view = (await call(open, { url: `/api/troubleshoot/problems/${SLUG}`, cookie, params: { slug: SLUG } })).json.run;
    expect(view.editor).toBeNull();
    expect(view.replay.find((e: { cmd: string }) => e.cmd === "sudo nano /tmp/motd.txt")?.stdout).toBe("(edited in the editor panel: 2 lines changed)\n");
    expect((await post(editor, { action: "exit" })).status).toBe(409);
    expect((await post(editor, { action: "frob" })).status).toBe(400);
  });
});

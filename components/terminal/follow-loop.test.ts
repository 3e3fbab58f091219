import { describe, expect, it } from "vitest";
import { FollowLoop, type FollowChunk, type Timers } from "./follow-loop.ts";

function fakeTimers() {
  let pending: (() => void) | null = null;
  const timers: Timers = {
    set: (fn) => {
      pending = fn;
      return 1;
    },
    clear: () => {
      pending = null;
    },
  };
  return { timers, fire: () => { const f = pending; pending = null; f?.(); }, armed: () => pending !== null };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(keys: "interrupt" | "top", polls: FollowChunk[]) {
  const t = fakeTimers();
  let out = "";
  const sent: string[] = [];
  let prompt: string | null = null;
  const loop = new FollowLoop(
    {
      poll: async () => polls.shift() ?? { stdout: "", stderr: "", done: false, prompt: "$ " },
      send: async (key) => {
        sent.push(key);
        return { stdout: key === "ctrl-c" ? "^C\n" : "", stderr: "", done: key === "ctrl-c" || keys === "top", prompt: "$ " };
      },
      write: (s) => (out += s),
      finished: (p) => (prompt = p),
      failed: (m) => (out += `ERR ${m}`),
    },
    keys,
    "$ ",
    1000,
    t.timers,
  );
  loop.start();
  return { loop, t, out: () => out, sent, prompt: () => prompt };
}

describe("follow loop", () => {
  it("polls, writes chunks in order, and ends on Ctrl-C with the prompt", async () => {
    const f = setup("interrupt", [{ stdout: "a\n", stderr: "", done: false, prompt: "$ " }, { stdout: "b\n", stderr: "", done: false, prompt: "$ " }]);
    f.t.fire();
    await flush();
    f.t.fire();
    await flush();
    expect(f.out()).toBe("a\nb\n");
    f.loop.input("x");
    f.loop.input("q");
    expect(f.sent).toEqual([]);
    f.loop.input("\x03");
    f.loop.input("\x03");
    await flush();
    expect(f.sent).toEqual(["ctrl-c"]);
    expect(f.out()).toBe("a\nb\n^C\n");
    expect(f.prompt()).toBe("$ ");
    expect(f.t.armed()).toBe(false);
  });

  it("q quits top; a command that ends by itself shows the prompt", async () => {
    const f = setup("top", []);
    f.loop.input("q");
    await flush();
    expect(f.sent).toEqual(["q"]);
    expect(f.prompt()).toBe("$ ");
    const g = setup("interrupt", [{ stdout: "last\n", stderr: "", done: true, prompt: "# " }]);
    g.t.fire();
    await flush();
    expect(g.prompt()).toBe("# ");
    expect(g.loop.running).toBe(false);
  });
});

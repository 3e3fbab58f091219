import { describe, expect, it } from "vitest";
import { Session } from "./session.ts";
import { baseSession } from "../testkit.ts";

describe("$RANDOM", () => {
  it("is seeded by the host and continues the same sequence after save and restore", async () => {
    const a = baseSession(3);
    const b = baseSession(3);
    const line = "echo $RANDOM $RANDOM; for i in 1 2; do echo $RANDOM; done";
    const first = (await a.run(line)).stdout;
    expect(first).toMatch(/^\d+ \d+\n\d+\n\d+\n$/);
    expect((await b.run(line)).stdout).toBe(first);
    const values = first.split(/\s+/).filter(Boolean).map(Number);
    expect(new Set(values).size).toBe(4);
    expect(values.every((v) => v >= 0 && v < 32768)).toBe(true);
    const restored = Session.restore(a.host.serialize(), a.state);
    expect((await restored.run("echo $RANDOM")).stdout).toBe((await b.run("echo $RANDOM")).stdout);
    expect((await baseSession(4).run(line)).stdout).not.toBe(first);
  });
});
